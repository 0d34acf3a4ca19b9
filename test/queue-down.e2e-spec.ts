import { mutualWish } from '@app/scheduling/testing';
import { eventDocument } from './support/factories';
import { organiserAuth, startService, type TestService } from './support/service';

jest.setTimeout(120_000);

describe('when Redis cannot be reached', () => {
  let service: TestService;
  let auth: { Authorization: string };

  beforeAll(async () => {
    // Nothing listens on this port.
    service = await startService({ env: { REDIS_URL: 'redis://127.0.0.1:6390' } });
    auth = await organiserAuth(service);
  });

  afterAll(async () => {
    await service?.close();
  });

  it('reports the queue down in the health check', async () => {
    const response = await service.http().get('/api/health').expect(503);
    expect(response.body).toEqual({ status: 'error', checks: { postgres: 'ok', redis: 'error' } });
  });

  it('answers a solve with 503 QUEUE_UNAVAILABLE and marks the version failed', async () => {
    const document = eventDocument({ wishes: mutualWish('a', 'b') });
    const { body } = await service.http().post('/api/events/import').set(auth).send(document).expect(201);
    await service.http().post(`/api/events/${body.id}/status`).set(auth).send({ status: 'open' }).expect(200);
    await service
      .http()
      .post(`/api/events/${body.id}/status`)
      .set(auth)
      .send({ status: 'closed' })
      .expect(200);
    const solve = await service.http().post(`/api/events/${body.id}/solve`).set(auth);
    expect(solve.status).toBe(503);
    expect(solve.body.code).toBe('QUEUE_UNAVAILABLE');
    const version = await service.http().get(`/api/events/${body.id}/schedules/1`).set(auth).expect(200);
    expect(version.body).toMatchObject({
      state: 'failed',
      reason: expect.stringMatching(/queue is unavailable/),
    });
  });
});
