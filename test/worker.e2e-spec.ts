import { NestFactory } from '@nestjs/core';
import { SolveJobQueue, SolveService } from '@app/core';
import { mutualWish, wish } from '@app/scheduling/testing';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { sql } from './support/database';
import { eventDocument } from './support/factories';
import { eventually, organiserAuth, startService, type TestService } from './support/service';

jest.setTimeout(120_000);

describe('solve worker: retries, failures, once-only results', () => {
  let service: TestService;
  let auth: { Authorization: string };

  beforeAll(async () => {
    service = await startService({ worker: false });
    auth = await organiserAuth(service);
  });

  afterAll(async () => {
    await service?.close();
  });

  async function closedEvent(): Promise<string> {
    const document = eventDocument({
      clusters: ['a', 'b', 'c', 'd', 'e', 'f'],
      wishes: [
        ...mutualWish('a', 'b'),
        ...mutualWish('c', 'd'),
        wish('e', 'a', 1),
        wish('f', 'c', 1),
        wish('a', 'f', 2),
      ],
    });
    const { body } = await service.http().post('/api/events/import').set(auth).send(document).expect(201);
    await service.http().post(`/api/events/${body.id}/status`).set(auth).send({ status: 'open' }).expect(200);
    await service
      .http()
      .post(`/api/events/${body.id}/status`)
      .set(auth)
      .send({ status: 'closed' })
      .expect(200);
    return body.id;
  }

  const versionOf = async (id: string, version: number) =>
    (await service.http().get(`/api/events/${id}/schedules/${version}`).set(auth).expect(200)).body;

  it('keeps a version queued until a worker runs, then fails it with a reason after the configured attempts', async () => {
    const id = await closedEvent();
    const solve = await service.http().post(`/api/events/${id}/solve`).set(auth).expect(202);
    expect(await versionOf(id, solve.body.version)).toMatchObject({
      state: 'queued',
      progress: 0,
      attempts: 0,
    });
    // Break the snapshot so that every attempt throws.
    await sql(
      service.database,
      `UPDATE schedule_version SET snapshot = '{"format": "broken"}'::jsonb WHERE event_id = $1`,
      [id],
    );

    await service.startWorker();
    const failed = await eventually(async () => {
      const v = await versionOf(id, solve.body.version);
      return v.state === 'failed' ? v : undefined;
    });
    expect(failed.attempts).toBe(2); // SOLVE_ATTEMPTS=2
    expect(failed.reason).toMatch(/^Solving failed after 2 attempts: /);
    expect((await service.http().get(`/api/events/${id}`).set(auth)).body.status).toBe('closed');
    await service
      .http()
      .post(`/api/events/${id}/schedules/${solve.body.version}/publish`)
      .set(auth)
      .expect(409);
  });

  it('solves each version once, with several workers, and ignores duplicate jobs', async () => {
    const second = await NestFactory.createApplicationContext(WorkerModule.forRoot(service.config), {
      logger: false,
    });
    await second.init();
    try {
      const id = await closedEvent();
      const versions: number[] = [];
      for (let i = 0; i < 3; i++) {
        versions.push(
          (await service.http().post(`/api/events/${id}/solve`).set(auth).expect(202)).body.version,
        );
      }
      expect(versions).toEqual([1, 2, 3]);
      for (const version of versions) {
        await eventually(async () => ((await versionOf(id, version)).state === 'done' ? true : undefined));
      }

      const counts = async () =>
        sql(
          service.database,
          `SELECT v.version, v.attempts, count(m.id)::int AS meetings
           FROM schedule_version v LEFT JOIN meeting m ON m.schedule_version_id = v.id
           WHERE v.event_id = $1 GROUP BY v.version, v.attempts ORDER BY v.version`,
          [id],
        );
      const before = await counts();
      for (const row of before) {
        expect(row.attempts).toBe(1);
        const schedule = await service
          .http()
          .get(`/api/events/${id}/schedule?version=${row.version}`)
          .set(auth)
          .expect(200);
        expect(schedule.body.meetings).toHaveLength(row.meetings as number);
        expect(row.meetings).toBeGreaterThan(0);
      }

      // A retried or duplicated job finds the version done and writes nothing.
      const outcome = await (service.worker ?? second).get(SolveService).run(id, 2);
      expect(outcome).toEqual({ outcome: 'skipped', state: 'done' });
      const jobId = await service.app.get(SolveJobQueue).enqueue(id, 2);
      expect(jobId).toBe((await versionOf(id, 2)).jobId);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await counts()).toEqual(before);
      expect((await service.http().get(`/api/events/${id}`).set(auth)).body.status).toBe('scheduled');
    } finally {
      await second.close();
    }
  });
});
