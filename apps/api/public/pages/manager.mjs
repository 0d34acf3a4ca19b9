/* global window, location */
import { api, apiWithVersion, session } from '../api.mjs';
import { h, replace, uid } from '../dom.mjs';
import { formatDate, statusLabel, t } from '../i18n.mjs';
import { deriveSlots } from '../slots.mjs';
import { clearErrors, field, setFlash, showErrors, statusLine, takeFlash } from '../ui.mjs';
import { availabilityEditor } from './availability.mjs';
import { managerDownloads } from './downloads.mjs';
import { clusterDayView } from './schedule-views.mjs';
import { rankedList } from './wish-list.mjs';

const INVALID_KEY = 'ic.inviteInvalid';

/**
 * The invite link: `/invite#inv_…` (as the API issues it: the token never reaches a server log) or
 * `/m/inv_…`. The token goes to sessionStorage and the address bar loses it.
 */
export function inviteEntry({ match, navigate }) {
  const token = match?.[1] ?? decodeURIComponent(location.hash.replace(/^#/, ''));
  if (/^inv_[A-Za-z0-9_-]+$/.test(token)) {
    session.setInviteToken(token);
    window.sessionStorage.removeItem(INVALID_KEY);
  }
  navigate('/manager', { replace: true });
  return undefined;
}

const TABS = ['event', 'wishes', 'availability', 'agenda'];

/** A cluster manager's pages: the event, the wish list, availability, and the agenda once published. */
export async function managerPage(context) {
  if (!session.inviteToken()) {
    const invalid = window.sessionStorage.getItem(INVALID_KEY);
    return h(
      'section',
      { class: 'page narrow' },
      h('h1', {}, invalid ? t('manager.invalidTitle') : t('manager.noLinkTitle')),
      h('p', {}, invalid ? t('manager.invalid') : t('manager.noLink')),
    );
  }
  let me;
  try {
    me = await api('me', { as: 'manager' });
  } catch (error) {
    if (error.status === 401) {
      window.sessionStorage.setItem(INVALID_KEY, '1');
      session.clearInvite();
      return managerPage(context);
    }
    throw error;
  }
  const eventId = me.event.id;
  const clusterId = me.cluster.id;
  const event = await api(`events/${eventId}`, { as: 'manager' });
  const tab = TABS.includes(context.params.tab) ? context.params.tab : 'event';
  const shared = { ...context, me, event, eventId, clusterId };
  const content =
    tab === 'wishes'
      ? await wishesView(shared)
      : tab === 'availability'
        ? await availabilityView(shared)
        : tab === 'agenda'
          ? await agendaView(shared)
          : eventView(shared);
  const label = {
    event: 'manager.tab.event',
    wishes: 'manager.tab.wishes',
    availability: 'manager.tab.availability',
    agenda: 'manager.tab.agenda',
  };
  return h(
    'section',
    { class: 'page manager' },
    h('p', { class: 'eyebrow' }, me.cluster.name),
    h('h1', {}, t(`manager.title.${tab}`)),
    h(
      'nav',
      { class: 'tabs', 'aria-label': t('event.sections') },
      h(
        'ul',
        {},
        TABS.map((id) =>
          h(
            'li',
            {},
            h(
              'a',
              {
                href: id === 'event' ? '/manager' : `/manager/${id}`,
                'aria-current': id === tab ? 'page' : undefined,
              },
              t(label[id]),
            ),
          ),
        ),
      ),
    ),
    h('div', { class: 'tab-panel' }, content),
  );
}

function eventView({ event }) {
  const s = event.settings;
  const slots = deriveSlots(s);
  return h(
    'div',
    {},
    h('h2', {}, s.name),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('manager.date')),
      h('dd', {}, formatDate(s.date)),
      s.venue ? [h('dt', {}, t('manager.venue')), h('dd', {}, s.venue)] : null,
      h('dt', {}, t('manager.status')),
      h(
        'dd',
        {},
        h('span', { class: `badge badge--${event.status}` }, statusLabel(event.status)),
        ' ',
        t(`manager.statusExplain.${event.status}`),
      ),
      h('dt', {}, t('manager.rules')),
      h(
        'dd',
        {},
        t('manager.rulesText', {
          meeting: s.meetingMinutes,
          cap: s.maxMeetingsPerCluster,
          wishes: s.maxWishesPerCluster,
        }),
      ),
      s.pairing === 'cross-region'
        ? [h('dt', {}, t('settings.pairing')), h('dd', {}, t('settings.pairing.crossRegion'))]
        : null,
    ),
    h('h3', {}, t('manager.dayTitle')),
    h(
      'ol',
      { class: 'day' },
      s.sessions.map((session, i) =>
        h(
          'li',
          {},
          h('strong', {}, t('manager.session', { n: i + 1, start: session.start, end: session.end })),
          h(
            'ul',
            { class: 'slot-chips' },
            slots
              .filter((slot) => slot.session === i)
              .map((slot) => h('li', {}, `${slot.start}–${slot.end}`)),
          ),
        ),
      ),
    ),
    h(
      'p',
      { class: 'actions' },
      event.status === 'open'
        ? h('a', { class: 'button primary', href: '/manager/wishes' }, t('manager.goWishes'))
        : null,
      event.status === 'published'
        ? h('a', { class: 'button primary', href: '/manager/agenda' }, t('manager.goAgenda'))
        : null,
    ),
  );
}

