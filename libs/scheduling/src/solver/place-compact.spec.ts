import fc from 'fast-check';
import { compact } from './place-compact';
import { Inserter } from './place-insert';
import { Random } from './place-state';
import { makeState, stateViolations, type StateOptions } from './place-testing';

const run = (options: StateOptions, iterations = 20_000, seed = 1) => {
  const st = makeState(options);
  const before = st.totalIdle();
  const random = new Random(seed);
  const inserter = new Inserter(st, { work: 1_000_000, eject: 0, deadline: Infinity }, random);
  const after = compact(st, inserter, random, { iterations, deadline: Infinity });
  return { st, before, after };
};

describe('compact', () => {
  it('closes the gaps of a star', () => {
    const { st, before, after } = run({
      clusters: 5,
      slots: 8,
      tables: 2,
      edges: [
        [0, 1, 0],
        [0, 2, 3],
        [0, 3, 5],
        [0, 4, 7],
      ],
    });
    expect(before).toBe(4);
    expect(after).toBe(0);
    expect(st.totalIdle()).toBe(0);
    expect(stateViolations(st)).toEqual([]);
  });

  it('uses a Kempe chain when the free slot is taken by a partner', () => {
    // 0 meets 1 in slot 0 and 2 in slot 2 (one idle slot); slot 1 is taken for 1 (by 3) and 2 (by
    // 4), so no single meeting can move: two meetings must swap slots.
    const { st, after } = run({
      clusters: 5,
      slots: 3,
      tables: 3,
      edges: [
        [0, 1, 0],
        [0, 2, 2],
        [2, 4, 1],
        [1, 3, 1],
      ],
    });
    expect(after).toBe(0);
    const moved = [0, 2, 1, 1].filter((slot, e) => st.slotOf[e] !== slot);
    expect(moved).toHaveLength(2);
    expect(stateViolations(st)).toEqual([]);
  });

  it('does not move pinned meetings, nor leave availability or the table limit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.boolean()), { maxLength: 40 }),
        fc.array(fc.array(fc.nat({ max: 7 }), { minLength: 1, maxLength: 6 }), { maxLength: 10 }),
        (slots, tables, raw, windows) => {
          const clusters = 10;
          const available: Record<number, number[]> = {};
          windows.forEach((w, c) => (available[c] = w.map((s) => s % slots)));
          const isAvailable = (c: number, s: number) => available[c]?.includes(s) ?? true;
          const busy = new Set<string>();
          const seen = new Set<string>();
          const load = new Array<number>(slots).fill(0);
          const edges: [number, number, number][] = [];
          const pinned: Record<number, { slot: number }> = {};
          for (const [x, y, z, pin] of raw) {
            const a = Math.min(x % clusters, y % clusters);
            const b = Math.max(x % clusters, y % clusters);
            const s = z % slots;
            if (a === b || seen.has(`${a}-${b}`) || busy.has(`${a}@${s}`) || busy.has(`${b}@${s}`)) continue;
            if (load[s] >= tables || !isAvailable(a, s) || !isAvailable(b, s)) continue;
            seen.add(`${a}-${b}`);
            busy.add(`${a}@${s}`);
            busy.add(`${b}@${s}`);
            load[s]++;
            if (pin) pinned[edges.length] = { slot: s };
            edges.push([a, b, s]);
          }
          const { st, before, after } = run({ clusters, slots, tables, edges, available, pinned }, 3_000);
          expect(after).toBeLessThanOrEqual(before);
          expect(after).toBe(st.totalIdle());
          expect(stateViolations(st)).toEqual([]);
          edges.forEach((_, e) => expect(st.slotOf[e]).toBeGreaterThanOrEqual(0));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('depends on its seed only', () => {
    const options: StateOptions = {
      clusters: 6,
      slots: 6,
      tables: 2,
      edges: [
        [0, 1, 0],
        [0, 2, 5],
        [1, 2, 2],
        [3, 4, 0],
        [3, 5, 4],
        [4, 5, 3],
        [0, 3, 3],
      ],
    };
    const first = run(options, 500, 9).st.slotOf;
    expect(run(options, 500, 9).st.slotOf).toEqual(first);
  });
});
