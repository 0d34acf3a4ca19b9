import { randomBytes } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Redis } from 'ioredis';
import request from 'supertest';
import { AppConfig, loadConfig } from '@app/config';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApp } from '../../apps/api/src/setup';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createTestDatabase, type TestDatabase } from './database';
import type { TcpProxy } from './tcp-proxy';

export const ORGANISER = { email: 'organiser@example.org', password: 'a long test password' };
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TEST_REDIS_URL = REDIS_URL;

export interface TestService {
  app: INestApplication;
  config: AppConfig;
  /** The environment given to loadConfig (for child processes: the same service). */
  env: Record<string, string>;
  database: TestDatabase;
  worker?: INestApplicationContext;
  /** supertest agent on the API. */
  http: () => ReturnType<typeof request>;
  /** Starts the worker module in-process (createApplicationContext), as `npm run start:worker` does. */
  startWorker(): Promise<INestApplicationContext>;
  close(): Promise<void>;
}

/**
 * A fresh database (migrated), a unique QUEUE_PREFIX, the API built as main.ts builds it and,
 * when asked, the worker. `env` overrides the environment given to loadConfig; `via` routes the
 * app's connections to PostgreSQL and/or Redis through TCP proxies (outage tests).
 */
export async function startService(
  options: {
    worker?: boolean;
    env?: Record<string, string>;
    via?: { postgres?: TcpProxy; redis?: TcpProxy };
  } = {},
): Promise<TestService> {
  const database = await createTestDatabase();
  const queuePrefix = `ic-test-${randomBytes(4).toString('hex')}`;
  const env: Record<string, string> = {
    DATABASE_URL: options.via?.postgres ? options.via.postgres.url(database.url) : database.url,
    REDIS_URL: options.via?.redis ? options.via.redis.url(REDIS_URL) : REDIS_URL,
    QUEUE_PREFIX: queuePrefix,
    LOG_LEVEL: 'silent',
    JWT_SECRET: randomBytes(24).toString('hex'),
    ORGANISER_EMAIL: ORGANISER.email,
    ORGANISER_PASSWORD: ORGANISER.password,
    SOLVE_TIME_LIMIT_SECONDS: '5',
    SOLVE_ATTEMPTS: '2',
    PUBLIC_URL: 'http://interclustering.test',
    ...options.env,
  };
  const config = loadConfig(env);
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
    logger: false,
  });
  configureApp(app, config);
  await app.init();

  const service: TestService = {
    app,
    config,
    env,
    database,
    http: () => request(app.getHttpServer()),
    startWorker: async () => {
      service.worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
        logger: false,
      });
      await service.worker.init();
      return service.worker;
    },
    close: async () => {
      await service.worker?.close();
      await app.close();
      await deleteQueueKeys(queuePrefix);
      await database.drop();
    },
  };
  if (options.worker) await service.startWorker();
  return service;
}

/**
 * Another API app on the same database, Redis and configuration, built as main.ts builds it: what a
 * second API process (API_PROCESSES > 1) is to the first. Close it before the service.
 */
export async function startAnotherApi(service: TestService): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(service.config), {
    bodyParser: false,
    bufferLogs: true,
    logger: false,
  });
  configureApp(app, service.config);
  await app.init();
  return app;
}

async function deleteQueueKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Logs the organiser in and returns the Authorization header. */
export async function organiserAuth(service: TestService): Promise<{ Authorization: string }> {
  const response = await service.http().post('/api/auth/login').send(ORGANISER).expect(200);
  return { Authorization: `Bearer ${response.body.accessToken as string}` };
}

export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 60_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
