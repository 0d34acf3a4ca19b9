import { buildProblem } from '../problem';
import { makeEvent, meeting, mutualWish, wish, wishList } from '../testing';
import type { EventOverrides } from '../testing';
import type { Meeting } from '../model';
import { explainUnmetWishes } from './unmet';

function explain(overrides: EventOverrides, meetings: Meeting[]) {
  return explainUnmetWishes(buildProblem(makeEvent(overrides)), meetings);
}

describe('explainUnmetWishes', () => {
  it('lists only the wishes not met, in file order, with from, to and rank', () => {
    const unmet = explain({ wishes: [wish('a', 'b', 1), wish('a', 'c', 2), wish('d', 'a', 1)] }, [
      meeting(0, 1, 'a', 'b'),
    ]);
    expect(unmet.map((u) => [u.from, u.to, u.rank])).toEqual([
      ['a', 'c', 2],
      ['d', 'a', 1],
    ]);
  });

  it('names the avoid list', () => {
    const [unmet] = explain({ wishes: [wish('a', 'b')], avoid: [{ from: 'b', to: 'a' }] }, []);
    expect(unmet.code).toBe('excluded-avoid');
    expect(unmet.reason).toBe('excluded: the pair a / b is on the avoid list');
  });

  it('explains an earlier meeting that is not mutual', () => {
    const [unmet] = explain({ wishes: [wish('a', 'b')], alreadyMet: [['a', 'b']] }, []);
    expect(unmet.code).toBe('excluded-already-met');
    expect(unmet.reason).toBe('already met in an earlier event and the wish is not mutual: b did not wish a');
  });

  it('explains the same region under cross-region pairing', () => {
    const [unmet] = explain(
      {
        event: { pairing: 'cross-region' },
        clusters: [
          { id: 'a', region: 'Auvergne' },
          { id: 'b', region: ' auvergne' },
        ],
        wishes: [wish('a', 'b')],
      },
      [],
    );
    expect(unmet.code).toBe('excluded-same-region');
    expect(unmet.reason).toBe('same region under cross-region pairing: a and b are both in Auvergne');
  });

  it('gives the leaving and arriving times when the windows do not overlap', () => {
    const [unmet] = explain(
      {
        clusters: [
          { id: 'aei', availability: [{ start: '14:00', end: '14:45' }] },
          { id: 'auvergne-numerique', availability: [{ start: '15:00', end: '16:00' }] },
        ],
        wishes: [wish('auvergne-numerique', 'aei')],
      },
      [],
    );
    expect(unmet.code).toBe('no-common-slot');
    expect(unmet.reason).toBe(
      'no common available slot: aei leaves at 14:45, auvergne-numerique arrives at 15:00',
    );
  });

  it('lists the windows when they interleave without a common slot', () => {
    const [unmet] = explain(
      {
        clusters: [
          {
            id: 'a',
            availability: [
              { start: '14:00', end: '14:20' },
              { start: '15:00', end: '15:20' },
            ],
          },
          { id: 'b', availability: [{ start: '14:20', end: '15:00' }] },
        ],
        wishes: [wish('a', 'b')],
      },
      [],
    );
    expect(unmet.reason).toBe(
      'no common available slot: a is available 14:00–14:20 and 15:00–15:20, b 14:20–15:00',
    );
  });

  it('says the wisher is full, with higher-ranked or mutual wishes', () => {
    const unmet = explain(
      {
        clusters: ['mbi', 'a', 'b'],
        event: { maxMeetingsPerCluster: 1 },
        wishes: [...wishList('mbi', 'a', 'b'), wish('a', 'mbi')],
      },
      [meeting(0, 1, 'mbi', 'a')],
    );
    expect(unmet).toEqual([
      {
        from: 'mbi',
        to: 'b',
        rank: 2,
        code: 'wisher-at-cap',
        reason: 'mbi already has 1 meeting, all with higher-ranked or mutual wishes',
      },
    ]);
  });

  it('says the partner is full and lists its meetings when one is worth less, naming who it serves', () => {
    // c wished a at rank 1 (weight 5); a meets b, which only b wished (rank 3, weight 3): b's only met wish.
    const [unmet] = explain(
      {
        clusters: ['a', 'b', 'c'],
        event: { maxMeetingsPerCluster: 1 },
        wishes: [wish('b', 'a', 3), wish('c', 'a', 1)],
      },
      [meeting(0, 1, 'a', 'b')],
    );
    expect(unmet.code).toBe('partner-at-cap');
    expect(unmet.reason).toBe(
      'a already has 1 meeting: with b (wished by b at rank 3); b would otherwise have no wish met',
    );
  });

  it('says both are full, and counts fixed meetings', () => {
    const [unmet] = explain(
      {
        event: { maxMeetingsPerCluster: 1 },
        wishes: [wish('a', 'b'), wish('c', 'a', 2)],
        fixed: [{ clusters: ['b', 'd'] }],
      },
      [meeting(0, 1, 'a', 'c'), meeting(1, 1, 'b', 'd')],
    );
    expect(unmet.code).toBe('both-at-cap');
    expect(unmet.reason).toBe(
      'both are fully booked: a already has 1 meeting: with c (wished by c at rank 2); c would otherwise have no wish met; b already has 1 meeting: with d (fixed)',
    );
  });

  it('says a cluster meets in every slot it attends', () => {
    const [unmet] = explain(
      {
        clusters: [{ id: 'a', availability: [{ start: '14:00', end: '14:20' }] }, 'b', 'c'],
        wishes: [...wishList('a', 'b', 'c'), ...mutualWish('a', 'b')].slice(1),
      },
      [meeting(0, 1, 'a', 'b')],
    );
    expect(unmet.code).toBe('wisher-at-cap');
    expect(unmet.reason).toBe(
      'a is available for only 1 slot and meets in all of them, all with higher-ranked or mutual wishes',
    );
  });

  it('says the room is full', () => {
    const [unmet] = explain(
      {
        event: { tables: 1, sessions: [{ start: '14:00', end: '14:20' }] },
        wishes: [...mutualWish('a', 'b'), ...mutualWish('c', 'd')],
      },
      [meeting(0, 1, 'a', 'b')],
    );
    expect(unmet.code).toBe('no-table-capacity');
    expect(unmet.reason).toBe('the room is full: 1 table × 1 slot used');
  });

  it('says when there is no common free slot', () => {
    const window = [{ start: '14:00', end: '14:40' }];
    const [unmet] = explain(
      {
        clusters: [{ id: 'a', availability: window }, { id: 'b', availability: window }, 'c', 'd'],
        wishes: [wish('a', 'b'), wish('c', 'a'), wish('d', 'b')],
      },
      [meeting(0, 1, 'a', 'c'), meeting(1, 1, 'b', 'd')],
    );
    expect(unmet.code).toBe('not-placeable');
    expect(unmet.reason).toBe(
      'no common free slot: a and b are both available at 14:00, 14:20, but a or b already has a meeting at each of them',
    );
  });

  it('says when every table is taken in the common slots', () => {
    const window = [{ start: '14:00', end: '14:20' }];
    const [unmet] = explain(
      {
        event: { tables: 1 },
        clusters: [{ id: 'a', availability: window }, { id: 'b', availability: window }, 'c', 'd'],
        wishes: [wish('a', 'b'), wish('c', 'd')],
      },
      [meeting(0, 1, 'c', 'd')],
    );
    expect(unmet.code).toBe('not-placeable');
    expect(unmet.reason).toBe(
      'no common free slot: a and b are both available at 14:00, but the only table is taken then',
    );
  });
});
