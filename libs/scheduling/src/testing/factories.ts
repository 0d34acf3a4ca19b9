import { parseEventFile } from '../event-file';
import {
  EVENT_FORMAT,
  SCHEDULE_FORMAT,
  type Cluster,
  type EventFile,
  type EventSettings,
  type FixedMeeting,
  type Meeting,
  type ScheduleFile,
  type Wish,
} from '../model';
import { deriveSlots, scheduleSlots } from '../slots';

/**
 * Factories for tests: small valid events and schedules, each part overridable.
 * `makeEvent()` returns what `parseEventFile` would return (defaults filled, arrays present).
 *
 * Default event: one session 14:00–16:00, 20-minute meetings without changeover → 6 slots
 * (14:00, 14:20, … 15:40), 10 tables, cap 3, K 5, pairing `any`, clusters a, b, c, d.
 */

export function makeSettings(overrides: Partial<EventSettings> = {}): EventSettings {
  return {
    name: 'Test day',
    date: '2015-07-09',
    timezone: 'Europe/Paris',
    sessions: [{ start: '14:00', end: '16:00' }],
    meetingMinutes: 20,
    changeoverMinutes: 0,
    tables: 10,
    maxMeetingsPerCluster: 3,
    maxWishesPerCluster: 5,
    pairing: 'any',
    ...overrides,
  };
}

/** A cluster named `Cluster <id>`; give `region`, `availability`… as overrides. */
export function makeCluster(id: string, overrides: Partial<Omit<Cluster, 'id'>> = {}): Cluster {
  return { id, name: `Cluster ${id}`, ...overrides };
}

/** A cluster: an id (`'a'`) or a partial cluster with its id (`{ id: 'a', region: 'North' }`). */
export type ClusterInput = string | (Partial<Cluster> & { id: string });

export interface EventOverrides {
  event?: Partial<EventSettings>;
  clusters?: ClusterInput[];
  wishes?: Wish[];
  avoid?: { from: string; to: string }[];
  alreadyMet?: [string, string][];
  fixed?: FixedMeeting[];
}

export function makeEvent(overrides: EventOverrides = {}): EventFile {
  const clusters = (overrides.clusters ?? ['a', 'b', 'c', 'd']).map((input) =>
    typeof input === 'string' ? makeCluster(input) : makeCluster(input.id, input),
  );
  return {
    format: EVENT_FORMAT,
    event: makeSettings(overrides.event),
    clusters,
    wishes: overrides.wishes ?? [],
    avoid: overrides.avoid ?? [],
    alreadyMet: overrides.alreadyMet ?? [],
    fixed: overrides.fixed ?? [],
  };
}

/** `from` wishes `to` with `rank` (1 = most wanted). */
export function wish(from: string, to: string, rank = 1): Wish {
  return { from, to, rank };
}

/** `from`'s ranked list: `wishList('a', 'b', 'c')` = a→b rank 1, a→c rank 2. */
export function wishList(from: string, ...partners: string[]): Wish[] {
  return partners.map((to, i) => ({ from, to, rank: i + 1 }));
}

/** Both wish each other with the given ranks. */
export function mutualWish(a: string, b: string, rankA = 1, rankB = 1): Wish[] {
  return [wish(a, b, rankA), wish(b, a, rankB)];
}

export function meeting(slot: number, table: number, a: string, b: string): Meeting {
  return { slot, table, clusters: [a, b] };
}

/** A schedule file for `event` with these meetings (slots derived from the event). */
export function makeSchedule(
  event: EventFile,
  meetings: Meeting[] = [],
  overrides: Partial<ScheduleFile> = {},
): ScheduleFile {
  return {
    format: SCHEDULE_FORMAT,
    event: event.event.name,
    slots: scheduleSlots(deriveSlots(event.event)),
    meetings,
    unmetWishes: [],
    stats: {},
    ...overrides,
  };
}

/** The event as a raw JSON document (a deep copy), as read from a file. */
export function toJsonDocument<T>(value: T): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

/** Parses a raw event and fails loudly (listing the errors) when it is invalid. */
export function parseValidEvent(raw: unknown): EventFile {
  const result = parseEventFile(raw);
  if (!result.ok) {
    throw new Error(`invalid test event:\n${result.errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`);
  }
  return result.value;
}
