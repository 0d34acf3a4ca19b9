import { parseEventFile, type EventFile } from '@app/scheduling';
import { mutualWish, wish } from '@app/scheduling/testing';
import { rowCounts } from './support/database';
import { eventDocument, sampleEvent, settingsBody } from './support/factories';
import { eventually, organiserAuth, startService, type TestService } from './support/service';

jest.setTimeout(120_000);

function parsed(document: unknown): EventFile {
  const result = parseEventFile(document);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

describe('events: import, export, settings and status', () => {
  let service: TestService;
  let auth: { Authorization: string };

  beforeAll(async () => {
    service = await startService({ worker: true });
    auth = await organiserAuth(service);
  });

  afterAll(async () => {
    await service?.close();
  });

  it.each(['clermont', 'lyon'] as const)(
    'round-trips the %s sample through import and export',
    async (name) => {
      const original = sampleEvent(name);
      const { body } = await service.http().post('/api/events/import').set(auth).send(original).expect(201);
      const exported = await service.http().get(`/api/events/${body.id}/export`).set(auth).expect(200);
      expect(parsed(exported.body)).toEqual(parsed(original));
      // And again: export → import → export gives the same document.
      const again = await service.http().post('/api/events/import').set(auth).send(exported.body).expect(201);
      const exportedAgain = await service
        .http()
        .get(`/api/events/${again.body.id}/export`)
        .set(auth)
        .expect(200);
      expect(exportedAgain.body).toEqual(exported.body);
    },
  );

  it('keeps avoid, alreadyMet, fixed and availability through the round trip', async () => {
    const original = eventDocument({
      clusters: ['a', 'b', { id: 'c', availability: [{ start: '14:00', end: '15:00' }] }, 'd'],
      wishes: [...mutualWish('a', 'b'), wish('c', 'd', 2), wish('d', 'a', 1)],
      avoid: [{ from: 'c', to: 'a' }],
      alreadyMet: [['b', 'd']],
      fixed: [{ clusters: ['a', 'd'], slot: 1, table: 2 }],
      event: { venue: 'Hall 3', changeoverMinutes: 5 },
    });
    const { body } = await service.http().post('/api/events/import').set(auth).send(original).expect(201);
    const exported = await service.http().get(`/api/events/${body.id}/export`).set(auth).expect(200);
    expect(exported.body).toEqual(parsed(original));
  });

  it('refuses a bad file with 400 naming every bad field, and stores nothing', async () => {
    const before = await rowCounts(service.database);
    const bad = sampleEvent('clermont');
    (bad.event as Record<string, unknown>).tables = 0;
    (bad.clusters as Record<string, unknown>[])[3].id = 'Not An Id';
    (bad.wishes as Record<string, unknown>[])[12].rank = 9;
    (bad as Record<string, unknown>).extra = true;
    const response = await service.http().post('/api/events/import').set(auth).send(bad).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    const paths = (response.body.errors as { path: string; message: string }[]).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['event.tables', 'clusters[3].id', 'wishes[12].rank', 'extra']),
    );
    expect(await rowCounts(service.database)).toEqual(before);
  });

  it('creates, lists and updates events, validating settings with the event-file rules', async () => {
    const bad = await service
      .http()
      .post('/api/events')
      .set(auth)
      .send(settingsBody({ tables: 0, date: '2015-02-30' }));
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(['date', 'tables']);

    const created = await service
      .http()
      .post('/api/events')
      .set(auth)
      .send(settingsBody({ name: 'Spring day' }))
      .expect(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      settings: { name: 'Spring day', tables: 10 },
      participantCount: 0,
    });
    const list = await service.http().get('/api/events').set(auth).expect(200);
    expect(list.body.map((e: { id: string }) => e.id)).toContain(created.body.id);

    const updated = await service
      .http()
      .patch(`/api/events/${created.body.id}`)
      .set(auth)
      .send({ tables: 12 })
      .expect(200);
    expect(updated.body.settings.tables).toBe(12);
    const unknown = await service
      .http()
      .patch(`/api/events/${created.body.id}`)
      .set(auth)
      .send({ tablez: 12 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      { path: 'tablez', message: expect.any(String), code: 'unknown-field', params: { field: 'tablez' } },
    ]);

    await service.http().get('/api/events/00000000-0000-4000-8000-000000000000').set(auth).expect(404);
    const notUuid = await service.http().get('/api/events/nope').set(auth).expect(404);
    expect(notUuid.body.code).toBe('EVENT_NOT_FOUND');
  });

  it('walks every status transition, allowed and refused', async () => {
    const document = eventDocument({
      wishes: [...mutualWish('a', 'b'), ...mutualWish('c', 'd'), wish('a', 'c', 2)],
    });
    const { body } = await service.http().post('/api/events/import').set(auth).send(document).expect(201);
    const id = body.id as string;
    const all = ['draft', 'open', 'closed', 'scheduled', 'published'];
    const to = (status: string) => service.http().post(`/api/events/${id}/status`).set(auth).send({ status });
    const refusedFrom = async (current: string, allowed: string[]) => {
      for (const target of all.filter((s) => !allowed.includes(s))) {
        const response = await to(target);
        expect({ from: current, to: target, status: response.status, code: response.body.code }).toEqual({
          from: current,
          to: target,
          status: 409,
          code: 'INVALID_STATUS_TRANSITION',
        });
      }
    };
    const solveAndWait = async () => {
      const solve = await service.http().post(`/api/events/${id}/solve`).set(auth).expect(202);
      await eventually(async () => {
        const v = await service.http().get(`/api/events/${id}/schedules/${solve.body.version}`).set(auth);
        return v.body.state === 'done' ? true : undefined;
      });
      return solve.body.version as number;
    };
    const status = async () => (await service.http().get(`/api/events/${id}`).set(auth)).body.status;

    await refusedFrom('draft', ['open']);
    await to('open').expect(200);
    await refusedFrom('open', ['closed']);
    const whileOpen = await service.http().post(`/api/events/${id}/solve`).set(auth).expect(409);
    expect(whileOpen.body.message).toMatch(/close the wish list/i);
    await to('closed').expect(200);
    await refusedFrom('closed', ['open']);
    await to('open').expect(200); // re-open from closed
    await to('closed').expect(200);

    const version = await solveAndWait();
    expect(await status()).toBe('scheduled');
    await refusedFrom('scheduled', ['open']);
    await service.http().post(`/api/events/${id}/schedules/${version}/publish`).set(auth).expect(200);
    expect(await status()).toBe('published');
    await refusedFrom('published', ['open']);
    const frozen = await service.http().patch(`/api/events/${id}`).set(auth).send({ tables: 5 });
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('EVENT_FROZEN');
    await service.http().post(`/api/events/${id}/solve`).set(auth).expect(409);

    await to('open').expect(200); // re-open from published
    await service.http().patch(`/api/events/${id}`).set(auth).send({ tables: 5 }).expect(200);
    await service.http().post(`/api/events/${id}/schedules/${version}/publish`).set(auth).expect(409);
    await to('closed').expect(200);
    await solveAndWait();
    await to('open').expect(200); // re-open from scheduled
    expect(await status()).toBe('open');

    const badStatus = await to('archived');
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.errors[0].path).toBe('status');
  });

  it('solves an imported draft as it stands: import, solve, publish, with no status step in between', async () => {
    const { body } = await service
      .http()
      .post('/api/events/import')
      .set(auth)
      .send(sampleEvent('lyon'))
      .expect(201);
    const id = body.id as string;
    expect((await service.http().get(`/api/events/${id}`).set(auth)).body.status).toBe('draft');
    const solve = await service.http().post(`/api/events/${id}/solve`).set(auth).expect(202);
    await eventually(async () => {
      const v = await service.http().get(`/api/events/${id}/schedules/${solve.body.version}`).set(auth);
      return v.body.state === 'done' ? true : undefined;
    });
    expect((await service.http().get(`/api/events/${id}`).set(auth)).body.status).toBe('scheduled');
    await service
      .http()
      .post(`/api/events/${id}/schedules/${solve.body.version}/publish`)
      .set(auth)
      .expect(200);
    expect((await service.http().get(`/api/events/${id}`).set(auth)).body.status).toBe('published');
    await service.http().post(`/api/events/${id}/solve`).set(auth).expect(409);
  });
});
