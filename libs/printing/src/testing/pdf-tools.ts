/** PDF inspection for specs: text per page with poppler's pdftotext, PNG previews with pdftoppm. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
export const ARTIFACTS = join(REPO_ROOT, 'artifacts', 'printing');

function withTempPdf<T>(pdf: Buffer, run: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'printing-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return run(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of each page (pdftotext -layout keeps each line's words together). */
export function pdfPages(pdf: Buffer, layout = false): string[] {
  return withTempPdf(pdf, (file) => {
    const args = [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'];
    const text = execFileSync('pdftotext', args, { encoding: 'utf8' });
    const pages = text.split('\f');
    if (pages[pages.length - 1].trim() === '') pages.pop();
    return pages;
  });
}

/** Page size in points and the page count, from pdfinfo. */
export function pdfInfo(pdf: Buffer): { pages: number; width: number; height: number } {
  return withTempPdf(pdf, (file) => {
    const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(out)?.[1]);
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out);
    return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
  });
}

/** Renders one page (1-based) to `out` as PNG at `dpi`. */
export function renderPagePng(pdf: Buffer, page: number, out: string, dpi = 80): void {
  withTempPdf(pdf, (file, dir) => {
    const prefix = join(dir, 'page');
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      String(dpi),
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      file,
      prefix,
    ]);
    mkdirSync(dirname(out), { recursive: true });
    renameSync(`${prefix}.png`, out);
  });
}

/** Saves a preview of one page under artifacts/printing/ (git-ignored) for people to look at. */
export function saveArtifact(pdf: Buffer, name: string, page = 1, dpi = 80): string {
  const out = join(ARTIFACTS, `${name}.png`);
  renderPagePng(pdf, page, out, dpi);
  return out;
}

export function readSample(name: string): unknown {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'examples', name), 'utf8'));
}

/** The fonts a PDF uses, from pdffonts: name and whether it is embedded. */
export function pdfFonts(pdf: Buffer): { name: string; embedded: boolean }[] {
  return withTempPdf(pdf, (file) => {
    const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    return out
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const cols = line.trim().split(/\s+/);
        return { name: cols[0], embedded: cols[cols.length - 5] === 'yes' };
      });
  });
}

/**
 * Whitespace collapsed and hyphens dropped, for finding a wrapped name in extracted text
 * (pdftotext joins « Clermont-⏎Limagne » into « ClermontLimagne »): apply to both sides.
 */
export function squash(text: string): string {
  return text.replace(/-\s*/g, '').replace(/\s+/g, ' ');
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Prints an HTML document to PDF with headless Chromium (as a browser's "Print" would). */
export function htmlToPdf(html: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'printing-html-'));
  try {
    const page = join(dir, 'page.html');
    const out = join(dir, 'page.pdf');
    writeFileSync(page, html);
    execFileSync(
      'chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-pdf-header-footer',
        `--print-to-pdf=${out}`,
        `file://${page}`,
      ],
      { stdio: 'ignore', timeout: 90_000 },
    );
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
