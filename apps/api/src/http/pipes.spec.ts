import { DomainError } from '@app/core';
import { PositiveIntPipe, etag, parseIfMatch } from './pipes';

describe('If-Match', () => {
  it('reads the version of an ETag', () => {
    expect(parseIfMatch('"3"')).toBe(3);
    expect(parseIfMatch('W/"12"')).toBe(12);
    expect(parseIfMatch('7')).toBe(7);
    expect(parseIfMatch(etag(42))).toBe(42);
  });

  it('means "no precondition" when absent or *', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('*')).toBeUndefined();
  });

  it('refuses anything else, naming the header', () => {
    try {
      parseIfMatch('"abc"');
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).issues?.[0].path).toBe('If-Match');
    }
  });
});

describe('PositiveIntPipe', () => {
  it('parses positive integers and names the parameter otherwise', () => {
    const pipe = new PositiveIntPipe('version');
    expect(pipe.transform('12')).toBe(12);
    for (const bad of ['0', '-1', '1.5', 'x', '01']) {
      expect(() => pipe.transform(bad)).toThrow(DomainError);
    }
  });
});

describe('codes for translations', () => {
  it('names the rule and the value', () => {
    const issuesOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return (error as DomainError).issues;
      }
      throw new Error('expected a throw');
    };
    expect(issuesOf(() => new PositiveIntPipe('version').transform('x'))).toEqual([
      {
        path: 'version',
        message: 'expected a positive integer, got "x"',
        code: 'expected-positive-integer',
        params: { value: 'x' },
      },
    ]);
    expect(issuesOf(() => parseIfMatch('"abc"'))).toEqual([
      {
        path: 'If-Match',
        message: 'expected a version ETag like "3", got "\\"abc\\""',
        code: 'invalid-etag',
        params: { value: '"abc"' },
      },
    ]);
  });
});
