import type { EventFile, ScheduleFile } from '@app/scheduling/model';
import { balancedChunks } from './chunks';
import type { RenderOptions } from './options';
import { addFooters, COLORS, createPdf, font, rule, textHeight, toBuffer, type Doc } from './pdf';
import { buildContext, buildGrid, type GridCell, type GridRow, type PrintContext } from './view-model';

export interface GridOptions extends RenderOptions {
  /** Paper, always landscape: A3 (default, for the desk) or A4. */
  paper?: 'A3' | 'A4';
}

const MARGIN = 36;
const TIME_COLUMN = 74;
const HEADER_ROW = 30;
/** Narrowest table column and lowest slot row that still read well from a metre away. */
const MIN_COLUMN = 120;
const MIN_ROW = 64;
const MAX_ROW = 110;

/** How the grid is cut into pages: table ranges × slot ranges, each as balanced as possible. */
export interface GridPagePlan {
  tables: { first: number; last: number };
  slots: { first: number; last: number };
}

export function planGridPages(tables: number, slots: number, paper: 'A3' | 'A4'): GridPagePlan[] {
  const [height, width] = paper === 'A3' ? [841.89, 1190.55] : [595.28, 841.89];
  const usableWidth = width - 2 * MARGIN - TIME_COLUMN;
  const usableHeight = height - 2 * MARGIN - BAND_HEIGHT - HEADER_ROW;
  const perPageTables = Math.max(1, Math.floor(usableWidth / MIN_COLUMN));
  const perPageSlots = Math.max(1, Math.floor(usableHeight / MIN_ROW));
  const plans: GridPagePlan[] = [];
  for (const t of balancedChunks(tables, perPageTables)) {
    for (const s of balancedChunks(slots, perPageSlots)) plans.push({ tables: t, slots: s });
  }
  return plans;
}

const BAND_HEIGHT = 58;

/**
 * The master grid for the organiser's desk: slots as rows, tables as columns, the pair in each
 * cell. Landscape A3 (or A4); split into pages of whole table and slot ranges when it is too big.
 */
export async function renderGridPdf(
  event: EventFile,
  schedule: ScheduleFile,
  options: GridOptions = {},
): Promise<Buffer> {
  const ctx = buildContext(event, schedule, options);
  const paper = options.paper ?? 'A3';
  const doc = createPdf({
    size: paper,
    layout: 'landscape',
    margin: MARGIN,
    title: ctx.m.gridTitle,
    texts: ctx.texts,
  });
  const grid = buildGrid(ctx);
  const plans = planGridPages(event.event.tables, grid.length, paper);
  for (const plan of plans) {
    doc.addPage();
    drawGridPage(doc, ctx, grid, plan, plans.length > 1);
  }
  if (plans.length === 0) {
    doc.addPage();
    drawBand(doc, ctx);
  }
  addFooters(doc, ctx.texts, ctx.m);
  return toBuffer(doc);
}

/** The page band: event on the left; the grid's title, the page's range and the legend on the right. */
function drawBand(doc: Doc, ctx: PrintContext, range?: string): void {
  const x = doc.page.margins.left;
  const y = doc.page.margins.top;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const left = width * 0.6;
  font(doc, 'bold', 17, COLORS.ink);
  doc.text(ctx.texts.eventName, x, y, { width: left, lineBreak: false, ellipsis: true });
  font(doc, 'regular', 11, COLORS.muted);
  doc.text([ctx.texts.dateText, ctx.texts.venue].filter(Boolean).join(' · '), x, y + 24, {
    width: left,
    lineBreak: false,
    ellipsis: true,
  });
  font(doc, 'bold', 15, COLORS.accent);
  doc.text(ctx.m.gridTitle, x + left, y + 2, { width: width - left, align: 'right', lineBreak: false });
  if (range !== undefined) {
    font(doc, 'regular', 10, COLORS.muted);
    const legendWidth = doc.widthOfString(ctx.m.wishMutual);
    doc.text(ctx.m.wishMutual, x + width - legendWidth, y + 26, { lineBreak: false });
    doc
      .save()
      .rect(x + width - legendWidth - 9, y + 25, 3.5, 12)
      .fill(COLORS.accent)
      .restore();
    if (range) {
      font(doc, 'semibold', 11, COLORS.ink);
      const rangeWidth = width - left - legendWidth - 24;
      doc.text(range, x + left, y + 25, {
        width: rangeWidth,
        align: 'right',
        lineBreak: false,
        ellipsis: true,
      });
    }
  }
  rule(doc, x, y + BAND_HEIGHT - 14, width, COLORS.accent, 1.5);
}

