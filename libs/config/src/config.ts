import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';

/**
 * The service's configuration, read from the environment once and validated (every variable: the README's configuration table).
 * An abstract class so that it can be the DI token; `loadConfig` returns a plain object of this shape.
 */
export abstract class AppConfig {
  abstract readonly nodeEnv: string;
  abstract readonly databaseUrl: string;
  /** Connections of each process's PostgreSQL pool (requests beyond wait for a free one). */
  abstract readonly databasePoolSize: number;
  abstract readonly redisUrl: string;
  abstract readonly port: number;
  /**
   * API processes sharing the port (API_PROCESSES; `auto`: one per core but one, see autoApiProcesses). Above 1, apps/api/src/main.ts
   * runs a primary process that forks that many and replaces one that dies.
   */
  abstract readonly apiProcesses: number;
  abstract readonly jwtSecret: string;
  /** True when JWT_SECRET was not set and a per-process random secret is used. */
  abstract readonly jwtSecretGenerated: boolean;
  /** Seconds. */
  abstract readonly jwtExpiresInSeconds: number;
  abstract readonly queuePrefix: string;
  abstract readonly workerConcurrency: number;
  abstract readonly solveAttempts: number;
  abstract readonly solveTimeLimitSeconds: number;
  /**
   * Seconds a worker holds a solve job's lock without renewing it; a worker that dies (SIGKILL, lost
   * machine) gives its job back to the queue this long after its last renewal. Longer than the
   * solver's time limit, because the solver may hold the event loop while it runs.
   */
  abstract readonly solveLockSeconds: number;
  /** Seconds between two checks for stalled jobs (jobs whose worker died). */
  abstract readonly solveStalledCheckSeconds: number;
  abstract readonly organiserEmail?: string;
  abstract readonly organiserPassword?: string;
  abstract readonly publicUrl: string;
  /** Bytes. */
  abstract readonly bodyLimitImport: number;
  /** Bytes. */
  abstract readonly bodyLimit: number;
  /** Allowed origins; empty: CORS off. */
  abstract readonly corsOrigins: string[];
  abstract readonly logLevel: LogLevel;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** A missing or wrong variable; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export type Env = Record<string, string | undefined>;

/** Reads and validates the configuration from `env` (pure but for the generated JWT secret and the core count). */
export function loadConfig(env: Env): AppConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };

  const url = (name: string, fallback: string, protocols: string[]): string => {
    const value = read(name) ?? fallback;
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name}: protocol must be one of ${protocols.join(', ')} (got ${parsed.protocol})`);
      }
    } catch {
      problems.push(`${name}: not a URL: ${JSON.stringify(value)}`);
    }
    return value;
  };

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const value = read(name);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      problems.push(`${name}: must be an integer from ${min} to ${max} (got ${JSON.stringify(value)})`);
      return fallback;
    }
    return Number(value);
  };

  const size = (name: string, fallback: string): number => {
    const value = read(name) ?? fallback;
    const bytes = parseSize(value);
    if (bytes === undefined) {
      problems.push(
        `${name}: must be a size like 64kb, 5mb or a number of bytes (got ${JSON.stringify(value)})`,
      );
      return parseSize(fallback) as number;
    }
    return bytes;
  };

  const nodeEnv = read('NODE_ENV') ?? 'development';
  const databaseUrl = url('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/interclustering', [
    'postgres:',
    'postgresql:',
  ]);
  const redisUrl = url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']);
  const port = integer('PORT', 3000, 1, 65535);

  const apiProcessesRaw = read('API_PROCESSES') ?? 'auto';
  let apiProcesses = autoApiProcesses();
  if (apiProcessesRaw.toLowerCase() !== 'auto') {
    if (/^\d+$/.test(apiProcessesRaw) && Number(apiProcessesRaw) >= 1 && Number(apiProcessesRaw) <= 256) {
      apiProcesses = Number(apiProcessesRaw);
    } else {
      problems.push(
        `API_PROCESSES: must be auto (one per core but one) or an integer from 1 to 256 (got ${JSON.stringify(apiProcessesRaw)})`,
      );
    }
  }

  let jwtSecret = read('JWT_SECRET');
  let jwtSecretGenerated = false;
  if (jwtSecret === undefined) {
    if (nodeEnv === 'production') problems.push('JWT_SECRET: required when NODE_ENV=production');
    jwtSecret = randomBytes(32).toString('base64url');
    jwtSecretGenerated = true;
  } else if (jwtSecret.length < 16) {
    problems.push('JWT_SECRET: must be at least 16 characters');
  }

  const jwtExpiresInRaw = read('JWT_EXPIRES_IN') ?? '8h';
  const jwtExpiresInSeconds = parseDuration(jwtExpiresInRaw);
  if (jwtExpiresInSeconds === undefined) {
    problems.push(
      `JWT_EXPIRES_IN: must be a duration like 3600, 30m, 8h or 7d (got ${JSON.stringify(jwtExpiresInRaw)})`,
    );
  }

  const queuePrefix = read('QUEUE_PREFIX') ?? 'interclustering';
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(queuePrefix)) {
    problems.push(
      `QUEUE_PREFIX: letters, digits, _ . - only, 1 to 100 characters (got ${JSON.stringify(queuePrefix)})`,
    );
  }

  const organiserEmail = read('ORGANISER_EMAIL');
  const organiserPassword = env.ORGANISER_PASSWORD === '' ? undefined : env.ORGANISER_PASSWORD;
  if (organiserEmail !== undefined && !isEmail(organiserEmail)) {
    problems.push(`ORGANISER_EMAIL: not an email address (got ${JSON.stringify(organiserEmail)})`);
  }
  if (organiserEmail !== undefined && organiserPassword === undefined) {
    problems.push('ORGANISER_PASSWORD: required when ORGANISER_EMAIL is set');
  }
  if (organiserPassword !== undefined && organiserPassword.length < 8) {
    problems.push('ORGANISER_PASSWORD: must be at least 8 characters');
  }

  const publicUrl = url('PUBLIC_URL', `http://localhost:${port}`, ['http:', 'https:']).replace(/\/+$/, '');

  const corsOrigins = (read('CORS_ORIGINS') ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      problems.push(`CORS_ORIGINS: ${JSON.stringify(origin)} is not an origin like https://example.org`);
    }
  }

  const logLevel = (read('LOG_LEVEL') ?? 'info').toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(
      `LOG_LEVEL: must be one of ${LOG_LEVELS.join(', ')} (got ${JSON.stringify(read('LOG_LEVEL'))})`,
    );
  }

  const solveTimeLimitSeconds = integer('SOLVE_TIME_LIMIT_SECONDS', 30, 1, 3600);
  const solveLockSeconds = integer('SOLVE_LOCK_SECONDS', Math.max(30, solveTimeLimitSeconds + 30), 2, 7200);
  if (read('SOLVE_LOCK_SECONDS') !== undefined && solveLockSeconds <= solveTimeLimitSeconds) {
    problems.push(
      `SOLVE_LOCK_SECONDS: must be greater than SOLVE_TIME_LIMIT_SECONDS (${solveTimeLimitSeconds}), or a long solve is taken for a dead worker (got ${solveLockSeconds})`,
    );
  }

  const config: AppConfig = {
    nodeEnv,
    databaseUrl,
    databasePoolSize: integer('DATABASE_POOL_SIZE', 5, 1, 200),
    redisUrl,
    port,
    apiProcesses,
    jwtSecret,
    jwtSecretGenerated,
    jwtExpiresInSeconds: jwtExpiresInSeconds ?? 0,
    queuePrefix,
    workerConcurrency: integer('WORKER_CONCURRENCY', 1, 1, 64),
    solveAttempts: integer('SOLVE_ATTEMPTS', 3, 1, 20),
    solveTimeLimitSeconds,
    solveLockSeconds,
    solveStalledCheckSeconds: integer('SOLVE_STALLED_CHECK_SECONDS', 30, 1, 3600),
    organiserEmail: organiserEmail?.toLowerCase(),
    organiserPassword,
    publicUrl,
    bodyLimitImport: size('BODY_LIMIT_IMPORT', '5mb'),
    bodyLimit: size('BODY_LIMIT', '64kb'),
    corsOrigins,
    logLevel,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** `64kb`, `5mb`, `1gb`, `100b` or a bare number of bytes (units are powers of 1024). */
export function parseSize(value: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(value.trim());
  if (!match) return undefined;
  const unit = (match[2] ?? 'b').toLowerCase();
  const factor = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[unit] as number;
  const bytes = Math.floor(Number(match[1]) * factor);
  return bytes > 0 ? bytes : undefined;
}

/** `3600` (seconds), `30s`, `15m`, `8h`, `7d` → seconds. */
export function parseDuration(value: string): number | undefined {
  const match = /^(\d+)\s*(s|m|h|d)?$/i.exec(value.trim());
  if (!match) return undefined;
  const factor = { s: 1, m: 60, h: 3600, d: 86400 }[(match[2] ?? 's').toLowerCase()] as number;
  const seconds = Number(match[1]) * factor;
  return seconds > 0 ? seconds : undefined;
}

export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) && value.length <= 254;
}

/** ioredis/BullMQ connection options from a `redis://` or `rediss://` URL. */
export interface RedisConnection {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db?: number;
  tls?: Record<string, never>;
}

export function redisConnection(redisUrl: string): RedisConnection {
  const url = new URL(redisUrl);
  const db = url.pathname.replace(/^\//, '');
  return {
    host: url.hostname || '127.0.0.1',
    port: url.port ? Number(url.port) : 6379,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(db && /^\d+$/.test(db) ? { db: Number(db) } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/**
 * API_PROCESSES=auto: one API process per core but one, at least one. The core left is for what
 * usually runs beside the API (PostgreSQL, the solve worker): on a 2-core machine running them all,
 * a second API process only adds CPU per request and longer tails (measured in the deadline rush,
 * docs/reliability.md).
 */
export function autoApiProcesses(): number {
  return Math.max(1, availableParallelism() - 1);
}
