import { loadConfig } from '@app/config';
import { runMigrations } from './run-migrations';

/** `npm run migration:run`: applies the pending migrations to DATABASE_URL. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const done = await runMigrations(config.databaseUrl);
  console.log(done.length === 0 ? 'No pending migration.' : `Applied: ${done.join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
