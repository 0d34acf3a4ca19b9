import { clusterBody, eventDocument, sampleEvent } from './support/factories';
import { ORGANISER, bearer, organiserAuth, startService, type TestService } from './support/service';

jest.setTimeout(120_000);

describe('HTTP surface: health, docs, errors, limits, directory and CSV registration', () => {
  let service: TestService;
  let auth: { Authorization: string };

  beforeAll(async () => {
    service = await startService();
    auth = await organiserAuth(service);
  });

  afterAll(async () => {
    await service?.close();
  });

  it('reports health of PostgreSQL and Redis', async () => {
    const response = await service.http().get('/api/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', checks: { postgres: 'ok', redis: 'ok' } });
  });

  it('serves the OpenAPI document', async () => {
    const response = await service.http().get('/api/docs-json').expect(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/events/import',
        '/api/events/{id}/solve',
        '/api/events/{id}/schedules/{version}',
        '/api/events/{id}/participants/{clusterId}/wishes',
        '/api/health',
      ]),
    );
    await service.http().get('/api/docs').expect(200);
  });

  it('answers unknown routes with a plain JSON 404', async () => {
    const response = await service.http().get('/api/nothing-here').set(auth).expect(404);
    expect(response.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: expect.any(String) });
  });

  it('answers malformed JSON with 400 and too large bodies with 413', async () => {
    const malformed = await service
      .http()
      .post('/api/events')
      .set(auth)
      .set('Content-Type', 'application/json')
      .send('{"name": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('INVALID_JSON');

    const big = { name: 'x'.repeat(70 * 1024) };
    const tooLarge = await service.http().post('/api/events').set(auth).send(big);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('PAYLOAD_TOO_LARGE');

    // The import route takes up to 5 MB: a 70 kB body passes the limit (and is then refused by the rules).
    const document = sampleEvent('clermont');
    (document.event as Record<string, unknown>).venue = 'v'.repeat(70 * 1024);
    const imported = await service.http().post('/api/events/import').set(auth).send(document);
    expect(imported.status).toBe(400);
    expect(imported.body.errors).toEqual([
      {
        path: 'event.venue',
        message: expect.any(String),
        code: 'too-long',
        params: { length: 70 * 1024, max: 200 },
      },
    ]);

    const huge = await service
      .http()
      .post('/api/events/import')
      .set(auth)
      .send({ ...document, padding: 'p'.repeat(6 * 1024 * 1024) });
    expect(huge.status).toBe(413);
  });

  it('validates the login body and throttles login attempts', async () => {
    const missing = await service.http().post('/api/auth/login').send({ email: ORGANISER.email });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([
      { path: 'password', message: expect.any(String), code: 'required' },
    ]);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push(
        (
          await service
            .http()
            .post('/api/auth/login')
            .send({ email: ORGANISER.email, password: 'wrong password' })
        ).status,
      );
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
  });

  it('manages the cluster directory', async () => {
    const created = await service.http().post('/api/clusters').set(auth).send(clusterBody()).expect(201);
    expect(created.body).toEqual({
      id: 'pole-ceramique',
      name: 'Pôle Céramique',
      region: 'Limousin',
      kind: 'pôle de compétitivité',
      contactEmail: 'contact@ceramique.example.org',
    });
    const again = await service
      .http()
      .post('/api/clusters')
      .set(auth)
      .send(clusterBody({ id: 'pole-ceramique' }));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CLUSTER_EXISTS');
    const bad = await service
      .http()
      .post('/api/clusters')
      .set(auth)
      .send({ id: 'Bad Id', name: '', contactEmail: 'nope', colour: 1 });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      'colour',
      'contactEmail',
      'id',
      'name',
    ]);

    const patched = await service
      .http()
      .patch('/api/clusters/pole-ceramique')
      .set(auth)
      .send({ kind: 'cluster' })
      .expect(200);
    expect(patched.body.kind).toBe('cluster');
    await service.http().get('/api/clusters/pole-ceramique').set(auth).expect(200);
    await service.http().delete('/api/clusters/pole-ceramique').set(auth).expect(204);
    await service.http().get('/api/clusters/pole-ceramique').set(auth).expect(404);
  });

  it('registers clusters in bulk, from JSON and from a CSV upload, all or nothing', async () => {
    const { body } = await service
      .http()
      .post('/api/events/import')
      .set(auth)
      .send(
        eventDocument({
          event: { pairing: 'cross-region' },
          clusters: [
            { id: 'a', region: 'North' },
            { id: 'b', region: 'South' },
          ],
        }),
      )
      .expect(201);
    const id = body.id as string;

    const json = await service
      .http()
      .post(`/api/events/${id}/participants`)
      .set(auth)
      .send({
        clusters: [
          { id: 'a' },
          { name: 'Vallée de la Chimie', region: 'East', contactEmail: 'x@chimie.example.org' },
        ],
      })
      .expect(201);
    expect(json.body).toEqual({
      registered: ['vallee-de-la-chimie'],
      skipped: ['a'],
      created: ['vallee-de-la-chimie'],
    });

    const csv =
      'name,region,kind,contact email\nMinalogic,Rhône-Alpes,pôle,contact@minalogic.example.org\n"Cap Digital, Paris",Île-de-France,pôle,\n';
    const uploaded = await service
      .http()
      .post(`/api/events/${id}/participants/csv`)
      .set(auth)
      .attach('file', Buffer.from(csv), { filename: 'clusters.csv', contentType: 'text/csv' })
      .expect(201);
    expect(uploaded.body.registered).toEqual(['minalogic', 'cap-digital-paris']);

    const raw = await service
      .http()
      .post(`/api/events/${id}/participants/csv`)
      .set(auth)
      .set('Content-Type', 'text/csv')
      .send('name;region\nAerospace Valley;Occitanie\n')
      .expect(201);
    expect(raw.body.registered).toEqual(['aerospace-valley']);

    // A row without region under cross-region and a bad email: refused whole, naming the lines.
    const bad = await service
      .http()
      .post(`/api/events/${id}/participants/csv`)
      .set(auth)
      .set('Content-Type', 'text/csv')
      .send('name,region,contact email\nGood One,West,\nNo Region,,\nBad Mail,West,not-an-email\n');
    expect(bad.status).toBe(400);
    const paths = (bad.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['csv.line4.contactEmail']));
    const retry = await service
      .http()
      .post(`/api/events/${id}/participants/csv`)
      .set(auth)
      .set('Content-Type', 'text/csv')
      .send('name,region\nGood One,West\nNo Region,\n');
    expect(retry.status).toBe(400);
    expect((retry.body.errors as { path: string }[]).map((e) => e.path)).toEqual(['csv.line3.region']);

    const participants = await service.http().get(`/api/events/${id}/participants`).set(auth).expect(200);
    expect(participants.body.map((p: { cluster: { id: string } }) => p.cluster.id)).toEqual([
      'a',
      'b',
      'vallee-de-la-chimie',
      'minalogic',
      'cap-digital-paris',
      'aerospace-valley',
    ]);

    await service.http().delete(`/api/events/${id}/participants/minalogic`).set(auth).expect(204);
    const exported = await service.http().get(`/api/events/${id}/export`).set(auth).expect(200);
    expect(exported.body.clusters.map((c: { id: string }) => c.id)).not.toContain('minalogic');
    const inUse = await service.http().delete('/api/clusters/a').set(auth);
    expect(inUse.status).toBe(409);
    expect(inUse.body.code).toBe('CLUSTER_IN_USE');
  });

  it('refuses invalid and unknown bearer tokens', async () => {
    await service.http().get('/api/me').set(bearer('inv_short')).expect(401);
    await service
      .http()
      .get('/api/me')
      .set(bearer(`inv_${'A'.repeat(43)}`))
      .expect(401);
    const me = await service.http().get('/api/me').set(auth).expect(200);
    expect(me.body).toEqual({ kind: 'organiser', id: expect.any(String), email: ORGANISER.email });
  });
});
