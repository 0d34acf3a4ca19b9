import { createHash } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ThrottlerStorage } from '@nestjs/throttler';
import request from 'supertest';
import { PostgresThrottlerStorage } from '@app/persistence';
import { sql } from '../support/database';
import { eventDocument } from '../support/factories';
import { importEvent, issueInvites } from '../support/flows';
import {
  ORGANISER,
  bearer,
  eventually,
  organiserAuth,
  startAnotherApi,
  startService,
  type TestService,
} from '../support/service';
import { TcpProxy } from '../support/tcp-proxy';

jest.setTimeout(120_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Rate limits kept in PostgreSQL (rate_limit): two API apps on one database — what two API
 * processes are — count the same hits, so that an address gets the limit once, not once per process.
 */
describe('rate limits shared by API processes', () => {
  let service: TestService;
  let second: NestExpressApplication;
  let auth: { Authorization: string };
  /** The two apps, alternately. */
  const apps = () => [service.http(), request(second.getHttpServer())];
  const storages = () =>
    [service.app.get(ThrottlerStorage), second.get(ThrottlerStorage)] as PostgresThrottlerStorage[];

  beforeAll(async () => {
    service = await startService();
    second = await startAnotherApi(service);
    // Login hit 1 of 10 (app 1).
    auth = await organiserAuth(service);
  });

  afterAll(async () => {
    await second?.close();
    await service?.close();
  });

  it('uses the PostgreSQL storage in each app, one instance per app', () => {
    const [first, other] = storages();
    expect(first).toBeInstanceOf(PostgresThrottlerStorage);
    expect(other).toBeInstanceOf(PostgresThrottlerStorage);
    expect(first).not.toBe(other);
  });

  it('counts logins across the apps: the 11th within a minute is 429 whichever app serves it', async () => {
    const wrong = { email: ORGANISER.email, password: 'not the password' };
    const statuses: number[] = [];
    // Hits 2 to 12, alternately on the second app and the first.
    for (let i = 0; i < 11; i++) {
      const response = await apps()[(i + 1) % 2].post('/api/auth/login').send(wrong);
      statuses.push(response.status);
    }
    expect(statuses).toEqual([...Array(9).fill(401), 429, 429]);
    // The right password is refused too, in both apps, with the time to wait.
    for (const http of apps()) {
      const refused = await http.post('/api/auth/login').send(ORGANISER);
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(50);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    }
    const rows = await sql(service.database, `SELECT throttler, hits FROM rate_limit WHERE hits > 1`);
    expect(rows).toEqual([{ throttler: 'default', hits: 11 }]);
  });

  it('never touches the counters when a manager replaces a wish list', async () => {
    const eventId = await importEvent(service, auth, eventDocument(), 'open');
    const invites = await issueInvites(service, auth, eventId);
    const counters = async () =>
      sql(service.database, `SELECT key, throttler, hits, window_ends_at FROM rate_limit ORDER BY key`);
    const before = await counters();
    for (const http of apps()) {
      await http
        .put(`/api/events/${eventId}/participants/a/wishes`)
        .set(bearer(invites.get('a') as string))
        .send({ wishes: [{ to: 'b', rank: 1 }] })
        .expect(200);
    }
    expect(await counters()).toEqual(before);
  });

  it('counts wrong invite tokens across the apps: after 10, the next is 429 in either app', async () => {
    const me = (i: number) =>
      apps()
        [i % 2].get('/api/me')
        .set(bearer(`inv_${createHash('sha256').update(`guess ${i}`).digest('base64url')}`));
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await me(i)).status);
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
    const [row] = await sql(
      service.database,
      `SELECT hits, blocked_until > now() AS blocked FROM rate_limit WHERE throttler = 'invite-failures'`,
    );
    expect(row).toEqual({ hits: 11, blocked: true });
    // Organisers (JWT) are not affected.
    await apps()[1].get('/api/events').set(auth).expect(200);
  });

  it('counts concurrent hits of both storages exactly once each', async () => {
    const [first, other] = storages();
    const records = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? first : other).increment('concurrent', 60_000, 1000, 60_000, 'test'),
      ),
    );
    expect(records.map((r) => r.totalHits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    expect(records.every((r) => !r.isBlocked && r.timeToExpire > 55 && r.timeToExpire <= 60)).toBe(true);
  });

  it('starts a new window when the window ends', async () => {
    const [first, other] = storages();
    const hit = (storage: PostgresThrottlerStorage) => storage.increment('window', 1000, 2, 5000, 'test');
    expect(await hit(first)).toMatchObject({ totalHits: 1, isBlocked: false, timeToExpire: 1 });
    expect(await hit(other)).toMatchObject({ totalHits: 2, isBlocked: false });
    await sleep(1100);
    expect(await hit(other)).toMatchObject({ totalHits: 1, isBlocked: false, timeToBlockExpire: 0 });
    expect(await hit(first)).toMatchObject({ totalHits: 2, isBlocked: false });
  });

  it('blocks the hit over the limit for the block duration, without counting, then starts afresh', async () => {
    const [first, other] = storages();
    const hit = (storage: PostgresThrottlerStorage) => storage.increment('block', 1000, 2, 2500, 'test');
    await hit(first);
    await hit(other);
    expect(await hit(first)).toEqual({
      totalHits: 3,
      timeToExpire: 1,
      isBlocked: true,
      timeToBlockExpire: 3,
    });
    expect(await hit(other)).toMatchObject({ totalHits: 3, isBlocked: true });
    // The window is over, the block is not.
    await sleep(1200);
    const stillBlocked = await hit(other);
    expect(stillBlocked).toMatchObject({ totalHits: 3, isBlocked: true });
    expect(stillBlocked.timeToBlockExpire).toBeGreaterThanOrEqual(1);
    expect(stillBlocked.timeToBlockExpire).toBeLessThanOrEqual(2);
    // Both over: a new window.
    await sleep(1500);
    expect(await hit(first)).toEqual({
      totalHits: 1,
      timeToExpire: 1,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
    // Other keys and throttler names are counted apart.
    expect(await other.increment('block', 1000, 2, 2500, 'other')).toMatchObject({ totalHits: 1 });
  });

  it('deletes rows whose window and block have ended, now and then after a hit', async () => {
    const [first] = storages();
    await first.increment('short', 200, 1, 200, 'test');
    await first.increment('blocked', 200, 0, 60_000, 'test');
    await sleep(300);
    const keys = async () =>
      (await sql(service.database, `SELECT key FROM rate_limit WHERE throttler = 'test' ORDER BY key`)).map(
        (row) => row.key,
      );
    expect(await keys()).toContain('short');
    // Not more often than cleanupEveryMs…
    first.cleanupEveryMs = 60 * 60_000;
    await first.increment('trigger', 60_000, 10, 60_000, 'test');
    await sleep(200);
    expect(await keys()).toContain('short');
    // …and then after the next hit, in the background.
    first.cleanupEveryMs = 0;
    await first.increment('trigger', 60_000, 10, 60_000, 'test');
    await eventually(async () => ((await keys()).includes('short') ? undefined : true), 5000, 'the clean-up');
    // Blocked or within their window: kept.
    expect(await keys()).toEqual(expect.arrayContaining(['blocked', 'trigger']));
  });
});

describe('rate-limited routes while PostgreSQL is away', () => {
  let proxy: TcpProxy;
  let service: TestService;

  beforeAll(async () => {
    proxy = await new TcpProxy(5432).start();
    service = await startService({ via: { postgres: proxy } });
  });

  afterAll(async () => {
    await service?.close();
    await proxy?.close();
  });

  it('answer 503 DATABASE_UNAVAILABLE, and count again once it is back', async () => {
    await proxy.cut();
    const login = await service.http().post('/api/auth/login').send(ORGANISER);
    expect(login.status).toBe(503);
    expect(login.body).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
    expect(await sql(service.database, `SELECT * FROM rate_limit`)).toEqual([]);
    await proxy.restore();
    let attempts = 0;
    await eventually(
      async () => {
        attempts++;
        const response = await service.http().post('/api/auth/login').send(ORGANISER);
        return response.status === 200 ? true : undefined;
      },
      20_000,
      'a login once PostgreSQL is back',
    );
    const [row] = await sql(service.database, `SELECT hits FROM rate_limit WHERE throttler = 'default'`);
    expect(row.hits).toBeGreaterThanOrEqual(1);
    expect(row.hits).toBeLessThanOrEqual(attempts);
  });
});
