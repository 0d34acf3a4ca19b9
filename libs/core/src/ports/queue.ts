/** The producer side of the `solve` queue, implemented in libs/queue. */
export abstract class SolveJobQueue {
  /** Enqueues the job (idempotent per event and version); returns the job id. Throws QUEUE_UNAVAILABLE. */
  abstract enqueue(eventId: string, version: number): Promise<string>;
  /** Throws when Redis cannot be reached. */
  abstract check(): Promise<void>;
}
