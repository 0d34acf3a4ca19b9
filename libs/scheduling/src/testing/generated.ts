import { EVENT_FORMAT } from '../model';
import type { EventFile, TimeWindow } from '../model';

/**
 * What the generated events (realistic.ts, planted.ts) have in common: the regions and kinds
 * they draw from, their day (one afternoon or two sessions, 20-minute meetings, 5-minute changes)
 * and the fixed parts of their event file.
 */
export const GENERATED_REGIONS = ['Auvergne', 'Rhône-Alpes', 'Bourgogne', 'Occitanie'];
export const GENERATED_KINDS = ['cluster', 'pôle de compétitivité', 'grappe', 'pôle'];

/** One afternoon (8 slots) or a day of two sessions (16 slots). */
export function generatedSettings(sessionCount: 1 | 2): {
  sessions: TimeWindow[];
  meetingMinutes: number;
  changeoverMinutes: number;
} {
  const sessions: TimeWindow[] =
    sessionCount === 2
      ? [
          { start: '09:00', end: '12:30' },
          { start: '14:00', end: '17:30' },
        ]
      : [{ start: '14:00', end: '17:30' }];
  return { sessions, meetingMinutes: 20, changeoverMinutes: 5 };
}

export interface GeneratedEventParts extends Omit<EventFile, 'format' | 'event' | 'fixed'> {
  name: string;
  sessionCount: 1 | 2;
  tables: number;
  cap: number;
  maxWishes: number;
  pairing: 'any' | 'cross-region';
}

/** The event file of a generated event (venue "Generated", 9 July 2015, Paris, no fixed meetings). */
export function generatedEventFile(parts: GeneratedEventParts): EventFile {
  return {
    format: EVENT_FORMAT,
    event: {
      name: parts.name,
      venue: 'Generated',
      date: '2015-07-09',
      timezone: 'Europe/Paris',
      ...generatedSettings(parts.sessionCount),
      tables: parts.tables,
      maxMeetingsPerCluster: parts.cap,
      maxWishesPerCluster: parts.maxWishes,
      pairing: parts.pairing,
    },
    clusters: parts.clusters,
    wishes: parts.wishes,
    avoid: parts.avoid,
    alreadyMet: parts.alreadyMet,
    fixed: [],
  };
}
