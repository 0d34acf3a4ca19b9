import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { FixedMeetingsError, solve, type ScheduleFile } from '@app/scheduling';
import { DomainError } from '../domain/errors';
import { canSolve } from '../domain/event-status';
import { SolveJobQueue } from '../ports/queue';
import { ScheduleRepository } from '../ports/repositories';
import { EventService } from './event.service';

export type ProgressReporter = (fraction: number, message: string) => void | Promise<void>;

export type SolveOutcome = { outcome: 'done'; meetings: number } | { outcome: 'skipped'; state: string };

/** Minimum interval between two progress writes to the version row. */
const PROGRESS_INTERVAL_MS = 500;

@Injectable()
export class SolveService {
  private readonly logger = new Logger(SolveService.name);

  constructor(
    private readonly events: EventService,
    private readonly schedules: ScheduleRepository,
    private readonly queue: SolveJobQueue,
    private readonly config: AppConfig,
  ) {}

  /**
   * Snapshots the event (its current wishes), creates a schedule version `queued` and enqueues the
   * `solve` job. QUEUE_UNAVAILABLE (the version is then `failed`) when Redis cannot be reached.
   */
  async request(eventId: string): Promise<{ version: number; jobId: string }> {
    const event = await this.events.require(eventId);
    if (!canSolve(event.status)) {
      throw new DomainError(
        'INVALID_STATUS_TRANSITION',
        event.status === 'open'
          ? 'Close the wish list first: managers can still change their wishes while the event is open.'
          : `A published event is re-opened before a new schedule is computed; the event is ${event.status}.`,
      );
    }
    const snapshot = await this.events.validFile(eventId);
    const created = await this.schedules.createVersion(eventId, snapshot);
    let jobId: string;
    try {
      jobId = await this.queue.enqueue(eventId, created.version);
    } catch (error) {
      const reason = 'The solve queue is unavailable; the job was not enqueued.';
      this.logger.error(`${reason} ${error instanceof Error ? error.message : String(error)}`);
      await this.schedules.fail(eventId, created.version, reason);
      throw new DomainError('QUEUE_UNAVAILABLE', `${reason} Try again later.`);
    }
    await this.schedules.setJobId(eventId, created.version, jobId);
    return { version: created.version, jobId };
  }

  /**
   * Solves one version, once: claims it (skips a version already done), solves its snapshot, and
   * writes the schedule in one transaction. Throws on failure so that the queue retries.
   */
  async run(eventId: string, version: number, progress?: ProgressReporter): Promise<SolveOutcome> {
    const claim = await this.schedules.claim(eventId, version);
    if (!claim.claimed) {
      this.logger.log(`Version ${version} of event ${eventId} is ${claim.state}: skipped.`);
      return { outcome: 'skipped', state: claim.state };
    }
    let lastWrite = 0;
    const writes: Promise<unknown>[] = [];
    const onProgress = (fraction: number, message: string) => {
      const now = Date.now();
      if (now - lastWrite < PROGRESS_INTERVAL_MS) return;
      lastWrite = now;
      const clamped = Math.max(0, Math.min(1, fraction));
      writes.push(
        Promise.all([
          Promise.resolve(progress?.(clamped, message)),
          this.schedules.reportProgress(eventId, version, clamped, message),
        ]).catch(() => undefined),
      );
    };
    onProgress(0, 'solving');
    let schedule: ScheduleFile;
    try {
      schedule = await solve(claim.snapshot, {
        timeLimitSeconds: this.config.solveTimeLimitSeconds,
        onProgress,
      });
    } catch (error) {
      await Promise.all(writes);
      if (error instanceof FixedMeetingsError) {
        throw new DomainError('UNPLACEABLE_FIXED_MEETINGS', error.message);
      }
      throw error;
    }
    await Promise.all(writes);
    const written = await this.schedules.complete(eventId, version, schedule);
    if (!written) return { outcome: 'skipped', state: 'done' };
    await Promise.resolve(progress?.(1, 'done')).catch(() => undefined);
    return { outcome: 'done', meetings: schedule.meetings.length };
  }

  /** The job failed for good (attempts exhausted, or an error no retry can fix). */
  async markFailed(eventId: string, version: number, reason: string): Promise<void> {
    await this.schedules.fail(eventId, version, reason);
  }
}

/** Errors that retrying cannot fix. */
export function isPermanentFailure(error: unknown): boolean {
  return (
    error instanceof DomainError &&
    ['UNPLACEABLE_FIXED_MEETINGS', 'VALIDATION_FAILED', 'EVENT_NOT_FOUND', 'SCHEDULE_NOT_FOUND'].includes(
      error.code,
    )
  );
}
