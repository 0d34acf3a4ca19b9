import type { EventFile, ScheduleFile } from '@app/scheduling/model';
import type { RenderOptions } from './options';
import {
  addFooters,
  COLORS,
  createPdf,
  fitFontSize,
  font,
  rule,
  textHeight,
  toBuffer,
  type Doc,
} from './pdf';
import type { Slot } from '@app/scheduling/model';
import {
  buildAgendas,
  buildContext,
  type AgendaMeetingRow,
  type ClusterAgenda,
  type PrintContext,
} from './view-model';

/**
 * Per-cluster agendas: A4 portrait, one page per cluster (all clusters for the organiser, or only
 * `options.clusterId`'s page for its manager).
 */
export async function renderAgendasPdf(
  event: EventFile,
  schedule: ScheduleFile,
  options: RenderOptions = {},
): Promise<Buffer> {
  const ctx = buildContext(event, schedule, options);
  const doc = createPdf({
    size: 'A4',
    layout: 'portrait',
    margin: MARGIN,
    title: ctx.m.agendaTitle,
    texts: ctx.texts,
  });
  const agendas = buildAgendas(ctx, options.clusterId);
  for (const agenda of agendas) {
    doc.addPage();
    drawAgendaPage(doc, ctx, agenda);
  }
  if (agendas.length === 0) {
    // A PDF needs a page: say why there is nothing to print.
    doc.addPage();
    const width = doc.page.width - 2 * MARGIN;
    const y = drawEventBand(doc, ctx, MARGIN, MARGIN, width);
    font(doc, 'regular', 12, COLORS.muted);
    doc.text(ctx.m.noClusters, MARGIN, y + 24, { width });
  }
  addFooters(doc, ctx.texts, ctx.m);
  return toBuffer(doc);
}

const MARGIN = 48;

/** The event band at the top of a page: name, then date and venue; returns the y below it. */
export function drawEventBand(
  doc: Doc,
  ctx: PrintContext,
  x: number,
  y: number,
  width: number,
  scale = 1,
): number {
  font(doc, 'semibold', 11 * scale, COLORS.ink);
  doc.text(ctx.texts.eventName, x, y, { width, lineGap: 0 });
  font(doc, 'regular', 9.5 * scale, COLORS.muted);
  doc.text([ctx.texts.dateText, ctx.texts.venue].filter(Boolean).join(' · '), x, doc.y + 2, {
    width,
    lineGap: 0,
  });
  const below = doc.y + 8 * scale;
  rule(doc, x, below, width, COLORS.accent, 1.5);
  return below + 1.5;
}

interface Columns {
  time: number;
  table: number;
  partner: number;
  wish: number;
}

/** A row as printed: a meeting, or one free/unavailable slot, or a run of them merged when space is short. */
type PrintedRow = AgendaMeetingRow | { kind: 'free' | 'unavailable'; slot: Slot; last: Slot; count: number };

function perSlotRows(agenda: ClusterAgenda): PrintedRow[] {
  return agenda.rows.map((row) => (row.kind === 'meeting' ? row : { ...row, last: row.slot, count: 1 }));
}

/** Consecutive free (or unavailable) slots as one row « 08:20 – 14:40 · Libre · 17 créneaux ». */
function mergedRows(agenda: ClusterAgenda): PrintedRow[] {
  const out: PrintedRow[] = [];
  for (const row of perSlotRows(agenda)) {
    const previous = out[out.length - 1];
    if (row.kind !== 'meeting' && previous && previous.kind === row.kind) {
      out[out.length - 1] = { ...previous, last: row.slot, count: previous.count + 1 };
    } else {
      out.push(row);
    }
  }
  return out;
}