async function wishesView({ event, eventId, clusterId, rerender }) {
  const [{ data, version: initialVersion }, participants] = await Promise.all([
    apiWithVersion(`events/${eventId}/participants/${clusterId}/wishes`, { as: 'manager' }),
    api(`events/${eventId}/participants`, { as: 'manager' }),
  ]);
  const max = event.settings.maxWishesPerCluster;
  const crossRegion = event.settings.pairing === 'cross-region';
  const readOnly = event.status !== 'open';
  const clusters = new Map(participants.map((p) => [p.id, p]));
  const own = clusters.get(clusterId);
  const state = {
    ids: [...data.wishes].sort((a, b) => a.rank - b.rank).map((w) => w.to),
    version: initialVersion,
  };
  let saved = JSON.stringify(state.ids);
  const status = statusLine();
  const flash = takeFlash();
  if (flash) status.info(flash);
  const count = h('p', { class: 'count', 'aria-live': 'polite' });
  const dirty = h('p', { class: 'hint dirty', hidden: true }, t('wishlist.unsaved'));

  const sameRegion = (p) =>
    crossRegion &&
    own?.region &&
    p.region &&
    own.region.trim().toLocaleLowerCase() === p.region.trim().toLocaleLowerCase();
  const refresh = () => {
    count.textContent = t('wishlist.count', { n: state.ids.length, max });
    dirty.hidden = readOnly || JSON.stringify(state.ids) === saved;
    drawDirectory();
  };
  const ranked = rankedList({ state, clusters, readOnly, onChange: refresh });

  const submit = h('button', { type: 'submit', class: 'primary' }, t('wishlist.submit'));
  const form = h(
    'form',
    { class: 'wish-form', novalidate: true },
    h('h2', {}, t('wishlist.title')),
    readOnly
      ? h(
          'p',
          { class: 'status status--info' },
          t('wishlist.readOnly', { status: statusLabel(event.status) }),
        )
      : h('p', { class: 'hint', id: 'wish-list-help' }, t('wishlist.help', { max })),
    count,
    h(
      'div',
      { class: 'field', dataset: { path: 'wishes' } },
      state.ids.length || !readOnly ? ranked.element : null,
      h('p', { class: 'field-error', hidden: true }),
    ),
    !state.ids.length && readOnly ? h('p', { class: 'empty' }, t('wishlist.emptyReadOnly')) : null,
    dirty,
    readOnly ? null : h('div', { class: 'actions sticky-actions' }, submit),
    status.element,
  );
  form.addEventListener('submit', async (submitEvent) => {
    submitEvent.preventDefault();
    clearErrors(form);
    status.clear();
    submit.disabled = true;
    try {
      const wishes = state.ids.map((to, i) => ({ to, rank: i + 1 }));
      const { data: answer, version } = await apiWithVersion(
        `events/${eventId}/participants/${clusterId}/wishes`,
        {
          as: 'manager',
          method: 'PUT',
          body: { wishes },
          headers: { 'If-Match': `"${state.version}"` },
        },
      );
      state.version = version;
      saved = JSON.stringify(state.ids);
      refresh();
      status.ok(
        answer.wishes.length
          ? t('wishlist.saved', {
              n: answer.wishes.length,
              names: answer.wishes.map((w) => clusters.get(w.to)?.name ?? w.to).join(', '),
            })
          : t('wishlist.savedEmpty'),
      );
      status.element.setAttribute('tabindex', '-1');
      status.element.focus();
    } catch (error) {
      if (error.code === 'VERSION_MISMATCH') {
        status.fail('');
        replace(
          status.element,
          t('wishlist.stale'),
          ' ',
          h(
            'button',
            {
              type: 'button',
              class: 'small',
              onclick: () => {
                setFlash(t('wishlist.reloaded'));
                rerender();
              },
            },
            t('wishlist.reload'),
          ),
        );
      } else showErrors(form, error);
    } finally {
      submit.disabled = false;
    }
  });

  // The other participants: search, filter by region and kind, add.
  const search = h('input', { type: 'search', autocomplete: 'off', id: uid('search') });
  const regions = [...new Set(participants.map((p) => p.region).filter(Boolean))].sort((a, b) =>
    a.localeCompare(b),
  );
  const kinds = [...new Set(participants.map((p) => p.kind).filter(Boolean))].sort((a, b) =>
    a.localeCompare(b),
  );
  const region = h(
    'select',
    {},
    h('option', { value: '' }, t('directory.allRegions')),
    regions.map((r) => h('option', { value: r }, r)),
  );
  const kind = h(
    'select',
    {},
    h('option', { value: '' }, t('directory.allKinds')),
    kinds.map((k) => h('option', { value: k }, k)),
  );
  const results = h('p', { class: 'hint', 'aria-live': 'polite' });
  const directory = h('ul', { class: 'directory' });
  function drawDirectory() {
    const needle = search.value.trim().toLocaleLowerCase();
    const shown = participants.filter(
      (p) =>
        (!needle || `${p.name} ${p.region ?? ''} ${p.kind ?? ''}`.toLocaleLowerCase().includes(needle)) &&
        (!region.value || p.region === region.value) &&
        (!kind.value || p.kind === kind.value),
    );
    results.textContent = t('directory.results', { n: shown.length, total: participants.length });
    replace(
      directory,
      shown.map((p) => {
        const chosen = state.ids.indexOf(p.id);
        let action;
        if (p.id === clusterId) action = h('span', { class: 'muted small-text' }, t('directory.yourself'));
        else if (chosen >= 0)
          action = h('span', { class: 'badge badge--ok' }, t('directory.inList', { rank: chosen + 1 }));
        else if (readOnly) action = null;
        else if (sameRegion(p)) action = h('span', { class: 'muted small-text' }, t('directory.sameRegion'));
        else
          action = h(
            'button',
            {
              type: 'button',
              class: 'small',
              disabled: state.ids.length >= max,
              'aria-label': t('directory.addNamed', { name: p.name }),
              onclick: () => {
                state.ids.push(p.id);
                ranked.draw();
                refresh();
                status.info(t('directory.added', { name: p.name, rank: state.ids.length }));
              },
            },
            t('directory.add'),
          );
        return h(
          'li',
          { dataset: { cluster: p.id } },
          h(
            'span',
            { class: 'wish-name' },
            h('strong', {}, p.name),
            h('span', { class: 'muted small-text' }, [p.region, p.kind].filter(Boolean).join(' · ')),
          ),
          action,
        );
      }),
    );
  }
  for (const control of [search, region, kind])
    control.addEventListener(control === search ? 'input' : 'change', drawDirectory);

  refresh();
  return h(
    'div',
    { class: 'wishes-layout' },
    form,
    h(
      'section',
      { class: 'directory-panel', 'aria-labelledby': 'directory-title' },
      h('h2', { id: 'directory-title' }, t('directory.title')),
      h(
        'div',
        { class: 'filters' },
        field(t('directory.search'), search),
        field(t('directory.region'), region),
        field(t('directory.kind'), kind),
      ),
      results,
      directory,
      state.ids.length >= max && !readOnly ? h('p', { class: 'hint' }, t('directory.full', { max })) : null,
    ),
  );
}

