/* global window, location, history, URLSearchParams */
import { api } from '../api.mjs';
import { h, replace, uid } from '../dom.mjs';
import { errorText, formatInstant, t } from '../i18n.mjs';
import { actionButton, announce, setFlash, showErrors, statusLine } from '../ui.mjs';
import {
  clusterDayView,
  compareView,
  eventIndex,
  figuresView,
  gridView,
  statsLine,
  unmetView,
} from './schedule-views.mjs';

const POLL_MS = 600;

/**
 * Solve, watch the progress (polling the version), see a version (figures against the bound, grid,
 * unmet wishes, one cluster's day), compare two versions, publish.
 */
export async function scheduleTab(context) {
  const { event, reload, cleanup } = context;
  const [versions, file] = await Promise.all([
    api(`events/${event.id}/schedules`),
    api(`events/${event.id}/export`),
  ]);
  const index = eventIndex(file);
  const params = new URLSearchParams(location.search);
  const done = versions.filter((v) => v.state === 'done');
  const wanted = Number(params.get('version'));
  const selected =
    done.find((v) => v.version === wanted) ??
    done.find((v) => v.version === event.publishedVersion) ??
    done[done.length - 1];
  const compareWanted = Number(params.get('compare'));
  const compared = done.find((v) => v.version === compareWanted && v.version !== selected?.version);
  const status = statusLine();
  const running = versions.filter((v) => v.state === 'queued' || v.state === 'running');

  // Solve and live progress.
  const progressArea = h('div', { class: 'progress-area' });
  const canSolve = event.status === 'closed' || event.status === 'scheduled';
  const solveBox = h(
    'section',
    { class: 'card', 'aria-labelledby': 'solve-title' },
    h('h3', { id: 'solve-title' }, t('schedule.solveTitle')),
    h(
      'p',
      { class: 'hint' },
      canSolve ? t('schedule.solveHint') : t('schedule.solveNotYet', { status: t(`status.${event.status}`) }),
    ),
    h(
      'div',
      { class: 'actions' },
      actionButton(
        t('schedule.solve'),
        async () => {
          status.clear();
          try {
            const { version } = await api(`events/${event.id}/solve`, { method: 'POST' });
            watch(version);
          } catch (error) {
            if (error.errors?.length) showErrors(solveBox, error);
            else status.fail(errorText(error));
          }
        },
        { class: 'primary', disabled: !canSolve },
      ),
    ),
    progressArea,
  );

  let timer;
  cleanup(() => window.clearTimeout(timer));
  function watch(version) {
    const bar = h('progress', { max: 1, value: 0, id: uid('progress') });
    const label = h('label', { for: bar.id }, t('schedule.progressOf', { version }));
    const message = h('p', { class: 'progress-message' }, t('schedule.state.queued'));
    replace(progressArea, label, bar, message);
    let lastAnnounced = -1;
    const poll = async () => {
      if (!context.isCurrent()) return;
      let v;
      try {
        v = await api(`events/${event.id}/schedules/${version}`);
      } catch (error) {
        message.textContent = errorText(error);
        timer = window.setTimeout(poll, POLL_MS * 3);
        return;
      }
      bar.value = v.progress ?? 0;
      const percent = Math.round((v.progress ?? 0) * 100);
      message.textContent = `${t(`schedule.state.${v.state}`)} — ${percent} %${v.message ? ` · ${v.message}` : ''}`;
      // Screen readers hear each quarter, not every tick.
      const quarter = Math.floor(percent / 25);
      if (quarter !== lastAnnounced && v.state !== 'done' && v.state !== 'failed') {
        announce(message.textContent);
        lastAnnounced = quarter;
      }
      if (v.state === 'done') {
        setFlash(t('schedule.solved', { version }));
        history.replaceState(null, '', `/events/${event.id}/schedule?version=${version}`);
        reload();
        return;
      }
      if (v.state === 'failed') {
        message.textContent = t('schedule.failed', { version, reason: v.reason ?? v.message ?? '' });
        message.className = 'progress-message status status--error';
        message.setAttribute('role', 'alert');
        return;
      }
      timer = window.setTimeout(poll, POLL_MS);
    };
    poll();
  }
  if (running.length) watch(running[running.length - 1].version);

  // The versions.
  const versionTable = versions.length
    ? h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'data versions' },
          h('caption', {}, t('schedule.versions')),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              [
                'schedule.version',
                'schedule.stateCol',
                'figures.served',
                'figures.score',
                'figures.idle',
                'schedule.created',
                'participants.actions',
              ].map((key) => h('th', { scope: 'col' }, t(key))),
            ),
          ),
          h(
            'tbody',
            {},
            [...versions]
              .reverse()
              .map((v) =>
                h(
                  'tr',
                  { class: v.version === selected?.version ? 'selected' : '' },
                  h(
                    'th',
                    { scope: 'row' },
                    `v${v.version}`,
                    v.version === event.publishedVersion
                      ? h('span', { class: 'badge badge--published' }, t('status.published'))
                      : null,
                  ),
                  h(
                    'td',
                    {},
                    t(`schedule.state.${v.state}`),
                    v.state === 'failed' && v.reason
                      ? h('span', { class: 'small-text muted' }, ` — ${v.reason}`)
                      : null,
                  ),
                  h('td', { class: 'num' }, v.stats?.servedClusters ?? '—'),
                  h('td', { class: 'num' }, v.stats?.wishScore ?? '—'),
                  h('td', { class: 'num' }, v.stats?.idleSlots ?? '—'),
                  h('td', {}, formatInstant(v.createdAt)),
                  h(
                    'td',
                    {},
                    v.state === 'done' && v.version !== selected?.version
                      ? h(
                          'a',
                          { href: `/events/${event.id}/schedule?version=${v.version}` },
                          t('schedule.show', { version: v.version }),
                        )
                      : null,
                  ),
                ),
              ),
          ),
        ),
      )
    : h('p', { class: 'empty' }, t('schedule.noVersion'));

  const parts = [h('h2', {}, t('tab.schedule')), status.element, solveBox, versionTable];
  if (selected) parts.push(await resultView({ event, selected, compared, done, index, status, reload }));
  return h('div', {}, parts);
}

