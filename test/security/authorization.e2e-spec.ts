import { randomUUID } from 'node:crypto';
import { mutualWish, wish } from '@app/scheduling/testing';
import { eventDocument } from '../support/factories';
import { importEvent, issueInvites } from '../support/flows';
import { bearer, organiserAuth, startService, type TestService } from '../support/service';

jest.setTimeout(120_000);

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface Route {
  method: Method;
  path: string;
}

/** Routes anyone may call. */
const PUBLIC = new Set(['post /api/auth/login', 'get /api/health']);
/**
 * Routes a cluster manager (invite link) may call, for its own event and, with {clusterId}, its own
 * cluster; every other route is for organisers only.
 */
const MANAGER = new Set([
  'get /api/me',
  'get /api/events/{id}',
  'get /api/events/{id}/participants',
  'get /api/events/{id}/participants/{clusterId}',
  'get /api/events/{id}/participants/{clusterId}/wishes',
  'put /api/events/{id}/participants/{clusterId}/wishes',
  'get /api/events/{id}/participants/{clusterId}/availability',
  'put /api/events/{id}/participants/{clusterId}/availability',
  'get /api/events/{id}/schedule',
  'get /api/events/{id}/participants/{clusterId}/agenda',
  'get /api/events/{id}/participants/{clusterId}/agenda.pdf',
  'get /api/events/{id}/participants/{clusterId}/calendar.ics',
  'get /api/events/{id}/participants/{clusterId}/agenda.ics',
  'get /api/events/{id}/participants/{clusterId}/agenda.html',
]);
/** The 403 answers of the access rules (others are about the event's state: not open, not published). */
const ACCESS_DENIED = [
  'Only organisers may do this.',
  'This invite is for another event.',
  "A manager may only read and change its own cluster's data.",
  "A manager may only read and change its own cluster's wishes and availability.",
];

/**
 * Every endpoint of the OpenAPI description × anonymous, the manager of cluster A, the manager of
 * cluster B (same event), the manager of cluster A of ANOTHER event, and an organiser. IDs of other
 * events and clusters, guessed or incremented, are refused; refusals carry nothing but
 * `{statusCode, code, message}`.
 */
