import { escapeHtml, renderAgendaHtml, renderGridHtml } from './html';
import { makeCluster, makeEvent, makeSchedule } from './testing/factories';
import { htmlToPdf, pdfInfo, pdfPages } from './testing/pdf-tools';

function event() {
  return makeEvent({
    event: { tables: 12 },
    clusters: [
      makeCluster({ id: 'aa', name: "Analyse & Surveillance de l'Environnement" }),
      makeCluster({ id: 'bb', name: 'Cluster <script>alert(1)</script>', region: 'Rhône-Alpes' }),
      makeCluster({ id: 'cc', name: 'Céréales Vallée', availability: [{ start: '14:00', end: '14:45' }] }),
    ],
    wishes: [
      { from: 'aa', to: 'bb', rank: 1 },
      { from: 'bb', to: 'aa', rank: 3 },
      { from: 'cc', to: 'aa', rank: 2 },
    ],
  });
}

function schedule(e = event()) {
  return makeSchedule(e, {
    meetings: [
      { slot: 0, table: 11, clusters: ['aa', 'bb'] },
      { slot: 1, table: 2, clusters: ['cc', 'aa'] },
    ],
    unmetWishes: [{ from: 'bb', to: 'cc', rank: 2, code: 'no-common-slot', reason: 'no common slot' }],
  });
}

const generatedAt = new Date('2015-07-01T08:30:00Z');

describe('renderAgendaHtml', () => {
  it('is a complete French page per cluster, with print rules', () => {
    const e = event();
    const html = renderAgendaHtml(e, schedule(e), { generatedAt, version: 2 });
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('@media print');
    expect(html).toContain('@page { size: A4 portrait');
    expect(html.match(/<section class="page agenda"/g)).toHaveLength(3);
    expect(html).toContain('jeudi 9 juillet 2015');
    expect(html).toContain('<h1>Analyse &amp; Surveillance de l&#39;Environnement</h1>');
    expect(html).toContain('Planning version 2 · généré le 1 juillet 2015 à 10:30');
  });

  it('shows meetings with table, partner and whose wish, free and unavailable slots, unmet wishes', () => {
    const e = event();
    const html = renderAgendaHtml(e, schedule(e), { clusterId: 'aa', generatedAt });
    expect(html.match(/<section class="page agenda"/g)).toHaveLength(1);
    expect(html).toContain(
      '<tr class="meeting mutual"><td class="time">14:00 – 14:20</td><td class="table">11</td>' +
        '<td class="partner"><strong>Cluster &lt;script&gt;alert(1)&lt;/script&gt;</strong><span>cluster · Rhône-Alpes</span></td>' +
        '<td class="wish">Souhait mutuel<span>votre choix n° 1\nchoix n° 3 du partenaire</span></td></tr>',
    );
    expect(html).toContain('<td class="table">2</td><td class="partner"><strong>Céréales Vallée</strong>');
    expect(html).toContain('Souhait du partenaire');
    expect(html).toContain('<tr class="free"><td class="time">14:50 – 15:10</td>');
    expect(html).not.toContain('<script>');

    const cc = renderAgendaHtml(e, schedule(e), { clusterId: 'cc', generatedAt });
    expect(cc).toContain('<tr class="unavailable"><td class="time">14:50 – 15:10</td>');
    expect(cc).toContain('Non disponible');

    const bb = renderAgendaHtml(e, schedule(e), { clusterId: 'bb', lang: 'en', generatedAt });
    expect(bb).toContain('<html lang="en">');
    expect(bb).toContain(
      '<strong>Choice no. 2 — Céréales Vallée</strong><span>no slot in which you and Céréales Vallée are both available</span>',
    );
  });
});

describe('renderGridHtml', () => {
  it('lays slots as rows and tables as columns, in printable blocks of at most 8 tables', () => {
    const e = event();
    const html = renderGridHtml(e, schedule(e), { generatedAt });
    expect(html).toContain('@page { size: A3 landscape');
    const blocks = html.split('<section class="page grid-page">').slice(1);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toContain('Tables 1 à 6');
    expect(blocks[1]).toContain('Tables 7 à 12');
    expect(blocks[0].match(/<th>Table \d+<\/th>/g)).toHaveLength(6);
    expect(blocks[0].match(/<tr><td class="time">/g)).toHaveLength(
      e.event.sessions.length && schedule(e).slots.length,
    );
    expect(blocks[1]).toContain(
      '<td class="pair mutual"><span>Analyse &amp; Surveillance de l&#39;Environnement</span><span>Cluster &lt;script&gt;alert(1)&lt;/script&gt;</span></td>',
    );
    expect(blocks[0]).toContain(
      '<td class="pair"><span>Céréales Vallée</span><span>Analyse &amp; Surveillance',
    );
    expect(html).not.toContain('<script>');
  });
});

describe('printing the HTML pages in a browser (headless Chromium)', () => {
  it('gives one A4 portrait page per agenda and one A3 landscape page per block of the grid', () => {
    const e = event();
    const agendas = htmlToPdf(renderAgendaHtml(e, schedule(e), { generatedAt }));
    expect(pdfInfo(agendas)).toMatchObject({ pages: 3 });
    expect(Math.round(pdfInfo(agendas).width)).toBe(595);
    const pages = pdfPages(agendas, true);
    expect(pages[0]).toMatch(/14:00 – 14:20\s+Cluster <script>alert\(1\)<\/script>\s+Souhait mutuel/);
    expect(pages[0]).toMatch(/^\s+11\s*$/m); // the table number, shown as text, never run as a script
    const grid = htmlToPdf(renderGridHtml(e, schedule(e), { generatedAt }));
    expect(pdfInfo(grid)).toMatchObject({ pages: 2 });
    expect(Math.round(pdfInfo(grid).width)).toBe(1191);
  }, 120_000);
});

describe('escapeHtml', () => {
  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
