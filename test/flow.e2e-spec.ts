import { checkSchedule, parseEventFile, type EventFile, type ScheduleFile } from '@app/scheduling';
import { sampleEvent } from './support/factories';
import { bearer, eventually, organiserAuth, startService, type TestService } from './support/service';

jest.setTimeout(120_000);

/**
 * The main path, against the real PostgreSQL, Redis and the real worker (in-process): log in,
 * import the Clermont sample, issue invites, a manager replaces its wishes, another is refused on
 * them, solve, check the schedule with checkSchedule, publish, a manager reads its agenda.
 */
describe('organiser and managers, from import to published agendas', () => {
  let service: TestService;
  let auth: { Authorization: string };
  let eventId: string;
  const invites = new Map<string, string>();

  beforeAll(async () => {
    service = await startService({ worker: true });
    auth = await organiserAuth(service);
  });

  afterAll(async () => {
    await service?.close();
  });

  it('refuses a wrong password and requests without a token', async () => {
    const wrong = await service
      .http()
      .post('/api/auth/login')
      .send({ email: 'organiser@example.org', password: 'nope nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({
      statusCode: 401,
      code: 'UNAUTHORIZED',
      message: 'Wrong email or password.',
    });
    await service.http().get('/api/events').expect(401);
    await service.http().get('/api/events').set(bearer('not.a.jwt')).expect(401);
  });

  it('imports the Clermont sample', async () => {
    const response = await service
      .http()
      .post('/api/events/import')
      .set(auth)
      .send(sampleEvent('clermont'))
      .expect(201);
    eventId = response.body.id;
    expect(eventId).toMatch(/^[0-9a-f-]{36}$/);
    const event = await service.http().get(`/api/events/${eventId}`).set(auth).expect(200);
    expect(event.body).toMatchObject({ status: 'draft', participantCount: 40 });
    await service.http().post(`/api/events/${eventId}/status`).set(auth).send({ status: 'open' }).expect(200);
  });

  it('issues invite links, each with at least 128 random bits', async () => {
    const response = await service
      .http()
      .post(`/api/events/${eventId}/participants/invites`)
      .set(auth)
      .expect(201);
    expect(response.body).toHaveLength(40);
    for (const invite of response.body as { clusterId: string; token: string; url: string }[]) {
      expect(invite.token).toMatch(/^inv_[A-Za-z0-9_-]{43}$/);
      expect(invite.url).toBe(`http://interclustering.test/invite#${invite.token}`);
      invites.set(invite.clusterId, invite.token);
    }
    expect(new Set(invites.values()).size).toBe(40);
  });

  it('tells a manager who it is', async () => {
    const me = await service
      .http()
      .get('/api/me')
      .set(bearer(invites.get('aei') as string))
      .expect(200);
    expect(me.body).toEqual({
      kind: 'manager',
      event: {
        id: eventId,
        name: 'Journée Interclustering — Clermont-Ferrand',
        date: '2015-07-09',
        status: 'open',
      },
      cluster: { id: 'aei', name: 'Auvergne Efficience Industrielle' },
    });
  });

  it('lets a manager read the event and the participants, without contacts or wishes', async () => {
    const manager = bearer(invites.get('aei') as string);
    await service.http().get(`/api/events/${eventId}`).set(manager).expect(200);
    const list = await service.http().get(`/api/events/${eventId}/participants`).set(manager).expect(200);
    expect(list.body).toHaveLength(40);
    expect(Object.keys(list.body[0]).sort()).toEqual(['id', 'kind', 'name', 'region']);
  });

  it('lets a manager replace its own wishes atomically, with versions', async () => {
    const manager = bearer(invites.get('aei') as string);
    const before = await service
      .http()
      .get(`/api/events/${eventId}/participants/aei/wishes`)
      .set(manager)
      .expect(200);
    const version = before.body.version as number;
    expect(before.headers.etag).toBe(`"${version}"`);

    const wishes = [
      { to: 'mbi', rank: 1 },
      { to: 'minalogic', rank: 2 },
      { to: 'plastipolis', rank: 3 },
    ];
    const put = await service
      .http()
      .put(`/api/events/${eventId}/participants/aei/wishes`)
      .set(manager)
      .set('If-Match', `"${version}"`)
      .send({ wishes })
      .expect(200);
    expect(put.body).toEqual({ clusterId: 'aei', wishes, version: version + 1 });
    expect(put.headers.etag).toBe(`"${version + 1}"`);

    // A stale If-Match is refused; without If-Match the last write wins.
    const stale = await service
      .http()
      .put(`/api/events/${eventId}/participants/aei/wishes`)
      .set(manager)
      .set('If-Match', `"${version}"`)
      .send({ wishes: [] });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('VERSION_MISMATCH');

    // An invalid list is refused whole, naming every bad field, and nothing changes.
    const bad = await service
      .http()
      .put(`/api/events/${eventId}/participants/aei/wishes`)
      .set(manager)
      .send({
        wishes: [
          { to: 'mbi', rank: 1 },
          { to: 'aei', rank: 9 },
          { to: 'nobody', rank: 1 },
        ],
      });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const paths = (bad.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['wishes[1].to', 'wishes[1].rank', 'wishes[2].to']));
    const after = await service
      .http()
      .get(`/api/events/${eventId}/participants/aei/wishes`)
      .set(manager)
      .expect(200);
    expect(after.body).toEqual({ clusterId: 'aei', wishes, version: version + 1 });
  });

  it("refuses a manager on another cluster's wishes and on organiser routes, leaking nothing", async () => {
    const other = bearer(invites.get('mbi') as string);
    for (const call of [
      service.http().get(`/api/events/${eventId}/participants/aei/wishes`).set(other),
      service.http().put(`/api/events/${eventId}/participants/aei/wishes`).set(other).send({ wishes: [] }),
      service
        .http()
        .put(`/api/events/${eventId}/participants/aei/availability`)
        .set(other)
        .send({ availability: null }),
      service.http().get(`/api/events/${eventId}/export`).set(other),
      service.http().post(`/api/events/${eventId}/solve`).set(other),
      service.http().get('/api/events').set(other),
    ]) {
      const response = await call;
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN');
      expect(JSON.stringify(response.body)).not.toContain('minalogic');
    }
    // A revoked link stops working; a re-issued one works.
    await service.http().delete(`/api/events/${eventId}/participants/mbi/invite`).set(auth).expect(204);
    await service.http().get('/api/me').set(other).expect(401);
    const reissued = await service
      .http()
      .post(`/api/events/${eventId}/participants/mbi/invite`)
      .set(auth)
      .expect(201);
    invites.set('mbi', reissued.body.token);
    await service.http().get('/api/me').set(bearer(reissued.body.token)).expect(200);
  });

  it('lets a manager change its availability while open, validated with the event rules', async () => {
    const manager = bearer(invites.get('mbi') as string);
    const bad = await service
      .http()
      .put(`/api/events/${eventId}/participants/mbi/availability`)
      .set(manager)
      .send({ availability: [{ start: '25:00', end: '16:00' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toMatch(/^availability\[0\]/);
    const ok = await service
      .http()
      .put(`/api/events/${eventId}/participants/mbi/availability`)
      .set(manager)
      .send({ availability: [{ start: '14:00', end: '17:00' }] })
      .expect(200);
    expect(ok.body.availability).toEqual([{ start: '14:00', end: '17:00' }]);
  });

  let version: number;

  it('solves through the real worker and gives a valid schedule', async () => {
    await service.http().post(`/api/events/${eventId}/solve`).set(auth).expect(409); // still open
    await service
      .http()
      .post(`/api/events/${eventId}/status`)
      .set(auth)
      .send({ status: 'closed' })
      .expect(200);
    const manager = bearer(invites.get('aei') as string);
    const closed = await service
      .http()
      .put(`/api/events/${eventId}/participants/aei/wishes`)
      .set(manager)
      .send({ wishes: [] });
    expect(closed.status).toBe(403);

    const solve = await service.http().post(`/api/events/${eventId}/solve`).set(auth).expect(202);
    version = solve.body.version;
    expect(version).toBe(1);
    expect(solve.body.jobId).toEqual(expect.any(String));

    const done = await eventually(
      async () => {
        const response = await service
          .http()
          .get(`/api/events/${eventId}/schedules/${version}`)
          .set(auth)
          .expect(200);
        if (response.body.state === 'failed') throw new Error(`solve failed: ${response.body.reason}`);
        return response.body.state === 'done' ? response.body : undefined;
      },
      90_000,
      'the schedule',
    );
    expect(done).toMatchObject({ version: 1, state: 'done', progress: 1, attempts: 1 });

    const exported = await service.http().get(`/api/events/${eventId}/export`).set(auth).expect(200);
    const parsed = parseEventFile(exported.body);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const event: EventFile = parsed.value;
    const schedule = (await service.http().get(`/api/events/${eventId}/schedule`).set(auth).expect(200))
      .body as ScheduleFile;
    expect(schedule.format).toBe('interclustering-schedule/1');
    expect(schedule.meetings.length).toBeGreaterThan(0);
    const report = checkSchedule(event, schedule);
    expect(report.violations).toEqual([]);
    expect(report.valid).toBe(true);

    const status = await service.http().get(`/api/events/${eventId}`).set(auth).expect(200);
    expect(status.body.status).toBe('scheduled');
  });

  it('lets managers read their agenda only once published', async () => {
    const manager = bearer(invites.get('aei') as string);
    await service.http().get(`/api/events/${eventId}/schedule`).set(manager).expect(403);
    await service.http().post(`/api/events/${eventId}/schedules/${version}/publish`).set(auth).expect(200);

    const schedule = (await service.http().get(`/api/events/${eventId}/schedule`).set(manager).expect(200))
      .body as ScheduleFile;
    expect(schedule.meetings.length).toBeGreaterThan(0);
    for (const meeting of schedule.meetings) expect(meeting.clusters).toContain('aei');
    for (const unmet of schedule.unmetWishes) expect(unmet.from).toBe('aei');
    expect(schedule.stats).toEqual({});

    const agenda = await service
      .http()
      .get(`/api/events/${eventId}/participants/aei/agenda`)
      .set(manager)
      .expect(200);
    expect(agenda.body.cluster).toEqual({ id: 'aei', name: 'Auvergne Efficience Industrielle' });
    expect(agenda.body.meetings).toHaveLength(schedule.meetings.length);
    expect(agenda.body.meetings[0]).toEqual({
      slot: expect.any(Number),
      start: expect.stringMatching(/^\d\d:\d\d$/),
      end: expect.stringMatching(/^\d\d:\d\d$/),
      table: expect.any(Number),
      partner: { id: expect.any(String), name: expect.any(String) },
    });
    await service.http().get(`/api/events/${eventId}/participants/mbi/agenda`).set(manager).expect(403);
  });
});
