// Entities stay inside this library: only the module, the migration runner and the data source leave it.
export { PersistenceModule } from './persistence.module';
export { runMigrations } from './run-migrations';
export { dataSourceOptions } from './data-source';
export { isDatabaseUnavailable, isUnstorableText } from './errors';
export { PostgresThrottlerStorage, RateLimitStorageModule } from './throttler-storage';
