/* global Blob */
import { api } from '../api.mjs';
import { fileSlug, h, saveBlob } from '../dom.mjs';
import { errorText, formatDate, statusLabel, t } from '../i18n.mjs';
import { actionButton, setFlash, statusLine, takeFlash } from '../ui.mjs';
import { settingsForm } from './event-form.mjs';
import { participantsTab } from './participants.mjs';
import { wishesTab } from './wishes.mjs';
import { scheduleTab } from './schedule.mjs';
import { printTab } from './print.mjs';

const TABS = [
  { id: 'settings', path: '', render: settingsForm },
  { id: 'participants', path: '/participants', render: participantsTab },
  { id: 'wishes', path: '/wishes', render: wishesTab },
  { id: 'schedule', path: '/schedule', render: scheduleTab },
  { id: 'print', path: '/print', render: printTab },
];

/** What the organiser may do from each status (the server checks it again). */
const NEXT_STATUS = {
  draft: [{ to: 'open', label: 'status.action.open' }],
  open: [{ to: 'closed', label: 'status.action.close' }],
  closed: [{ to: 'open', label: 'status.action.reopen' }],
  scheduled: [{ to: 'open', label: 'status.action.reopen' }],
  published: [{ to: 'open', label: 'status.action.reopen' }],
};

/** One event: header (status and its actions, export), tabs, and the chosen tab. */
export async function eventPage(context) {
  const { id, tab } = context.params;
  if (!id) {
    return h(
      'section',
      { class: 'page' },
      h('p', { class: 'breadcrumb' }, h('a', { href: '/events' }, t('nav.events'))),
      h('h1', {}, t('event.newTitle')),
      await settingsForm({ ...context, event: null }),
    );
  }
  const event = await api(`events/${id}`);
  const current = TABS.find((candidate) => candidate.id === tab) ?? TABS[0];
  const status = statusLine();
  const flash = takeFlash();
  if (flash) status.ok(flash);
  const tabContext = {
    ...context,
    event,
    /** Re-reads the event and redraws the page, keeping focus where it is. */
    reload: () => context.rerender(),
  };
  const content = await current.render(tabContext);
  return h(
    'section',
    { class: 'page' },
    h('p', { class: 'breadcrumb' }, h('a', { href: '/events' }, t('nav.events'))),
    h(
      'div',
      { class: 'page-head' },
      h(
        'div',
        {},
        h('h1', {}, event.settings.name),
        h(
          'p',
          { class: 'meta' },
          formatDate(event.settings.date),
          event.settings.venue ? ` · ${event.settings.venue}` : '',
          ' · ',
          h('span', { class: `badge badge--${event.status}` }, statusLabel(event.status)),
        ),
        h('p', { class: 'hint' }, t(`status.explain.${event.status}`)),
      ),
      h(
        'div',
        { class: 'actions' },
        NEXT_STATUS[event.status].map(({ to, label }) =>
          actionButton(
            t(label),
            async () => {
              try {
                await api(`events/${id}/status`, { method: 'POST', body: { status: to } });
                setFlash(t('status.changed', { status: statusLabel(to) }));
                context.rerender();
              } catch (error) {
                status.fail(errorText(error));
              }
            },
            { class: 'primary' },
          ),
        ),
        actionButton(t('event.export'), async () => {
          try {
            const file = await api(`events/${id}/export`);
            saveBlob(
              new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }),
              `${fileSlug(event.settings.name)}.event.json`,
            );
          } catch (error) {
            status.fail(errorText(error));
          }
        }),
      ),
    ),
    status.element,
    h(
      'nav',
      { class: 'tabs', 'aria-label': t('event.sections') },
      h(
        'ul',
        {},
        TABS.map((candidate) =>
          h(
            'li',
            {},
            h(
              'a',
              {
                href: `/events/${id}${candidate.path}`,
                'aria-current': candidate === current ? 'page' : undefined,
              },
              t(`tab.${candidate.id}`),
            ),
          ),
        ),
      ),
    ),
    h('div', { class: 'tab-panel' }, content),
  );
}
