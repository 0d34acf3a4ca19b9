import request from 'supertest';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { eventDocument } from '../support/factories';
import { freePort, runTypeScript, type ChildNode } from '../support/processes';
import { ORGANISER, TEST_REDIS_URL, bearer, startService } from '../support/service';

jest.setTimeout(120_000);

/**
 * The API as production runs it (its own process, NODE_ENV=production, debug logs): security
 * headers, CORS off, and structured logs that never show a password, a token or the JWT secret.
 */
describe('the production API process: headers, CORS, logs', () => {
  let database: TestDatabase;
  let api: ChildNode;
  let http: () => ReturnType<typeof request>;
  const jwtSecret = 'jwt-secret-that-must-never-be-logged-0123456789';

  beforeAll(async () => {
    database = await createTestDatabase('headers');
    const port = await freePort();
    api = runTypeScript('apps/api/src/main.ts', {
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: `ic-test-headers-${port}`,
      JWT_SECRET: jwtSecret,
      ORGANISER_EMAIL: ORGANISER.email,
      ORGANISER_PASSWORD: ORGANISER.password,
      LOG_LEVEL: 'trace',
      CORS_ORIGINS: '',
    });
    await api.waitFor(/API listening on port/);
    http = () => request(`http://127.0.0.1:${port}`);
  });

  afterAll(async () => {
    await api?.stop();
    await database?.drop();
  });

  it('sends security headers on pages, answers and errors, and no X-Powered-By', async () => {
    for (const path of ['/api/health', '/api/events', '/api/nothing-here']) {
      const response = await http().get(path);
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
        'strict-transport-security': expect.stringMatching(/max-age=\d+/),
        'content-security-policy': expect.stringContaining("default-src 'self'"),
        'cross-origin-opener-policy': 'same-origin',
      });
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('keeps CORS off unless configured', async () => {
    const preflight = await http()
      .options('/api/events')
      .set('Origin', 'https://evil.example.org')
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'authorization');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const simple = await http().get('/api/health').set('Origin', 'https://evil.example.org');
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('writes structured logs without passwords, tokens or the JWT secret', async () => {
    const login = await http().post('/api/auth/login').send(ORGANISER).expect(200);
    const jwt = login.body.accessToken as string;
    const auth = bearer(jwt);
    const { body } = await http().post('/api/events/import').set(auth).send(eventDocument()).expect(201);
    await http().post(`/api/events/${body.id}/status`).set(auth).send({ status: 'open' }).expect(200);
    const invites = await http().post(`/api/events/${body.id}/participants/invites`).set(auth).expect(201);
    const token = invites.body[0].token as string;
    await http().get('/api/me').set(bearer(token)).expect(200);
    await http()
      .put(`/api/events/${body.id}/participants/a/wishes`)
      .set(bearer(token))
      .send({ wishes: [{ to: 'b', rank: 1 }] })
      .expect(200);
    await http()
      .post('/api/auth/login')
      .send({ email: ORGANISER.email, password: 'a wrong password' })
      .expect(401);
    await http()
      .get('/api/me')
      .set(bearer(`${token.slice(0, -4)}AAAA`))
      .expect(401);
    await http().get('/api/events').set('Cookie', `session=${jwt}`).set(auth).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const output = api.output();
    const lines = output.split('\n').filter((line) => line.startsWith('{'));
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    // One JSON line per request, with method, URL and status, the Authorization header redacted.
    const requests = entries.filter((e) => e.req !== undefined && e.res !== undefined);
    expect(requests.length).toBeGreaterThanOrEqual(8);
    const withToken = requests.find(
      (e) =>
        (e.req as { url: string }).url === '/api/me' && (e.res as { statusCode: number }).statusCode === 200,
    );
    expect((withToken?.req as { headers: Record<string, string> }).headers.authorization).toBe('[Redacted]');
    for (const secret of [
      ORGANISER.password,
      'a wrong password',
      jwt,
      jwt.split('.')[2],
      token,
      token.slice(4),
      jwtSecret,
    ]) {
      expect(output).not.toContain(secret);
    }
  });
});

describe('CORS when configured', () => {
  it('allows the configured origins only', async () => {
    const service = await startService({ env: { CORS_ORIGINS: 'https://a.example.org' } });
    try {
      const allowed = await service.http().get('/api/health').set('Origin', 'https://a.example.org');
      expect(allowed.headers['access-control-allow-origin']).toBe('https://a.example.org');
      const other = await service.http().get('/api/health').set('Origin', 'https://b.example.org');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await service.close();
    }
  });
});
