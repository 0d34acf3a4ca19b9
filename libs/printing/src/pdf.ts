import PDFDocument from 'pdfkit';
import { FONT_NAMES, FONT_WEIGHTS, fontData, type FontWeight } from './fonts';
import type { Messages } from './messages';
import type { DocumentTexts } from './view-model';

/** Shared PDF plumbing: document set-up with the embedded font, text fitting, footers, bytes. */

export type Doc = PDFKit.PDFDocument;

export const COLORS = {
  ink: '#1a1f2b',
  muted: '#5b6472',
  faint: '#9aa1ab',
  rule: '#d5d9df',
  band: '#f1f3f6',
  accent: '#1f4e79',
  accentLight: '#e3ecf5',
};

export interface PdfSetup {
  size: 'A4' | 'A3';
  layout: 'portrait' | 'landscape';
  margin: number;
  title: string;
  texts: DocumentTexts;
}

export function createPdf(setup: PdfSetup): Doc {
  const doc = new PDFDocument({
    size: setup.size,
    layout: setup.layout,
    margin: setup.margin,
    autoFirstPage: false,
    bufferPages: true,
    info: {
      Title: `${setup.title} — ${setup.texts.eventName}`,
      Author: 'Interclustering',
      Subject: setup.texts.eventName,
      Creator: 'Interclustering',
      Producer: 'Interclustering (PDFKit)',
      CreationDate: setup.texts.generatedAt,
      ModDate: setup.texts.generatedAt,
    },
  });
  for (const weight of FONT_WEIGHTS) doc.registerFont(FONT_NAMES[weight], fontData(weight));
  doc.font(FONT_NAMES.regular);
  return doc;
}

export function font(doc: Doc, weight: FontWeight, size: number, color = COLORS.ink): Doc {
  return doc.font(FONT_NAMES[weight]).fontSize(size).fillColor(color);
}

/**
 * The largest size from `max` down to `min` (by half points) at which `text` fits in
 * `width` × `height` when wrapped; `min` when nothing fits (the caller then clips with an ellipsis).
 */
export function fitFontSize(
  doc: Doc,
  text: string,
  weight: FontWeight,
  width: number,
  height: number,
  max: number,
  min: number,
  maxLines = Infinity,
): number {
  doc.font(FONT_NAMES[weight]);
  for (let size = max; size > min; size -= 0.5) {
    doc.fontSize(size);
    const h = doc.heightOfString(text, { width, lineGap: 0 });
    if (
      h <= height &&
      h <= maxLines * doc.currentLineHeight(true) + 0.01 &&
      !hasBrokenWord(doc, text, width)
    ) {
      return size;
    }
  }
  return min;
}

/** True when one word alone is wider than the box (PDFKit would split it mid-word). */
function hasBrokenWord(doc: Doc, text: string, width: number): boolean {
  return text.split(/\s+/).some((word) => doc.widthOfString(word) > width);
}

/** Writes `text` at (x, y) in a box, clipped with an ellipsis if it still does not fit. */
export function boxText(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  height: number,
  align: 'left' | 'center' | 'right' = 'left',
): void {
  doc.text(text, x, y, { width, height, align, ellipsis: true, lineGap: 0 });
}

/** Height of `text` wrapped to `width` with the current font. */
export function textHeight(doc: Doc, text: string, width: number): number {
  return doc.heightOfString(text, { width, lineGap: 0 });
}

/** Footer on every page: the version/generation line on the left, the page number on the right. */
export function addFooters(
  doc: Doc,
  texts: DocumentTexts,
  m: Messages,
  extra?: (page: number) => string,
): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { width, height, margins } = doc.page;
    const bottom = margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the bottom margin must not open a new page
    const y = height - bottom / 2 - 4;
    const contentWidth = width - margins.left - margins.right;
    font(doc, 'regular', 8, COLORS.muted);
    const left = extra ? `${texts.footer} · ${extra(i - range.start)}` : texts.footer;
    doc.text(left, margins.left, y, { width: contentWidth * 0.8, lineBreak: false, ellipsis: true });
    doc.text(m.page(i - range.start + 1, range.count), margins.left, y, {
      width: contentWidth,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

/** Ends the document and collects its bytes. */
export function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** A thin horizontal rule. */
export function rule(
  doc: Doc,
  x: number,
  y: number,
  width: number,
  color = COLORS.rule,
  thickness = 0.75,
): void {
  doc
    .save()
    .moveTo(x, y)
    .lineTo(x + width, y)
    .lineWidth(thickness)
    .strokeColor(color)
    .stroke()
    .restore();
}
