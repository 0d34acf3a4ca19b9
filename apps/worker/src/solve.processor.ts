import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, Type } from '@nestjs/common';
import { AppConfig, redisConnection } from '@app/config';
import { SolveService, isPermanentFailure } from '@app/core';
import { SOLVE_QUEUE, SOLVE_QUEUE_JOB_NAMES, parseSolvePayload, type SolveJobPayload } from '@app/queue';
import { Job, UnrecoverableError } from 'bullmq';
import { hostname } from 'node:os';

type Handler = (job: Job) => Promise<unknown>;

/** Throws when a job name of the queue has no handler (the worker then refuses to start). */
export function assertEveryJobHasAHandler(
  names: readonly string[],
  handlers: Record<string, Handler | undefined>,
): void {
  const missing = names.filter((name) => typeof handlers[name] !== 'function');
  if (missing.length > 0) {
    throw new Error(`The ${SOLVE_QUEUE} worker has no handler for the job name(s): ${missing.join(', ')}`);
  }
}

/**
 * The thin processor of the `solve` queue: validates the payload and calls SolveService.run. Errors
 * are thrown so that BullMQ retries; when the attempts are exhausted (or the error is permanent)
 * the version ends `failed` with a reason for people.
 */
@Injectable()
export class SolveProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('SolveWorker');
  protected readonly handlers: Record<string, Handler | undefined> = {
    solve: (job) => this.solve(job),
  };

  constructor(private readonly solver: SolveService) {
    super();
  }

  onApplicationBootstrap(): void {
    assertEveryJobHasAHandler(SOLVE_QUEUE_JOB_NAMES, this.handlers);
    void this.worker.run();
    this.logger.log(`Processing the ${SOLVE_QUEUE} queue (concurrency ${this.worker.concurrency}).`);
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name];
    if (!handler) throw new UnrecoverableError(`No handler for the job name ${JSON.stringify(job.name)}.`);
    return handler(job);
  }

  private async solve(job: Job): Promise<unknown> {
    let payload: SolveJobPayload;
    try {
      payload = parseSolvePayload(job.data);
    } catch (error) {
      throw new UnrecoverableError(error instanceof Error ? error.message : String(error));
    }
    try {
      return await this.solver.run(payload.eventId, payload.version, (fraction, message) =>
        job.updateProgress({ fraction, message }),
      );
    } catch (error) {
      if (isPermanentFailure(error)) {
        const reason = `Solving failed: ${(error as Error).message}`;
        await this.solver.markFailed(payload.eventId, payload.version, reason);
        throw new UnrecoverableError(reason);
      }
      throw error;
    }
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, error: Error): Promise<void> {
    if (!job) return;
    const attempts = job.opts.attempts ?? 1;
    const final =
      job.attemptsMade >= attempts ||
      error instanceof UnrecoverableError ||
      error.name === 'UnrecoverableError';
    this.logger.warn(`Job ${job.id} failed (attempt ${job.attemptsMade} of ${attempts}): ${error.message}`);
    if (!final) return;
    let payload: SolveJobPayload;
    try {
      payload = parseSolvePayload(job.data);
    } catch {
      return;
    }
    const reason = error.message.startsWith('Solving failed')
      ? error.message
      : `Solving failed after ${job.attemptsMade} attempt${job.attemptsMade === 1 ? '' : 's'}: ${error.message}`;
    await this.solver.markFailed(payload.eventId, payload.version, reason).catch((e: unknown) => {
      this.logger.error(`Could not mark version ${payload.version} failed: ${String(e)}`);
    });
  }
}

/**
 * The processor with its worker options from the configuration (decorator options are static, so
 * the class is made per configuration). `autorun: false`: it starts in onApplicationBootstrap,
 * after the handler check.
 */
export function configuredSolveProcessor(config: AppConfig): Type<SolveProcessor> {
  @Processor(SOLVE_QUEUE, {
    autorun: false,
    // Shown as the job's `processedBy`: which worker process holds (or held) a job.
    name: `${hostname()}:${process.pid}`,
    concurrency: config.workerConcurrency,
    // The worker's own connection waits for Redis when it is away (the producer's fails fast).
    connection: workerConnection(config),
    // The solver may hold the event loop; the lock (SOLVE_LOCK_SECONDS) outlasts the time limit.
    // A worker that dies gives its job back once the lock expires (stalled-job check).
    lockDuration: config.solveLockSeconds * 1000,
    stalledInterval: config.solveStalledCheckSeconds * 1000,
    maxStalledCount: 2,
  })
  class ConfiguredSolveProcessor extends SolveProcessor {}
  return ConfiguredSolveProcessor;
}

/** The worker's Redis connection: blocking commands, offline queue on, reconnects every 1–5 s. */
export function workerConnection(config: AppConfig) {
  return {
    ...redisConnection(config.redisUrl),
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    retryStrategy: (times: number) => Math.min(1000 * times, 5000),
  };
}
