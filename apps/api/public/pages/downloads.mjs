/* global fetch, URLSearchParams */
import { api } from '../api.mjs';
import { fileSlug, h, saveBlob } from '../dom.mjs';
import { errorText, getLang, t } from '../i18n.mjs';
import { actionButton, statusLine } from '../ui.mjs';

/**
 * Files of the printing library (PDF agendas, grid, table cards, CSV, iCalendar), downloaded from
 * the API with the bearer token (so through fetch, not plain links). Only the routes the server
 * declares in its OpenAPI document are offered.
 */
export const ORGANISER_DOWNLOADS = [
  { key: 'agendasPdf', route: '/api/events/{id}/print/agendas.pdf', file: 'agendas.pdf' },
  { key: 'gridPdf', route: '/api/events/{id}/print/grid.pdf', file: 'grid.pdf' },
  { key: 'tablesPdf', route: '/api/events/{id}/print/tables.pdf', file: 'tables.pdf' },
  { key: 'meetingsCsv', route: '/api/events/{id}/print/meetings.csv', file: 'meetings.csv' },
];

export const MANAGER_DOWNLOADS = [
  { key: 'agendaPdf', route: '/api/events/{id}/participants/{clusterId}/agenda.pdf', file: 'agenda.pdf' },
  { key: 'agendaIcs', route: '/api/events/{id}/participants/{clusterId}/agenda.ics', file: 'agenda.ics' },
];

let declared;
/** The GET routes of the API (from /api/docs-json), read once. */
async function declaredRoutes() {
  if (!declared) {
    declared = fetch('/api/docs-json')
      .then((response) => (response.ok ? response.json() : { paths: {} }))
      .then(
        (doc) =>
          new Set(
            Object.entries(doc.paths ?? {})
              .filter(([, ops]) => ops.get)
              .map(([path]) => path),
          ),
      )
      .catch(() => new Set());
  }
  return declared;
}

/** Download buttons for the routes that exist; a note when the server offers none. */
export async function downloadButtons({ event, version, clusterId, as = 'organiser', title }) {
  const routes = await declaredRoutes();
  const list = (as === 'manager' ? MANAGER_DOWNLOADS : ORGANISER_DOWNLOADS).filter((d) =>
    routes.has(d.route),
  );
  const status = statusLine();
  const base = fileSlug(
    `${event.settings?.name ?? event.name ?? 'event'}${clusterId ? `-${clusterId}` : ''}`,
  );
  const buttons = list.map((download) =>
    actionButton(t(`download.${download.key}`), async () => {
      status.info(t('download.preparing'));
      try {
        const path = download.route
          .replace('/api/', '')
          .replace('{id}', event.id)
          .replace('{clusterId}', clusterId ?? '');
        const query = new URLSearchParams({
          lang: getLang(),
          ...(version ? { version: String(version) } : {}),
        });
        const response = await api(`${path}?${query}`, { as, raw: true });
        saveBlob(await response.blob(), `${base}-${download.file}`);
        status.ok(t('download.done', { file: `${base}-${download.file}` }));
      } catch (error) {
        status.fail(errorText(error));
      }
    }),
  );
  return h(
    'section',
    { class: 'card downloads', 'aria-labelledby': 'downloads-title' },
    h('h3', { id: 'downloads-title' }, title ?? t('download.title')),
    buttons.length ? h('div', { class: 'actions' }, buttons) : h('p', { class: 'hint' }, t('download.none')),
    status.element,
  );
}
