/* global URLSearchParams */
import { api } from '../api.mjs';
import { h, saveBlob, uid } from '../dom.mjs';
import { errorText, getLang, t } from '../i18n.mjs';
import { actionButton, statusLine } from '../ui.mjs';

/**
 * Files of the printing library (PDF agendas, grid, table cards, CSV, iCalendar, printable HTML),
 * downloaded from the API with the bearer token — through fetch, as plain links cannot send it.
 * The language of the documents is the language of the page.
 */
const ORGANISER_DOWNLOADS = [
  { key: 'agendasPdf', path: 'print/agendas.pdf' },
  { key: 'gridPdf', path: 'print/grid.pdf' },
  { key: 'gridPdfA4', path: 'print/grid.pdf', query: { paper: 'a4' } },
  { key: 'tablesPdf', path: 'print/tables.pdf' },
  { key: 'meetingsCsv', path: 'print/meetings.csv' },
  { key: 'agendasHtml', path: 'print/agenda.html' },
  { key: 'gridHtml', path: 'print/grid.html' },
];

const CLUSTER_DOWNLOADS = [
  { key: 'agendaPdf', path: 'participants/{clusterId}/agenda.pdf' },
  { key: 'agendaIcs', path: 'participants/{clusterId}/calendar.ics' },
];

/** The file name of a `Content-Disposition: attachment; filename="…"` header. */
function fileName(response, fallback) {
  const match = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '');
  return match ? match[1] : fallback;
}

async function fetchFile({ eventId, download, clusterId, version, as, status }) {
  status.info(t('download.preparing'));
  try {
    const path = download.path.replace('{clusterId}', encodeURIComponent(clusterId ?? ''));
    const query = new URLSearchParams({
      lang: getLang(),
      ...(download.query ?? {}),
      ...(version ? { version: String(version) } : {}),
    });
    const response = await api(`events/${eventId}/${path}?${query}`, { as, raw: true });
    const name = fileName(response, path.split('/').pop());
    saveBlob(await response.blob(), name);
    status.ok(t('download.done', { file: name }));
  } catch (error) {
    status.fail(errorText(error));
  }
}

/** The organiser's downloads of a version: every document, and one cluster's agenda and calendar. */
export function organiserDownloads({ event, version, clusters }) {
  const status = statusLine();
  const select = h(
    'select',
    { id: uid('download-cluster') },
    [...clusters]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((c) => h('option', { value: c.id }, c.name)),
  );
  return h(
    'section',
    { class: 'card downloads', 'aria-labelledby': 'downloads-title' },
    h('h3', { id: 'downloads-title' }, t('download.title', { version })),
    h(
      'div',
      { class: 'actions' },
      ORGANISER_DOWNLOADS.map((download) =>
        actionButton(t(`download.${download.key}`), () =>
          fetchFile({ eventId: event.id, download, version, status }),
        ),
      ),
    ),
    h(
      'div',
      { class: 'cluster-downloads' },
      h('div', { class: 'field' }, h('label', { for: select.id }, t('download.oneCluster')), select),
      h(
        'div',
        { class: 'actions' },
        CLUSTER_DOWNLOADS.map((download) =>
          actionButton(t(`download.${download.key}`), () =>
            fetchFile({ eventId: event.id, download, clusterId: select.value, version, status }),
          ),
        ),
      ),
    ),
    status.element,
  );
}

/** A manager's downloads: its agenda (PDF) and calendar (.ics) of the published schedule. */
export function managerDownloads({ event, clusterId }) {
  const status = statusLine();
  return h(
    'section',
    { class: 'card downloads', 'aria-labelledby': 'downloads-title' },
    h('h3', { id: 'downloads-title' }, t('download.agendaTitle')),
    h(
      'div',
      { class: 'actions' },
      CLUSTER_DOWNLOADS.map((download) =>
        actionButton(t(`download.manager.${download.key}`), () =>
          fetchFile({ eventId: event.id, download, clusterId, as: 'manager', status }),
        ),
      ),
    ),
    status.element,
  );
}
