import 'reflect-metadata';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig, type AppConfig } from '@app/config';
import { WorkerModule } from './worker.module';

/** Nest log levels for LOG_LEVEL. */
export function nestLogLevels(level: AppConfig['logLevel']): LogLevel[] {
  const order: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
  const upTo: Record<AppConfig['logLevel'], number> = {
    silent: 0,
    fatal: 1,
    error: 2,
    warn: 3,
    info: 4,
    debug: 5,
    trace: 6,
  };
  return order.slice(0, upTo[level]);
}

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: nestLogLevels(config.logLevel),
  });
  app.enableShutdownHooks();
  new Logger('Worker').log(`Solve worker started (prefix ${config.queuePrefix}).`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
