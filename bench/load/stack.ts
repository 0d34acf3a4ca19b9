/**
 * The service as production runs it, for the load benchmark: a fresh database (migrated), a
 * unique queue prefix, the built API (`dist/apps/api/src/main.js`, NODE_ENV=production) and
 * solve workers (`dist/apps/worker/src/main.js`) as separate processes; torn down at the end.
 * The API runs as many processes as API_PROCESSES says (from this process's environment; default
 * auto, one per core): `api` is then their primary, and `apiProcesses` how many serve.
 */
import { spawn, type ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import { join, resolve } from 'path';
import { Redis } from 'ioredis';
import { runMigrations } from '@app/persistence';
import { childrenOf, freePort } from './processes';

/** The build (dist/bench/load/ → ../..) and the repository (its parent). */
const DIST = resolve(__dirname, '..', '..');
export const ROOT = process.env.BENCH_ROOT ?? resolve(DIST, '..');

export interface PgClient {
  connect(): Promise<void>;
  query(sql: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
}
// pg ships no type declarations; this is the little of it the benchmark uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Client } = require('pg') as { Client: new (options: { connectionString: string }) => PgClient };

const ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface Process {
  name: string;
  child: ChildProcess;
  output(): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

function start(name: string, entry: string, env: Record<string, string>, nodeArgs: string[] = []): Process {
  const child = spawn(process.execPath, [...nodeArgs, join(DIST, entry)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    name,
    child,
    output: () => output,
    waitFor: async (pattern, timeoutMs = 60_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(output)) {
        if (!running()) throw new Error(`${name} exited:\n${output}`);
        if (Date.now() > deadline) throw new Error(`${name} did not print ${pattern}:\n${output}`);
        await new Promise((done) => setTimeout(done, 100));
      }
    },
    stop: async () => {
      if (!running()) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface Stack {
  baseUrl: string;
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  organiser: { email: string; password: string };
  /** The API's process: the one that serves, or the primary of API_PROCESSES > 1. */
  api: Process;
  /** How many processes serve the API (1, or the primary's children). */
  apiProcesses: number;
  workers: Process[];
  /** SQL on the benchmark's database. */
  sql(text: string, values?: unknown[]): Promise<Record<string, unknown>[]>;
  down(): Promise<void>;
}

export async function startStack(options: {
  workers: number;
  solveTimeLimitSeconds: number;
}): Promise<Stack> {
  const id = randomBytes(4).toString('hex');
  const name = `interclustering_bench_${id}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const queuePrefix = `ic-bench-${id}`;
  const organiser = { email: 'bench@example.org', password: randomBytes(12).toString('hex') };
  const port = await freePort();
  const processes: Process[] = [];
  const client = new Client({ connectionString: databaseUrl });
  const down = async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await client.end().catch(() => undefined);
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${queuePrefix}:*`, 'COUNT', 500);
        cursor = next;
        if (keys.length > 0) await redis.del(...keys);
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  try {
    await runMigrations(databaseUrl);
    await client.connect();
    const env = {
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      QUEUE_PREFIX: queuePrefix,
      JWT_SECRET: randomBytes(32).toString('base64url'),
      ORGANISER_EMAIL: organiser.email,
      ORGANISER_PASSWORD: organiser.password,
      SOLVE_TIME_LIMIT_SECONDS: String(options.solveTimeLimitSeconds),
      LOG_LEVEL: 'warn',
    };
    // BENCH_API_NODE_ARGS: extra node options for the API, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
    const apiNodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const api = start('api', 'apps/api/src/main.js', env, apiNodeArgs);
    processes.push(api);
    const workers = Array.from({ length: options.workers }, (_, i) =>
      start(`worker ${i + 1}`, 'apps/worker/src/main.js', { ...env, LOG_LEVEL: 'info' }),
    );
    processes.push(...workers);
    await api.waitFor(/API listening on port/);
    await Promise.all(workers.map((w) => w.waitFor(/Processing the solve queue/)));
    const apiProcesses = Math.max(1, childrenOf(api.child.pid as number).length);
    console.log(`API: ${apiProcesses === 1 ? '1 process' : `a primary and ${apiProcesses} processes`}`);
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      databaseUrl,
      redisUrl: REDIS_URL,
      queuePrefix,
      organiser,
      api,
      apiProcesses,
      workers,
      sql: async (text, values = []) => (await client.query(text, values)).rows,
      down,
    };
  } catch (error) {
    await down();
    throw error;
  }
}
