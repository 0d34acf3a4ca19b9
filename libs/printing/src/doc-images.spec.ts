import { join } from 'node:path';
import { renderAgendasPdf } from './agendas-pdf';
import { renderGridPdf } from './grid-pdf';
import { solvedSample } from './testing/factories';
import { REPO_ROOT, pdfInfo, renderPagePng } from './testing/pdf-tools';

/**
 * The README's pictures: the first page of the Clermont agendas and of its grid at 100 dpi.
 * Regenerate with `UPDATE_DOC_IMAGES=1 npx jest libs/printing/src/doc-images.spec.ts`.
 */
const update = process.env.UPDATE_DOC_IMAGES === '1';

(update ? describe : describe.skip)('docs/images', () => {
  it('renders docs/images/agenda.png and docs/images/grid.png', async () => {
    const { event, schedule } = await solvedSample('clermont-2015.event.json');
    const options = { generatedAt: new Date('2015-07-01T08:30:00Z'), version: 1 };
    const agendas = await renderAgendasPdf(event, schedule, options);
    const grid = await renderGridPdf(event, schedule, options);
    expect(pdfInfo(agendas).pages).toBe(event.clusters.length);
    renderPagePng(agendas, 1, join(REPO_ROOT, 'docs', 'images', 'agenda.png'), 100);
    renderPagePng(grid, 1, join(REPO_ROOT, 'docs', 'images', 'grid.png'), 100);
  }, 60_000);
});
