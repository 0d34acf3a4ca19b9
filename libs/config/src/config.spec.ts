import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig, parseDuration, parseSize, redisConnection } from './config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('has defaults for local development', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/interclustering',
      databasePoolSize: 5,
      redisUrl: 'redis://127.0.0.1:6379',
      port: 3000,
      apiProcesses: Math.max(1, availableParallelism() - 1),
      queuePrefix: 'interclustering',
      workerConcurrency: 1,
      solveAttempts: 3,
      solveTimeLimitSeconds: 30,
      solveLockSeconds: 60,
      solveStalledCheckSeconds: 30,
      publicUrl: 'http://localhost:3000',
      bodyLimitImport: 5 * 1024 * 1024,
      bodyLimit: 64 * 1024,
      corsOrigins: [],
      logLevel: 'info',
      jwtExpiresInSeconds: 8 * 3600,
      jwtSecretGenerated: true,
    });
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('generates a different secret per process when JWT_SECRET is absent', () => {
    expect(loadConfig({}).jwtSecret).not.toEqual(loadConfig({}).jwtSecret);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://u:p@db:5432/ic',
      REDIS_URL: 'redis://:secret@cache:6380/2',
      PORT: '8080',
      API_PROCESSES: '3',
      JWT_SECRET: 'a-very-long-secret-value',
      JWT_EXPIRES_IN: '30m',
      QUEUE_PREFIX: 'ic-test',
      WORKER_CONCURRENCY: '4',
      SOLVE_ATTEMPTS: '5',
      SOLVE_TIME_LIMIT_SECONDS: '10',
      ORGANISER_EMAIL: 'Boss@Example.org',
      ORGANISER_PASSWORD: 'correct horse',
      PUBLIC_URL: 'https://ic.example.org/',
      BODY_LIMIT_IMPORT: '2mb',
      BODY_LIMIT: '100kb',
      CORS_ORIGINS: 'https://a.example.org, https://b.example.org',
      LOG_LEVEL: 'DEBUG',
    });
    expect(config).toMatchObject({
      nodeEnv: 'production',
      databaseUrl: 'postgresql://u:p@db:5432/ic',
      port: 8080,
      apiProcesses: 3,
      jwtSecret: 'a-very-long-secret-value',
      jwtSecretGenerated: false,
      jwtExpiresInSeconds: 1800,
      queuePrefix: 'ic-test',
      workerConcurrency: 4,
      solveAttempts: 5,
      solveTimeLimitSeconds: 10,
      organiserEmail: 'boss@example.org',
      organiserPassword: 'correct horse',
      publicUrl: 'https://ic.example.org',
      bodyLimitImport: 2 * 1024 * 1024,
      bodyLimit: 100 * 1024,
      corsOrigins: ['https://a.example.org', 'https://b.example.org'],
      logLevel: 'debug',
    });
  });

  it('reads the lock and stalled-check durations of solve jobs, the lock longer than a solve', () => {
    expect(
      loadConfig({
        SOLVE_TIME_LIMIT_SECONDS: '3',
        SOLVE_LOCK_SECONDS: '6',
        SOLVE_STALLED_CHECK_SECONDS: '1',
      }),
    ).toMatchObject({ solveTimeLimitSeconds: 3, solveLockSeconds: 6, solveStalledCheckSeconds: 1 });
    expect(loadConfig({ SOLVE_TIME_LIMIT_SECONDS: '120' }).solveLockSeconds).toBe(150);
    expect(problemsOf({ SOLVE_TIME_LIMIT_SECONDS: '10', SOLVE_LOCK_SECONDS: '10' })).toEqual([
      expect.stringMatching(/^SOLVE_LOCK_SECONDS: must be greater than SOLVE_TIME_LIMIT_SECONDS \(10\)/),
    ]);
    expect(problemsOf({ SOLVE_STALLED_CHECK_SECONDS: '0' })).toEqual([
      expect.stringMatching(/^SOLVE_STALLED_CHECK_SECONDS: must be an integer from 1 to 3600/),
    ]);
  });

  it('reads the size of the PostgreSQL pool, from 1 to 200 connections', () => {
    expect(loadConfig({ DATABASE_POOL_SIZE: '20' }).databasePoolSize).toBe(20);
    for (const value of ['0', '201', 'ten', '2.5']) {
      expect(problemsOf({ DATABASE_POOL_SIZE: value })).toEqual([
        `DATABASE_POOL_SIZE: must be an integer from 1 to 200 (got ${JSON.stringify(value)})`,
      ]);
    }
  });

  it('reads the number of API processes: auto (one per core) or an integer from 1 to 256', () => {
    expect(loadConfig({ API_PROCESSES: '1' }).apiProcesses).toBe(1);
    expect(loadConfig({ API_PROCESSES: ' 4 ' }).apiProcesses).toBe(4);
    expect(loadConfig({ API_PROCESSES: '256' }).apiProcesses).toBe(256);
    expect(loadConfig({ API_PROCESSES: 'auto' }).apiProcesses).toBe(Math.max(1, availableParallelism() - 1));
    expect(loadConfig({ API_PROCESSES: 'AUTO' }).apiProcesses).toBe(Math.max(1, availableParallelism() - 1));
    expect(loadConfig({ API_PROCESSES: '' }).apiProcesses).toBe(Math.max(1, availableParallelism() - 1));
    for (const value of ['0', '-2', '257', '1.5', 'two', 'auto2', '2 processes']) {
      expect(problemsOf({ API_PROCESSES: value })).toEqual([
        `API_PROCESSES: must be auto (one per core but one) or an integer from 1 to 256 (got ${JSON.stringify(value)})`,
      ]);
    }
  });

  it('requires JWT_SECRET in production', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual(['JWT_SECRET: required when NODE_ENV=production']);
  });

  it.each([
    ['DATABASE_URL', 'mysql://x/y'],
    ['DATABASE_URL', 'not a url'],
    ['REDIS_URL', 'http://cache'],
    ['PORT', '70000'],
    ['PORT', 'abc'],
    ['API_PROCESSES', 'many'],
    ['WORKER_CONCURRENCY', '0'],
    ['SOLVE_ATTEMPTS', '-1'],
    ['SOLVE_TIME_LIMIT_SECONDS', '1.5'],
    ['JWT_EXPIRES_IN', 'forever'],
    ['JWT_SECRET', 'short'],
    ['QUEUE_PREFIX', 'has:colon'],
    ['ORGANISER_EMAIL', 'nobody'],
    ['PUBLIC_URL', 'ftp://x'],
    ['BODY_LIMIT', 'lots'],
    ['BODY_LIMIT_IMPORT', '0'],
    ['CORS_ORIGINS', 'example.org'],
    ['LOG_LEVEL', 'loud'],
  ])('names %s when it is wrong (%s)', (name, value) => {
    const env: Record<string, string> = { [name]: value };
    if (name === 'ORGANISER_EMAIL') env.ORGANISER_PASSWORD = 'long enough';
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0].startsWith(`${name}:`)).toBe(true);
  });

  it('names every bad variable at once', () => {
    const problems = problemsOf({ PORT: 'x', LOG_LEVEL: 'y', REDIS_URL: 'z' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['LOG_LEVEL', 'PORT', 'REDIS_URL']);
  });

  it('wants a password with the first organiser email, and a long one', () => {
    expect(problemsOf({ ORGANISER_EMAIL: 'a@b.org' })).toEqual([
      'ORGANISER_PASSWORD: required when ORGANISER_EMAIL is set',
    ]);
    expect(problemsOf({ ORGANISER_EMAIL: 'a@b.org', ORGANISER_PASSWORD: 'short' })).toEqual([
      'ORGANISER_PASSWORD: must be at least 8 characters',
    ]);
  });

  it('treats empty variables as absent', () => {
    expect(loadConfig({ PORT: '', QUEUE_PREFIX: ' ' })).toMatchObject({
      port: 3000,
      queuePrefix: 'interclustering',
    });
  });
});

describe('parsers', () => {
  it('parses sizes', () => {
    expect(parseSize('64kb')).toBe(65536);
    expect(parseSize('5MB')).toBe(5242880);
    expect(parseSize('100')).toBe(100);
    expect(parseSize('5 tb')).toBeUndefined();
  });

  it('parses durations', () => {
    expect(parseDuration('3600')).toBe(3600);
    expect(parseDuration('8h')).toBe(28800);
    expect(parseDuration('7d')).toBe(604800);
    expect(parseDuration('0')).toBeUndefined();
  });

  it('turns a Redis URL into connection options', () => {
    expect(redisConnection('redis://127.0.0.1:6379')).toEqual({ host: '127.0.0.1', port: 6379 });
    expect(redisConnection('rediss://user:p%40ss@cache/3')).toEqual({
      host: 'cache',
      port: 6379,
      username: 'user',
      password: 'p@ss',
      db: 3,
      tls: {},
    });
  });
});
