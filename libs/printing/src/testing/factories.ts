/**
 * Test factories (with overrides) for printing specs: events, clusters and schedules built by hand,
 * plus a small greedy scheduler to make a realistic schedule for the sample events.
 */
import {
  EVENT_FORMAT,
  SCHEDULE_FORMAT,
  type Cluster,
  type EventFile,
  type EventSettings,
  type Meeting,
  type ScheduleFile,
  type UnmetWish,
} from '@app/scheduling/model';
import { deriveSlots, isAvailable, scheduleSlots } from '@app/scheduling/slots';

export function makeCluster(overrides: Partial<Cluster> & { id: string }): Cluster {
  return { name: `Cluster ${overrides.id}`, region: 'Auvergne', kind: 'cluster', ...overrides };
}

export function makeEvent(
  overrides: Partial<Omit<EventFile, 'event'>> & { event?: Partial<EventSettings> } = {},
): EventFile {
  const { event, ...rest } = overrides;
  return {
    format: EVENT_FORMAT,
    event: {
      name: 'Journée Interclustering — Clermont-Ferrand',
      venue: 'Hôtel de Région Auvergne, Clermont-Ferrand',
      date: '2015-07-09',
      timezone: 'Europe/Paris',
      sessions: [{ start: '14:00', end: '15:15' }],
      meetingMinutes: 20,
      changeoverMinutes: 5,
      tables: 2,
      maxMeetingsPerCluster: 3,
      maxWishesPerCluster: 5,
      pairing: 'any',
      ...event,
    },
    clusters: [],
    wishes: [],
    avoid: [],
    alreadyMet: [],
    fixed: [],
    ...rest,
  };
}

export function makeSchedule(
  event: EventFile,
  overrides: Partial<Omit<ScheduleFile, 'format' | 'event'>> = {},
): ScheduleFile {
  return {
    format: SCHEDULE_FORMAT,
    event: event.event.name,
    slots: scheduleSlots(deriveSlots(event.event)),
    meetings: [],
    unmetWishes: [],
    stats: {},
    ...overrides,
  };
}

/** A raw sample file (as in examples/) with the parser's defaults filled in. */
export function eventFromSample(raw: unknown): EventFile {
  const sample = raw as EventFile;
  return makeEvent({
    ...sample,
    event: sample.event,
    avoid: sample.avoid ?? [],
    alreadyMet: sample.alreadyMet ?? [],
    fixed: sample.fixed ?? [],
  });
}

/**
 * A valid (not optimal) schedule: wished pairs, mutual and best-ranked first, each placed in the
 * first slot where both are available and free and a table is left; the rest become unmet wishes.
 */
export function greedySchedule(event: EventFile): ScheduleFile {
  const slots = deriveSlots(event.event);
  const byId = new Map(event.clusters.map((c) => [c.id, c]));
  const rank = new Map(event.wishes.map((w) => [`${w.from}>${w.to}`, w.rank]));
  const pairs = new Map<string, { a: string; b: string; score: number }>();
  for (const w of event.wishes) {
    const [a, b] = [w.from, w.to].sort();
    const key = `${a}+${b}`;
    if (pairs.has(key)) continue;
    const ra = rank.get(`${a}>${b}`) ?? 0;
    const rb = rank.get(`${b}>${a}`) ?? 0;
    const weight = (r: number) => (r ? event.event.maxWishesPerCluster - r + 1 : 0);
    pairs.set(key, { a, b, score: weight(ra) + weight(rb) + (ra && rb ? 100 : 0) });
  }
  const ordered = [...pairs.values()].sort(
    (x, y) => y.score - x.score || (x.a + x.b).localeCompare(y.a + y.b),
  );
  const count = new Map<string, number>();
  const busy = new Set<string>();
  const tablesUsed = new Map<number, number>();
  const meetings: Meeting[] = [];
  const placed = new Set<string>();
  for (const { a, b } of ordered) {
    const max = event.event.maxMeetingsPerCluster;
    if ((count.get(a) ?? 0) >= max || (count.get(b) ?? 0) >= max) continue;
    const slot = slots.find(
      (s) =>
        isAvailable(byId.get(a)!, s) &&
        isAvailable(byId.get(b)!, s) &&
        !busy.has(`${a}@${s.index}`) &&
        !busy.has(`${b}@${s.index}`) &&
        (tablesUsed.get(s.index) ?? 0) < event.event.tables,
    );
    if (!slot) continue;
    const table = (tablesUsed.get(slot.index) ?? 0) + 1;
    tablesUsed.set(slot.index, table);
    busy.add(`${a}@${slot.index}`);
    busy.add(`${b}@${slot.index}`);
    count.set(a, (count.get(a) ?? 0) + 1);
    count.set(b, (count.get(b) ?? 0) + 1);
    meetings.push({ slot: slot.index, table, clusters: [a, b] });
    placed.add(`${a}+${b}`);
  }
  meetings.sort((x, y) => x.slot - y.slot || x.table - y.table);
  const unmetWishes: UnmetWish[] = event.wishes
    .filter((w) => !placed.has([w.from, w.to].sort().join('+')))
    .map((w) => {
      const max = event.event.maxMeetingsPerCluster;
      const fromFull = (count.get(w.from) ?? 0) >= max;
      const toFull = (count.get(w.to) ?? 0) >= max;
      const code =
        fromFull && toFull
          ? 'both-at-cap'
          : fromFull
            ? 'wisher-at-cap'
            : toFull
              ? 'partner-at-cap'
              : 'not-placeable';
      return { from: w.from, to: w.to, rank: w.rank, code, reason: `not met (${code})` };
    });
  return makeSchedule(event, { meetings, unmetWishes });
}
