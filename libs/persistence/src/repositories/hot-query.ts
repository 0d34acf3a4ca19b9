import { DataSource, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** The little of a pg pool that hotQuery uses (pg ships no type declarations). */
interface PgPool {
  query(config: {
    name: string;
    text: string;
    values: unknown[];
  }): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * A parameterised query straight on TypeORM's pg pool, as a named prepared statement: for the few
 * statements of the hot paths (the deadline rush), which then skip TypeORM's query runner and are
 * parsed and planned once per connection instead of once per call. `name` must be unique per `text`.
 * Errors are TypeORM's QueryFailedError, as from DataSource.query.
 */
export async function hotQuery<T>(
  db: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const pool = (db.driver as PostgresDriver).master as PgPool;
  try {
    const result = await pool.query({ name, text, values });
    return result.rows as T[];
  } catch (error) {
    throw error instanceof Error && 'code' in error ? new QueryFailedError(text, values, error) : error;
  }
}
