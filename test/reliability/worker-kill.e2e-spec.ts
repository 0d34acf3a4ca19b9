import { Queue } from 'bullmq';
import { redisConnection } from '@app/config';
import { checkSchedule, parseEventFile, type EventFile } from '@app/scheduling';
import { solveJobId } from '@app/queue';
import { generateEvent } from '@app/scheduling/testing';
import { sql } from '../support/database';
import { importEvent } from '../support/flows';
import { startWorkerProcess, type ChildNode } from '../support/processes';
import { eventually, organiserAuth, startService, type TestService } from '../support/service';

jest.setTimeout(180_000);

/**
 * A worker process killed with SIGKILL in the middle of a solve: its job's lock expires
 * (SOLVE_LOCK_SECONDS), the stalled-job check gives the job back to the queue, and another worker
 * (already running, or started afterwards) solves it. The version ends `done` once, with one set of
 * meetings.
 */
describe('a worker killed in the middle of a solve', () => {
  let service: TestService;
  let auth: { Authorization: string };
  let queue: Queue;
  const workers: ChildNode[] = [];

  beforeAll(async () => {
    service = await startService({
      env: { SOLVE_TIME_LIMIT_SECONDS: '5', SOLVE_LOCK_SECONDS: '6', SOLVE_STALLED_CHECK_SECONDS: '1' },
    });
    auth = await organiserAuth(service);
    queue = new Queue('solve', {
      connection: redisConnection(service.config.redisUrl),
      prefix: service.config.queuePrefix,
    });
  });

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.kill()));
    await queue?.close();
    await service?.close();
  });

  const spawnWorker = async () => {
    const worker = await startWorkerProcess(service.env);
    workers.push(worker);
    return worker;
  };

  /** A big event, so that the solve lasts long enough to be killed in the middle. */
  async function bigClosedEvent(seed: number): Promise<{ id: string; file: EventFile }> {
    const file = generateEvent({ clusters: 300, seed });
    return { id: await importEvent(service, auth, file), file };
  }

  const state = async (id: string, version: number) =>
    (
      await sql(service.database, 'SELECT state FROM schedule_version WHERE event_id = $1 AND version = $2', [
        id,
        version,
      ])
    )[0]?.state as string | undefined;

  /** Polls the version row closely (every 20 ms) until it is `running`. */
  async function whenRunning(id: string, version: number): Promise<void> {
    const deadline = Date.now() + 60_000;
    while ((await state(id, version)) !== 'running') {
      if (Date.now() > deadline) throw new Error(`version ${version} never ran`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function expectSolvedOnce(id: string, version: number, file: EventFile, survivor: ChildNode) {
    const done = await eventually(
      async () => {
        const [row] = await sql(
          service.database,
          'SELECT state, attempts, finished_at FROM schedule_version WHERE event_id = $1 AND version = $2',
          [id, version],
        );
        return row.state === 'done' || row.state === 'failed' ? row : undefined;
      },
      90_000,
      'the version to end',
    );
    // Claimed twice (the killed worker, then the survivor), written once.
    expect(done).toMatchObject({ state: 'done', attempts: 2 });

    const counts = async () =>
      (
        await sql(
          service.database,
          `SELECT count(*)::int AS meetings,
                  count(DISTINCT (m.slot, m.table_number))::int AS places,
                  count(DISTINCT (LEAST(m.first_cluster, m.second_cluster), GREATEST(m.first_cluster, m.second_cluster)))::int AS pairs,
                  (SELECT count(*)::int FROM unmet_wish u WHERE u.schedule_version_id = v.id) AS unmet,
                  v.finished_at
           FROM schedule_version v LEFT JOIN meeting m ON m.schedule_version_id = v.id
           WHERE v.event_id = $1 AND v.version = $2 GROUP BY v.id`,
          [id, version],
        )
      )[0];
    const written = await counts();
    expect(written.meetings).toBeGreaterThan(0);
    expect(written.places).toBe(written.meetings);
    expect(written.pairs).toBe(written.meetings);

    // The schedule served by the API is these meetings, and a valid schedule of the snapshot.
    const schedule = await service
      .http()
      .get(`/api/events/${id}/schedule?version=${version}`)
      .set(auth)
      .expect(200);
    expect(schedule.body.meetings).toHaveLength(written.meetings as number);
    expect(schedule.body.unmetWishes).toHaveLength(written.unmet as number);
    const parsed = parseEventFile(JSON.parse(JSON.stringify(file)));
    if (!parsed.ok) throw new Error('the generated event is not valid');
    expect(checkSchedule(parsed.value, schedule.body).violations).toEqual([]);

    // BullMQ completed the job once, in the survivor.
    const job = await queue.getJob(solveJobId({ eventId: id, version }));
    expect(await job?.getState()).toBe('completed');
    expect(job?.processedBy).toMatch(new RegExp(`:${survivor.process.pid}$`));
    expect(job?.returnvalue).toMatchObject({ outcome: 'done', meetings: written.meetings });

    // Nothing more happens afterwards (no second completion, no second set of meetings).
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await counts()).toEqual(written);
    expect((await service.http().get(`/api/events/${id}`).set(auth)).body.status).toBe('scheduled');
  }

  it('is retried by another worker that is running', async () => {
    const [first, second] = await Promise.all([spawnWorker(), spawnWorker()]);
    const { id, file } = await bigClosedEvent(11);
    const { body } = await service.http().post(`/api/events/${id}/solve`).set(auth).expect(202);
    await whenRunning(id, body.version);

    const job = await queue.getJob(body.jobId);
    const holder = [first, second].find((w) => job?.processedBy?.endsWith(`:${w.process.pid}`));
    if (!holder) throw new Error(`no worker holds the job (processedBy ${job?.processedBy})`);
    const survivor = holder === first ? second : first;
    await holder.kill();
    // Killed in the middle: the version is still running and nothing was written.
    expect(await state(id, body.version)).toBe('running');
    expect(
      (
        await sql(
          service.database,
          'SELECT count(*)::int AS n FROM meeting m JOIN schedule_version v ON v.id = m.schedule_version_id WHERE v.event_id = $1',
          [id],
        )
      )[0].n,
    ).toBe(0);

    await expectSolvedOnce(id, body.version, file, survivor);
    await survivor.stop();
  });

  it('is retried when a worker starts again after the crash', async () => {
    const worker = await spawnWorker();
    const { id, file } = await bigClosedEvent(12);
    const { body } = await service.http().post(`/api/events/${id}/solve`).set(auth).expect(202);
    await whenRunning(id, body.version);
    await worker.kill();
    expect(await state(id, body.version)).toBe('running');

    const restarted = await spawnWorker();
    await expectSolvedOnce(id, body.version, file, restarted);
    await restarted.stop();
  });
});
