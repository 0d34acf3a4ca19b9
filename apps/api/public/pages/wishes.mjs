import { api } from '../api.mjs';
import { h } from '../dom.mjs';
import { t } from '../i18n.mjs';

/** Wishes at a glance: who wished whom (rank shading), the most wished, who wished nobody. */
export async function wishesTab({ event }) {
  const file = await api(`events/${event.id}/export`);
  const max = file.event.maxWishesPerCluster;
  const clusters = file.clusters;
  const rank = new Map(file.wishes.map((wish) => [`${wish.from}|${wish.to}`, wish.rank]));
  const received = new Map(clusters.map((c) => [c.id, { count: 0, score: 0, mutual: 0 }]));
  const made = new Map(clusters.map((c) => [c.id, 0]));
  for (const wish of file.wishes) {
    const entry = received.get(wish.to);
    entry.count += 1;
    entry.score += max - wish.rank + 1;
    if (rank.has(`${wish.to}|${wish.from}`)) entry.mutual += 1;
    made.set(wish.from, made.get(wish.from) + 1);
  }
  const name = new Map(clusters.map((c) => [c.id, c.name]));
  const mostWished = clusters
    .filter((c) => received.get(c.id).count > 0)
    .sort(
      (a, b) =>
        received.get(b.id).score - received.get(a.id).score ||
        received.get(b.id).count - received.get(a.id).count ||
        a.name.localeCompare(b.name),
    )
    .slice(0, 10);
  const nobody = clusters.filter((c) => made.get(c.id) === 0);
  const notWished = clusters.filter((c) => received.get(c.id).count === 0);
  const mutualPairs = file.wishes.filter((w) => w.from < w.to && rank.has(`${w.to}|${w.from}`)).length;

  const summary = h(
    'ul',
    { class: 'figures' },
    figure(t('wishes.total'), file.wishes.length),
    figure(t('wishes.wishers'), clusters.length - nobody.length, `/ ${clusters.length}`),
    figure(t('wishes.mutualPairs'), mutualPairs),
  );

  const matrix = clusters.length
    ? h(
        'div',
        { class: 'matrix-wrap', tabindex: '0', role: 'region', 'aria-label': t('wishes.matrix') },
        h(
          'table',
          { class: 'matrix' },
          h('caption', {}, t('wishes.matrixCaption')),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h(
                'th',
                { scope: 'col', class: 'corner' },
                h('span', { class: 'visually-hidden' }, t('wishes.fromTo')),
              ),
              clusters.map((c, j) =>
                h('th', { scope: 'col', class: 'col-head', title: c.name }, h('span', {}, `${j + 1}`)),
              ),
            ),
          ),
          h(
            'tbody',
            {},
            clusters.map((from, i) =>
              h(
                'tr',
                {},
                h(
                  'th',
                  { scope: 'row', class: 'row-head' },
                  h('span', { class: 'idx' }, `${i + 1}`),
                  ` ${from.name}`,
                ),
                clusters.map((to) => {
                  const r = rank.get(`${from.id}|${to.id}`);
                  if (from.id === to.id) return h('td', { class: 'self', 'aria-label': '—' });
                  if (r === undefined) return h('td', {});
                  const mutual = rank.has(`${to.id}|${from.id}`);
                  return h(
                    'td',
                    {
                      class: ['wish', `rank-${Math.min(r, 5)}`, mutual ? 'mutual' : ''],
                      title: t('wishes.cellTitle', { from: from.name, to: to.name, rank: r }),
                    },
                    String(r),
                  );
                }),
              ),
            ),
          ),
        ),
      )
    : h('p', { class: 'empty' }, t('participants.none'));

  const legend = h(
    'p',
    { class: 'legend' },
    t('wishes.legend'),
    ' ',
    [1, 2, 3, 4, 5]
      .filter((r) => r <= max)
      .map((r) => h('span', { class: `swatch wish rank-${r}` }, String(r))),
    ' ',
    h('span', { class: 'swatch wish mutual' }, '•'),
    ` ${t('wishes.legendMutual')}`,
  );

  return h(
    'div',
    {},
    h('h2', {}, t('tab.wishes')),
    summary,
    h(
      'div',
      { class: 'cards-3' },
      h(
        'section',
        { class: 'card' },
        h('h3', {}, t('wishes.mostWished')),
        mostWished.length
          ? h(
              'ol',
              { class: 'ranking' },
              mostWished.map((c) =>
                h(
                  'li',
                  {},
                  h('span', {}, c.name),
                  h(
                    'span',
                    { class: 'muted small-text' },
                    ` — ${t('wishes.receivedLine', received.get(c.id))}`,
                  ),
                ),
              ),
            )
          : h('p', { class: 'hint' }, t('wishes.noneYet')),
      ),
      h(
        'section',
        { class: 'card' },
        h('h3', {}, t('wishes.nobody', { n: nobody.length })),
        nobody.length
          ? h(
              'ul',
              {},
              nobody.map((c) => h('li', {}, c.name)),
            )
          : h('p', { class: 'hint' }, t('wishes.everyoneWished')),
      ),
      h(
        'section',
        { class: 'card' },
        h('h3', {}, t('wishes.notWished', { n: notWished.length })),
        notWished.length
          ? h(
              'ul',
              {},
              notWished.map((c) => h('li', {}, c.name)),
            )
          : h('p', { class: 'hint' }, t('wishes.everyoneWanted')),
      ),
    ),
    h('h3', {}, t('wishes.matrix')),
    legend,
    matrix,
    h('p', { class: 'hint' }, t('wishes.matrixHint', { name: name.get(clusters[0]?.id) ?? '' })),
  );
}

function figure(label, value, suffix = '') {
  return h(
    'li',
    {},
    h('span', { class: 'figure-value' }, String(value), suffix ? h('small', {}, ` ${suffix}`) : null),
    h('span', { class: 'figure-label' }, label),
  );
}
