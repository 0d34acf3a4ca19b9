import { request as httpRequest } from 'node:http';
import { generateEvent } from '@app/scheduling/testing';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { childrenOf, freePort, runTypeScript, type ChildNode } from '../support/processes';
import { ORGANISER, TEST_REDIS_URL } from '../support/service';

jest.setTimeout(180_000);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * One request on a connection of its own (no keep-alive): with NODE_CLUSTER_SCHED_POLICY=rr the
 * primary hands connections to the processes in turn, so that consecutive requests reach both.
 * `onSent`: once the body is written.
 */
function call(
  port: number,
  method: string,
  path: string,
  options: { body?: unknown; token?: string; onSent?: () => void } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        headers: {
          connection: 'close',
          ...(payload !== undefined
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} }));
      },
    );
    req.on('error', reject);
    req.on('finish', () => options.onSent?.());
    req.end(payload);
  });
}

/**
 * The API as production runs it with API_PROCESSES=2 (apps/api/src/main.ts in its own process):
 * a primary and two API processes on one port, rate limits that hold across them, a killed process
 * replaced, and SIGTERM stopping everything gracefully.
 */
describe('the API on two processes (API_PROCESSES=2)', () => {
  let database: TestDatabase;
  let api: ChildNode;
  let port: number;
  let token: string;
  const seen = new Set<number>();

  beforeAll(async () => {
    database = await createTestDatabase('processes');
    port = await freePort();
    api = runTypeScript('apps/api/src/main.ts', {
      API_PROCESSES: '2',
      // The primary hands connections to the processes in turn (by default they accept them
      // themselves, and the kernel picks): consecutive requests reach both, as the tests need.
      NODE_CLUSTER_SCHED_POLICY: 'rr',
      NODE_ENV: 'development',
      PORT: String(port),
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: `ic-test-processes-${port}`,
      // No JWT_SECRET: the primary draws one and gives it to both processes.
      JWT_SECRET: '',
      ORGANISER_EMAIL: ORGANISER.email,
      ORGANISER_PASSWORD: ORGANISER.password,
      LOG_LEVEL: 'info',
    });
    await api.waitFor(/API listening on port/, 120_000);
  });

  afterAll(async () => {
    // Whatever happened, no process is left behind.
    const pid = api?.process.pid;
    if (pid !== undefined)
      for (const child of [...childrenOf(pid), ...seen]) if (alive(child)) process.kill(child, 'SIGKILL');
    await api?.kill();
    await database?.drop();
  });

  /** Pids of the processes that logged a request to `url` (pino's request lines carry the pid). */
  const servedBy = (url: string): Set<number> =>
    new Set(
      api
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { pid?: number; req?: { url?: string } })
        .filter((entry) => entry.req?.url === url && entry.pid !== undefined)
        .map((entry) => entry.pid as number),
    );

  it('runs a primary and two API processes, says once that it listens, and answers from both', async () => {
    const primary = api.process.pid as number;
    const workers = childrenOf(primary);
    expect(workers).toHaveLength(2);
    workers.forEach((pid) => seen.add(pid));
    expect(api.output().match(/API listening on port/g)).toHaveLength(1);
    expect(api.output()).toContain(`API listening on port ${port} (docs at /api/docs), 2 processes`);
    expect(api.output()).toContain('JWT_SECRET is not set');

    const login = await call(port, 'POST', '/api/auth/login', { body: ORGANISER });
    expect(login.status).toBe(200);
    token = login.body.accessToken as string;
    // The token of one process is good in the other: one JWT secret for both.
    for (let i = 0; i < 4; i++) {
      expect((await call(port, 'GET', '/api/events', { token })).status).toBe(200);
    }
    expect(servedBy('/api/events')).toEqual(new Set(workers));
  });

  it('limits logins across the processes: the 11th within a minute is 429, whichever serves it', async () => {
    // The login above was the first.
    const wrong = { email: ORGANISER.email, password: 'not the password' };
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push((await call(port, 'POST', '/api/auth/login', { body: wrong })).status);
    expect(statuses).toEqual([...Array(9).fill(401), 429]);
    for (let i = 0; i < 2; i++) {
      const refused = await call(port, 'POST', '/api/auth/login', { body: ORGANISER });
      expect(refused.status).toBe(429);
    }
    // Both processes served logins (each alone would have let 10 through).
    expect(servedBy('/api/auth/login')).toEqual(new Set(childrenOf(api.process.pid as number)));
  });

  it('replaces a process killed with SIGKILL, and answers meanwhile', async () => {
    const primary = api.process.pid as number;
    const [victim, survivor] = childrenOf(primary);
    process.kill(victim, 'SIGKILL');
    await api.waitFor(
      new RegExp(`API process ${victim} ended unexpectedly \\(SIGKILL\\); replacing it in \\d+ ms`),
    );
    // The survivor answers while the replacement starts.
    for (let i = 0; i < 3; i++) expect((await call(port, 'GET', '/api/health')).status).toBe(200);

    await api.waitFor(new RegExp(`API process \\d+ started, replacing ${victim}`));
    const replacement = Number(
      new RegExp(`API process (\\d+) started, replacing ${victim}`).exec(api.output())?.[1],
    );
    seen.add(replacement);
    await api.waitFor(new RegExp(`API process ${replacement} listening`), 120_000);
    expect(childrenOf(primary)).toEqual([survivor, replacement].sort((a, b) => a - b));
    expect(alive(victim)).toBe(false);
    for (let i = 0; i < 4; i++) expect((await call(port, 'GET', '/api/events', { token })).status).toBe(200);
    expect(servedBy('/api/events')).toContain(replacement);
  });

  it('stops on SIGTERM: a request under way is answered, then every process ends', async () => {
    const primary = api.process.pid as number;
    const pids = [primary, ...childrenOf(primary)];
    expect(pids).toHaveLength(3);
    // An import of a large event: long enough to be under way when SIGTERM comes.
    const importing = call(port, 'POST', '/api/events/import', {
      token,
      body: generateEvent({ clusters: 1500, seed: 3 }),
      onSent: () => api.process.kill('SIGTERM'),
    });
    const imported = await importing;
    const { code, signal } = await api.exited;
    expect(imported.status).toBe(201);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(api.output()).toContain('SIGTERM: stopping the 2 API processes.');
    expect(pids.filter(alive)).toEqual([]);
    // Stopped, not crashed: no replacement was started.
    expect(api.output().match(/started, replacing/g)).toHaveLength(1);
  });
});
