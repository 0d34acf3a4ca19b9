import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';

/** Any constant: serializes concurrent migration runs (api and worker starting together). */
const MIGRATION_LOCK = 727_073_691;

/**
 * Runs the pending migrations (each in its own transaction) and returns their names. Used by
 * `npm start`, `npm run migration:run` and the tests, before anything serves.
 */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl));
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const done = await dataSource.runMigrations({ transaction: 'each' });
    return done.map((migration) => migration.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}
