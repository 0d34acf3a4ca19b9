import { randomBytes } from 'node:crypto';
import { runMigrations } from '@app/persistence';

/** The server's maintenance database (trust auth on 127.0.0.1); TEST_DATABASE_ADMIN_URL overrides it. */
interface PgClient {
  connect(): Promise<void>;
  query(sql: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
}
// pg ships no type declarations; this is the little of it the tests use.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Client } = require('pg') as { Client: new (options: { connectionString: string }) => PgClient };

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Refuses any database whose name does not say "test": tests never touch a real one. */
export function assertTestDatabaseName(name: string): void {
  if (!/test/i.test(name) || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error(
      `Refusing to use the database ${JSON.stringify(name)}: a test database name must contain "test".`,
    );
  }
}

async function admin<T>(work: (client: PgClient) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database, migrated the production way (runMigrations), dropped by `drop()`. */
export async function createTestDatabase(label = 'e2e'): Promise<TestDatabase> {
  const name = `interclustering_test_${label.replace(/[^a-z0-9]/gi, '').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  assertTestDatabaseName(name);
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  return {
    name,
    url: url.toString(),
    drop: async () => {
      assertTestDatabaseName(name);
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** Runs SQL on a test database (for checks the API does not show: row counts, corrupting a row). */
export async function sql(
  database: TestDatabase,
  text: string,
  values: unknown[] = [],
): Promise<Record<string, unknown>[]> {
  assertTestDatabaseName(database.name);
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * A connection of its own to a test database, for a transaction held open while the API works (a
 * row lock another writer must wait for); the caller ends it.
 */
export async function connection(database: TestDatabase): Promise<PgClient> {
  assertTestDatabaseName(database.name);
  const client = new Client({ connectionString: database.url });
  await client.connect();
  return client;
}

/** Row counts of the main tables. */
export async function rowCounts(database: TestDatabase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [
    'organiser',
    'cluster',
    'event',
    'participation',
    'wish',
    'pair_exclusion',
    'schedule_version',
    'meeting',
    'unmet_wish',
  ]) {
    const [row] = await sql(database, `SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = row.n as number;
  }
  return counts;
}
