import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { DomainError, validationFailed } from '@app/core';
import { VALIDATION_CODES } from '@app/scheduling';
import { LoginDto } from '../dto/auth.dto';
import { ChangeStatusDto } from '../dto/status.dto';
import { validationIssues } from './validation-issues';

/** The global pipe as ApiModule configures it. */
const pipe = new ValidationPipe({
  whitelist: true,
  stopAtFirstError: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) => validationFailed(validationIssues(errors)),
});

async function issuesOf(metatype: ArgumentMetadata['metatype'], body: unknown) {
  try {
    await pipe.transform(body, { type: 'body', metatype });
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).issues ?? [];
  }
  throw new Error('expected a validation error');
}

describe('class-validator errors → issues with codes', () => {
  it('a missing field is required, with the English message kept', async () => {
    expect(await issuesOf(LoginDto, { email: 'a@b.c' })).toEqual([
      { path: 'password', message: 'must be shorter than or equal to 1024 characters', code: 'required' },
    ]);
  });

  it('too long: the length and the maximum', async () => {
    expect(await issuesOf(LoginDto, { email: 'x'.repeat(300), password: 'p' })).toEqual([
      {
        path: 'email',
        message: 'must be shorter than or equal to 254 characters',
        code: 'too-long',
        params: { length: 300, max: 254 },
      },
    ]);
  });

  it('not a string: the kind and value', () => {
    const error = { property: 'email', value: 12, constraints: { isString: 'email must be a string' } };
    expect(validationIssues([error])).toEqual([
      {
        path: 'email',
        message: 'must be a string',
        code: 'expected-string',
        params: { got: 'number', value: 12 },
      },
    ]);
  });

  it('an unknown field names itself', async () => {
    expect(await issuesOf(LoginDto, { email: 'a@b.c', password: 'p', remember: true })).toEqual([
      {
        path: 'remember',
        message: 'property remember should not exist',
        code: 'unknown-field',
        params: { field: 'remember' },
      },
    ]);
  });

  it('a value not in the list: the value and the allowed ones', async () => {
    const [issue] = await issuesOf(ChangeStatusDto, { status: 'done' });
    expect(issue).toMatchObject({
      path: 'status',
      code: 'value-not-allowed',
      params: {
        got: 'string',
        value: 'done',
        allowed: ['draft', 'open', 'closed', 'scheduled', 'published'],
      },
    });
    expect(issue.message).toBe('must be one of draft, open, closed, scheduled, published');
  });

  it('uses only listed codes', async () => {
    const issues = [
      ...(await issuesOf(LoginDto, { email: [], password: {}, extra: 1 })),
      ...(await issuesOf(ChangeStatusDto, {})),
    ];
    for (const issue of issues) expect(VALIDATION_CODES).toContain(issue.code);
  });
});
