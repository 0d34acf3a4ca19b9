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
            connection: { ...redisConnection(config.redisUrl), maxRetriesPerRequest: null },
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
