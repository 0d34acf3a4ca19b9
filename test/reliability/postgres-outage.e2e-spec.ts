import { mutualWish } from '@app/scheduling/testing';
import { rowCounts } from '../support/database';
import { eventDocument } from '../support/factories';
import { importEvent, issueInvites } from '../support/flows';
import {
  ORGANISER,
  bearer,
  eventually,
  organiserAuth,
  startService,
  type TestService,
} from '../support/service';
import { TcpProxy } from '../support/tcp-proxy';

jest.setTimeout(120_000);

const UNAVAILABLE = {
  statusCode: 503,
  code: 'DATABASE_UNAVAILABLE',
  message: 'The database is unavailable; try again in a moment.',
};

/**
 * PostgreSQL behind a TCP proxy, only for the API (migrations and checks go direct): requests
 * during an outage answer 503 at once, and the API serves again when the database is back,
 * without a restart.
 */
describe('when PostgreSQL goes away and comes back', () => {
  let proxy: TcpProxy;
  let service: TestService;
  let auth: { Authorization: string };
  let eventId: string;
  let invites: Map<string, string>;
  const clusters = ['a', 'b', 'c', 'd', 'e', 'f'];

  beforeAll(async () => {
    proxy = await new TcpProxy(5432).start();
    service = await startService({ via: { postgres: proxy } });
    auth = await organiserAuth(service);
    eventId = await importEvent(
      service,
      auth,
      eventDocument({ clusters, wishes: mutualWish('a', 'b') }),
      'open',
    );
    invites = await issueInvites(service, auth, eventId);
  });

  afterAll(async () => {
    await service?.close();
    await proxy?.close();
  });

  const wishesOf = (from: string, partners: string[]) => ({
    wishes: partners.map((to, i) => ({ to, rank: i + 1 })),
  });
  const putWishes = (from: string, partners: string[]) =>
    service
      .http()
      .put(`/api/events/${eventId}/participants/${from}/wishes`)
      .set(bearer(invites.get(from) as string))
      .send(wishesOf(from, partners));

  it('answers 503 during the outage, writes nothing, and serves again once the database is back', async () => {
    const before = await rowCounts(service.database);
    await proxy.cut();

    const requests = [
      () => service.http().get('/api/events').set(auth),
      () => service.http().get(`/api/events/${eventId}`).set(auth),
      () => service.http().post('/api/events/import').set(auth).send(eventDocument()),
      () => service.http().post('/api/auth/login').send(ORGANISER),
      () => putWishes('c', ['d', 'e']),
      () =>
        service
          .http()
          .get(`/api/events/${eventId}/participants/c/wishes`)
          .set(bearer(invites.get('c') as string)),
      () => service.http().post(`/api/events/${eventId}/solve`).set(auth),
    ];
    for (const send of requests) {
      const started = Date.now();
      const response = await send();
      expect({ status: response.status, body: response.body }).toEqual({ status: 503, body: UNAVAILABLE });
      expect(Date.now() - started).toBeLessThan(6000);
    }
    const health = await service.http().get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: 'error', checks: { postgres: 'error', redis: 'ok' } });

    await proxy.restore();
    await eventually(
      async () => ((await service.http().get('/api/events').set(auth)).status === 200 ? true : undefined),
      30_000,
      'the API to serve again',
    );
    expect(await rowCounts(service.database)).toEqual(before);
    const put = await putWishes('c', ['d', 'e']);
    expect(put.status).toBe(200);
    await service.http().get('/api/health').expect(200);
  });

  it('recovers from a PostgreSQL restart (every connection dropped), and no list is ever half-written', async () => {
    // Lists of every cluster replaced at the moment the server restarts: each request either
    // succeeds or answers 503, and each stored list is a whole list, old or new.
    const oldLists = new Map(clusters.map((c) => [c, clusters.filter((x) => x !== c).slice(0, 2)]));
    for (const [from, partners] of oldLists) await putWishes(from, partners).expect(200);
    const newLists = new Map(clusters.map((c) => [c, clusters.filter((x) => x !== c).slice(1, 5)]));

    const pending = [...newLists].map(([from, partners]) => putWishes(from, partners).then((r) => r.status));
    await new Promise((resolve) => setTimeout(resolve, 5));
    proxy.restart();
    const statuses = await Promise.all(pending);
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);

    await eventually(
      async () => ((await service.http().get('/api/events').set(auth)).status === 200 ? true : undefined),
      30_000,
      'the API to serve again',
    );
    for (const [i, from] of clusters.entries()) {
      const { body } = await service
        .http()
        .get(`/api/events/${eventId}/participants/${from}/wishes`)
        .set(auth)
        .expect(200);
      const stored = (body.wishes as { to: string }[]).map((w) => w.to);
      expect([oldLists.get(from), newLists.get(from)]).toContainEqual(stored);
      if (statuses[i] === 200) expect(stored).toEqual(newLists.get(from));
    }
  });
});