function drawAgendaPage(doc: Doc, ctx: PrintContext, agenda: ClusterAgenda): void {
  const { m } = ctx;
  const x = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const bottom = doc.page.height - doc.page.margins.bottom;

  let y = drawEventBand(doc, ctx, x, doc.page.margins.top, width);

  y += 18;
  font(doc, 'semibold', 9, COLORS.accent);
  doc.text(m.agendaTitle.toLocaleUpperCase(m.locale), x, y, { width, characterSpacing: 1, lineGap: 0 });
  y = doc.y + 4;

  const nameSize = fitFontSize(doc, agenda.cluster.name, 'bold', width, 92, 26, 12, 4);
  font(doc, 'bold', nameSize, COLORS.ink);
  doc.text(agenda.cluster.name, x, y, { width, lineGap: 0, height: 96, ellipsis: true });
  y = doc.y + 4;

  font(doc, 'regular', 11, COLORS.muted);
  doc.text([agenda.cluster.details, agenda.meetingCountText].filter(Boolean).join(' · '), x, y, {
    width,
    lineGap: 0,
  });
  y = doc.y + 16;

  const cols: Columns = { time: 94, table: 48, wish: 150, partner: 0 };
  cols.partner = width - cols.time - cols.table - cols.wish;

  // Every slot on its own row while that fits at a comfortable size; otherwise runs of free slots
  // are merged and the whole page shrinks as needed. Never more than one page per cluster.
  const layouts: { rows: PrintedRow[]; minScale: number }[] = [
    { rows: perSlotRows(agenda), minScale: 0.8 },
    { rows: mergedRows(agenda), minScale: 0.5 },
  ];
  let chosen = { rows: layouts[1].rows, scale: 0.5 };
  search: for (const layout of layouts) {
    for (let scale = 1; scale >= layout.minScale - 1e-9; scale -= 0.05) {
      const needed =
        tableHeight(doc, ctx, layout.rows, cols, scale) + unmetHeight(doc, ctx, agenda, width, scale);
      if (y + needed <= bottom) {
        chosen = { rows: layout.rows, scale };
        break search;
      }
    }
  }
  y = drawTable(doc, ctx, chosen.rows, cols, x, y, bottom, chosen.scale);
  drawUnmet(doc, ctx, agenda, x, y + 20 * chosen.scale, width, bottom, chosen.scale);
}

const PAD_X = 8;

function headerHeight(scale: number): number {
  return 22 * scale;
}

function rowHeight(doc: Doc, row: PrintedRow, cols: Columns, scale: number): number {
  const padY = 7 * scale;
  if (row.kind !== 'meeting') return 12 * scale + 2 * padY;
  font(doc, 'semibold', 11.5 * scale);
  let partner = textHeight(doc, row.partner.name, cols.partner - 2 * PAD_X);
  if (row.partner.details) {
    font(doc, 'regular', 9 * scale);
    partner += 2 + textHeight(doc, row.partner.details, cols.partner - 2 * PAD_X);
  }
  font(doc, 'medium', 9.5 * scale);
  let wish = textHeight(doc, row.wishText, cols.wish - 2 * PAD_X);
  if (row.wishDetail) {
    font(doc, 'regular', 8 * scale);
    wish += 2 + textHeight(doc, row.wishDetail, cols.wish - 2 * PAD_X);
  }
  return Math.max(partner, wish, 18 * scale) + 2 * padY;
}

function tableHeight(doc: Doc, _ctx: PrintContext, rows: PrintedRow[], cols: Columns, scale: number): number {
  return headerHeight(scale) + rows.reduce((sum, row) => sum + rowHeight(doc, row, cols, scale), 0);
}

