import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig, redisConnection } from '@app/config';
import { SolveJobQueue } from '@app/core';
import { SOLVE_QUEUE } from './solve-job';
import { BullSolveJobQueue } from './solve-queue.producer';

/** BullMQ on Redis (REDIS_URL), keys under QUEUE_PREFIX; provides the SolveJobQueue producer. */
@Global()
@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    const queues = BullModule.registerQueue({ name: SOLVE_QUEUE });
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            // The producer's connection: while Redis is away a command fails at once (no offline
            // queue), so a solve request answers 503 instead of enqueuing a job later. It keeps
            // reconnecting every 1–5 s. The worker has its own connection (apps/worker).
            connection: {
              ...redisConnection(config.redisUrl),
              maxRetriesPerRequest: 1,
              enableOfflineQueue: false,
              retryStrategy: (times: number) => Math.min(1000 * times, 5000),
              // At shutdown, a socket that never connected (Redis away) is destroyed after this
              // instead of ioredis's 2 s, which kept the process alive that long.
              disconnectTimeout: 200,
            },
            prefix: config.queuePrefix,
          }),
        }),
        queues,
      ],
      providers: [{ provide: SolveJobQueue, useClass: BullSolveJobQueue }],
      exports: [SolveJobQueue, queues],
    };
  }
}
