/**
 * Test factories (with overrides) for printing specs: events, clusters and schedules built by hand,
 * and the sample events with their real (solved) schedules.
 */
import {
  EVENT_FORMAT,
  SCHEDULE_FORMAT,
  type Cluster,
  type EventFile,
  type EventSettings,
  type ScheduleFile,
} from '@app/scheduling/model';
import { parseEventFile } from '@app/scheduling/event-file';
import { deriveSlots, scheduleSlots } from '@app/scheduling/slots';
import { solve } from '@app/scheduling/solver';
import { readSample } from './pdf-tools';

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

/** A sample event of examples/ parsed by the real parser, with its schedule from the real solver. */
export async function solvedSample(file: string): Promise<{ event: EventFile; schedule: ScheduleFile }> {
  const parsed = parseEventFile(readSample(file));
  if (!parsed.ok)
    throw new Error(`${file}: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  const schedule = await solve(parsed.value, { timeLimitSeconds: 20 });
  return { event: parsed.value, schedule };
}
