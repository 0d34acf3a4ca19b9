import type { EventFile, ScheduleFile } from '@app/scheduling/model';
import { createEvents, type EventAttributes } from 'ics';
import { PrintInputError, type RenderOptions } from './options';
import { zonedTimeToUtc } from './time-zone';
import { buildAgendas, buildContext, type AgendaMeetingRow } from './view-model';

/** `ics` accepts DTSTAMP as `timestamp` although its types do not list it. */
type EventWithStamp = EventAttributes & { timestamp: number };

/** Lower-case ASCII words joined by hyphens (« Journée Interclustering — Clermont » → journee-interclustering-clermont). */
export function slug(text: string, max = 48): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/**
 * The UID of a meeting: the event (date and name) and the pair, never the slot or the table, so a
 * re-published schedule that moves a meeting updates the calendar entry instead of adding one.
 */
export function meetingUid(event: EventFile, a: string, b: string): string {
  const [x, y] = [a, b].sort();
  return `${event.event.date}-${slug(event.event.name)}-${x}-${y}@interclustering`;
}

/**
 * One cluster's meetings as an iCalendar file: one VEVENT per meeting, times converted from the
 * event's wall clock (in `event.timezone`) to UTC, stable UIDs, SEQUENCE = the version when it is
 * a whole number, DTSTAMP = the generation time.
 */
export function renderClusterIcs(
  event: EventFile,
  schedule: ScheduleFile,
  options: RenderOptions = {},
): string {
  if (!options.clusterId)
    throw new PrintInputError('clusterId', 'a cluster is required for an iCalendar file');
  const ctx = buildContext(event, schedule, options);
  const [agenda] = buildAgendas(ctx, options.clusterId);
  const { m } = ctx;
  const settings = event.event;
  const stamp = ctx.texts.generatedAt.getTime();
  const version = Number(options.version);
  const sequence = Number.isInteger(version) && version >= 0 ? version : undefined;

  const events: EventWithStamp[] = agenda.rows
    .filter((row): row is AgendaMeetingRow => row.kind === 'meeting')
    .map((row) => ({
      uid: meetingUid(event, agenda.cluster.id, row.partner.id),
      title: m.icsSummary(row.partner.name, row.table),
      start: zonedTimeToUtc(settings.date, row.slot.start, settings.timezone).getTime(),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: zonedTimeToUtc(settings.date, row.slot.end, settings.timezone).getTime(),
      endInputType: 'utc',
      endOutputType: 'utc',
      timestamp: stamp,
      location: m.icsLocation(settings.venue, row.table),
      description: [
        [row.partner.name, row.partner.details].filter(Boolean).join(' — '),
        [row.wishText, row.wishDetail.replace(/\n/g, ', ')].filter(Boolean).join(' — '),
        `${settings.name} · ${ctx.texts.dateText}`,
        ctx.texts.footer,
      ].join('\n'),
      status: 'CONFIRMED',
      busyStatus: 'BUSY',
      categories: [settings.name],
      ...(sequence !== undefined ? { sequence } : {}),
    }));

  const { error, value } = createEvents(events, {
    productId: '-//Interclustering//Schedule//FR',
    method: 'PUBLISH',
    calName: m.icsCalendarName(agenda.cluster.name, settings.name),
  });
  if (error || !value) throw error ?? new Error('iCalendar generation failed');
  return value;
}
