import { PrintInputError } from './options';
import { makeCluster, makeEvent, makeSchedule } from './testing/factories';
import { buildAgendas, buildContext, buildGrid, buildTableCards, scheduleFingerprint } from './view-model';

/** Four clusters, 3 slots (14:00, 14:25, 14:50), 2 tables; `dd` leaves at 14:45. */
function smallEvent() {
  return makeEvent({
    clusters: [
      makeCluster({
        id: 'aa',
        name: 'Auvergne Efficience Industrielle',
        kind: 'cluster',
        region: 'Auvergne',
      }),
      makeCluster({
        id: 'bb',
        name: 'Mont-Blanc Industries',
        kind: 'pôle de compétitivité',
        region: 'Rhône-Alpes',
      }),
      makeCluster({ id: 'cc', name: 'Céréales Vallée', kind: undefined, region: undefined }),
      makeCluster({ id: 'dd', name: 'Elastopôle', availability: [{ start: '14:00', end: '14:45' }] }),
    ],
    wishes: [
      { from: 'aa', to: 'bb', rank: 1 },
      { from: 'bb', to: 'aa', rank: 2 },
      { from: 'aa', to: 'cc', rank: 2 },
      { from: 'dd', to: 'aa', rank: 1 },
      { from: 'aa', to: 'dd', rank: 3 },
      { from: 'cc', to: 'dd', rank: 1 },
    ],
    fixed: [{ clusters: ['bb', 'cc'] }],
  });
}

function smallSchedule(event = smallEvent()) {
  return makeSchedule(event, {
    meetings: [
      { slot: 0, table: 1, clusters: ['aa', 'bb'] },
      { slot: 2, table: 2, clusters: ['cc', 'aa'] },
      { slot: 1, table: 1, clusters: ['bb', 'cc'] },
      { slot: 0, table: 2, clusters: ['dd', 'cc'] },
    ],
    unmetWishes: [
      { from: 'aa', to: 'dd', rank: 3, code: 'wisher-at-cap', reason: 'aa already has 3 meetings' },
      { from: 'dd', to: 'aa', rank: 1, reason: 'could not be placed' },
    ],
  });
}

describe('buildAgendas', () => {
  it('lists every slot with the meeting, free or unavailable, from each cluster’s point of view', () => {
    const event = smallEvent();
    const ctx = buildContext(event, smallSchedule(event), { lang: 'fr' });
    const [aa, bb, cc, dd] = buildAgendas(ctx);

    expect(aa.rows.map((r) => r.kind)).toEqual(['meeting', 'free', 'meeting']);
    const first = aa.rows[0];
    expect(first).toMatchObject({ kind: 'meeting', table: 1, wish: 'mutual', ownRank: 1, partnerRank: 2 });
    if (first.kind !== 'meeting') throw new Error('expected a meeting');
    expect(first.partner.name).toBe('Mont-Blanc Industries');
    expect(first.partner.details).toBe('pôle de compétitivité · Rhône-Alpes');
    expect(first.wishText).toBe('Souhait mutuel');
    expect(first.wishDetail).toBe('votre choix n° 1\nchoix n° 2 du partenaire');
    expect(aa.rows[2]).toMatchObject({ kind: 'meeting', wish: 'own', ownRank: 2, partnerRank: 0, table: 2 });
    expect(aa.meetingCountText).toBe('2 rendez-vous');

    // cc: partner's wish (aa wished cc), fixed meeting with bb, and its own wish for dd.
    expect(cc.rows[2]).toMatchObject({ kind: 'meeting', wish: 'partner', wishText: 'Souhait du partenaire' });
    expect(cc.rows[1]).toMatchObject({ kind: 'meeting', wish: 'fixed', wishText: 'Fixé par l’organisateur' });
    expect(cc.rows[0]).toMatchObject({ kind: 'meeting', wish: 'own' });
    expect(cc.cluster.details).toBe('');
    expect(bb.rows[2]).toMatchObject({ kind: 'free' });

    // dd is gone after 14:45: its last slot is unavailable, not free.
    expect(dd.rows.map((r) => r.kind)).toEqual(['meeting', 'free', 'unavailable']);
  });

  it('lists a cluster’s own unmet wishes with a translated reason, or the English one without a code', () => {
    const event = smallEvent();
    const schedule = smallSchedule(event);
    const [aa, , , dd] = buildAgendas(buildContext(event, schedule, { lang: 'fr' }));
    expect(aa.unmet).toEqual([
      expect.objectContaining({
        rank: 3,
        label: 'Choix n° 3 — Elastopôle',
        reason: 'vous avez déjà vos 3 rendez-vous',
      }),
    ]);
    expect(dd.unmet[0].reason).toBe('could not be placed');
    const [aaEn] = buildAgendas(buildContext(event, schedule, { lang: 'en' }));
    expect(aaEn.unmet[0].reason).toBe('you already have your 3 meetings');
    expect(aaEn.rows[0]).toMatchObject({ wishText: 'Mutual wish' });
  });

  it('gives only the chosen cluster’s agenda when asked', () => {
    const event = smallEvent();
    const agendas = buildAgendas(buildContext(event, smallSchedule(event)), 'cc');
    expect(agendas.map((a) => a.cluster.id)).toEqual(['cc']);
  });
});

