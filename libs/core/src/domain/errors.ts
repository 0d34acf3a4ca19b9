import type { ValidationIssue } from '@app/scheduling';

/** Stable error codes; apps/api maps them to HTTP statuses in one place (the global exception filter). */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'EVENT_NOT_FOUND'
  | 'CLUSTER_NOT_FOUND'
  | 'PARTICIPANT_NOT_FOUND'
  | 'SCHEDULE_NOT_FOUND'
  | 'INVALID_STATUS_TRANSITION'
  | 'EVENT_FROZEN'
  | 'CLUSTER_EXISTS'
  | 'CLUSTER_IN_USE'
  | 'ORGANISER_EXISTS'
  | 'SCHEDULE_NOT_DONE'
  | 'VERSION_MISMATCH'
  | 'QUEUE_UNAVAILABLE'
  | 'UNPLACEABLE_FIXED_MEETINGS';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ValidationIssue[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function validationFailed(
  issues: ValidationIssue[],
  message = 'The request is not valid.',
): DomainError {
  return new DomainError('VALIDATION_FAILED', message, issues);
}

export function invalidField(path: string, message: string): DomainError {
  return validationFailed([{ path, message }]);
}

export const eventNotFound = (eventId: string) =>
  new DomainError('EVENT_NOT_FOUND', `Event ${eventId} not found.`);
export const forbidden = (message = 'You may not do this.') => new DomainError('FORBIDDEN', message);
export const unauthorized = (message = 'Authentication required.') =>
  new DomainError('UNAUTHORIZED', message);