async function resultView({ event, selected, compared, done, index, status, reload }) {
  const schedule = await api(`events/${event.id}/schedule?version=${selected.version}`);
  const isPublished = event.publishedVersion === selected.version && event.status === 'published';
  const canPublish = event.status === 'scheduled' || event.status === 'published';

  // Publication.
  const publish = isPublished
    ? h('p', { class: 'status status--ok' }, t('schedule.isPublished', { version: selected.version }))
    : h(
        'div',
        { class: 'actions' },
        actionButton(
          t('schedule.publish', { version: selected.version }),
          async () => {
            try {
              await api(`events/${event.id}/schedules/${selected.version}/publish`, { method: 'POST' });
              setFlash(t('schedule.published', { version: selected.version }));
              reload();
            } catch (error) {
              status.fail(errorText(error));
            }
          },
          { class: 'primary', disabled: !canPublish },
        ),
        canPublish ? null : h('p', { class: 'hint' }, t('schedule.publishNotYet')),
      );

  // One cluster's day.
  const clusterSelect = h(
    'select',
    { id: uid('cluster') },
    h('option', { value: '' }, t('schedule.chooseCluster')),
    [...index.clusters.values()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((c) => h('option', { value: c.id }, c.name)),
  );
  const clusterArea = h('div', { 'aria-live': 'polite' });
  clusterSelect.addEventListener('change', () => {
    replace(
      clusterArea,
      clusterSelect.value
        ? clusterDayView(schedule, index, clusterSelect.value, { headingLevel: 'h4' })
        : null,
    );
  });

  // Comparison.
  const others = done.filter((v) => v.version !== selected.version);
  const compareSelect = h(
    'select',
    { id: uid('compare') },
    h('option', { value: '' }, t('compare.choose')),
    others.map((v) =>
      h('option', { value: String(v.version), selected: v.version === compared?.version }, `v${v.version}`),
    ),
  );
  const compareArea = h('div', {});
  const drawCompare = async () => {
    const version = Number(compareSelect.value);
    if (!version) {
      replace(compareArea);
      return;
    }
    const other = await api(`events/${event.id}/schedule?version=${version}`);
    replace(
      compareArea,
      compareView(schedule, other, index, { a: `v${selected.version}`, b: `v${version}` }),
    );
    announce(t('compare.ready'));
  };
  compareSelect.addEventListener('change', drawCompare);
  if (compared) await drawCompare();

  return h(
    'section',
    { class: 'result', 'aria-labelledby': 'result-title' },
    h('h3', { id: 'result-title' }, t('schedule.resultTitle', { version: selected.version })),
    figuresView(schedule.stats),
    statsLine(schedule.stats),
    publish,
    h('h4', {}, t('schedule.grid')),
    gridView(schedule, index, event.settings.tables),
    h('h4', {}, t('schedule.perCluster')),
    h('div', { class: 'field' }, h('label', { for: clusterSelect.id }, t('schedule.cluster')), clusterSelect),
    clusterArea,
    others.length
      ? [
          h('h4', {}, t('compare.title')),
          h(
            'div',
            { class: 'field' },
            h('label', { for: compareSelect.id }, t('compare.with', { version: selected.version })),
            compareSelect,
          ),
          compareArea,
        ]
      : null,
    h(
      'details',
      { class: 'unmet-details', open: schedule.unmetWishes.length <= 15 },
      h('summary', {}, h('h4', {}, t('schedule.unmetTitle', { n: schedule.unmetWishes.length }))),
      unmetView(schedule, index),
    ),
  );
}