function drawGridPage(
  doc: Doc,
  ctx: PrintContext,
  grid: GridRow[],
  plan: GridPagePlan,
  split: boolean,
): void {
  const { m } = ctx;
  const tables = plan.tables.last - plan.tables.first + 1;
  const slots = grid.slice(plan.slots.first, plan.slots.last + 1);
  const firstSlot = slots[0].slot;
  const lastSlot = slots[slots.length - 1].slot;
  const parts = [m.tablesRange(plan.tables.first + 1, plan.tables.last + 1)];
  if (plan.slots.first > 0 || plan.slots.last < grid.length - 1)
    parts.push(m.slotsRange(firstSlot.start, lastSlot.end));
  drawBand(doc, ctx, split ? parts.join(' · ') : '');

  const x0 = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const colWidth = (width - TIME_COLUMN) / tables;
  const top = doc.page.margins.top + BAND_HEIGHT;
  const available = doc.page.height - doc.page.margins.bottom - top - HEADER_ROW;
  const rowHeight = Math.min(MAX_ROW, available / slots.length);

  // Header row: table numbers.
  doc.save().rect(x0, top, width, HEADER_ROW).fill(COLORS.accent).restore();
  font(doc, 'semibold', 10, '#ffffff');
  doc.text(m.time.toLocaleUpperCase(m.locale), x0 + 8, top + 10, {
    width: TIME_COLUMN - 12,
    lineBreak: false,
  });
  font(doc, 'bold', 13, '#ffffff');
  for (let t = 0; t < tables; t++) {
    const cx = x0 + TIME_COLUMN + t * colWidth;
    doc.text(m.tableNumber(plan.tables.first + t + 1), cx, top + 8, {
      width: colWidth,
      align: 'center',
      lineBreak: false,
    });
  }

  // One name size for the whole page (never below NAME_FLOOR); only cells that cannot take it shrink.
  let pageSize = NAME_MAX;
  for (const row of slots) {
    for (let t = 0; t < tables; t++) {
      pageSize = Math.min(
        pageSize,
        pairFontSize(doc, row.cells[plan.tables.first + t], colWidth, rowHeight, NAME_MAX),
      );
    }
  }
  pageSize = Math.max(pageSize, NAME_FLOOR);

  let y = top + HEADER_ROW;
  slots.forEach((row, r) => {
    if (r % 2 === 1) doc.save().rect(x0, y, width, rowHeight).fill('#fafbfc').restore();
    font(doc, 'bold', 14, COLORS.ink);
    doc.text(row.slot.start, x0 + 8, y + 10, { width: TIME_COLUMN - 12, lineBreak: false });
    font(doc, 'regular', 10.5, COLORS.muted);
    doc.text(row.slot.end, x0 + 8, y + 30, { width: TIME_COLUMN - 12, lineBreak: false });
    for (let t = 0; t < tables; t++) {
      const cell = row.cells[plan.tables.first + t];
      drawCell(doc, cell, x0 + TIME_COLUMN + t * colWidth, y, colWidth, rowHeight, pageSize);
    }
    y += rowHeight;
    rule(doc, x0, y, width);
  });

  // Vertical separators between tables.
  for (let t = 0; t <= tables; t++) {
    const cx = x0 + TIME_COLUMN + t * colWidth;
    doc
      .save()
      .moveTo(cx, top + HEADER_ROW)
      .lineTo(cx, y)
      .lineWidth(0.75)
      .strokeColor(COLORS.rule)
      .stroke()
      .restore();
  }
}

const CELL_PAD = 8;
const CELL_GAP = 11;
const NAME_MAX = 15;
const NAME_FLOOR = 12;
const NAME_MIN = 6.5;

/** The largest size at which both names, stacked, fit the cell (whole words, at most 3 lines each). */
function pairFontSize(doc: Doc, cell: GridCell, width: number, height: number, max: number): number {
  if (!cell.clusters) return max;
  const inner = width - 2 * CELL_PAD;
  const avail = height - 2 * CELL_PAD - CELL_GAP;
  const [a, b] = cell.clusters;
  for (let size = max; size > NAME_MIN; size -= 0.5) {
    font(doc, 'semibold', size);
    const line = doc.currentLineHeight(true);
    const ha = textHeight(doc, a.name, inner);
    const hb = textHeight(doc, b.name, inner);
    const wordsFit = [a.name, b.name].every((n) =>
      n.split(/\s+/).every((w) => doc.widthOfString(w) <= inner),
    );
    if (ha + hb <= avail && ha <= 3 * line + 0.01 && hb <= 3 * line + 0.01 && wordsFit) return size;
  }
  return NAME_MIN;
}

function drawCell(
  doc: Doc,
  cell: GridCell,
  x: number,
  y: number,
  width: number,
  height: number,
  pageSize: number,
): void {
  if (!cell.clusters) {
    doc.save().rect(x, y, width, height).fill(COLORS.band).restore();
    font(doc, 'regular', 12, COLORS.faint);
    doc.text('—', x, y + height / 2 - 8, { width, align: 'center', lineBreak: false });
    return;
  }
  if (cell.mutual)
    doc
      .save()
      .rect(x + 1, y + 1, 3.5, height - 2)
      .fill(COLORS.accent)
      .restore();
  const inner = width - 2 * CELL_PAD;
  const avail = height - 2 * CELL_PAD - CELL_GAP;
  const [a, b] = cell.clusters;
  const size = pairFontSize(doc, cell, width, height, pageSize);
  font(doc, 'semibold', size, COLORS.ink);
  const ha = Math.min(avail, textHeight(doc, a.name, inner));
  const hb = Math.min(avail - ha, textHeight(doc, b.name, inner));
  // The pair, centred vertically: name, a short rule, name.
  let cy = y + (height - (ha + CELL_GAP + hb)) / 2;
  doc.text(a.name, x + CELL_PAD, cy, { width: inner, height: ha + 1, ellipsis: true, lineGap: 0 });
  cy += ha + CELL_GAP / 2;
  rule(doc, x + CELL_PAD, cy, Math.min(22, inner), COLORS.faint, 0.75);
  font(doc, 'semibold', size, COLORS.ink);
  doc.text(b.name, x + CELL_PAD, cy + CELL_GAP / 2, {
    width: inner,
    height: hb + 1,
    ellipsis: true,
    lineGap: 0,
  });
}
