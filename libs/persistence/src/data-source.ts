import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** The one data-source definition: used by the app, the migration runner, tests and the TypeORM CLI. */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
  };
}

/** For the TypeORM CLI (`typeorm -d dist/libs/persistence/src/data-source.js …`). */
export default new DataSource(
  dataSourceOptions(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/interclustering'),
);
