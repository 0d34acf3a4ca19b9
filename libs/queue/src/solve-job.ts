/** The `solve` queue: one job per schedule version. */
export const SOLVE_QUEUE = 'solve';
export const SOLVE_JOB = 'solve';

/** Every job name of the solve queue; the worker refuses to start unless each has a handler. */
export const SOLVE_QUEUE_JOB_NAMES = [SOLVE_JOB] as const;
export type SolveQueueJobName = (typeof SOLVE_QUEUE_JOB_NAMES)[number];

export interface SolveJobPayload {
  eventId: string;
  version: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class InvalidPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidPayloadError';
  }
}

/** Validates a job's data; throws InvalidPayloadError naming the bad field. */
export function parseSolvePayload(data: unknown): SolveJobPayload {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InvalidPayloadError('solve job payload: expected an object {eventId, version}');
  }
  const { eventId, version, ...rest } = data as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw new InvalidPayloadError(`solve job payload: unknown field ${unknown[0]}`);
  if (typeof eventId !== 'string' || !UUID.test(eventId)) {
    throw new InvalidPayloadError(
      `solve job payload: eventId must be a UUID (got ${JSON.stringify(eventId)})`,
    );
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new InvalidPayloadError(
      `solve job payload: version must be an integer ≥ 1 (got ${JSON.stringify(version)})`,
    );
  }
  return { eventId, version };
}

/** One job id per event and version: enqueuing the same version twice is a no-op. */
export function solveJobId(payload: SolveJobPayload): string {
  return `solve-${payload.eventId}-v${payload.version}`;
}
