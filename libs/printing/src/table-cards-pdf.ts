import type { EventFile, ScheduleFile } from '@app/scheduling/model';
import { drawEventBand } from './agendas-pdf';
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
import { buildContext, buildTableCards, type PrintContext, type TableCard } from './view-model';

/** Table cards: A4 portrait, one page per table — its number in large type, then each slot's pair. */
export async function renderTableCardsPdf(
  event: EventFile,
  schedule: ScheduleFile,
  options: RenderOptions = {},
): Promise<Buffer> {
  const ctx = buildContext(event, schedule, options);
  const doc = createPdf({
    size: 'A4',
    layout: 'portrait',
    margin: 48,
    title: ctx.m.tableCardsTitle,
    texts: ctx.texts,
  });
  for (const card of buildTableCards(ctx)) {
    doc.addPage();
    drawCard(doc, ctx, card);
  }
  addFooters(doc, ctx.texts, ctx.m);
  return toBuffer(doc);
}

const TIME_WIDTH = 118;
const PAD = 9;

function drawCard(doc: Doc, ctx: PrintContext, card: TableCard): void {
  const { m } = ctx;
  const x = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const bottom = doc.page.height - doc.page.margins.bottom;
  let y = drawEventBand(doc, ctx, x, doc.page.margins.top, width);

  y += 26;
  font(doc, 'semibold', 26, COLORS.accent);
  doc.text(m.table.toLocaleUpperCase(m.locale), x, y, {
    width,
    align: 'center',
    characterSpacing: 6,
    lineGap: 0,
  });
  y = doc.y - 6;
  const number = String(card.table);
  const numberSize = fitFontSize(doc, number, 'bold', width, 190, 170, 60, 1);
  font(doc, 'bold', numberSize, COLORS.ink);
  doc.text(number, x, y, { width, align: 'center', lineGap: 0, lineBreak: false });
  y += doc.currentLineHeight() + 4;

  font(doc, 'medium', 11, COLORS.muted);
  doc.text(`${m.tableCardsTitle} · ${m.meetingCount(card.meetingCount)}`, x, y, { width, align: 'center' });
  y = doc.y + 14;
  rule(doc, x, y, width, COLORS.ink, 1);

  const nameWidth = (width - TIME_WIDTH) / 2;
  let scale = 1;
  const heightAt = (s: number) =>
    card.rows.reduce((sum, row) => sum + rowHeight(doc, row.clusters, nameWidth, s), 0);
  while (scale > 0.5 && y + heightAt(scale) > bottom) scale -= 0.05;

  for (const row of card.rows) {
    const h = rowHeight(doc, row.clusters, nameWidth, scale);
    const padY = PAD * scale;
    const time = `${row.slot.start} – ${row.slot.end}`;
    if (row.clusters) {
      font(doc, 'bold', 14 * scale, COLORS.ink);
      doc.text(time, x + 4, y + padY, { width: TIME_WIDTH - 8, lineBreak: false });
      font(doc, 'semibold', 14 * scale, COLORS.ink);
      row.clusters.forEach((cluster, i) => {
        const cx = x + TIME_WIDTH + i * nameWidth;
        if (i === 1) {
          font(doc, 'regular', 14 * scale, COLORS.faint);
          doc.text('×', cx - 10, y + padY, { lineBreak: false });
          font(doc, 'semibold', 14 * scale, COLORS.ink);
        }
        doc.text(cluster.name, cx + PAD, y + padY, { width: nameWidth - 2 * PAD, lineGap: 0 });
      });
    } else {
      doc
        .save()
        .rect(x, y + 0.5, width, h - 0.5)
        .fill(COLORS.band)
        .restore();
      font(doc, 'medium', 13 * scale, COLORS.faint);
      doc.text(time, x + 4, y + padY, { width: TIME_WIDTH - 8, lineBreak: false });
      font(doc, 'medium', 13 * scale, COLORS.muted);
      doc.text(m.freeTable, x + TIME_WIDTH + PAD, y + padY, {
        width: width - TIME_WIDTH - 2 * PAD,
        lineBreak: false,
      });
    }
    y += h;
    rule(doc, x, y, width);
  }
}

function rowHeight(
  doc: Doc,
  clusters: TableCard['rows'][number]['clusters'],
  nameWidth: number,
  scale: number,
): number {
  const padY = PAD * scale;
  if (!clusters) return 16 * scale + 2 * padY;
  font(doc, 'semibold', 14 * scale);
  const names = Math.max(...clusters.map((c) => textHeight(doc, c.name, nameWidth - 2 * PAD)));
  return Math.max(names, 18 * scale) + 2 * padY;
}
