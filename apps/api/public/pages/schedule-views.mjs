import { h } from '../dom.mjs';
import { reasonText, t } from '../i18n.mjs';
import { isAvailable } from '../slots.mjs';

/**
 * Views of one schedule file, shared by the schedule tab and the print tab: quality figures against
 * the bound, the grid (slots × tables), unmet wishes with reasons, one cluster's day.
 */

/** Lookups over the event file: names, clusters, wish ranks. */
export function eventIndex(file) {
  const clusters = new Map(file.clusters.map((c) => [c.id, c]));
  const rank = new Map(file.wishes.map((w) => [`${w.from}|${w.to}`, w.rank]));
  return {
    file,
    clusters,
    name: (id) => clusters.get(id)?.name ?? id,
    rank: (from, to) => rank.get(`${from}|${to}`),
    max: file.event.maxWishesPerCluster,
    cap: file.event.maxMeetingsPerCluster,
  };
}

/** Quality figures in the contract's order, each against its bound when there is one. */
export function figuresView(stats, { compareTo } = {}) {
  const bound = stats?.bound;
  const rows = [
    { key: 'servedClusters', label: t('figures.served'), bound: bound?.servedClusters, better: 'more' },
    { key: 'wishScore', label: t('figures.score'), bound: bound?.wishScore, better: 'more' },
    { key: 'idleSlots', label: t('figures.idle'), bound: undefined, better: 'fewer' },
  ];
  return h(
    'ul',
    { class: 'figures quality' },
    rows.map((row, i) => {
      const value = stats?.[row.key];
      const other = compareTo?.[row.key];
      const delta =
        compareTo && typeof value === 'number' && typeof other === 'number' ? value - other : undefined;
      const ratio =
        typeof value === 'number' && typeof row.bound === 'number' && row.bound > 0
          ? value / row.bound
          : undefined;
      return h(
        'li',
        { class: 'quality-figure', dataset: { figure: row.key } },
        h('span', { class: 'figure-rank' }, `${i + 1}`),
        h('span', { class: 'figure-label' }, row.label),
        h(
          'span',
          { class: 'figure-value' },
          value ?? '—',
          typeof row.bound === 'number' ? h('small', {}, ` / ${row.bound} ${t('figures.bound')}`) : null,
        ),
        ratio !== undefined
          ? h('meter', {
              min: 0,
              max: 1,
              low: 0.8,
              high: 0.95,
              optimum: 1,
              value: ratio.toFixed(3),
              'aria-label': `${row.label} ${Math.round(ratio * 100)} %`,
            })
          : null,
        h('span', { class: 'hint' }, row.better === 'more' ? t('figures.more') : t('figures.fewer')),
        delta !== undefined && delta !== 0
          ? h('span', { class: 'delta' }, `${delta > 0 ? '+' : ''}${delta}`)
          : null,
      );
    }),
  );
}

/** Secondary facts: meetings, met wishes, proven optimal, solve time. */
export function statsLine(stats) {
  const parts = [];
  if (typeof stats?.meetings === 'number') parts.push(t('figures.meetings', { n: stats.meetings }));
  if (typeof stats?.metWishes === 'number' && typeof stats?.wishes === 'number')
    parts.push(t('figures.metWishes', { n: stats.metWishes, total: stats.wishes }));
  if (stats?.optimal === true) parts.push(t('figures.optimal'));
  if (typeof stats?.solveSeconds === 'number')
    parts.push(t('figures.seconds', { s: stats.solveSeconds.toFixed(1) }));
  return h('p', { class: 'meta' }, parts.join(' · '));
}

