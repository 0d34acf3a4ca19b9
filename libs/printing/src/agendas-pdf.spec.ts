import type { EventFile, ScheduleFile } from '@app/scheduling/model';
import { renderAgendasPdf } from './agendas-pdf';
import { messages } from './messages';
import { solvedSample, makeCluster, makeEvent, makeSchedule } from './testing/factories';
import { escapeRegExp, pdfFonts, pdfInfo, pdfPages, saveArtifact, squash } from './testing/pdf-tools';

const generatedAt = new Date('2015-07-01T08:30:00Z');

describe('renderAgendasPdf on the Clermont sample', () => {
  let event: EventFile;
  let schedule: ScheduleFile;
  let pdf: Buffer;
  let layoutPages: string[];
  let rawPages: string[];

  beforeAll(async () => {
    ({ event, schedule } = await solvedSample('clermont-2015.event.json'));
    pdf = await renderAgendasPdf(event, schedule, { generatedAt, version: 3 });
    layoutPages = pdfPages(pdf, true);
    rawPages = pdfPages(pdf, false);
    saveArtifact(pdf, 'agendas-clermont-p1');
    saveArtifact(pdf, 'agendas-clermont-long-name', 14);
  }, 60_000);

  it('has one A4 portrait page per cluster', () => {
    const info = pdfInfo(pdf);
    expect(info.pages).toBe(event.clusters.length);
    expect(Math.round(info.width)).toBe(595);
    expect(Math.round(info.height)).toBe(842);
  });

  it('puts each meeting’s time, table and partner on the right cluster’s page', () => {
    expect(schedule.meetings.length).toBeGreaterThan(30);
    event.clusters.forEach((cluster, page) => {
      const layout = layoutPages[page];
      const raw = squash(rawPages[page]);
      expect(raw).toContain(squash(cluster.name));
      const own = schedule.meetings.filter((m) => m.clusters.includes(cluster.id));
      for (const meeting of own) {
        const slot = schedule.slots[meeting.slot];
        const partnerId = meeting.clusters.find((id) => id !== cluster.id)!;
        const partner = event.clusters.find((c) => c.id === partnerId)!;
        const firstWord = escapeRegExp(partner.name.split(' ')[0]);
        const row = new RegExp(`^\\s*${slot.start} – ${slot.end}\\s+${meeting.table}\\s+${firstWord}`, 'm');
        expect(layout).toMatch(row);
        expect(raw).toContain(squash(partner.name));
      }
      expect(raw).toContain(squash(messages('fr').meetingCount(own.length)));
    });
  });

  it('shows free slots as free and slots outside the cluster’s availability as such', () => {
    // aei is available 14:00–16:00 only: the slots from 16:05 on are « Non disponible ».
    const page = layoutPages[event.clusters.findIndex((c) => c.id === 'aei')];
    expect(page).toMatch(/^\s*16:05 – 16:25\s+Non disponible/m);
    const busy = new Set(schedule.meetings.filter((m) => m.clusters.includes('aei')).map((m) => m.slot));
    const free = schedule.slots.filter((s) => !busy.has(s.index) && s.end <= '16:00');
    expect(free.length).toBeGreaterThan(0);
    for (const slot of free)
      expect(page).toMatch(new RegExp(`^\\s*${slot.start} – ${slot.end}\\s+Libre`, 'm'));
  });

  it('writes the date in French, keeps accents and apostrophes, and lists unmet wishes with reasons', () => {
    for (const raw of rawPages) {
      expect(raw).toContain('jeudi 9 juillet 2015');
      expect(raw).toContain('Hôtel de Région Auvergne, Clermont-Ferrand');
      expect(raw).toContain('Planning version 3 · généré le 1 juillet 2015 à 10:30');
    }
    const all = squash(rawPages.join(' '));
    for (const name of [
      'Céréales Vallée',
      'Elastopôle',
      'Auvergne Énergies',
      "Analyse & Surveillance de l'Environnement",
    ]) {
      expect(all).toContain(squash(name));
    }
    const withUnmet = schedule.unmetWishes[0];
    const page = squash(rawPages[event.clusters.findIndex((c) => c.id === withUnmet.from)]);
    const partner = event.clusters.find((c) => c.id === withUnmet.to)!.name;
    expect(page).toContain('Souhaits non satisfaits');
    expect(page).toContain(squash(`Choix n° ${withUnmet.rank} — ${partner}`));
  });

  it('embeds its font (Inter), using no standard PDF font', () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.embedded).toBe(true);
      expect(f.name).toMatch(/\+Inter/);
    }
  });
});