describe('buildContext', () => {
  it('refuses a schedule that does not fit the event, naming the place', () => {
    const event = smallEvent();
    const bad = (meeting: { slot: number; table: number; clusters: [string, string] }) =>
      buildContext(event, makeSchedule(event, { meetings: [meeting] }));
    expect(() => bad({ slot: 0, table: 1, clusters: ['aa', 'zz'] })).toThrow(
      'meetings[0].clusters[1]: unknown cluster "zz"',
    );
    expect(() => bad({ slot: 9, table: 1, clusters: ['aa', 'bb'] })).toThrow('meetings[0].slot');
    expect(() => bad({ slot: 0, table: 3, clusters: ['aa', 'bb'] })).toThrow(
      'meetings[0].table: table 3 is not in 1..2',
    );
    expect(() => buildContext(event, makeSchedule(event), { clusterId: 'nope' })).toThrow(PrintInputError);
  });

  it('prints the version when given, otherwise a fingerprint of the meetings', () => {
    const event = smallEvent();
    const schedule = smallSchedule(event);
    const at = new Date('2015-07-01T08:30:00Z');
    expect(buildContext(event, schedule, { version: 3, generatedAt: at }).texts.footer).toBe(
      'Planning version 3 · généré le 1 juillet 2015 à 10:30',
    );
    const fp = scheduleFingerprint(schedule);
    expect(fp).toMatch(/^[0-9a-f]{8}$/);
    expect(buildContext(event, schedule, { generatedAt: at, lang: 'en' }).texts.footer).toBe(
      `Schedule ref. ${fp} · generated on 1 July 2015 at 10:30`,
    );
  });

  it('fingerprints the meetings whatever their order, and tells different schedules apart', () => {
    const event = smallEvent();
    const schedule = smallSchedule(event);
    const shuffled = { ...schedule, meetings: [...schedule.meetings].reverse() };
    expect(scheduleFingerprint(shuffled)).toBe(scheduleFingerprint(schedule));
    const moved = {
      ...schedule,
      meetings: schedule.meetings.map((m, i) => (i === 0 ? { ...m, table: 2 } : m)),
    };
    expect(scheduleFingerprint(moved)).not.toBe(scheduleFingerprint(schedule));
  });
});

describe('buildGrid and buildTableCards', () => {
  it('puts each pair at its slot and table, marks mutual wishes, leaves the rest free', () => {
    const event = smallEvent();
    const ctx = buildContext(event, smallSchedule(event));
    const grid = buildGrid(ctx);
    expect(grid).toHaveLength(3);
    expect(grid[0].cells.map((c) => c.clusters?.map((x) => x.id))).toEqual([
      ['aa', 'bb'],
      ['dd', 'cc'],
    ]);
    expect(grid[0].cells[0].mutual).toBe(true);
    expect(grid[0].cells[1].mutual).toBe(false);
    expect(grid[1].cells[1].clusters).toBeNull();

    const cards = buildTableCards(ctx);
    expect(cards.map((c) => c.table)).toEqual([1, 2]);
    expect(cards[0].meetingCount).toBe(2);
    expect(cards[1].rows.map((r) => r.clusters?.map((x) => x.id) ?? null)).toEqual([
      ['dd', 'cc'],
      null,
      ['cc', 'aa'],
    ]);
  });
});