/** The master grid: one row per slot, one column per table. */
export function gridView(schedule, index, tables) {
  const at = new Map(schedule.meetings.map((m) => [`${m.slot}|${m.table}`, m]));
  const tableNumbers = Array.from({ length: tables }, (_, i) => i + 1);
  return h(
    'div',
    { class: 'grid-wrap', tabindex: '0', role: 'region', 'aria-label': t('schedule.grid') },
    h(
      'table',
      { class: 'grid' },
      h('caption', { class: 'visually-hidden' }, t('schedule.grid')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('schedule.time')),
          tableNumbers.map((n) => h('th', { scope: 'col' }, t('schedule.tableN', { n }))),
        ),
      ),
      h(
        'tbody',
        {},
        schedule.slots.map((slot) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row', class: 'time' }, `${slot.start}–${slot.end}`),
            tableNumbers.map((n) => {
              const meeting = at.get(`${slot.index}|${n}`);
              if (!meeting) return h('td', { class: 'free' });
              const [a, b] = meeting.clusters;
              return h(
                'td',
                { class: 'meeting' },
                h('span', {}, index.name(a)),
                h('span', { class: 'vs' }, index.name(b)),
              );
            }),
          ),
        ),
      ),
    ),
  );
}

/** Unmet wishes with their reasons, in the chosen language. */
export function unmetView(schedule, index, { perspective = 'organiser' } = {}) {
  if (!schedule.unmetWishes.length) return h('p', { class: 'hint' }, t('schedule.allMet'));
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'data unmet' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          perspective === 'organiser' ? h('th', { scope: 'col' }, t('schedule.from')) : null,
          h('th', { scope: 'col' }, t('schedule.to')),
          h('th', { scope: 'col', class: 'num' }, t('schedule.rank')),
          h('th', { scope: 'col' }, t('schedule.reason')),
        ),
      ),
      h(
        'tbody',
        {},
        [...schedule.unmetWishes]
          .sort((a, b) => index.name(a.from).localeCompare(index.name(b.from)) || a.rank - b.rank)
          .map((wish) =>
            h(
              'tr',
              {},
              perspective === 'organiser' ? h('td', {}, index.name(wish.from)) : null,
              h('td', {}, index.name(wish.to)),
              h('td', { class: 'num' }, wish.rank),
              h(
                'td',
                {},
                reasonText(
                  wish,
                  { from: index.name(wish.from), to: index.name(wish.to), max: index.cap },
                  perspective,
                ),
              ),
            ),
          ),
      ),
    ),
  );
}

/** Who wished the meeting: both, this cluster (its rank), the partner, or nobody (fixed). */
export function wishNote(index, clusterId, partnerId, perspective = 'organiser') {
  const own = index.rank(clusterId, partnerId);
  const theirs = index.rank(partnerId, clusterId);
  // A sheet handed to the cluster speaks to it; a manager does not see the other clusters' wishes.
  if (perspective === 'cluster') {
    if (own !== undefined && theirs !== undefined) return t('agenda.mutual', { own, theirs });
    if (own !== undefined) return t('agenda.yourChoice', { rank: own });
    if (theirs !== undefined) return t('agenda.theirs', { rank: theirs });
    return t('agenda.fixed');
  }
  if (perspective === 'manager')
    return own !== undefined ? t('agenda.yourChoice', { rank: own }) : t('agenda.notYourChoice');
  if (own !== undefined && theirs !== undefined) return t('agenda.mutual', { own, theirs });
  if (own !== undefined) return t('agenda.own', { rank: own });
  if (theirs !== undefined) return t('agenda.theirs', { rank: theirs });
  return t('agenda.fixed');
}

