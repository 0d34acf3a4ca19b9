import type { EventFile, ScheduleFile } from '@app/scheduling/model';
import { renderTableCardsPdf } from './table-cards-pdf';
import { solvedSample } from './testing/factories';
import { escapeRegExp, pdfInfo, pdfPages, saveArtifact, squash } from './testing/pdf-tools';

describe('renderTableCardsPdf on the Clermont sample', () => {
  let event: EventFile;
  let schedule: ScheduleFile;
  let pdf: Buffer;
  let layoutPages: string[];
  let rawPages: string[];

  beforeAll(async () => {
    ({ event, schedule } = await solvedSample('clermont-2015.event.json'));
    pdf = await renderTableCardsPdf(event, schedule, {
      generatedAt: new Date('2015-07-01T08:30:00Z'),
      version: 3,
    });
    layoutPages = pdfPages(pdf, true);
    rawPages = pdfPages(pdf, false);
    saveArtifact(pdf, 'table-cards-clermont-p1');
  }, 60_000);

  it('has one A4 page per table, with its number in large type', () => {
    const info = pdfInfo(pdf);
    expect(info.pages).toBe(event.event.tables);
    expect(Math.round(info.width)).toBe(595);
    layoutPages.forEach((page, i) => {
      expect(page).toMatch(new RegExp(`^\\s*${i + 1}\\s*$`, 'm'));
      expect(page).toContain('jeudi 9 juillet 2015');
    });
  });

  it('lists each slot’s pair on its table’s page, and the free slots', () => {
    for (const meeting of schedule.meetings) {
      const slot = schedule.slots[meeting.slot];
      const [a, b] = meeting.clusters.map((id) => event.clusters.find((c) => c.id === id)!.name);
      const page = layoutPages[meeting.table - 1];
      expect(page).toMatch(
        new RegExp(`^\\s*${slot.start} – ${slot.end}\\s+${escapeRegExp(a.split(' ')[0])}`, 'm'),
      );
      expect(squash(rawPages[meeting.table - 1])).toContain(squash(a));
      expect(squash(rawPages[meeting.table - 1])).toContain(squash(b));
    }
    const usedAt = new Set(schedule.meetings.filter((m) => m.table === 20).map((m) => m.slot));
    for (const slot of schedule.slots.filter((s) => !usedAt.has(s.index))) {
      expect(layoutPages[19]).toMatch(new RegExp(`^\\s*${slot.start} – ${slot.end}\\s+Table libre`, 'm'));
    }
  });
});
