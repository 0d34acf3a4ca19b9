import fc from 'fast-check';
import type { EventFile, ScheduleFile } from '@app/scheduling/model';
import { balancedChunks } from './chunks';
import { planGridPages, renderGridPdf } from './grid-pdf';
import { solvedSample, makeCluster, makeEvent, makeSchedule } from './testing/factories';
import { pdfInfo, pdfPages, saveArtifact, squash } from './testing/pdf-tools';

const generatedAt = new Date('2015-07-01T08:30:00Z');

describe('balancedChunks', () => {
  it('cuts 0..count-1 into the fewest contiguous chunks of at most max, sizes within one (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 40 }), (count, max) => {
        const chunks = balancedChunks(count, max);
        expect(chunks).toHaveLength(Math.ceil(count / max));
        expect(chunks[0].first).toBe(0);
        expect(chunks[chunks.length - 1].last).toBe(count - 1);
        const sizes = chunks.map((c) => c.last - c.first + 1);
        chunks.slice(1).forEach((c, i) => expect(c.first).toBe(chunks[i].last + 1));
        expect(Math.max(...sizes)).toBeLessThanOrEqual(max);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
    expect(balancedChunks(0, 5)).toEqual([]);
    expect(balancedChunks(20, 7)).toEqual([
      { first: 0, last: 6 },
      { first: 7, last: 13 },
      { first: 14, last: 19 },
    ]);
  });
});

describe('planGridPages', () => {
  it('fits 7 tables and a whole afternoon on an A3 page, fewer on A4', () => {
    expect(
      planGridPages(20, 8, 'A3').map((p) => [p.tables.first, p.tables.last, p.slots.first, p.slots.last]),
    ).toEqual([
      [0, 6, 0, 7],
      [7, 13, 0, 7],
      [14, 19, 0, 7],
    ]);
    const a4 = planGridPages(20, 8, 'A4');
    expect(a4).toHaveLength(8);
    expect(a4[0]).toEqual({ tables: { first: 0, last: 4 }, slots: { first: 0, last: 3 } });
    expect(planGridPages(3, 4, 'A3')).toEqual([
      { tables: { first: 0, last: 2 }, slots: { first: 0, last: 3 } },
    ]);
  });
});

describe('renderGridPdf on the Clermont sample', () => {
  let event: EventFile;
  let schedule: ScheduleFile;
  let pdf: Buffer;
  let layoutPages: string[];
  let rawPages: string[];

  beforeAll(async () => {
    ({ event, schedule } = await solvedSample('clermont-2015.event.json'));
    pdf = await renderGridPdf(event, schedule, { generatedAt, version: 3 });
    layoutPages = pdfPages(pdf, true);
    rawPages = pdfPages(pdf, false);
    saveArtifact(pdf, 'grid-clermont-a3-p1', 1, 60);
    saveArtifact(pdf, 'grid-clermont-a3-p3', 3, 60);
  }, 60_000);

  it('is A3 landscape, split into pages of whole table ranges', () => {
    const info = pdfInfo(pdf);
    expect(info.pages).toBe(3);
    expect(Math.round(info.width)).toBe(1191);
    expect(Math.round(info.height)).toBe(842);
    expect(layoutPages[0]).toContain('Tables 1 à 7');
    expect(layoutPages[1]).toContain('Tables 8 à 14');
    expect(layoutPages[2]).toContain('Tables 15 à 20');
    expect(layoutPages[2]).toMatch(/Table 15\s+Table 16\s+Table 17\s+Table 18\s+Table 19\s+Table 20/);
    for (const page of layoutPages) {
      expect(page).toContain('jeudi 9 juillet 2015');
      for (const slot of schedule.slots) expect(page).toMatch(new RegExp(`^\\s*${slot.start}\\b`, 'm'));
    }
  });

  it('shows both names of every meeting on the page of its table', () => {
    for (const meeting of schedule.meetings) {
      const page = squash(rawPages[meeting.table <= 7 ? 0 : meeting.table <= 14 ? 1 : 2]);
      for (const id of meeting.clusters)
        expect(page).toContain(squash(event.clusters.find((c) => c.id === id)!.name));
    }
  });
});

describe('renderGridPdf', () => {
  it('also cuts the slots when an A4 page cannot hold them all', async () => {
    const event = makeEvent({
      event: {
        tables: 12,
        sessions: [
          { start: '09:00', end: '12:00' },
          { start: '14:00', end: '18:00' },
        ],
      },
      clusters: [
        makeCluster({ id: 'aa', name: 'Pôle Véhicule du Futur' }),
        makeCluster({ id: 'bb', name: 'Thésame' }),
      ],
      wishes: [{ from: 'aa', to: 'bb', rank: 1 }],
    });
    const schedule = makeSchedule(event, { meetings: [{ slot: 12, table: 9, clusters: ['aa', 'bb'] }] });
    expect(schedule.slots).toHaveLength(16);
    const pdf = await renderGridPdf(event, schedule, { paper: 'A4', generatedAt, lang: 'en' });
    const info = pdfInfo(pdf);
    expect(Math.round(info.width)).toBe(842);
    const plans = planGridPages(12, 16, 'A4');
    expect(info.pages).toBe(plans.length);
    const pages = pdfPages(pdf, false).map(squash);
    const index = plans.findIndex(
      (p) => p.tables.first <= 8 && 8 <= p.tables.last && p.slots.first <= 12 && 12 <= p.slots.last,
    );
    expect(pages[index]).toContain(squash('Pôle Véhicule du Futur'));
    expect(pages[index]).toContain('Thésame');
    pages.forEach((page, i) => i !== index && expect(page).not.toContain('Thésame'));
    expect(pages[0]).toContain('Meeting grid');
    expect(pages[0]).toMatch(/Tables 1 to \d+ · from 09:00 to/);
  });
});
