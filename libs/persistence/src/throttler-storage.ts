import { Injectable, Logger, Module } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** What @nestjs/throttler expects back from a hit (its ThrottlerStorageRecord). */
export interface RateLimitRecord {
  totalHits: number;
  /** Seconds until the current window ends. */
  timeToExpire: number;
  isBlocked: boolean;
  /** Seconds until the key is accepted again (0 when it is not blocked). */
  timeToBlockExpire: number;
}

/**
 * One hit, one statement (the table: migration 1763800100000-rate-limit.ts). With the row of
 * (key, throttler) as it was:
 * - still blocked (`blocked_until` ahead): unchanged, not counted, refused;
 * - no row, its window over, or its block just ended: a new window of $3 ms with 1 hit;
 * - otherwise one more hit in the window; the hit that goes over the limit ($4) blocks the key
 *   for $5 ms from now (and is refused).
 * Times are PostgreSQL's clock, the same for every API process. Concurrent hits on one key queue on
 * its row, so none is lost.
 */
const HIT = `
  INSERT INTO rate_limit AS r (key, throttler, hits, window_ends_at, blocked_until)
  VALUES ($1, $2, 1, now() + $3::float8 * interval '1 millisecond',
          CASE WHEN 1 > $4::int THEN now() + $5::float8 * interval '1 millisecond' END)
  ON CONFLICT (key, throttler) DO UPDATE SET
    hits = CASE
      WHEN r.blocked_until > now() THEN r.hits
      WHEN r.window_ends_at <= now() OR r.blocked_until IS NOT NULL THEN 1
      ELSE r.hits + 1 END,
    window_ends_at = CASE
      WHEN r.blocked_until > now() THEN r.window_ends_at
      WHEN r.window_ends_at <= now() OR r.blocked_until IS NOT NULL THEN EXCLUDED.window_ends_at
      ELSE r.window_ends_at END,
    blocked_until = CASE
      WHEN r.blocked_until > now() THEN r.blocked_until
      WHEN r.window_ends_at <= now() OR r.blocked_until IS NOT NULL THEN EXCLUDED.blocked_until
      WHEN r.hits + 1 > $4::int THEN now() + $5::float8 * interval '1 millisecond' END
  RETURNING hits,
    -- now() is this transaction's start: a concurrent hit that started later may have opened the
    -- window, which then ends after now() + ttl. Never more than ttl (or the block's duration).
    LEAST(ceil($3::float8 / 1000), GREATEST(0, ceil(extract(epoch FROM window_ends_at - now()))))::int
      AS time_to_expire,
    COALESCE(blocked_until > now(), false) AS blocked,
    LEAST(ceil($5::float8 / 1000), GREATEST(0, COALESCE(ceil(extract(epoch FROM blocked_until - now())), 0)))::int
      AS time_to_block_expire`;

/** Rows whose window and block have both ended: a new hit would start afresh without them. */
const DELETE_ENDED = `
  WITH ended AS (
    DELETE FROM rate_limit WHERE GREATEST(window_ends_at, blocked_until) <= now() RETURNING 1
  )
  SELECT count(*)::int AS deleted FROM ended`;

/**
 * The rate-limit counters of @nestjs/throttler (ThrottlerStorage) in PostgreSQL, so that every API
 * process (API_PROCESSES) counts the same hits: with N processes an address still gets the limit,
 * not N times it. Fixed windows: `ttl` ms from the first hit; the hit over `limit` is refused and
 * blocks the key for `blockDuration` ms (`ttl` when it is 0), during which nothing is counted.
 * Only throttled routes call it (login, invite issuing, wrong invite tokens). PostgreSQL
 * unavailable: the error propagates, and the API answers 503 like any other route.
 */
@Injectable()
export class PostgresThrottlerStorage implements ThrottlerStorage {
  /** Ended rows are deleted at most once per this many ms and process, after a hit. */
  cleanupEveryMs = 60_000;
  private lastCleanup = 0;
  private readonly logger = new Logger('RateLimit');

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<RateLimitRecord> {
    const [row] = (await this.db.query(HIT, [
      key,
      throttlerName,
      ttl,
      limit,
      blockDuration > 0 ? blockDuration : ttl,
    ])) as { hits: number; time_to_expire: number; blocked: boolean; time_to_block_expire: number }[];
    this.cleanUpNowAndThen();
    return {
      totalHits: row.hits,
      timeToExpire: row.time_to_expire,
      isBlocked: row.blocked,
      timeToBlockExpire: row.blocked ? row.time_to_block_expire : 0,
    };
  }

  /** Deletes the rows whose window and block have ended; returns how many. */
  async deleteEnded(): Promise<number> {
    const [row] = (await this.db.query(DELETE_ENDED)) as { deleted: number }[];
    return row.deleted;
  }

  /** In the background, after a hit: a failure costs nothing but a later try. */
  private cleanUpNowAndThen(): void {
    const now = Date.now();
    if (now - this.lastCleanup < this.cleanupEveryMs) return;
    this.lastCleanup = now;
    this.deleteEnded().catch((error: unknown) =>
      this.logger.warn(`Could not delete ended rate-limit rows: ${(error as Error).message}`),
    );
  }
}

/** Provides PostgresThrottlerStorage (for ThrottlerModule.forRootAsync; needs PersistenceModule). */
@Module({ providers: [PostgresThrottlerStorage], exports: [PostgresThrottlerStorage] })
export class RateLimitStorageModule {}
