import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import type { EventFile, ScheduleFile } from '@app/scheduling/model';
import { renderMeetingsCsv } from './csv';
import { makeCluster, makeEvent, makeSchedule } from './testing/factories';

/** Meetings read back from the CSV as [slot index, start, end, table, id A, id B, mutual]. */
function readBack(csv: Buffer, event: EventFile): { header: string[]; rows: string[][] } {
  const text = csv.toString('utf8');
  // Outside quoted fields, the only line breaks are the CRLF record ends (what spreadsheets expect).
  expect(text.replace(/"(?:[^"]|"")*"/g, '""')).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
  const [header, ...records] = parse(text, {
    delimiter: ';',
    bom: true,
    relax_column_count: false,
  }) as string[][];
  const idOf = new Map(event.clusters.map((c) => [c.name, c.id]));
  return {
    header,
    rows: records.map(([slot, start, end, table, a, b, mutual]) => [
      String(Number(slot) - 1),
      start,
      end,
      table,
      idOf.get(a) ?? `?${a}`,
      idOf.get(b) ?? `?${b}`,
      mutual,
    ]),
  };
}

function expected(
  schedule: ScheduleFile,
  mutual: (a: string, b: string) => boolean,
  yes: string,
  no: string,
) {
  return [...schedule.meetings]
    .sort((x, y) => x.slot - y.slot || x.table - y.table)
    .map((m) => [
      String(m.slot),
      schedule.slots[m.slot].start,
      schedule.slots[m.slot].end,
      String(m.table),
      m.clusters[0],
      m.clusters[1],
      mutual(m.clusters[0], m.clusters[1]) ? yes : no,
    ]);
}

describe('renderMeetingsCsv', () => {
  const event = makeEvent({
    event: { tables: 3 },
    clusters: [
      makeCluster({ id: 'aa', name: "Analyse & Surveillance de l'Environnement" }),
      makeCluster({ id: 'bb', name: 'Cluster; "Lumière"' }),
      makeCluster({ id: 'cc', name: 'Pôle\nmulti-ligne' }),
      makeCluster({ id: 'dd', name: 'Céréales Vallée' }),
    ],
    wishes: [
      { from: 'aa', to: 'bb', rank: 1 },
      { from: 'bb', to: 'aa', rank: 2 },
      { from: 'cc', to: 'dd', rank: 1 },
    ],
  });
  const schedule = makeSchedule(event, {
    meetings: [
      { slot: 1, table: 3, clusters: ['dd', 'cc'] },
      { slot: 0, table: 2, clusters: ['aa', 'bb'] },
      { slot: 0, table: 1, clusters: ['cc', 'dd'] },
    ],
  });

  it('starts with a UTF-8 byte-order mark, separates with ; and ends lines with CRLF', () => {
    const csv = renderMeetingsCsv(event, schedule);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe('Créneau;Début;Fin;Table;Cluster A;Cluster B;Mutuel');
    expect(text.split('\r\n')[1]).toBe('1;14:00;14:20;1;"Pôle\nmulti-ligne";Céréales Vallée;non');
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('parses back to the same meetings, sorted by slot then table, names intact', () => {
    const { header, rows } = readBack(renderMeetingsCsv(event, schedule), event);
    expect(header).toEqual(['Créneau', 'Début', 'Fin', 'Table', 'Cluster A', 'Cluster B', 'Mutuel']);
    expect(rows).toEqual([
      ['0', '14:00', '14:20', '1', 'cc', 'dd', 'non'],
      ['0', '14:00', '14:20', '2', 'aa', 'bb', 'oui'],
      ['1', '14:25', '14:45', '3', 'dd', 'cc', 'non'],
    ]);
  });

  it('has English headers and yes/no in English', () => {
    const { header, rows } = readBack(renderMeetingsCsv(event, schedule, { lang: 'en' }), event);
    expect(header).toEqual(['Slot', 'Start', 'End', 'Table', 'Cluster A', 'Cluster B', 'Mutual']);
    expect(rows.map((r) => r[6])).toEqual(['no', 'yes', 'no']);
  });

  it('defuses names that a spreadsheet would run as formulas', () => {
    const risky = makeEvent({
      clusters: [
        makeCluster({ id: 'aa', name: '=HYPERLINK("http://x")' }),
        makeCluster({ id: 'bb', name: '+33 Cluster' }),
      ],
    });
    const csv = renderMeetingsCsv(
      risky,
      makeSchedule(risky, { meetings: [{ slot: 0, table: 1, clusters: ['aa', 'bb'] }] }),
    );
    const [, row] = parse(csv.toString('utf8'), { delimiter: ';', bom: true }) as string[][];
    expect(row[4]).toBe('\'=HYPERLINK("http://x")');
    expect(row[5]).toBe("'+33 Cluster");
  });

  it('round-trips any names with ; quotes, line breaks and accents (property)', () => {
    const char = fc.constantFrom(...'ab;"\n\r ,\'’éÉàçœ«»&—xyz'.split(''), '\r\n');
    const name = fc.array(char, { minLength: 1, maxLength: 30 }).map((chars) => `N${chars.join('')}`); // never starts like a formula
    fc.assert(
      fc.property(
        fc.uniqueArray(name, { minLength: 2, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 10 }),
        (names, picks) => {
          const clusters = names.map((n, i) => makeCluster({ id: `c${i}`, name: n }));
          const e = makeEvent({ event: { tables: 4 }, clusters });
          const meetings = picks.map(([p, q, wished], k) => {
            const a = p % clusters.length;
            const b = (a + 1 + (q % (clusters.length - 1))) % clusters.length;
            if (wished)
              e.wishes.push({ from: `c${a}`, to: `c${b}`, rank: 1 }, { from: `c${b}`, to: `c${a}`, rank: 1 });
            return { slot: k % 3, table: (k % 4) + 1, clusters: [`c${a}`, `c${b}`] as [string, string] };
          });
          const s = makeSchedule(e, { meetings });
          const mutual = (a: string, b: string) =>
            e.wishes.some((w) => w.from === a && w.to === b) &&
            e.wishes.some((w) => w.from === b && w.to === a);
          expect(readBack(renderMeetingsCsv(e, s), e).rows).toEqual(expected(s, mutual, 'oui', 'non'));
        },
      ),
      { numRuns: 200 },
    );
  });
});