describe('renderAgendasPdf', () => {
  function event(overrides: Parameters<typeof makeEvent>[0] = {}) {
    return makeEvent({
      clusters: [
        makeCluster({ id: 'aa', name: 'Auvergne Efficience Industrielle' }),
        makeCluster({ id: 'bb', name: 'Mont-Blanc Industries', region: 'Rhône-Alpes' }),
        makeCluster({ id: 'cc', name: "Analyse & Surveillance de l'Environnement" }),
      ],
      wishes: [
        { from: 'aa', to: 'bb', rank: 1 },
        { from: 'bb', to: 'aa', rank: 1 },
      ],
      ...overrides,
    });
  }

  it('gives one cluster’s page only for its manager', async () => {
    const e = event();
    const schedule = makeSchedule(e, { meetings: [{ slot: 1, table: 2, clusters: ['aa', 'bb'] }] });
    const pdf = await renderAgendasPdf(e, schedule, { clusterId: 'bb', generatedAt });
    const pages = pdfPages(pdf, true);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Mont-Blanc Industries');
    expect(pages[0]).toMatch(/^\s*14:25 – 14:45\s+2\s+Auvergne Efficience Industrielle\s+Souhait mutuel/m);
  });

  it('speaks English when asked', async () => {
    const e = event();
    const schedule = makeSchedule(e, { meetings: [{ slot: 0, table: 1, clusters: ['aa', 'bb'] }] });
    const [page] = pdfPages(
      await renderAgendasPdf(e, schedule, { lang: 'en', clusterId: 'aa', generatedAt }),
      true,
    );
    expect(page).toContain('Thursday, 9 July 2015');
    expect(page).toMatch(/^\s*14:00 – 14:20\s+1\s+Mont-Blanc Industries\s+Mutual wish/m);
    expect(page).toMatch(/^\s*14:25 – 14:45\s+Free/m);
    expect(page).toContain('All your wishes are met.');
    expect(page).toContain('Schedule ref.');
  });

  it('keeps one page per cluster with 36 slots and 200-character names, footer included', async () => {
    const long =
      `${'Association régionale des entreprises de l’Économie sociale et solidaire '.repeat(3)}`.slice(
        0,
        200,
      );
    const e = event({
      event: { sessions: [{ start: '08:00', end: '20:00' }], changeoverMinutes: 0, tables: 3 },
      clusters: [
        makeCluster({ id: 'aa', name: long, kind: 'grappe d’entreprises', region: 'Auvergne-Rhône-Alpes' }),
        makeCluster({ id: 'bb', name: `${long.slice(0, 190)} (bis)`, region: 'Provence-Alpes-Côte d’Azur' }),
        makeCluster({ id: 'cc', name: 'Cluster Lumière' }),
      ],
      wishes: [
        { from: 'aa', to: 'bb', rank: 1 },
        { from: 'aa', to: 'cc', rank: 2 },
        { from: 'cc', to: 'bb', rank: 1 },
      ],
    });
    const schedule = makeSchedule(e, {
      meetings: [
        { slot: 0, table: 1, clusters: ['aa', 'bb'] },
        { slot: 20, table: 3, clusters: ['cc', 'aa'] },
        { slot: 35, table: 2, clusters: ['cc', 'bb'] },
      ],
      unmetWishes: [],
    });
    expect(schedule.slots).toHaveLength(36);
    const pdf = await renderAgendasPdf(e, schedule, { generatedAt, version: 'v12' });
    saveArtifact(pdf, 'agendas-36-slots-long-names');
    const pages = pdfPages(pdf, true);
    expect(pages).toHaveLength(3);
    for (const page of pages) {
      expect(page).toMatch(/^\s*08:00 – \d\d:\d\d/m);
      expect(page).toMatch(/^\s*\d\d:\d\d – 20:00/m); // the last slot, alone or in a run of free ones
      expect(page).toContain('Planning version v12');
    }
    expect(pages[2]).toMatch(/^\s*19:40 – 20:00\s+2\s+Association/m);
    // Runs of free slots are merged to keep the page whole: aa is free from 08:20 to 14:40 (19 slots).
    expect(pages[0]).toMatch(/^\s*08:20 – 14:40\s+Libre · 19 créneaux/m);
  });

  it('prints one page saying so for an event without clusters', async () => {
    const e = event({ clusters: [], wishes: [] });
    const pages = pdfPages(await renderAgendasPdf(e, makeSchedule(e), { generatedAt }), true);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Aucun cluster n’est inscrit à cette journée.');
  });

  it('makes the same bytes from the same input', async () => {
    const e = event();
    const schedule = makeSchedule(e, { meetings: [{ slot: 0, table: 1, clusters: ['aa', 'bb'] }] });
    const a = await renderAgendasPdf(e, schedule, { generatedAt, version: 1 });
    const b = await renderAgendasPdf(e, schedule, { generatedAt, version: 1 });
    expect(a.equals(b)).toBe(true);
  });
});
