import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/config';
import {
  ClusterRepository,
  DatabaseHealth,
  EventRepository,
  OrganiserRepository,
  ParticipantRepository,
  ScheduleRepository,
} from '@app/core';
import { dataSourceOptions } from './data-source';
import { TypeOrmClusterRepository } from './repositories/cluster.repository';
import { TypeOrmDatabaseHealth } from './repositories/database-health';
import { TypeOrmEventRepository } from './repositories/event.repository';
import { TypeOrmOrganiserRepository } from './repositories/organiser.repository';
import { TypeOrmParticipantRepository } from './repositories/participant.repository';
import { TypeOrmScheduleRepository } from './repositories/schedule.repository';

const REPOSITORIES = [
  { provide: OrganiserRepository, useClass: TypeOrmOrganiserRepository },
  { provide: ClusterRepository, useClass: TypeOrmClusterRepository },
  { provide: EventRepository, useClass: TypeOrmEventRepository },
  { provide: ParticipantRepository, useClass: TypeOrmParticipantRepository },
  { provide: ScheduleRepository, useClass: TypeOrmScheduleRepository },
  { provide: DatabaseHealth, useClass: TypeOrmDatabaseHealth },
];

/**
 * TypeORM on PostgreSQL and the repositories of libs/core. `synchronize` and `migrationsRun` are
 * off: migrations run explicitly with runMigrations() before the apps start.
 */
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(config.databaseUrl),
            synchronize: false,
            migrationsRun: false,
            retryAttempts: 3,
            retryDelay: 1000,
            // pg pool: DATABASE_POOL_SIZE connections at most; a request waiting for a connection
            // fails after 5 s instead of hanging while PostgreSQL is away; broken connections are
            // dropped and new ones opened on demand.
            extra: { max: config.databasePoolSize, connectionTimeoutMillis: 5000, keepAlive: true },
          }),
        }),
      ],
      providers: REPOSITORIES,
      exports: REPOSITORIES.map((r) => r.provide),
    };
  }
}
