/* global window */
import { api } from '../api.mjs';
import { h, uid } from '../dom.mjs';
import { errorText, formatInstant, t } from '../i18n.mjs';
import { deriveSlots } from '../slots.mjs';
import {
  actionButton,
  announce,
  clearErrors,
  copyText,
  field,
  setFlash,
  showErrors,
  statusLine,
} from '../ui.mjs';
import { availabilityEditor } from './availability.mjs';

/**
 * Invite links are shown once by the server (only a hash is stored): the links issued in this tab
 * are kept in sessionStorage, per event, so that the organiser can still copy them after a reload.
 */
function inviteCache(eventId) {
  const key = `ic.invites.${eventId}`;
  const read = () => JSON.parse(window.sessionStorage.getItem(key) ?? '{}');
  return {
    get: (clusterId) => read()[clusterId],
    all: () => read(),
    set(clusterId, url) {
      const links = read();
      if (url) links[clusterId] = url;
      else delete links[clusterId];
      window.sessionStorage.setItem(key, JSON.stringify(links));
    },
  };
}

/** Participants: register (directory, new cluster, CSV), invite links, wishes submitted, availability. */
export async function participantsTab({ event, reload }) {
  const [participants, file, directory] = await Promise.all([
    api(`events/${event.id}/participants`),
    api(`events/${event.id}/export`),
    api('clusters'),
  ]);
  const invites = inviteCache(event.id);
  const frozen = event.status === 'published';
  const wishCount = new Map();
  for (const wish of file.wishes) wishCount.set(wish.from, (wishCount.get(wish.from) ?? 0) + 1);
  const slots = deriveSlots(event.settings);
  const status = statusLine();

  const issue = async (clusterId) => {
    const invite = await api(`events/${event.id}/participants/${clusterId}/invite`, { method: 'POST' });
    invites.set(clusterId, invite.url);
  };

  const rows = participants.map((participant) => {
    const cluster = participant.cluster;
    const link = invites.get(cluster.id);
    const count = wishCount.get(cluster.id) ?? 0;
    const detailsId = uid('availability');
    const linkInput = link
      ? h('input', {
          type: 'text',
          readonly: true,
          value: link,
          class: 'invite-url',
          'aria-label': t('participants.linkFor', { name: cluster.name }),
        })
      : null;
    const availabilityRow = h(
      'tr',
      { id: detailsId, hidden: true, class: 'details-row' },
      h(
        'td',
        { colspan: 5 },
        availabilityEditor({
          slots,
          availability: participant.availability,
          readOnly: frozen,
          legend: t('participants.availabilityOf', { name: cluster.name }),
          onSave: (availability) =>
            api(`events/${event.id}/participants/${cluster.id}/availability`, {
              method: 'PUT',
              body: { availability },
            }),
        }),
      ),
    );
    const toggle = h(
      'button',
      {
        type: 'button',
        class: 'small',
        'aria-expanded': 'false',
        'aria-controls': detailsId,
        onclick: () => {
          const open = toggle.getAttribute('aria-expanded') === 'true';
          toggle.setAttribute('aria-expanded', String(!open));
          availabilityRow.hidden = open;
        },
      },
      t('participants.availability'),
    );
    return [
      h(
        'tr',
        { dataset: { cluster: cluster.id } },
        h('th', { scope: 'row' }, cluster.name, h('span', { class: 'muted small-text' }, ` ${cluster.id}`)),
        h(
          'td',
          {},
          cluster.region ?? '—',
          cluster.kind ? h('br', {}) : null,
          h('span', { class: 'muted small-text' }, cluster.kind ?? ''),
        ),
        h(
          'td',
          {},
          count > 0
            ? h('span', { class: 'badge badge--ok' }, t('participants.wishCount', { n: count }))
            : h('span', { class: 'badge badge--none' }, t('participants.noWishes')),
          participant.availability ? h('span', { class: 'badge' }, t('participants.partTime')) : null,
        ),
        h(
          'td',
          { class: 'invite-cell' },
          participant.inviteIssuedAt
            ? h(
                'span',
                { class: 'small-text' },
                t('participants.issuedAt', { when: formatInstant(participant.inviteIssuedAt) }),
              )
            : h('span', { class: 'muted small-text' }, t('participants.noLink')),
          linkInput
            ? h(
                'div',
                { class: 'copy-row' },
                linkInput,
                actionButton(
                  t('participants.copy'),
                  async () => {
                    const ok = await copyText(link, linkInput);
                    announce(
                      ok ? t('participants.copied', { name: cluster.name }) : t('participants.copyFailed'),
                    );
                    status[ok ? 'ok' : 'fail'](
                      ok ? t('participants.copied', { name: cluster.name }) : t('participants.copyFailed'),
                    );
                  },
                  { class: 'small', 'aria-label': t('participants.copyFor', { name: cluster.name }) },
                ),
              )
            : null,
        ),
        h(
          'td',
          {},
          h(
            'div',
            { class: 'row-actions' },
            actionButton(
              participant.inviteIssuedAt ? t('participants.reissue') : t('participants.issue'),
              async () => {
                if (
                  participant.inviteIssuedAt &&
                  !window.confirm(t('participants.reissueConfirm', { name: cluster.name }))
                )
                  return;
                try {
                  await issue(cluster.id);
                  setFlash(t('participants.issued', { name: cluster.name }));
                  reload();
                } catch (error) {
                  status.fail(errorText(error));
                }
              },
              {
                class: 'small',
                'aria-label': `${participant.inviteIssuedAt ? t('participants.reissue') : t('participants.issue')} — ${cluster.name}`,
              },
            ),
            participant.inviteIssuedAt
              ? actionButton(
                  t('participants.revoke'),
                  async () => {
                    if (!window.confirm(t('participants.revokeConfirm', { name: cluster.name }))) return;
                    try {
                      await api(`events/${event.id}/participants/${cluster.id}/invite`, { method: 'DELETE' });
                      invites.set(cluster.id, null);
                      setFlash(t('participants.revoked', { name: cluster.name }));
                      reload();
                    } catch (error) {
                      status.fail(errorText(error));
                    }
                  },
                  { class: 'small', 'aria-label': `${t('participants.revoke')} — ${cluster.name}` },
                )
              : null,
            toggle,
            frozen
              ? null
              : actionButton(
                  t('participants.remove'),
                  async () => {
                    if (!window.confirm(t('participants.removeConfirm', { name: cluster.name }))) return;
                    try {
                      await api(`events/${event.id}/participants/${cluster.id}`, { method: 'DELETE' });
                      setFlash(t('participants.removed', { name: cluster.name }));
                      reload();
                    } catch (error) {
                      status.fail(errorText(error));
                    }
                  },
                  { class: 'small danger', 'aria-label': `${t('participants.remove')} — ${cluster.name}` },
                ),
          ),
        ),
      ),
      availabilityRow,
    ];
  });

  const submitted = participants.filter((p) => (wishCount.get(p.cluster.id) ?? 0) > 0).length;
  const table = participants.length
    ? h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'data participants' },
          h('caption', {}, t('participants.caption', { n: participants.length, submitted })),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              [
                'participants.name',
                'participants.regionKind',
                'participants.wishes',
                'participants.invite',
                'participants.actions',
              ].map((key) => h('th', { scope: 'col' }, t(key))),
            ),
          ),
          h('tbody', {}, rows),
        ),
      )
    : h('p', { class: 'empty' }, t('participants.none'));

  const allLinks = invites.all();
  const bulk = h(
    'div',
    { class: 'actions' },
    participants.length
      ? actionButton(t('participants.issueAll'), async () => {
          if (
            participants.some((p) => p.inviteIssuedAt) &&
            !window.confirm(t('participants.issueAllConfirm'))
          )
            return;
          try {
            const issued = await api(`events/${event.id}/participants/invites`, { method: 'POST' });
            for (const invite of issued) invites.set(invite.clusterId, invite.url);
            setFlash(t('participants.issuedAll', { n: issued.length }));
            reload();
          } catch (error) {
            status.fail(errorText(error));
          }
        })
      : null,
    Object.keys(allLinks).length
      ? actionButton(t('participants.copyAll'), async () => {
          const names = new Map(participants.map((p) => [p.cluster.id, p.cluster.name]));
          const text = Object.entries(allLinks)
            .filter(([id]) => names.has(id))
            .map(([id, url]) => `${names.get(id)}\t${url}`)
            .join('\n');
          const ok = await copyText(text);
          status[ok ? 'ok' : 'fail'](ok ? t('participants.copiedAll') : t('participants.copyFailed'));
        })
      : null,
  );

  return h(
    'div',
    {},
    h('h2', {}, t('tab.participants')),
    status.element,
    frozen ? h('p', { class: 'hint' }, t('settings.frozen')) : null,
    h('p', { class: 'hint' }, t('participants.linksHint')),
    bulk,
    table,
    frozen ? null : registerForms({ event, participants, directory, reload }),
  );
}

