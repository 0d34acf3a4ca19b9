import { createHash } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { sql } from '../support/database';
import { eventDocument } from '../support/factories';
import { importEvent, issueInvites } from '../support/flows';
import { runTypeScript } from '../support/processes';
import { ORGANISER, bearer, organiserAuth, startService, type TestService } from '../support/service';

jest.setTimeout(120_000);

/** Invite tokens, organiser passwords and tokens, the JWT secret, and guessing limits. */
describe('tokens and secrets', () => {
  let service: TestService;
  let auth: { Authorization: string };
  let eventId: string;
  let invites: Map<string, string>;

  beforeAll(async () => {
    service = await startService();
    auth = await organiserAuth(service);
    eventId = await importEvent(service, auth, eventDocument(), 'open');
    invites = await issueInvites(service, auth, eventId);
  });

  afterAll(async () => {
    await service?.close();
  });

  const me = (token: string) => service.http().get('/api/me').set(bearer(token));

  it('stores invite tokens only as their SHA-256, nowhere in clear', async () => {
    const rows = await sql(
      service.database,
      `SELECT cluster_id, encode(invite_token_hash, 'hex') AS hash FROM participation WHERE event_id = $1 ORDER BY position`,
      [eventId],
    );
    expect(rows.map((r) => r.cluster_id)).toEqual(['a', 'b', 'c', 'd']);
    for (const row of rows) {
      const token = invites.get(row.cluster_id as string) as string;
      expect(row.hash).toBe(createHash('sha256').update(token).digest('hex'));
    }
    // No table holds a token in clear.
    const dump = JSON.stringify(
      await sql(
        service.database,
        `SELECT json_agg(t) AS rows FROM (
           SELECT row_to_json(p)::text AS r FROM participation p UNION ALL
           SELECT row_to_json(e)::text FROM event e UNION ALL
           SELECT row_to_json(o)::text FROM organiser o) t`,
      ),
    );
    for (const token of invites.values()) {
      expect(dump).not.toContain(token);
      expect(dump).not.toContain(token.slice(4));
    }
  });

  it('revokes an invite link at once, and a new link replaces the old one', async () => {
    const token = invites.get('b') as string;
    await me(token).expect(200);
    await service.http().delete(`/api/events/${eventId}/participants/b/invite`).set(auth).expect(204);
    const revoked = await me(token);
    expect(revoked.status).toBe(401);
    expect(revoked.body).toEqual({
      statusCode: 401,
      code: 'UNAUTHORIZED',
      message: 'This invite link is not valid or was revoked.',
    });

    const c = invites.get('c') as string;
    const reissued = await service
      .http()
      .post(`/api/events/${eventId}/participants/c/invite`)
      .set(auth)
      .expect(201);
    expect(reissued.body.token).not.toEqual(c);
    await me(c).expect(401);
    await me(reissued.body.token).expect(200);
    invites.set('c', reissued.body.token);
  });

  it('hashes organiser passwords slowly (argon2id with at least the OWASP minimum cost)', async () => {
    const [row] = await sql(service.database, 'SELECT password_hash FROM organiser WHERE email = $1', [
      ORGANISER.email,
    ]);
    const hash = row.password_hash as string;
    expect(hash).not.toContain(ORGANISER.password);
    const match = /^\$argon2id\$v=19\$([a-z0-9=,]+)\$/.exec(hash);
    expect(match).not.toBeNull();
    const parameters = Object.fromEntries((match?.[1] ?? '').split(',').map((p) => p.split('=')));
    const [memoryKiB, iterations] = [Number(parameters.m), Number(parameters.t)];
    expect(memoryKiB).toBeGreaterThanOrEqual(19_456);
    expect(iterations).toBeGreaterThanOrEqual(2);
  });

  it('signs organiser tokens with the configured JWT secret and refuses any other', async () => {
    const claims = {
      sub: (await service.http().get('/api/me').set(auth)).body.id as string,
      kind: 'organiser',
    };
    const configured = new JwtService({ secret: service.config.jwtSecret });
    await service
      .http()
      .get('/api/events')
      .set(bearer(await configured.signAsync(claims, { expiresIn: 60 })))
      .expect(200);

    const forged = [
      await new JwtService({ secret: 'another secret of enough length' }).signAsync(claims),
      await configured.signAsync(claims, { expiresIn: -10 }),
      await configured.signAsync({ ...claims, kind: 'manager' }),
      await configured.signAsync(claims, { algorithm: 'HS512' }),
      // alg "none": header.payload. with no signature.
      `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`,
    ];
    for (const token of forged) {
      const response = await service.http().get('/api/events').set(bearer(token));
      expect({ token, status: response.status }).toEqual({ token, status: 401 });
    }
  });

  it('refuses to start in production without a JWT secret, naming the variable', async () => {
    const env: Record<string, string> = { ...service.env, NODE_ENV: 'production', JWT_SECRET: '', PORT: '0' };
    for (const entry of ['apps/api/src/main.ts', 'apps/worker/src/main.ts']) {
      const child = runTypeScript(entry, env);
      const { code } = await child.exited;
      expect({ entry, code }).toEqual({ entry, code: 1 });
      expect(child.output()).toContain('JWT_SECRET: required when NODE_ENV=production');
    }
  });

  it('limits guesses of invite tokens: after 10 wrong tokens a minute, every invite token is refused (429)', async () => {
    const valid = invites.get('a') as string;
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const guess = `inv_${createHash('sha256').update(String(i)).digest('base64url')}`;
      statuses.push((await me(guess)).status);
    }
    // (The revoked links tried above count too: fewer than 10 guesses may be left.)
    const refused = statuses.indexOf(429);
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThanOrEqual(10);
    expect(statuses).toEqual([...Array(refused).fill(401), ...Array(12 - refused).fill(429)]);
    const blocked = await me(valid);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual({
      statusCode: 429,
      code: 'TOO_MANY_REQUESTS',
      message: 'Too many requests; try again in a minute.',
    });
    // Organisers (JWT) are not affected.
    await service.http().get('/api/events').set(auth).expect(200);
  });
});
