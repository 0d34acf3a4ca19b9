import { api } from '../api.mjs';
import { h } from '../dom.mjs';
import { formatDate, statusLabel, t } from '../i18n.mjs';
import { field, showErrors, statusLine } from '../ui.mjs';

/** The organiser's events, newest first; create one, or import an event file. */
export async function eventsPage({ navigate }) {
  const events = await api('events');
  const list = events.length
    ? h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'data' },
          h('caption', { class: 'visually-hidden' }, t('events.title')),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, t('events.name')),
              h('th', { scope: 'col' }, t('events.date')),
              h('th', { scope: 'col' }, t('events.status')),
              h('th', { scope: 'col', class: 'num' }, t('events.participants')),
            ),
          ),
          h(
            'tbody',
            {},
            events.map((event) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, h('a', { href: `/events/${event.id}` }, event.settings.name)),
                h('td', {}, formatDate(event.settings.date)),
                h('td', {}, h('span', { class: `badge badge--${event.status}` }, statusLabel(event.status))),
                h('td', { class: 'num' }, event.participantCount),
              ),
            ),
          ),
        ),
      )
    : h('p', { class: 'empty' }, t('events.none'));

  const fileInput = h('input', { type: 'file', accept: '.json,application/json', name: 'eventFile' });
  const status = statusLine();
  const importForm = h(
    'form',
    { class: 'card', novalidate: true },
    h('h2', {}, t('events.importTitle')),
    h('p', { class: 'hint' }, t('events.importHint')),
    field(t('events.importFile'), fileInput, { path: '(root)' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('events.importSubmit'))),
    status.element,
  );
  importForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = fileInput.files?.[0];
    if (!file) {
      showErrors(importForm, { errors: [{ path: '(root)', message: t('events.importChoose') }] });
      return;
    }
    let document;
    try {
      document = JSON.parse(await file.text());
    } catch {
      showErrors(importForm, { errors: [{ path: '(root)', message: t('events.importNotJson') }] });
      return;
    }
    try {
      status.info(t('events.importing'));
      const { id } = await api('events/import', { method: 'POST', body: document });
      navigate(`/events/${id}`);
    } catch (error) {
      status.clear();
      showErrors(importForm, error);
    }
  });

  return h(
    'section',
    { class: 'page' },
    h(
      'div',
      { class: 'page-head' },
      h('h1', {}, t('events.title')),
      h('a', { class: 'button primary', href: '/events/new' }, t('events.new')),
    ),
    list,
    importForm,
  );
}
