import { sql } from '../support/database';
import { sampleEvent } from '../support/factories';
import { importEvent } from '../support/flows';
import { eventually, organiserAuth, startService, type TestService } from '../support/service';

jest.setTimeout(120_000);

/**
 * Two solves requested for the same unchanged data (a double click, two organisers): each request
 * is recorded as its own version (1 and 2), each version is solved exactly once, and the two
 * versions are IDENTICAL — same meetings at the same slots and tables, same unmet wishes, same
 * figures — because the snapshot is the same and the solver has no randomness (a solve that ends
 * within its time limit, as here, does not depend on timing).
 */
describe('two solves of the same unchanged data', () => {
  let service: TestService;
  let auth: { Authorization: string };

  beforeAll(async () => {
    service = await startService({ worker: true, env: { SOLVE_TIME_LIMIT_SECONDS: '60' } });
    auth = await organiserAuth(service);
  });

  afterAll(async () => {
    await service?.close();
  });

  it('gives two versions, each solved once, with identical schedules', async () => {
    const id = await importEvent(service, auth, sampleEvent('clermont'));
    const [first, second] = await Promise.all([
      service.http().post(`/api/events/${id}/solve`).set(auth),
      service.http().post(`/api/events/${id}/solve`).set(auth),
    ]);
    expect([first.status, second.status]).toEqual([202, 202]);
    expect([first.body.version, second.body.version].sort()).toEqual([1, 2]);
    expect(first.body.jobId).not.toEqual(second.body.jobId);

    for (const version of [1, 2]) {
      await eventually(
        async () => {
          const { body } = await service
            .http()
            .get(`/api/events/${id}/schedules/${version}`)
            .set(auth)
            .expect(200);
          return body.state === 'done' ? true : undefined;
        },
        90_000,
        `version ${version} done`,
      );
    }
    const versions = await sql(
      service.database,
      `SELECT version, attempts, snapshot FROM schedule_version WHERE event_id = $1 ORDER BY version`,
      [id],
    );
    expect(versions.map((v) => v.attempts)).toEqual([1, 1]);
    expect(versions[0].snapshot).toEqual(versions[1].snapshot);

    const schedule = async (version: number) =>
      (await service.http().get(`/api/events/${id}/schedule?version=${version}`).set(auth).expect(200)).body;
    const [one, two] = [await schedule(1), await schedule(2)];
    expect(one.meetings.length).toBeGreaterThan(0);
    expect(two.meetings).toEqual(one.meetings);
    expect(two.unmetWishes).toEqual(one.unmetWishes);
    const { solveSeconds: _a, ...figuresOne } = one.stats;
    const { solveSeconds: _b, ...figuresTwo } = two.stats;
    expect(figuresTwo).toEqual(figuresOne);
  });
});
