import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@app/config';
import { CoreModule } from '@app/core';
import { PersistenceModule } from '@app/persistence';
import { QueueModule } from '@app/queue';
import { configuredSolveProcessor } from './solve.processor';

/** The solve worker: no HTTP server. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), PersistenceModule.forRoot(), QueueModule.forRoot(), CoreModule],
      providers: [configuredSolveProcessor(config)],
    };
  }
}
