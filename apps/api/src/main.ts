import cluster from 'node:cluster';
import { ConfigError, loadConfig, type AppConfig } from '@app/config/config';
import { runPrimary } from './primary';

/**
 * The API. API_PROCESSES=1: this process serves. More: this process is a small primary (no Nest,
 * see primary.ts) that forks that many API processes sharing the port, replaces one that dies and
 * stops them on SIGTERM / SIGINT. Migrations are not run here (`npm start` / migration:run do).
 */
function main(): void {
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
  if (cluster.isPrimary && config.apiProcesses > 1) {
    runPrimary(config);
    return;
  }
  // Nest is loaded only where it serves, never in the primary.
  import('./server')
    .then(({ serve }) => serve(config))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}

main();
