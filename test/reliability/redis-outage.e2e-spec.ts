import { Queue } from 'bullmq';
import { redisConnection } from '@app/config';
import { solveJobId } from '@app/queue';
import { mutualWish, wishList } from '@app/scheduling/testing';
import { rowCounts, sql } from '../support/database';
import { eventDocument } from '../support/factories';
import { importEvent, issueInvites } from '../support/flows';
import {
  bearer,
  eventually,
  organiserAuth,
  startService,
  TEST_REDIS_URL,
  type TestService,
} from '../support/service';
import { TcpProxy } from '../support/tcp-proxy';

jest.setTimeout(120_000);

/**
 * Redis behind a TCP proxy (API and worker both go through it): cutting the proxy is Redis going
 * away, restoring it is Redis coming back; `restart()` drops every connection at once.
 */
describe('when Redis goes away and comes back', () => {
  let proxy: TcpProxy;
  let service: TestService;
  let auth: { Authorization: string };
  let queue: Queue;

  beforeAll(async () => {
    proxy = await new TcpProxy(Number(new URL(TEST_REDIS_URL).port || 6379)).start();
    service = await startService({ worker: true, via: { redis: proxy } });
    auth = await organiserAuth(service);
    // Looks at the queue directly, not through the proxy.
    queue = new Queue('solve', {
      connection: redisConnection(TEST_REDIS_URL),
      prefix: service.config.queuePrefix,
    });
  });

  afterAll(async () => {
    await queue?.close();
    await service?.close();
    await proxy?.close();
  });

  const clusters = ['a', 'b', 'c', 'd', 'e', 'f'];
  const health = async () => (await service.http().get('/api/health')).body;
  const versionState = async (id: string, version: number) =>
    (await service.http().get(`/api/events/${id}/schedules/${version}`).set(auth).expect(200)).body;

  it('keeps wish submission working, refuses a solve with 503 and nothing half-created, then solves again', async () => {
    const id = await importEvent(
      service,
      auth,
      eventDocument({ clusters, wishes: [...mutualWish('a', 'b'), ...mutualWish('c', 'd')] }),
      'open',
    );
    const invites = await issueInvites(service, auth, id);
    expect(await health()).toEqual({ status: 'ok', checks: { postgres: 'ok', redis: 'ok' } });

    await proxy.cut();
    expect(await health()).toEqual({ status: 'error', checks: { postgres: 'ok', redis: 'error' } });

    // Wishes live in PostgreSQL only: a manager and the organiser keep working.
    const wishes = wishList('e', 'f', 'a').map(({ to, rank }) => ({ to, rank }));
    const put = await service
      .http()
      .put(`/api/events/${id}/participants/e/wishes`)
      .set(bearer(invites.get('e') as string))
      .send({ wishes });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ clusterId: 'e', wishes });
    await service.http().post(`/api/events/${id}/status`).set(auth).send({ status: 'closed' }).expect(200);

    // A solve: 503 with a clear message, quickly; the version is recorded failed with the reason,
    // with no meetings, and no job reaches the queue.
    const before = await rowCounts(service.database);
    const started = Date.now();
    const solve = await service.http().post(`/api/events/${id}/solve`).set(auth);
    expect(Date.now() - started).toBeLessThan(6000);
    expect(solve.status).toBe(503);
    expect(solve.body).toEqual({
      statusCode: 503,
      code: 'QUEUE_UNAVAILABLE',
      message: 'The solve queue is unavailable; the job was not enqueued. Try again later.',
    });
    expect(await versionState(id, 1)).toMatchObject({
      state: 'failed',
      jobId: null,
      reason: expect.stringMatching(/queue is unavailable/),
    });
    expect(await rowCounts(service.database)).toEqual({
      ...before,
      schedule_version: before.schedule_version + 1,
    });

    await proxy.restore();
    await eventually(async () => ((await health()).status === 'ok' ? true : undefined), 30_000, 'health ok');
    const again = await service.http().post(`/api/events/${id}/solve`).set(auth).expect(202);
    expect(again.body.version).toBe(2);
    const done = await eventually(
      async () => {
        const v = await versionState(id, 2);
        return v.state === 'done' ? v : undefined;
      },
      60_000,
      'version 2 done',
    );
    expect(done.attempts).toBe(1);
    // The refused version stays failed and never got a job, even after Redis came back.
    expect(await versionState(id, 1)).toMatchObject({ state: 'failed' });
    expect(await queue.getJob(solveJobId({ eventId: id, version: 1 }))).toBeUndefined();
    const schedule = await service.http().get(`/api/events/${id}/schedule`).set(auth).expect(200);
    expect(schedule.body.meetings.map((m: { clusters: string[] }) => m.clusters.join('-')).sort()).toEqual(
      expect.arrayContaining(['a-b', 'c-d']),
    );
  });

  it('recovers from a Redis restart (every connection dropped at once) without restarting anything', async () => {
    const id = await importEvent(service, auth, eventDocument({ wishes: mutualWish('a', 'b') }));
    const acceptedBefore = proxy.accepted;
    proxy.restart();
    // API and worker reconnect by themselves.
    const solve = await eventually(
      async () => {
        const response = await service.http().post(`/api/events/${id}/solve`).set(auth);
        expect([202, 503]).toContain(response.status);
        return response.status === 202 ? response.body : undefined;
      },
      30_000,
      'a solve accepted',
    );
    await eventually(
      async () => ((await versionState(id, solve.version)).state === 'done' ? true : undefined),
      60_000,
      'solved',
    );
    expect(proxy.accepted).toBeGreaterThan(acceptedBefore);
    const rows = await sql(
      service.database,
      `SELECT state FROM schedule_version WHERE event_id = $1 ORDER BY version`,
      [id],
    );
    // Any refused attempt is a failed version; the accepted one is done.
    expect(rows.at(-1)?.state).toBe('done');
    expect(rows.slice(0, -1).every((r) => r.state === 'failed')).toBe(true);
  });
});
