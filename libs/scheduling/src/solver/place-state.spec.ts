import fc from 'fast-check';
import { Random, popcount } from './place-state';
import { makeState, stateViolations } from './place-testing';

describe('PlacementState', () => {
  it('keeps its indexes in step with assign, unassign and move', () => {
    const st = makeState({
      clusters: 4,
      slots: 3,
      tables: 2,
      edges: [
        [0, 1, 0],
        [2, 3, 0],
        [1, 2],
      ],
    });
    st.assign(2, 1);
    st.move(0, 2);
    st.unassign(1);
    expect(Array.from(st.slotOf)).toEqual([2, -1, 1]);
    expect(Array.from(st.load)).toEqual([0, 1, 1]);
    expect(st.at[1 * 3 + 2]).toBe(0);
    expect(stateViolations(st)).toEqual([]);
  });

  it('rolls back nested transactions to their marks', () => {
    const st = makeState({
      clusters: 4,
      slots: 3,
      tables: 2,
      edges: [
        [0, 1, 0],
        [2, 3],
        [1, 2],
      ],
    });
    const outer = st.begin();
    st.assign(1, 1);
    const inner = st.begin();
    st.move(0, 2);
    st.assign(2, 0);
    st.rollback(inner);
    expect(Array.from(st.slotOf)).toEqual([0, 1, -1]);
    const again = st.begin();
    st.assign(2, 2);
    st.commit();
    expect(Array.from(st.slotOf)).toEqual([0, 1, 2]);
    expect(again).toBeGreaterThan(outer);
    st.rollback(outer);
    expect(Array.from(st.slotOf)).toEqual([0, -1, -1]);
    expect(stateViolations(st)).toEqual([]);
    // After the outermost transaction, changes are not recorded any more.
    st.assign(1, 2);
    const mark = st.begin();
    st.rollback(mark);
    expect(st.slotOf[1]).toBe(2);
  });

  it('counts idle slots only where the cluster is available', () => {
    const st = makeState({
      clusters: 3,
      slots: 6,
      tables: 3,
      edges: [
        [0, 1, 0],
        [0, 2, 4],
      ],
      available: { 0: [0, 2, 4, 5] },
    });
    // c0 meets in 0 and 4; available in 2 between them: 1 idle slot.
    expect(st.idle(0)).toBe(1);
    // c1 and c2 have one meeting each.
    expect(st.idle(1) + st.idle(2)).toBe(0);
    expect(st.idleMoved(0, 4, 2)).toBe(0);
    expect(st.idleMoved(0, 0, 5)).toBe(0);
    expect(st.idleMoved(0, -1, 5)).toBe(1);
    expect(st.totalIdle()).toBe(1);
  });

  it('computes idle slots the same way with bit masks (≤ 32 slots) and without (more)', () => {
    const idleOf = (meetingSlots: number[], availability: boolean[]): number => {
      if (meetingSlots.length === 0) return 0;
      let idle = 0;
      for (let s = Math.min(...meetingSlots); s <= Math.max(...meetingSlots); s++) {
        if (availability[s] && !meetingSlots.includes(s)) idle++;
      }
      return idle;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        fc.uniqueArray(fc.nat({ max: 39 }), { maxLength: 10 }),
        fc.nat({ max: 39 }),
        (slots, availability, wanted, target) => {
          const all = Array.from({ length: slots }, (_, s) => s);
          const meetingSlots = [...new Set(wanted.map((w) => w % slots))].filter((s) => availability[s]);
          const st = makeState({
            clusters: meetingSlots.length + 1,
            slots,
            tables: 1,
            edges: meetingSlots.map((s, i): [number, number, number] => [0, i + 1, s]),
            available: { 0: all.filter((s) => availability[s]) },
          });
          expect(st.useMasks).toBe(slots <= 32);
          expect(st.idle(0)).toBe(idleOf(meetingSlots, availability));
          const to = target % slots;
          if (meetingSlots.length > 0 && availability[to] && !meetingSlots.includes(to)) {
            const moved = [to, ...meetingSlots.slice(1)];
            expect(st.idleMoved(0, meetingSlots[0], to)).toBe(idleOf(moved, availability));
          }
          expect(stateViolations(st)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts bits', () => {
    expect([0, 1, 0b1011, 0xffffffff, 0x80000000].map(popcount)).toEqual([0, 1, 3, 32, 1]);
  });
});

describe('Random', () => {
  it('is deterministic for a seed and stays in range', () => {
    const x = new Random(7);
    const y = new Random(7);
    const draws = Array.from({ length: 1000 }, () => x.int(10));
    expect(draws).toEqual(Array.from({ length: 1000 }, () => y.int(10)));
    expect(Math.min(...draws)).toBe(0);
    expect(Math.max(...draws)).toBe(9);
    expect(new Random(8).next()).not.toBe(new Random(7).next());
  });
});
