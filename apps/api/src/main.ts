import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError, loadConfig } from '@app/config';
import { ApiModule } from './api.module';
import { configureApp } from './setup';

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  configureApp(app, config);
  if (config.jwtSecretGenerated) {
    console.warn('JWT_SECRET is not set: using a random secret for this process (tokens end with it).');
  }
  await app.listen(config.port, '0.0.0.0');
  console.log(`API listening on port ${config.port} (docs at /api/docs)`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
