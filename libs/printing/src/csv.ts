import type { EventFile, ScheduleFile } from '@app/scheduling/model';
import { stringify } from 'csv-stringify/sync';
import type { RenderOptions } from './options';
import { buildContext } from './view-model';

/**
 * Every meeting as CSV for spreadsheets: UTF-8 with a byte-order mark, `;` between fields and CRLF
 * line ends, so that French spreadsheet software opens it as is. Columns: slot (numbered from 1,
 * as people count), start, end, table, cluster A, cluster B, mutual (oui/non, yes/no); sorted by
 * slot then table. Names are quoted when they hold `;`, quotes or line breaks; a name that starts
 * like a formula (`=`, `+`, `-`, `@`) is prefixed with `'` so a spreadsheet never runs it.
 */
export function renderMeetingsCsv(
  event: EventFile,
  schedule: ScheduleFile,
  options: RenderOptions = {},
): Buffer {
  const ctx = buildContext(event, schedule, options);
  const { m } = ctx;
  const slotOf = new Map(ctx.slots.map((s) => [s.index, s]));
  const wished = new Set(event.wishes.map((w) => `${w.from}>${w.to}`));
  const records = [...schedule.meetings]
    .sort((x, y) => x.slot - y.slot || x.table - y.table)
    .map((meeting) => {
      const slot = slotOf.get(meeting.slot)!;
      const [a, b] = meeting.clusters;
      return [
        String(meeting.slot + 1),
        slot.start,
        slot.end,
        String(meeting.table),
        ctx.clusters.get(a)!.name,
        ctx.clusters.get(b)!.name,
        wished.has(`${a}>${b}`) && wished.has(`${b}>${a}`) ? m.yes : m.no,
      ];
    });
  const text = stringify([m.csvHeader, ...records], {
    bom: true,
    delimiter: ';',
    record_delimiter: 'windows',
    escape_formulas: true,
    // csv-stringify quotes a field holding the record delimiter (CRLF) but not a lone LF or CR;
    // spreadsheets would cut the row there, so any line break is quoted.
    quoted_match: /[\r\n]/,
  });
  return Buffer.from(text, 'utf8');
}
