import type { EventFile, ScheduleFile } from '@app/scheduling/model';
import { balancedChunks } from './chunks';
import type { RenderOptions } from './options';
import { buildAgendas, buildContext, buildGrid, type ClusterAgenda, type PrintContext } from './view-model';

/**
 * Print-friendly HTML pages (complete documents, styles inline, `@media print` and `@page` rules)
 * of the agendas and the grid, for the web interface. Same view-model as the PDFs.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const BASE_CSS = `
:root { --ink: #1a1f2b; --muted: #5b6472; --faint: #9aa1ab; --rule: #d5d9df; --band: #f1f3f6; --accent: #1f4e79; }
* { box-sizing: border-box; }
body { margin: 0; font-family: Inter, "Noto Sans", "DejaVu Sans", system-ui, sans-serif; color: var(--ink); background: #e9ecf0; }
.page { background: #fff; margin: 16px auto; padding: 14mm 15mm; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
.event-name { font-weight: 600; font-size: 11pt; margin: 0; }
.event-meta { color: var(--muted); font-size: 9.5pt; margin: 2px 0 0; }
.event-band { border-bottom: 1.5pt solid var(--accent); padding-bottom: 6pt; margin-bottom: 14pt; }
.kicker { color: var(--accent); font-weight: 600; font-size: 9pt; letter-spacing: .08em; text-transform: uppercase; margin: 0 0 2pt; }
h1 { font-size: 24pt; line-height: 1.15; margin: 0; overflow-wrap: break-word; }
.details { color: var(--muted); font-size: 11pt; margin: 4pt 0 14pt; }
table { border-collapse: collapse; width: 100%; }
th { background: var(--accent); color: #fff; font-size: 8.5pt; font-weight: 600; letter-spacing: .05em; text-transform: uppercase; text-align: left; padding: 6pt 8pt; }
td { border-bottom: .75pt solid var(--rule); padding: 7pt 8pt; vertical-align: top; font-size: 10pt; }
footer { color: var(--muted); font-size: 8pt; margin-top: 14pt; }
@media print {
  body { background: #fff; }
  .page { margin: 0; padding: 0; box-shadow: none; break-after: page; }
  .page:last-child { break-after: auto; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

const AGENDA_CSS = `
@page { size: A4 portrait; margin: 14mm 15mm; }
.page { width: 210mm; min-height: 297mm; }
@media print { .page { width: auto; min-height: 0; } }
td.time { font-weight: 600; white-space: nowrap; width: 7.5em; }
td.table { font-weight: 700; font-size: 15pt; color: var(--accent); text-align: center; width: 3.5em; }
th.table { text-align: center; }
td.partner strong { display: block; font-weight: 600; font-size: 11.5pt; }
td.partner span, td.wish span { display: block; color: var(--muted); font-size: 9pt; margin-top: 2pt; white-space: pre-line; }
td.wish { width: 12em; font-weight: 500; font-size: 9.5pt; }
tr.mutual td.wish { color: var(--accent); }
tr.free td, tr.unavailable td { background: var(--band); color: var(--muted); padding-top: 5pt; padding-bottom: 5pt; }
tr.free td.time, tr.unavailable td.time { color: var(--faint); font-weight: 500; }
h2 { font-size: 12pt; margin: 18pt 0 6pt; }
ul.unmet { list-style: none; margin: 0; padding: 0; }
ul.unmet li { border-left: 2pt solid var(--faint); padding-left: 8pt; margin-bottom: 6pt; font-size: 10pt; }
ul.unmet li strong { font-weight: 600; display: block; }
ul.unmet li span { color: var(--muted); font-size: 9.5pt; }
p.none { color: var(--muted); font-size: 10pt; }
`;

const GRID_CSS = `
@page { size: A3 landscape; margin: 10mm; }
.page { width: 420mm; }
@media print { .page { width: auto; } }
.grid-band { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 1.5pt solid var(--accent); padding-bottom: 6pt; margin-bottom: 10pt; }
.grid-band .event-name { font-size: 17pt; font-weight: 700; }
.grid-band .title { color: var(--accent); font-weight: 700; font-size: 15pt; text-align: right; margin: 0; }
.grid-band .range { font-weight: 600; font-size: 11pt; text-align: right; margin: 2pt 0 0; }
.legend { display: inline-block; border-left: 3.5pt solid var(--accent); padding-left: 5pt; color: var(--muted); font-size: 10pt; margin-left: 12pt; }
table.grid { table-layout: fixed; }
table.grid th { text-align: center; font-size: 12pt; text-transform: none; letter-spacing: 0; }
table.grid th.time { width: 62pt; text-align: left; font-size: 9pt; text-transform: uppercase; }
table.grid td { border: .75pt solid var(--rule); height: 22mm; padding: 5pt 6pt; vertical-align: middle; font-size: 11.5pt; line-height: 1.2; font-weight: 600; overflow-wrap: break-word; hyphens: manual; }
table.grid td.time { font-weight: 700; font-size: 14pt; white-space: nowrap; }
table.grid td.time span { display: block; color: var(--muted); font-weight: 400; font-size: 10.5pt; }
table.grid td.pair span { display: block; }
table.grid td.pair span + span::before { content: ""; display: block; width: 22pt; border-top: .75pt solid var(--faint); margin: 5pt 0; }
table.grid td.mutual { box-shadow: inset 3.5pt 0 0 var(--accent); }
table.grid td.free { background: var(--band); color: var(--faint); text-align: center; font-weight: 400; }
`;

function documentHtml(ctx: PrintContext, title: string, css: string, body: string): string {
  return [
    '<!doctype html>',
    `<html lang="${ctx.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`${title} — ${ctx.texts.eventName}`)}</title>`,
    `<style>${BASE_CSS}${css}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function eventMeta(ctx: PrintContext): string {
  return escapeHtml([ctx.texts.dateText, ctx.texts.venue].filter(Boolean).join(' · '));
}

function agendaSection(ctx: PrintContext, agenda: ClusterAgenda): string {
  const { m } = ctx;
  const rows = agenda.rows.map((row) => {
    const time = `<td class="time">${row.slot.start} – ${row.slot.end}</td>`;
    if (row.kind !== 'meeting') {
      const label = row.kind === 'free' ? m.free : m.unavailable;
      return `<tr class="${row.kind}">${time}<td class="table"></td><td class="partner" colspan="2">${escapeHtml(label)}</td></tr>`;
    }
    const details = row.partner.details ? `<span>${escapeHtml(row.partner.details)}</span>` : '';
    const wishDetail = row.wishDetail ? `<span>${escapeHtml(row.wishDetail)}</span>` : '';
    return (
      `<tr class="meeting ${row.wish}">${time}<td class="table">${row.table}</td>` +
      `<td class="partner"><strong>${escapeHtml(row.partner.name)}</strong>${details}</td>` +
      `<td class="wish">${escapeHtml(row.wishText)}${wishDetail}</td></tr>`
    );
  });
  const unmet =
    agenda.unmet.length > 0
      ? `<ul class="unmet">${agenda.unmet
          .map((u) => `<li><strong>${escapeHtml(u.label)}</strong><span>${escapeHtml(u.reason)}</span></li>`)
          .join('')}</ul>`
      : `<p class="none">${escapeHtml(agenda.wishCount > 0 ? m.allWishesMet : m.noWishes)}</p>`;
  const details = [agenda.cluster.details, agenda.meetingCountText].filter(Boolean).join(' · ');
  return [
    `<section class="page agenda" data-cluster="${escapeHtml(agenda.cluster.id)}">`,
    `<header class="event-band"><p class="event-name">${escapeHtml(ctx.texts.eventName)}</p><p class="event-meta">${eventMeta(ctx)}</p></header>`,
    `<p class="kicker">${escapeHtml(m.agendaTitle)}</p>`,
    `<h1>${escapeHtml(agenda.cluster.name)}</h1>`,
    `<p class="details">${escapeHtml(details)}</p>`,
    `<table class="agenda-table"><thead><tr><th>${escapeHtml(m.time)}</th><th class="table">${escapeHtml(m.table)}</th>` +
      `<th>${escapeHtml(m.partner)}</th><th>${escapeHtml(m.wish)}</th></tr></thead>`,
    `<tbody>${rows.join('')}</tbody></table>`,
    `<h2>${escapeHtml(m.unmetTitle)}</h2>`,
    unmet,
    `<footer>${escapeHtml(ctx.texts.footer)}</footer>`,
    '</section>',
  ].join('\n');
}

/** The agendas of every cluster (one printed page each), or only `options.clusterId`'s. */
export function renderAgendaHtml(
  event: EventFile,
  schedule: ScheduleFile,
  options: RenderOptions = {},
): string {
  const ctx = buildContext(event, schedule, options);
  const sections = buildAgendas(ctx, options.clusterId).map((agenda) => agendaSection(ctx, agenda));
  return documentHtml(ctx, ctx.m.agendaTitle, AGENDA_CSS, sections.join('\n'));
}