async function availabilityView({ event, eventId, clusterId }) {
  let { data, version } = await apiWithVersion(`events/${eventId}/participants/${clusterId}/availability`, {
    as: 'manager',
  });
  const readOnly = event.status !== 'open';
  return h(
    'div',
    {},
    h('p', { class: 'hint' }, readOnly ? t('availability.readOnly') : t('availability.help')),
    availabilityEditor({
      slots: deriveSlots(event.settings),
      availability: data.availability,
      readOnly,
      onSave: async (availability) => {
        const answer = await apiWithVersion(`events/${eventId}/participants/${clusterId}/availability`, {
          as: 'manager',
          method: 'PUT',
          body: { availability },
          headers: { 'If-Match': `"${version}"` },
        });
        version = answer.version;
        data = answer.data;
      },
    }),
  );
}

async function agendaView({ event, eventId, clusterId }) {
  if (event.status !== 'published') return h('p', { class: 'empty' }, t('manager.agendaNotYet'));
  const [schedule, participants, wishes, availability] = await Promise.all([
    api(`events/${eventId}/schedule`, { as: 'manager' }),
    api(`events/${eventId}/participants`, { as: 'manager' }),
    api(`events/${eventId}/participants/${clusterId}/wishes`, { as: 'manager' }),
    api(`events/${eventId}/participants/${clusterId}/availability`, { as: 'manager' }),
  ]);
  const clusters = new Map(
    participants.map((p) => [
      p.id,
      { ...p, ...(p.id === clusterId ? { availability: availability.availability ?? undefined } : {}) },
    ]),
  );
  const ranks = new Map(wishes.wishes.map((w) => [w.to, w.rank]));
  const index = {
    clusters,
    name: (id) => clusters.get(id)?.name ?? id,
    rank: (from, to) => (from === clusterId ? ranks.get(to) : undefined),
    cap: event.settings.maxMeetingsPerCluster,
  };
  const count = schedule.meetings.length;
  return h(
    'div',
    {},
    h(
      'p',
      { class: 'lead' },
      t('manager.agendaLead', {
        n: count,
        event: event.settings.name,
        date: formatDate(event.settings.date),
      }),
    ),
    event.settings.venue ? h('p', { class: 'meta' }, event.settings.venue) : null,
    clusterDayView(schedule, index, clusterId, { headingLevel: 'h2', perspective: 'manager' }),
    managerDownloads({ event, clusterId }),
    h(
      'p',
      { class: 'hint' },
      t('manager.agendaPrint'),
      ' ',
      h('button', { type: 'button', class: 'small', onclick: () => window.print() }, t('print.print')),
    ),
  );
}
