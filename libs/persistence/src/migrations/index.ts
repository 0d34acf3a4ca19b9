import { InitialSchema1732260000000 } from './1732260000000-initial-schema';

/** Every migration, in order, listed explicitly (no globs). */
export const MIGRATIONS = [InitialSchema1732260000000];
