/* global window, location, URLSearchParams */
import { api } from '../api.mjs';
import { h, replace } from '../dom.mjs';
import { formatDate, t } from '../i18n.mjs';
import { clusterDayView, eventIndex, gridView } from './schedule-views.mjs';
import { organiserDownloads } from './downloads.mjs';

/**
 * Printing: every cluster's agenda (one sheet each) and the master grid, printed by the browser
 * (`@media print` keeps only the chosen sheets), plus the files of the printing library.
 */
export async function printTab({ event }) {
  const [versions, file] = await Promise.all([
    api(`events/${event.id}/schedules`),
    api(`events/${event.id}/export`),
  ]);
  const done = versions.filter((v) => v.state === 'done');
  const version = event.publishedVersion ?? done[done.length - 1]?.version;
  if (!version)
    return h('div', {}, h('h2', {}, t('tab.print')), h('p', { class: 'empty' }, t('print.nothing')));
  const schedule = await api(`events/${event.id}/schedule?version=${version}`);
  const index = eventIndex(file);
  const what = new URLSearchParams(location.search).get('what') === 'grid' ? 'grid' : 'agendas';

  const header = () =>
    h(
      'header',
      { class: 'print-header' },
      h('p', { class: 'print-event' }, file.event.name),
      h(
        'p',
        { class: 'meta' },
        formatDate(file.event.date),
        file.event.venue ? ` · ${file.event.venue}` : '',
      ),
    );
  const sheets = h('div', { class: 'print-area', dataset: { what } });
  const draw = (choice) => {
    sheets.dataset.what = choice;
    if (choice === 'grid') {
      replace(
        sheets,
        h(
          'section',
          { class: 'sheet sheet--landscape' },
          header(),
          h('h3', {}, t('schedule.grid')),
          gridView(schedule, index, file.event.tables),
        ),
      );
    } else {
      const clusters = [...file.clusters].sort((a, b) => a.name.localeCompare(b.name));
      replace(
        sheets,
        clusters.map((cluster) =>
          h(
            'section',
            { class: 'sheet' },
            header(),
            clusterDayView(schedule, index, cluster.id, { headingLevel: 'h3', perspective: 'cluster' }),
            h('p', { class: 'sheet-footer' }, t('print.footer', { version })),
          ),
        ),
      );
    }
  };
  const choice = (value, label) => {
    const id = `print-${value}`;
    const input = h('input', { type: 'radio', name: 'what', id, value, checked: what === value });
    input.addEventListener('change', () => draw(value));
    return h('span', { class: 'radio' }, input, h('label', { for: id }, label));
  };
  draw(what);

  return h(
    'div',
    {},
    h('h2', {}, t('tab.print')),
    h(
      'p',
      { class: 'hint' },
      event.publishedVersion === version
        ? t('print.published', { version })
        : t('print.notPublished', { version }),
    ),
    h(
      'div',
      { class: 'print-controls card' },
      h(
        'fieldset',
        {},
        h('legend', {}, t('print.what')),
        choice('agendas', t('print.agendas', { n: file.clusters.length })),
        choice('grid', t('print.grid')),
      ),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', class: 'primary', onclick: () => window.print() }, t('print.print')),
      ),
      h('p', { class: 'hint' }, t('print.hint')),
    ),
    organiserDownloads({ event, version, clusters: file.clusters }),
    sheets,
  );
}