function registerForms({ event, participants, directory, reload }) {
  const registered = new Set(participants.map((p) => p.cluster.id));
  const available = directory.filter((cluster) => !registered.has(cluster.id));
  const report = (result) =>
    t('participants.registered', {
      n: result.registered.length,
      skipped: result.skipped.length,
      created: result.created.length,
    });

  // From the directory: search and tick.
  const search = h('input', { type: 'search', autocomplete: 'off' });
  const list = h('ul', { class: 'check-list' });
  const boxes = available.map((cluster) => {
    const box = h('input', { type: 'checkbox', id: uid('dir'), value: cluster.id });
    const item = h(
      'li',
      {
        dataset: {
          text: `${cluster.name} ${cluster.region ?? ''} ${cluster.kind ?? ''}`.toLocaleLowerCase(),
        },
      },
      box,
      h(
        'label',
        { for: box.id },
        cluster.name,
        h(
          'span',
          { class: 'muted small-text' },
          [cluster.region, cluster.kind].filter(Boolean).map((x) => ` · ${x}`),
        ),
      ),
    );
    list.append(item);
    return box;
  });
  search.addEventListener('input', () => {
    const needle = search.value.trim().toLocaleLowerCase();
    for (const item of list.children) item.hidden = needle !== '' && !item.dataset.text.includes(needle);
  });
  const directoryStatus = statusLine();
  const directoryForm = h(
    'form',
    { class: 'card', novalidate: true },
    h('h3', {}, t('participants.fromDirectory')),
    available.length
      ? [
          field(t('participants.search'), search),
          list,
          h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('participants.registerSelected'))),
        ]
      : h('p', { class: 'hint' }, t('participants.directoryEmpty')),
    directoryStatus.element,
  );
  directoryForm.addEventListener('submit', async (submitEvent) => {
    submitEvent.preventDefault();
    clearErrors(directoryForm);
    const chosen = boxes.filter((box) => box.checked).map((box) => ({ id: box.value }));
    if (!chosen.length) {
      directoryStatus.fail(t('participants.chooseSome'));
      return;
    }
    try {
      const result = await api(`events/${event.id}/participants`, {
        method: 'POST',
        body: { clusters: chosen },
      });
      setFlash(report(result));
      reload();
    } catch (error) {
      showErrors(directoryForm, error);
    }
  });

  // A new cluster.
  const name = h('input', { type: 'text', required: true, maxlength: 200, autocomplete: 'off' });
  const region = h('input', { type: 'text', maxlength: 200, autocomplete: 'off' });
  const kind = h('input', { type: 'text', maxlength: 200, autocomplete: 'off', list: 'cluster-kinds' });
  const email = h('input', { type: 'email', autocomplete: 'off' });
  const kinds = [...new Set(directory.map((c) => c.kind).filter(Boolean))].sort();
  const newForm = h(
    'form',
    { class: 'card', novalidate: true },
    h('h3', {}, t('participants.newCluster')),
    field(t('participants.name'), name, { path: 'clusters[0].name' }),
    field(t('participants.region'), region, { path: 'clusters[0].region' }),
    field(t('participants.kind'), kind, { path: 'clusters[0].kind', hint: t('participants.kindHint') }),
    h(
      'datalist',
      { id: 'cluster-kinds' },
      kinds.map((k) => h('option', { value: k })),
    ),
    field(t('participants.contactEmail'), email, { path: 'clusters[0].contactEmail' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('participants.addCluster'))),
  );
  newForm.addEventListener('submit', async (submitEvent) => {
    submitEvent.preventDefault();
    clearErrors(newForm);
    const cluster = { name: name.value.trim() };
    if (region.value.trim()) cluster.region = region.value.trim();
    if (kind.value.trim()) cluster.kind = kind.value.trim();
    if (email.value.trim()) cluster.contactEmail = email.value.trim();
    try {
      const result = await api(`events/${event.id}/participants`, {
        method: 'POST',
        body: { clusters: [cluster] },
      });
      setFlash(report(result));
      reload();
    } catch (error) {
      showErrors(newForm, error);
    }
  });

  // A CSV file.
  const csvFile = h('input', { type: 'file', accept: '.csv,text/csv,text/plain' });
  const csvForm = h(
    'form',
    { class: 'card', novalidate: true },
    h('h3', {}, t('participants.csvTitle')),
    h('p', { class: 'hint' }, t('participants.csvHint')),
    field(t('participants.csvFile'), csvFile, { path: 'csv' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('participants.csvSubmit'))),
  );
  csvForm.addEventListener('submit', async (submitEvent) => {
    submitEvent.preventDefault();
    clearErrors(csvForm);
    const file = csvFile.files?.[0];
    if (!file) {
      showErrors(csvForm, { errors: [{ path: 'csv', message: t('participants.csvChoose') }] });
      return;
    }
    try {
      const result = await api(`events/${event.id}/participants/csv`, {
        method: 'POST',
        body: await file.text(),
        contentType: 'text/csv; charset=utf-8',
      });
      setFlash(report(result));
      reload();
    } catch (error) {
      showErrors(csvForm, error);
    }
  });

  return h(
    'section',
    { class: 'register', 'aria-labelledby': 'register-title' },
    h('h2', { id: 'register-title' }, t('participants.registerTitle')),
    h('div', { class: 'cards-3' }, directoryForm, newForm, csvForm),
  );
}
