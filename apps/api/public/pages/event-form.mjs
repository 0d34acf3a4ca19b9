import { api } from '../api.mjs';
import { h, replace, uid } from '../dom.mjs';
import { t } from '../i18n.mjs';
import { deriveSlots } from '../slots.mjs';
import { clearErrors, field, setFlash, showErrors, statusLine } from '../ui.mjs';

const DEFAULTS = {
  name: '',
  venue: '',
  date: '',
  timezone: 'Europe/Paris',
  sessions: [{ start: '14:00', end: '17:30' }],
  meetingMinutes: 20,
  changeoverMinutes: 5,
  tables: 20,
  maxMeetingsPerCluster: 3,
  maxWishesPerCluster: 5,
  pairing: 'any',
};

/** Create or edit an event's settings, with the derived slots shown live. */
export async function settingsForm({ event, navigate, reload }) {
  const settings = { ...DEFAULTS, ...(event?.settings ?? {}) };
  const frozen = event?.status === 'published';
  const input = (name, attributes = {}) =>
    h('input', { name, value: settings[name] ?? '', disabled: frozen, ...attributes });

  const name = input('name', { type: 'text', required: true, maxlength: 200, autocomplete: 'off' });
  const venue = input('venue', { type: 'text', maxlength: 200, autocomplete: 'off' });
  const date = input('date', { type: 'date', required: true });
  const timezone = input('timezone', { type: 'text', autocomplete: 'off', spellcheck: 'false' });
  const meetingMinutes = input('meetingMinutes', {
    type: 'number',
    min: 5,
    max: 180,
    step: 1,
    required: true,
    inputmode: 'numeric',
  });
  const changeoverMinutes = input('changeoverMinutes', {
    type: 'number',
    min: 0,
    max: 60,
    step: 1,
    inputmode: 'numeric',
  });
  const tables = input('tables', {
    type: 'number',
    min: 1,
    max: 10000,
    step: 1,
    required: true,
    inputmode: 'numeric',
  });
  const maxMeetings = input('maxMeetingsPerCluster', {
    type: 'number',
    min: 1,
    step: 1,
    inputmode: 'numeric',
  });
  const maxWishes = input('maxWishesPerCluster', { type: 'number', min: 1, step: 1, inputmode: 'numeric' });
  const pairing = h(
    'select',
    { name: 'pairing', disabled: frozen, value: settings.pairing },
    h('option', { value: 'any' }, t('settings.pairing.any')),
    h('option', { value: 'cross-region' }, t('settings.pairing.crossRegion')),
  );

  // Sessions: a list of start/end rows.
  const sessionRows = h('ol', { class: 'session-list' });
  const sessions = settings.sessions.map((session) => ({ ...session }));
  function drawSessions() {
    replace(
      sessionRows,
      sessions.map((session, index) => {
        const start = h('input', {
          type: 'time',
          value: session.start,
          required: true,
          disabled: frozen,
          name: `sessions[${index}].start`,
        });
        const end = h('input', {
          type: 'time',
          value: session.end,
          required: true,
          disabled: frozen,
          name: `sessions[${index}].end`,
        });
        start.addEventListener('input', () => {
          session.start = start.value;
          drawPreview();
        });
        end.addEventListener('input', () => {
          session.end = end.value;
          drawPreview();
        });
        return h(
          'li',
          { class: 'session-row' },
          field(t('settings.sessionStart', { n: index + 1 }), start, { path: `sessions[${index}].start` }),
          field(t('settings.sessionEnd', { n: index + 1 }), end, { path: `sessions[${index}].end` }),
          sessions.length > 1 && !frozen
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'small',
                  onclick: () => {
                    sessions.splice(index, 1);
                    drawSessions();
                    drawPreview();
                    sessionRows.querySelector('input')?.focus();
                  },
                },
                t('settings.removeSession', { n: index + 1 }),
              )
            : null,
        );
      }),
    );
  }
  const addSession = h(
    'button',
    {
      type: 'button',
      class: 'small',
      disabled: frozen,
      onclick: () => {
        const last = sessions[sessions.length - 1];
        sessions.push({ start: last?.end ?? '09:00', end: '' });
        drawSessions();
        drawPreview();
        sessionRows.querySelector('li:last-child input')?.focus();
      },
    },
    t('settings.addSession'),
  );

  // Live preview of the slots.
  const previewSummary = h('p', { class: 'preview-summary', 'aria-live': 'polite' });
  const previewList = h('ol', { class: 'slot-chips' });
  function drawPreview() {
    const slots = deriveSlots({
      sessions,
      meetingMinutes: Number(meetingMinutes.value),
      changeoverMinutes: changeoverMinutes.value === '' ? 0 : Number(changeoverMinutes.value),
    });
    const tableCount = Number(tables.value) || 0;
    previewSummary.textContent = slots.length
      ? t('settings.previewSummary', {
          n: slots.length,
          capacity: slots.length * tableCount,
          tables: tableCount,
        })
      : t('settings.previewNone');
    replace(
      previewList,
      slots.map((slot) =>
        h('li', {}, h('span', { class: 'slot-no' }, `${slot.index + 1}`), ` ${slot.start}–${slot.end}`),
      ),
    );
  }
  for (const control of [meetingMinutes, changeoverMinutes, tables])
    control.addEventListener('input', drawPreview);
  drawSessions();
  drawPreview();

  const status = statusLine();
  const sessionsId = uid('sessions');
  const form = h(
    'form',
    { class: 'settings-form', novalidate: true },
    frozen ? h('p', { class: 'status status--error' }, t('settings.frozen')) : null,
    h(
      'div',
      { class: 'form-columns' },
      h(
        'div',
        {},
        h(
          'fieldset',
          {},
          h('legend', {}, t('settings.general')),
          field(t('settings.name'), name, { path: 'name' }),
          field(t('settings.venue'), venue, { path: 'venue' }),
          field(t('settings.date'), date, { path: 'date' }),
          field(t('settings.timezone'), timezone, { path: 'timezone', hint: t('settings.timezoneHint') }),
        ),
        h(
          'fieldset',
          { 'aria-describedby': sessionsId, dataset: { path: 'sessions' }, class: 'field' },
          h('legend', {}, t('settings.sessions')),
          h('p', { class: 'hint', id: sessionsId }, t('settings.sessionsHint')),
          sessionRows,
          h('p', { class: 'field-error', hidden: true }),
          addSession,
        ),
        h(
          'fieldset',
          {},
          h('legend', {}, t('settings.rhythm')),
          h(
            'div',
            { class: 'grid-2' },
            field(t('settings.meetingMinutes'), meetingMinutes, { path: 'meetingMinutes' }),
            field(t('settings.changeoverMinutes'), changeoverMinutes, { path: 'changeoverMinutes' }),
            field(t('settings.tables'), tables, { path: 'tables' }),
            field(t('settings.maxMeetings'), maxMeetings, { path: 'maxMeetingsPerCluster' }),
            field(t('settings.maxWishes'), maxWishes, { path: 'maxWishesPerCluster' }),
            field(t('settings.pairing'), pairing, { path: 'pairing' }),
          ),
        ),
      ),
      h(
        'aside',
        { class: 'preview card', 'aria-labelledby': 'slots-preview-title' },
        h('h2', { id: 'slots-preview-title' }, t('settings.preview')),
        previewSummary,
        previewList,
        h('p', { class: 'hint' }, t('settings.previewHint')),
      ),
    ),
    frozen
      ? null
      : h(
          'div',
          { class: 'actions' },
          h(
            'button',
            { type: 'submit', class: 'primary' },
            event ? t('settings.save') : t('settings.create'),
          ),
        ),
    status.element,
  );

  form.addEventListener('submit', async (submitEvent) => {
    submitEvent.preventDefault();
    clearErrors(form);
    status.clear();
    const number = (control) => (control.value === '' ? undefined : Number(control.value));
    const body = {
      name: name.value.trim(),
      ...(venue.value.trim() ? { venue: venue.value.trim() } : {}),
      date: date.value,
      timezone: timezone.value.trim() || undefined,
      sessions: sessions.map((session) => ({ start: session.start, end: session.end })),
      meetingMinutes: number(meetingMinutes),
      changeoverMinutes: number(changeoverMinutes),
      tables: number(tables),
      maxMeetingsPerCluster: number(maxMeetings),
      maxWishesPerCluster: number(maxWishes),
      pairing: pairing.value,
    };
    for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
    try {
      if (event) {
        await api(`events/${event.id}`, { method: 'PATCH', body });
        setFlash(t('settings.saved'));
        await reload();
      } else {
        const created = await api('events', { method: 'POST', body });
        navigate(`/events/${created.id}/participants`);
      }
    } catch (error) {
      showErrors(form, error);
    }
  });
  return form;
}
