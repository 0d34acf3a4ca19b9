import { run } from '../apps/cli/src/commands/create-organiser';
import type { CliIo } from '../apps/cli/src/io';
import { createTestDatabase, sql, type TestDatabase } from './support/database';

jest.setTimeout(120_000);

function fakeIo(env: Record<string, string>): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readFile: async () => '',
    writeFile: async () => undefined,
    env,
  };
}

describe('cli create-organiser', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('cli');
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('creates organisers with the password from --password, the environment or stdin', async () => {
    const env = { DATABASE_URL: database.url, LOG_LEVEL: 'silent' };
    expect(await run(['one@example.org', '--password', 'first password'], fakeIo(env))).toBe(0);
    expect(await run(['Two@Example.org'], fakeIo({ ...env, ORGANISER_PASSWORD: 'second password' }))).toBe(0);
    const io = fakeIo(env);
    expect(await run(['three@example.org'], io, async () => 'third password\n')).toBe(0);
    expect(io.err.join('')).toBe('Organiser three@example.org created.\n');
    expect(io.out).toEqual([]);
    const rows = await sql(database, 'SELECT email, password_hash FROM organiser ORDER BY email');
    expect(rows.map((r) => r.email)).toEqual(['one@example.org', 'three@example.org', 'two@example.org']);
    for (const row of rows) expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a taken email, a bad email and a short password', async () => {
    const env = { DATABASE_URL: database.url };
    await expect(run(['one@example.org', '--password', 'another password'], fakeIo(env))).rejects.toThrow(
      /already exists/,
    );
    await expect(run(['not-an-email', '--password', 'short'], fakeIo(env))).rejects.toMatchObject({
      details: ['email: not an email address: "not-an-email"', 'password: must be at least 8 characters'],
    });
    const usage = fakeIo(env);
    expect(await run([], usage)).toBe(2);
    expect(usage.err.join('')).toMatch(/missing EMAIL/);
  });
});
