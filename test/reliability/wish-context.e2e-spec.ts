import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { connection, sql } from '../support/database';
import { eventDocument } from '../support/factories';
import { importEvent, issueInvites } from '../support/flows';
import { bearer, organiserAuth, startAnotherApi, startService, type TestService } from '../support/service';

jest.setTimeout(120_000);

type Auth = { Authorization: string };

/**
 * Each API process keeps in memory what wish lists are validated against (status, settings,
 * participants), and writes a list only if the event's context revision is still the one it
 * validated against. Here the organiser changes the event through ANOTHER API process on the same
 * database (as with API_PROCESSES > 1): the manager's next list must be judged on the new state at
 * once — never accepted, nor refused, on a stale copy.
 */
describe('wish lists judged on the current event, whichever API process changed it', () => {
  let service: TestService;
  let other: INestApplication;
  let organiser: Auth;
  let eventId: string;
  let manager: Auth;

  /** A (the manager's process) and B (the organiser's). */
  const a = () => service.http();
  const b = () => request(other.getHttpServer());
  const put = (wishes: { to: string; rank: number }[]) =>
    a().put(`/api/events/${eventId}/participants/a/wishes`).set(manager).send({ wishes });
  const stored = async () =>
    (await a().get(`/api/events/${eventId}/participants/a/wishes`).set(manager).expect(200)).body as {
      wishes: { to: string; rank: number }[];
      version: number;
    };

  beforeAll(async () => {
    service = await startService();
    other = await startAnotherApi(service);
    organiser = await organiserAuth(service);
    const document = eventDocument({
      event: { pairing: 'cross-region' },
      clusters: [
        { id: 'a', region: 'Auvergne' },
        { id: 'b', region: 'Rhône-Alpes' },
        { id: 'c', region: 'Rhône-Alpes' },
        { id: 'd', region: 'Rhône-Alpes' },
      ],
    });
    eventId = await importEvent(service, organiser, document, 'open');
    manager = bearer((await issueInvites(service, organiser, eventId)).get('a') as string);
  });

  afterAll(async () => {
    await other?.close();
    await service?.close();
  });

  it('accepts a cluster registered meanwhile (a stale copy would call it unknown)', async () => {
    await put([{ to: 'b', rank: 1 }]).expect(200); // A now holds the event's context
    await b()
      .post(`/api/events/${eventId}/participants`)
      .set(organiser)
      .send({ clusters: [{ id: 'e', name: 'Cluster e', region: 'Rhône-Alpes' }] })
      .expect(201);
    const answer = await put([
      { to: 'b', rank: 1 },
      { to: 'e', rank: 2 },
    ]).expect(200);
    expect(answer.body.wishes).toEqual([
      { to: 'b', rank: 1 },
      { to: 'e', rank: 2 },
    ]);
  });

  it('refuses a partner moved into the same region meanwhile, and stores nothing of the list', async () => {
    const before = await stored();
    await b().patch('/api/clusters/c').set(organiser).send({ region: 'Auvergne' }).expect(200);
    const answer = await put([{ to: 'c', rank: 1 }]).expect(400);
    expect(JSON.stringify(answer.body)).toContain('wishes[0].to');
    expect(await stored()).toEqual(before);
  });

  it('refuses a cluster removed meanwhile', async () => {
    await put([{ to: 'd', rank: 1 }]).expect(200);
    await b().delete(`/api/events/${eventId}/participants/d`).set(organiser).expect(204);
    const answer = await put([{ to: 'd', rank: 1 }]).expect(400);
    expect(JSON.stringify(answer.body)).toContain('wishes[0].to');
  });

  it('stops lists as soon as the event is closed, and takes them again once it is re-opened', async () => {
    await put([{ to: 'b', rank: 1 }]).expect(200);
    await b().post(`/api/events/${eventId}/status`).set(organiser).send({ status: 'closed' }).expect(200);
    const before = await stored();
    await put([{ to: 'e', rank: 1 }]).expect(403);
    expect(await stored()).toEqual(before);
    await b().post(`/api/events/${eventId}/status`).set(organiser).send({ status: 'open' }).expect(200);
    await put([{ to: 'e', rank: 1 }]).expect(200);
  });

  it('never writes a list after the organiser was told the list is closed, even one held back meanwhile', async () => {
    await put([{ to: 'b', rank: 1 }]).expect(200);
    const before = await stored();
    // Another writer of the same list holds its row: the manager's replacement waits behind it.
    const holder = await holdListRow(service, eventId, 'a');
    try {
      const answered: string[] = [];
      const putting = put([{ to: 'e', rank: 1 }]).then((answer) => {
        answered.push('put');
        return answer;
      });
      await until(async () => (await waiting(service)) >= 1);
      // Meanwhile the organiser closes the list (through the other API process).
      const closing = b()
        .post(`/api/events/${eventId}/status`)
        .set(organiser)
        .send({ status: 'closed' })
        .then((answer) => {
          answered.push('close');
          return answer;
        });
      await until(async () => answered.includes('close') || (await waiting(service)) >= 2);
      await holder.query('ROLLBACK');
      const [putAnswer, closeAnswer] = await Promise.all([putting, closing]);
      expect(closeAnswer.status).toBe(200);
      if (putAnswer.status === 200) {
        // Written before the close, not after the organiser was answered.
        expect(answered).toEqual(['put', 'close']);
        expect((await stored()).wishes).toEqual([{ to: 'e', rank: 1 }]);
      } else {
        expect(putAnswer.status).toBe(403);
        expect(await stored()).toEqual(before);
      }
    } finally {
      await holder.end();
      await b().post(`/api/events/${eventId}/status`).set(organiser).send({ status: 'open' });
    }
  });

  it('changes an availability and replaces the list of one cluster at once without a deadlock', async () => {
    // The availability change is first in line for the participation row, the list second: both
    // lock the event row first (the availability's trigger updates it), so neither waits for the
    // other while holding what the other needs.
    const holder = await holdListRow(service, eventId, 'a');
    try {
      const setting = a()
        .put(`/api/events/${eventId}/participants/a/availability`)
        .set(organiser)
        .send({ availability: [{ start: '14:00', end: '16:00' }] })
        .then((answer) => answer);
      await until(async () => (await waiting(service)) >= 1);
      const putting = put([{ to: 'b', rank: 1 }]).then((answer) => answer);
      await until(async () => (await waiting(service)) >= 2);
      await holder.query('ROLLBACK');
      const [setAnswer, putAnswer] = await Promise.all([setting, putting]);
      expect(setAnswer.status).toBe(200);
      expect(putAnswer.status).toBe(200);
      expect((await stored()).wishes).toEqual([{ to: 'b', rank: 1 }]);
    } finally {
      await holder.end();
      await a()
        .put(`/api/events/${eventId}/participants/a/availability`)
        .set(organiser)
        .send({ availability: null });
    }
  });

  it('moves the revision on every change of the context, and never on a wish list', async () => {
    const revision = async () =>
      Number(
        (await sql(service.database, 'SELECT context_revision FROM event WHERE id = $1', [eventId]))[0]
          .context_revision,
      );
    const start = await revision();
    await put([{ to: 'b', rank: 1 }]).expect(200);
    expect(await revision()).toBe(start);
    await b()
      .put(`/api/events/${eventId}/participants/b/availability`)
      .set(organiser)
      .send({ availability: [{ start: '14:00', end: '15:00' }] })
      .expect(200);
    expect(await revision()).toBe(start + 1);
    await b().patch(`/api/events/${eventId}`).set(organiser).send({ maxWishesPerCluster: 4 }).expect(200);
    expect(await revision()).toBe(start + 2);
  });
});

/**
 * Another writer of a cluster's list, in the middle of its transaction: a connection of its own
 * holding the participation row (FOR NO KEY UPDATE, as a list replacement does) until it ends.
 */
async function holdListRow(service: TestService, eventId: string, clusterId: string) {
  const holder = await connection(service.database);
  await holder.query('BEGIN');
  await holder.query(
    'SELECT 1 FROM participation WHERE event_id = $1 AND cluster_id = $2 FOR NO KEY UPDATE',
    [eventId, clusterId],
  );
  return holder;
}

/** Sessions of the service's database waiting for a lock. */
async function waiting(service: TestService): Promise<number> {
  const [row] = await sql(
    service.database,
    `SELECT count(*) AS n FROM pg_stat_activity
     WHERE datname = current_database() AND wait_event_type = 'Lock'`,
  );
  return Number(row.n);
}

/** Polls until `done` (5 s at most). */
async function until(done: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200 && !(await done()); i++) await new Promise((r) => setTimeout(r, 25));
}
