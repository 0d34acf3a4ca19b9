import { InitialSchema1732260000000 } from './1732260000000-initial-schema';
import { EventContextRevision1763800000000 } from './1763800000000-event-context-revision';
import { RateLimit1763800100000 } from './1763800100000-rate-limit';

/** Every migration, in order, listed explicitly (no globs). */
export const MIGRATIONS = [
  InitialSchema1732260000000,
  EventContextRevision1763800000000,
  RateLimit1763800100000,
];
