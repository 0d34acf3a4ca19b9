import { makeEvent, makeSchedule, meeting, wish } from '@app/scheduling/testing';
import { USAGE, run } from './cli';
import { fakeIo, jsonText } from './testing/fake-io';

describe('interclustering (dispatch)', () => {
  it.each([['--help'], ['-h'], ['help']])('prints the usage on stdout for %s', async (flag) => {
    const fake = fakeIo();
    expect(await run([flag], fake.io)).toBe(0);
    expect(fake.stdout()).toBe(USAGE);
    expect(fake.stdout()).toMatch(/solve EVENT\.json \[--out FILE\] \[--time-limit SECONDS\]/);
    expect(fake.stdout()).toMatch(/check EVENT\.json SCHEDULE\.json \[--json\]/);
    expect(fake.stderr()).toBe('');
  });

  it('exits 2 with the usage on stderr without a command', async () => {
    const fake = fakeIo();
    expect(await run([], fake.io)).toBe(2);
    expect(fake.stdout()).toBe('');
    expect(fake.stderr()).toBe(`interclustering: missing command\n\n${USAGE}`);
  });

  it('exits 2 with the usage on stderr for an unknown command', async () => {
    const fake = fakeIo();
    expect(await run(['solv', 'x.json'], fake.io)).toBe(2);
    expect(fake.stderr()).toBe(`interclustering: unknown command "solv"\n\n${USAGE}`);
    expect(await run(['__proto__'], fakeIo().io)).toBe(2);
  });

  describe('an unexpected failure', () => {
    const event = makeEvent({ wishes: [wish('a', 'b')] });
    const files = {
      'e.json': jsonText(event),
      's.json': jsonText(makeSchedule(event, [meeting(0, 1, 'a', 'b')])),
    };
    const failingStdout = (env: Record<string, string> = {}) => {
      const fake = fakeIo(files, env);
      fake.io.stdout = () => {
        throw new Error('EPIPE: broken pipe');
      };
      return fake;
    };

    it('exits 3 with a one-line message and no stack trace', async () => {
      const fake = failingStdout();
      expect(await run(['check', 'e.json', 's.json'], fake.io)).toBe(3);
      expect(fake.stderr()).toBe(
        'interclustering check: unexpected error: EPIPE: broken pipe\n  (run with DEBUG=interclustering to see the stack trace)\n',
      );
    });

    it('shows the stack trace with DEBUG=interclustering', async () => {
      const fake = failingStdout({ DEBUG: 'interclustering' });
      expect(await run(['check', 'e.json', 's.json'], fake.io)).toBe(3);
      expect(fake.stderr()).toMatch(
        /unexpected error: EPIPE: broken pipe\nError: EPIPE: broken pipe\n\s+at /,
      );
    });
  });

  describe('lazy loading', () => {
    // A module that must not be loaded throws as soon as it is required.
    const forbidden: string[] = [];
    const forbid = (name: string) => {
      forbidden.push(name);
      jest.doMock(name, () => {
        throw new Error(`${name} must not be loaded`);
      });
    };
    afterEach(() => {
      for (const name of forbidden.splice(0)) jest.dontMock(name);
    });

    it('reports a forbidden module (the test can fail)', async () => {
      const fake = fakeIo({ 'e.json': jsonText(makeEvent()) });
      let code: number | undefined;
      await jest.isolateModulesAsync(async () => {
        forbid('../../../libs/scheduling/src/solver');
        const cli = await import('./cli');
        code = await cli.run(['solve', 'e.json'], fake.io);
      });
      expect(code).toBe(3);
      expect(fake.stderr()).toMatch(/solver must not be loaded/);
    });

    it('check loads neither the solver nor Nest, TypeORM or the PDF library', async () => {
      const event = makeEvent({ wishes: [wish('a', 'b')] });
      const fake = fakeIo({
        'e.json': jsonText(event),
        's.json': jsonText(makeSchedule(event, [meeting(0, 1, 'a', 'b')])),
      });
      let code: number | undefined;
      await jest.isolateModulesAsync(async () => {
        forbid('../../../libs/scheduling/src/solver');
        forbid('highs');
        forbid('@nestjs/core');
        forbid('typeorm');
        forbid('pdfkit');
        const cli = await import('./cli');
        code = await cli.run(['check', 'e.json', 's.json'], fake.io);
      });
      expect(fake.stderr()).toBe('');
      expect(code).toBe(0);
    });

    it('solve loads neither Nest, TypeORM nor the PDF library', async () => {
      const fake = fakeIo({ 'e.json': jsonText(makeEvent({ wishes: [wish('a', 'b')] })) });
      let code: number | undefined;
      await jest.isolateModulesAsync(async () => {
        forbid('@nestjs/core');
        forbid('@nestjs/common');
        forbid('typeorm');
        forbid('pdfkit');
        forbid('bullmq');
        const cli = await import('./cli');
        code = await cli.run(['solve', 'e.json', '--time-limit', '2'], fake.io);
      });
      expect(fake.stderr()).toMatch(/interclustering solve: 1 meeting/);
      expect(code).toBe(0);
    });
  });
});
