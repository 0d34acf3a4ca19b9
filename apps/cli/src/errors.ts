import type { ValidationIssue } from '@app/scheduling/model';
import { EXIT, type CliIo } from './io';

/** A mistake of the user (exit 2): printed as one paragraph, never with a stack unless DEBUG. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export function isDebug(io: CliIo): boolean {
  return (io.env.DEBUG ?? '').split(/[\s,]+/).some((name) => name === 'interclustering' || name === '*');
}

/** `<what> FILE is not valid (2 errors):` followed by one `path: message` line per issue. */
export function invalidDocument(what: string, file: string, issues: ValidationIssue[]): UserError {
  const count = `${issues.length} error${issues.length === 1 ? '' : 's'}`;
  return new UserError(
    `${file} is not a valid ${what} (${count}):`,
    issues.map((issue) => `${issue.path}: ${issue.message}`),
  );
}

/**
 * Reports an error thrown by a command and returns the exit code: 2 for a user's mistake, 3 for
 * anything else. The stack is only shown with DEBUG=interclustering.
 */
export function reportError(command: string, error: unknown, io: CliIo): number {
  const prefix = `interclustering ${command}: `;
  if (error instanceof UserError) {
    io.stderr(`${prefix}${error.message}\n${error.details.map((line) => `  ${line}\n`).join('')}`);
    if (isDebug(io) && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(
    `${prefix}unexpected error: ${message}\n` +
      (isDebug(io)
        ? `${error instanceof Error && error.stack ? error.stack : ''}\n`
        : '  (run with DEBUG=interclustering to see the stack trace)\n'),
  );
  return EXIT.internal;
}