/** One cluster's day: every slot, with its meeting, free, or not available; then its unmet wishes. */
export function clusterDayView(
  schedule,
  index,
  clusterId,
  { headingLevel = 'h3', perspective = 'organiser' } = {},
) {
  const cluster = index.clusters.get(clusterId);
  const bySlot = new Map(
    schedule.meetings.filter((m) => m.clusters.includes(clusterId)).map((m) => [m.slot, m]),
  );
  const unmet = schedule.unmetWishes.filter((w) => w.from === clusterId);
  return h(
    'article',
    { class: 'agenda', dataset: { cluster: clusterId } },
    h(headingLevel, {}, cluster?.name ?? clusterId),
    cluster ? h('p', { class: 'meta' }, [cluster.region, cluster.kind].filter(Boolean).join(' · ')) : null,
    h(
      'table',
      { class: 'data agenda-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('schedule.time')),
          h('th', { scope: 'col' }, t('schedule.table')),
          h('th', { scope: 'col' }, t('schedule.partner')),
        ),
      ),
      h(
        'tbody',
        {},
        schedule.slots.map((slot) => {
          const meeting = bySlot.get(slot.index);
          if (!meeting) {
            const available = isAvailable(cluster?.availability, slot);
            return h(
              'tr',
              { class: 'free-row' },
              h('th', { scope: 'row', class: 'time' }, `${slot.start}–${slot.end}`),
              h('td', {}, '—'),
              h('td', { class: 'muted' }, available ? t('agenda.free') : t('agenda.unavailable')),
            );
          }
          const partnerId = meeting.clusters[0] === clusterId ? meeting.clusters[1] : meeting.clusters[0];
          const partner = index.clusters.get(partnerId);
          return h(
            'tr',
            {},
            h('th', { scope: 'row', class: 'time' }, `${slot.start}–${slot.end}`),
            h('td', { class: 'table-no' }, String(meeting.table)),
            h(
              'td',
              {},
              h('strong', {}, partner?.name ?? partnerId),
              partner && (partner.kind || partner.region)
                ? h(
                    'span',
                    { class: 'muted small-text' },
                    ` · ${[partner.kind, partner.region].filter(Boolean).join(', ')}`,
                  )
                : null,
              h('br', {}),
              h('span', { class: 'small-text' }, wishNote(index, clusterId, partnerId, perspective)),
            ),
          );
        }),
      ),
    ),
    unmet.length
      ? h(
          'div',
          { class: 'unmet-list' },
          h('p', { class: 'small-heading' }, t('agenda.unmet')),
          h(
            'ul',
            {},
            unmet.map((w) =>
              h(
                'li',
                {},
                t('agenda.unmetLine', { rank: w.rank, to: index.name(w.to) }),
                h('br', {}),
                h(
                  'span',
                  { class: 'muted small-text' },
                  reasonText(
                    w,
                    { from: index.name(w.from), to: index.name(w.to), max: index.cap },
                    perspective,
                  ),
                ),
              ),
            ),
          ),
        )
      : null,
  );
}

/** The difference between two versions: meetings kept, and pairs only in one of them. */
export function compareView(a, b, index, labels) {
  const key = (m) => [...m.clusters].sort().join('|');
  const pairsA = new Map(a.meetings.map((m) => [key(m), m]));
  const pairsB = new Map(b.meetings.map((m) => [key(m), m]));
  const onlyA = [...pairsA.keys()].filter((k) => !pairsB.has(k));
  const onlyB = [...pairsB.keys()].filter((k) => !pairsA.has(k));
  const same = [...pairsA.keys()].filter((k) => pairsB.has(k));
  const moved = same.filter(
    (k) => pairsA.get(k).slot !== pairsB.get(k).slot || pairsA.get(k).table !== pairsB.get(k).table,
  );
  const pairName = (k) => k.split('|').map(index.name).join(' ↔ ');
  return h(
    'div',
    { class: 'compare' },
    h(
      'div',
      { class: 'compare-columns' },
      h(
        'section',
        {},
        h('h4', {}, labels.a),
        figuresView(a.stats, { compareTo: b.stats }),
        statsLine(a.stats),
      ),
      h(
        'section',
        {},
        h('h4', {}, labels.b),
        figuresView(b.stats, { compareTo: a.stats }),
        statsLine(b.stats),
      ),
    ),
    h(
      'p',
      {},
      t('compare.summary', {
        same: same.length,
        moved: moved.length,
        onlyA: onlyA.length,
        onlyB: onlyB.length,
      }),
    ),
    h(
      'div',
      { class: 'compare-columns' },
      h(
        'section',
        {},
        h('h4', {}, t('compare.onlyIn', { label: labels.a })),
        onlyA.length
          ? h(
              'ul',
              {},
              onlyA.map((k) => h('li', {}, pairName(k))),
            )
          : h('p', { class: 'hint' }, '—'),
      ),
      h(
        'section',
        {},
        h('h4', {}, t('compare.onlyIn', { label: labels.b })),
        onlyB.length
          ? h(
              'ul',
              {},
              onlyB.map((k) => h('li', {}, pairName(k))),
            )
          : h('p', { class: 'hint' }, '—'),
      ),
    ),
  );
}
