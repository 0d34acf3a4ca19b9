import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { SolveJobQueue } from '@app/core';
import type { Queue } from 'bullmq';
import { SOLVE_JOB, SOLVE_QUEUE, solveJobId, type SolveJobPayload } from './solve-job';

const ENQUEUE_TIMEOUT_MS = 5000;

/** The producer of the `solve` queue. */
@Injectable()
export class BullSolveJobQueue extends SolveJobQueue {
  private readonly logger = new Logger('SolveQueue');
  private lastErrorLog = 0;

  constructor(
    @InjectQueue(SOLVE_QUEUE) private readonly queue: Queue<SolveJobPayload>,
    private readonly config: AppConfig,
  ) {
    super();
    // Connection errors: one line every 30 s at most (ioredis keeps reconnecting). Listening from
    // the start: an error emitted with no listener would be printed by BullMQ with its stack.
    this.queue.on('error', (error: Error) => {
      const now = Date.now();
      if (now - this.lastErrorLog < 30_000) return;
      this.lastErrorLog = now;
      this.logger.error(`Redis: ${error.message}`);
    });
  }

  async enqueue(eventId: string, version: number): Promise<string> {
    const payload: SolveJobPayload = { eventId, version };
    const jobId = solveJobId(payload);
    await withTimeout(
      this.queue.add(SOLVE_JOB, payload, {
        jobId,
        attempts: this.config.solveAttempts,
        backoff: { type: 'exponential', delay: 2000 },
        removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
        removeOnFail: { age: 30 * 24 * 3600 },
      }),
      ENQUEUE_TIMEOUT_MS,
      'enqueue',
    );
    return jobId;
  }

  async check(): Promise<void> {
    await withTimeout(this.queue.getJobCounts('waiting'), ENQUEUE_TIMEOUT_MS, 'count jobs');
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer (${what}) within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
