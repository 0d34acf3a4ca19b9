import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { sql } from '../support/database';
import { eventDocument } from '../support/factories';
import { importEvent, issueInvites } from '../support/flows';
import { bearer, organiserAuth, startAnotherApi, startService, type TestService } from '../support/service';

jest.setTimeout(120_000);

type Auth = { Authorization: string };

/**
 * The wish-list replacement recognises an invite token its API process verified before without
 * reading it again (one round trip less in the deadline rush); its writing statement checks the
 * token, and any refusal is told only once the token is verified. So a link revoked — by this
 * process or another one — writes nothing and learns nothing but 401, whatever it sends.
 */
describe('invite tokens remembered by an API process', () => {
  let service: TestService;
  let other: INestApplication;
  let organiser: Auth;
  let eventId: string;

  const a = () => service.http();
  const b = () => request(other.getHttpServer());
  const wishesPath = (cluster: string) => `/api/events/${eventId}/participants/${cluster}/wishes`;
  const storedWishes = async (cluster: string) =>
    sql(
      service.database,
      `SELECT t.cluster_id AS "to", w.rank, p.version FROM participation p
       LEFT JOIN wish w ON w.participation_id = p.id LEFT JOIN participation t ON t.id = w.to_participation_id
       WHERE p.event_id = $1 AND p.cluster_id = $2 ORDER BY w.rank`,
      [eventId, cluster],
    );

  /** A manager whose token process A has verified (the page was opened: GET of the list). */
  async function rememberedManager(cluster: string): Promise<Auth> {
    const { body } = await a()
      .post(`/api/events/${eventId}/participants/${cluster}/invite`)
      .set(organiser)
      .expect(201);
    const manager = bearer(body.token as string);
    await a().get(wishesPath(cluster)).set(manager).expect(200);
    await a()
      .put(wishesPath(cluster))
      .set(manager)
      .send({ wishes: [{ to: 'e', rank: 1 }] })
      .expect(200);
    return manager;
  }
  const revokeThrough = (app: () => request.Agent | ReturnType<typeof request>, cluster: string) =>
    app().delete(`/api/events/${eventId}/participants/${cluster}/invite`).set(organiser).expect(204);

  beforeAll(async () => {
    service = await startService();
    other = await startAnotherApi(service);
    organiser = await organiserAuth(service);
    eventId = await importEvent(
      service,
      organiser,
      eventDocument({ clusters: ['a', 'b', 'c', 'd', 'e'] }),
      'open',
    );
    await issueInvites(service, organiser, eventId);
  });

  afterAll(async () => {
    await other?.close();
    await service?.close();
  });

  it('takes the lists of a remembered, valid token', async () => {
    const manager = await rememberedManager('a');
    const answer = await a()
      .put(wishesPath('a'))
      .set(manager)
      .send({
        wishes: [
          { to: 'b', rank: 1 },
          { to: 'c', rank: 2 },
        ],
      })
      .expect(200);
    expect(answer.body.wishes).toEqual([
      { to: 'b', rank: 1 },
      { to: 'c', rank: 2 },
    ]);
  });

  it('writes nothing for a token revoked by another API process: 401', async () => {
    const manager = await rememberedManager('b');
    const before = await storedWishes('b');
    await revokeThrough(b, 'b');
    const answer = await a()
      .put(wishesPath('b'))
      .set(manager)
      .send({ wishes: [{ to: 'c', rank: 1 }] })
      .expect(401);
    expect(answer.body.code).toBe('UNAUTHORIZED');
    expect(await storedWishes('b')).toEqual(before);
  });

  it('tells a revoked token nothing about its list: 401, not the validation error or the stale version', async () => {
    const manager = await rememberedManager('c');
    await revokeThrough(a, 'c');
    for (const [body, ifMatch] of [
      [{ wishes: [{ to: 'zz-unknown', rank: 1 }] }, undefined],
      [{ wishes: [{ to: 'a', rank: 9 }] }, undefined],
      [{ wishes: [{ to: 'a', rank: 1 }] }, '"999"'],
    ] as const) {
      const put = a().put(wishesPath('c')).set(manager);
      if (ifMatch) put.set('If-Match', ifMatch);
      const answer = await put.send(body).expect(401);
      expect(JSON.stringify(answer.body)).not.toMatch(/zz-unknown|wishes\[0\]|999/);
    }
  });

  it('refuses the old link and takes the new one once an invite is re-issued', async () => {
    const old = await rememberedManager('d');
    const { body } = await b()
      .post(`/api/events/${eventId}/participants/d/invite`)
      .set(organiser)
      .expect(201);
    await a()
      .put(wishesPath('d'))
      .set(old)
      .send({ wishes: [{ to: 'a', rank: 1 }] })
      .expect(401);
    await a()
      .put(wishesPath('d'))
      .set(bearer(body.token as string))
      .send({ wishes: [{ to: 'a', rank: 1 }] })
      .expect(200);
    expect((await storedWishes('d')).map((row) => row.to)).toEqual(['a']);
  });
});
