import 'reflect-metadata';
import cluster from 'node:cluster';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@app/config';
import { ApiModule } from './api.module';
import { configureApp } from './setup';

/**
 * One API process: the Nest app on `config.port`. Alone (API_PROCESSES=1) it says when it listens;
 * as one of the processes of a primary (primary.ts) the primary says it, once they all listen.
 */
export async function serve(config: AppConfig): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  configureApp(app, config);
  if (config.jwtSecretGenerated) {
    console.warn('JWT_SECRET is not set: using a random secret for this process (tokens end with it).');
  }
  await app.listen(config.port, '0.0.0.0');
  if (cluster.isPrimary) console.log(`API listening on port ${config.port} (docs at /api/docs)`);
}