/** Tables per printed block of the HTML grid (A3 landscape). */
const HTML_GRID_TABLES = 8;

/** The master grid: slots as rows, tables as columns, in blocks of at most 8 tables (one printed A3 page each). */
export function renderGridHtml(
  event: EventFile,
  schedule: ScheduleFile,
  options: RenderOptions = {},
): string {
  const ctx = buildContext(event, schedule, options);
  const { m } = ctx;
  const grid = buildGrid(ctx);
  const blocks = balancedChunks(event.event.tables, HTML_GRID_TABLES).map((chunk, _i, all) => {
    const range = all.length > 1 ? m.tablesRange(chunk.first + 1, chunk.last + 1) : '';
    const head = [`<th class="time">${escapeHtml(m.time)}</th>`];
    for (let t = chunk.first; t <= chunk.last; t++) head.push(`<th>${escapeHtml(m.tableNumber(t + 1))}</th>`);
    const body = grid.map((row) => {
      const cells = [`<td class="time">${row.slot.start}<span>${row.slot.end}</span></td>`];
      for (let t = chunk.first; t <= chunk.last; t++) {
        const cell = row.cells[t];
        cells.push(
          cell.clusters
            ? `<td class="pair${cell.mutual ? ' mutual' : ''}"><span>${escapeHtml(cell.clusters[0].name)}</span><span>${escapeHtml(cell.clusters[1].name)}</span></td>`
            : '<td class="free">—</td>',
        );
      }
      return `<tr>${cells.join('')}</tr>`;
    });
    return [
      '<section class="page grid-page">',
      '<header class="grid-band">',
      `<div><p class="event-name">${escapeHtml(ctx.texts.eventName)}</p><p class="event-meta">${eventMeta(ctx)}</p></div>`,
      `<div><p class="title">${escapeHtml(m.gridTitle)}</p><p class="range">${escapeHtml(range)}<span class="legend">${escapeHtml(m.wishMutual)}</span></p></div>`,
      '</header>',
      `<table class="grid"><thead><tr>${head.join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`,
      `<footer>${escapeHtml(ctx.texts.footer)}</footer>`,
      '</section>',
    ].join('\n');
  });
  return documentHtml(ctx, m.gridTitle, GRID_CSS, blocks.join('\n'));
}