function drawTable(
  doc: Doc,
  ctx: PrintContext,
  rows: PrintedRow[],
  cols: Columns,
  x: number,
  y: number,
  bottom: number,
  scale: number,
): number {
  const { m } = ctx;
  const width = cols.time + cols.table + cols.partner + cols.wish;
  const xs = { time: x, table: x + cols.time, partner: x + cols.time + cols.table };
  const xWish = xs.partner + cols.partner;

  const hh = headerHeight(scale);
  doc.save().rect(x, y, width, hh).fill(COLORS.accent).restore();
  font(doc, 'semibold', 8.5 * scale, '#ffffff');
  const hy = y + (hh - doc.currentLineHeight()) / 2;
  const head = (text: string, cx: number, w: number, align: 'left' | 'center' = 'left') =>
    doc.text(text.toLocaleUpperCase(m.locale), cx + PAD_X, hy, {
      width: w - 2 * PAD_X,
      align,
      characterSpacing: 0.6,
      lineBreak: false,
    });
  head(m.time, xs.time, cols.time);
  head(m.table, xs.table, cols.table, 'center');
  head(m.partner, xs.partner, cols.partner);
  head(m.wish, xWish, cols.wish);
  y += hh;

  for (const row of rows) {
    const h = rowHeight(doc, row, cols, scale);
    if (y + h > bottom) break; // only when even the smallest layout cannot hold it: clip, never add a page
    const padY = 7 * scale;
    if (row.kind === 'meeting') {
      font(doc, 'semibold', 11 * scale, COLORS.ink);
      doc.text(`${row.slot.start} – ${row.slot.end}`, xs.time + PAD_X, y + padY, {
        width: cols.time - 2 * PAD_X,
        lineBreak: false,
      });

      font(doc, 'bold', 16 * scale, COLORS.accent);
      doc.text(String(row.table), xs.table + PAD_X, y + padY - 2 * scale, {
        width: cols.table - 2 * PAD_X,
        align: 'center',
        lineBreak: false,
      });

      font(doc, 'semibold', 11.5 * scale, COLORS.ink);
      doc.text(row.partner.name, xs.partner + PAD_X, y + padY, {
        width: cols.partner - 2 * PAD_X,
        lineGap: 0,
      });
      if (row.partner.details) {
        font(doc, 'regular', 9 * scale, COLORS.muted);
        doc.text(row.partner.details, xs.partner + PAD_X, doc.y + 2, {
          width: cols.partner - 2 * PAD_X,
          lineGap: 0,
        });
      }

      font(doc, 'medium', 9.5 * scale, row.wish === 'mutual' ? COLORS.accent : COLORS.ink);
      doc.text(row.wishText, xWish + PAD_X, y + padY + 1, { width: cols.wish - 2 * PAD_X, lineGap: 0 });
      if (row.wishDetail) {
        font(doc, 'regular', 8 * scale, COLORS.muted);
        doc.text(row.wishDetail, xWish + PAD_X, doc.y + 2, { width: cols.wish - 2 * PAD_X, lineGap: 0 });
      }
    } else {
      doc
        .save()
        .rect(x, y + 0.5, width, h - 0.5)
        .fill(COLORS.band)
        .restore();
      font(doc, 'medium', 10 * scale, COLORS.faint);
      doc.text(`${row.slot.start} – ${row.last.end}`, xs.time + PAD_X, y + padY, {
        width: cols.time - 2 * PAD_X,
        lineBreak: false,
      });
      const label = row.kind === 'free' ? m.free : m.unavailable;
      font(doc, row.kind === 'free' ? 'medium' : 'regular', 10 * scale, COLORS.muted);
      doc.text(row.count > 1 ? `${label} · ${m.slotCount(row.count)}` : label, xs.partner + PAD_X, y + padY, {
        width: cols.partner + cols.wish - 2 * PAD_X,
        lineBreak: false,
      });
    }
    y += h;
    rule(doc, x, y, width);
  }
  return y;
}

function unmetLines(ctx: PrintContext, agenda: ClusterAgenda): { label: string; reason?: string }[] {
  if (agenda.unmet.length > 0) return agenda.unmet.map((u) => ({ label: u.label, reason: u.reason }));
  return [{ label: agenda.wishCount > 0 ? ctx.m.allWishesMet : ctx.m.noWishes }];
}

function unmetLineHeight(
  doc: Doc,
  line: { label: string; reason?: string },
  width: number,
  scale: number,
): number {
  font(doc, 'semibold', 10 * scale);
  let h = textHeight(doc, line.label, width - 12);
  if (line.reason) {
    font(doc, 'regular', 9.5 * scale);
    h += 1 + textHeight(doc, line.reason, width - 12);
  }
  return h + 6 * scale;
}

function unmetHeight(
  doc: Doc,
  ctx: PrintContext,
  agenda: ClusterAgenda,
  width: number,
  scale: number,
): number {
  let h = 20 * scale;
  font(doc, 'semibold', 12 * scale);
  h += textHeight(doc, ctx.m.unmetTitle, width) + 6 * scale;
  for (const line of unmetLines(ctx, agenda)) h += unmetLineHeight(doc, line, width, scale);
  return h;
}

function drawUnmet(
  doc: Doc,
  ctx: PrintContext,
  agenda: ClusterAgenda,
  x: number,
  y: number,
  width: number,
  bottom: number,
  scale: number,
): void {
  font(doc, 'semibold', 12 * scale, COLORS.ink);
  if (y + textHeight(doc, ctx.m.unmetTitle, width) > bottom) return;
  doc.text(ctx.m.unmetTitle, x, y, { width, lineGap: 0 });
  y = doc.y + 6 * scale;
  for (const line of unmetLines(ctx, agenda)) {
    if (y + unmetLineHeight(doc, line, width, scale) > bottom) break;
    const unmet = line.reason !== undefined;
    if (unmet)
      doc
        .save()
        .rect(x, y + 1, 2, 10 * scale)
        .fill(COLORS.faint)
        .restore();
    font(doc, unmet ? 'semibold' : 'regular', 10 * scale, unmet ? COLORS.ink : COLORS.muted);
    doc.text(line.label, x + 12, y, { width: width - 12, lineGap: 0 });
    if (line.reason) {
      font(doc, 'regular', 9.5 * scale, COLORS.muted);
      doc.text(line.reason, x + 12, doc.y + 1, { width: width - 12, lineGap: 0 });
    }
    y = doc.y + 6 * scale;
  }
}