describe('authorization of every endpoint', () => {
  let service: TestService;
  let organiser: { Authorization: string };
  let routes: Route[];
  let eventId: string;
  let otherEventId: string;
  let managerA: { Authorization: string };
  let managerB: { Authorization: string };
  let managerOther: { Authorization: string };
  const secrets: string[] = [];

  beforeAll(async () => {
    service = await startService();
    organiser = await organiserAuth(service);
    const document = eventDocument({
      clusters: ['a', 'b', 'c', 'd'],
      wishes: [...mutualWish('a', 'b'), wish('c', 'd', 1), wish('d', 'a', 1)],
    });
    eventId = await importEvent(service, organiser, document, 'open');
    otherEventId = await importEvent(service, organiser, document, 'open');
    const invites = await issueInvites(service, organiser, eventId);
    const otherInvites = await issueInvites(service, organiser, otherEventId);
    managerA = bearer(invites.get('a') as string);
    managerB = bearer(invites.get('b') as string);
    managerOther = bearer(otherInvites.get('a') as string);
    for (const cluster of ['a', 'b', 'c', 'd']) {
      await service
        .http()
        .patch(`/api/clusters/${cluster}`)
        .set(organiser)
        .send({ contactEmail: `${cluster}@secret.example.org` })
        .expect(200);
    }
    secrets.push(...invites.values(), ...otherInvites.values());

    const docs = await service.http().get('/api/docs-json').expect(200);
    routes = Object.entries(docs.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, item]) =>
        Object.keys(item)
          .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
          .map((method) => ({ method: method as Method, path })),
    );
  });

  afterAll(async () => {
    await service?.close();
  });

  const key = (route: Route) => `${route.method} ${route.path}`;
  const url = (route: Route, ids: { event: string; cluster: string; version?: string }) =>
    route.path
      .replace('{id}', ids.event)
      .replace('{clusterId}', ids.cluster)
      .replace('{version}', ids.version ?? '1');

  async function call(route: Route, target: string, auth?: { Authorization: string }) {
    const request = service.http()[route.method](target);
    if (auth) request.set(auth);
    if (route.method !== 'get' && route.method !== 'delete') request.send({});
    return request;
  }

  /** A refusal: the status, a plain body, and nothing of anyone's data. */
  function expectRefusal(
    response: { status: number; body: unknown; text: string },
    status: number,
    what: string,
  ) {
    expect({ what, status: response.status }).toEqual({ what, status });
    expect(Object.keys(response.body as object).sort()).toEqual(['code', 'message', 'statusCode']);
    for (const secret of secrets) expect(response.text).not.toContain(secret);
    expect(response.text).not.toMatch(/"wishes"|"to":|@secret|inviteToken/);
  }

  it('knows every route of the API (a new route must be classified here)', () => {
    expect(routes.length).toBeGreaterThan(30);
    const unknownManagerRoutes = [...MANAGER].filter((k) => !routes.some((r) => key(r) === k));
    expect(unknownManagerRoutes).toEqual([]);
  });

  it('refuses anonymous requests to every non-public route with 401', async () => {
    for (const route of routes.filter((r) => !PUBLIC.has(key(r)))) {
      for (const auth of [undefined, bearer('not-a-token')]) {
        const response = await call(route, url(route, { event: eventId, cluster: 'a' }), auth);
        expectRefusal(response, 401, `${key(route)} ${auth ? 'bad token' : 'anonymous'}`);
      }
    }
  });

  it('refuses a manager every organiser-only route, even in its own event and cluster', async () => {
    for (const route of routes.filter((r) => !PUBLIC.has(key(r)) && !MANAGER.has(key(r)))) {
      const response = await call(route, url(route, { event: eventId, cluster: 'a' }), managerA);
      expectRefusal(response, 403, key(route));
    }
  });

  it("refuses a manager another cluster's data, and another event's, with guessed or incremented ids", async () => {
    for (const route of routes.filter((r) => MANAGER.has(key(r)))) {
      const targets: { who: string; auth: { Authorization: string }; event: string; cluster: string }[] = [];
      if (route.path.includes('{clusterId}')) {
        // The manager of B guesses A's cluster id; A tries every other cluster id.
        targets.push({ who: 'B on A', auth: managerB, event: eventId, cluster: 'a' });
        for (const cluster of ['b', 'c', 'd', 'e', 'a-1', 'A']) {
          targets.push({ who: `A on ${cluster}`, auth: managerA, event: eventId, cluster });
        }
      }
      if (route.path.includes('{id}')) {
        // A manager of another event, with the same cluster id; another event's id; a random one.
        targets.push({ who: 'other event on A', auth: managerOther, event: eventId, cluster: 'a' });
        targets.push({ who: 'A on other event', auth: managerA, event: otherEventId, cluster: 'a' });
        targets.push({ who: 'A on a random event', auth: managerA, event: randomUUID(), cluster: 'a' });
      }
      for (const target of targets) {
        const response = await call(route, url(route, target), target.auth);
        expectRefusal(response, 403, `${key(route)} ${target.who}`);
      }
    }
  });

  it("lets a manager use its own routes, seeing names but no other cluster's wishes or contacts", async () => {
    for (const route of routes.filter((r) => MANAGER.has(key(r)))) {
      const response = await call(route, url(route, { event: eventId, cluster: 'a' }), managerA);
      expect({ route: key(route), status: response.status }).not.toEqual({ route: key(route), status: 401 });
      if (response.status === 403) expect(ACCESS_DENIED).not.toContain(response.body.message);
      for (const secret of secrets) expect(response.text).not.toContain(secret);
      // Its own contact at most, never another cluster's.
      expect(response.text).not.toMatch(/[bcd]@secret|inviteToken/);
    }
    const participants = await service
      .http()
      .get(`/api/events/${eventId}/participants`)
      .set(managerA)
      .expect(200);
    expect(participants.body).toEqual(
      ['a', 'b', 'c', 'd'].map((id) => ({ id, name: `Cluster ${id}`, region: null, kind: null })),
    );
    const own = await service
      .http()
      .get(`/api/events/${eventId}/participants/a/wishes`)
      .set(managerA)
      .expect(200);
    expect(own.body.wishes).toEqual([{ to: 'b', rank: 1 }]);
    const event = await service.http().get(`/api/events/${eventId}`).set(managerA).expect(200);
    expect(JSON.stringify(event.body)).not.toMatch(/"wishes"/);
  });

  it('lets an organiser use every route; unknown ids are 404 and nothing shows invite tokens', async () => {
    for (const route of routes.filter((r) => !PUBLIC.has(key(r)))) {
      // Cluster c, so that revoking or removing it does not disturb the managers above.
      const response = await call(route, url(route, { event: eventId, cluster: 'c' }), organiser);
      const denied = response.status === 401 || response.status === 403;
      expect({ route: key(route), denied }).toEqual({ route: key(route), denied: false });
      if (!/\/invites?$/.test(route.path)) {
        for (const secret of secrets) expect(response.text).not.toContain(secret);
        expect(response.text).not.toMatch(/inviteTokenHash|invite_token_hash/);
      }
    }
    for (const route of routes.filter((r) => r.path.includes('{id}'))) {
      const response = await call(route, url(route, { event: randomUUID(), cluster: 'a' }), organiser);
      // 404, or 400 naming the fields when the (empty) body is refused before the event is looked up.
      if (response.status === 400) {
        expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.anything()] });
        for (const secret of secrets) expect(response.text).not.toContain(secret);
      } else expectRefusal(response, 404, `${key(route)} unknown event`);
    }
    await service.http().get(`/api/events/${eventId}/schedules/999`).set(organiser).expect(404);
  });
});
