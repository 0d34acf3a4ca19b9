import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `rate_limit`: the request counters of the rate limits (login, invite issuing, wrong invite
 * tokens), shared by every API process (API_PROCESSES) instead of one memory per process. One row
 * per key and throttler: the hits of the current window, when the window ends, and until when the
 * key is refused once it went over the limit (see postgres-throttler-storage.ts).
 *
 * UNLOGGED: counters need no crash safety (a crash of PostgreSQL empties the table, which only
 * restarts the windows), and the upsert of every throttled request then writes no WAL.
 * Rows whose window and block have both ended mean nothing (a new hit starts afresh either way);
 * they are deleted now and then through the index on that moment.
 */
export class RateLimit1763800100000 implements MigrationInterface {
  name = 'RateLimit1763800100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE UNLOGGED TABLE rate_limit (
        key text NOT NULL,
        throttler text NOT NULL,
        hits integer NOT NULL,
        window_ends_at timestamptz NOT NULL,
        blocked_until timestamptz,
        CONSTRAINT rate_limit_pk PRIMARY KEY (key, throttler)
      )`);
    await db.query(
      `CREATE INDEX rate_limit_expiry ON rate_limit ((GREATEST(window_ends_at, blocked_until)))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE rate_limit`);
  }
}
