import fc from 'fast-check';
import { Inserter, type InsertBudget } from './place-insert';
import { PlacementState, Random } from './place-state';
import { makeState, stateViolations, type StateOptions } from './place-testing';

const budget = (overrides: Partial<InsertBudget> = {}): InsertBudget => ({
  work: 1_000_000,
  eject: 10_000,
  deadline: Infinity,
  ...overrides,
});

const inserterFor = (st: PlacementState, overrides: Partial<InsertBudget> = {}) =>
  new Inserter(st, budget(overrides), new Random(1));

/** u = 0 meets 2 in slot 0 and 3 in slot 1; v = 1 meets 4 in slot 2: no slot is free for both. */
const noCommonSlot = (overrides: Partial<StateOptions> = {}) =>
  makeState({
    clusters: 5,
    slots: 3,
    tables: 5,
    edges: [
      [0, 2, 0],
      [0, 3, 1],
      [1, 4, 2],
      [0, 1],
    ],
    ...overrides,
  });

/** 0–3–4 closes an odd cycle with the new meeting 0–4: every single Kempe chain reaches the other end. */
const oddCycle = () =>
  makeState({
    clusters: 5,
    slots: 3,
    tables: 3,
    edges: [
      [1, 2, 0],
      [2, 4, 1],
      [0, 1, 1],
      [3, 4, 2],
      [0, 3, 0],
      [0, 4],
    ],
  });

describe('Inserter', () => {
  it('greedy takes the free slot that adds no idle slot', () => {
    const st = makeState({
      clusters: 3,
      slots: 5,
      tables: 2,
      edges: [
        [0, 1, 2],
        [0, 2],
      ],
    });
    expect(inserterFor(st).greedy(1)).toBe(true);
    expect([1, 3]).toContain(st.slotOf[1]);
  });

  it('frees a slot with a Kempe chain when no slot is free for both clusters', () => {
    const st = noCommonSlot();
    const inserter = inserterFor(st);
    expect(inserter.greedy(3)).toBe(false);
    expect(inserter.kempe(3)).toBe(true);
    // One meeting changed slot (a chain of length one), the new one took its place.
    const changed = [0, 1, 2].filter((e) => st.slotOf[e] !== e);
    expect(changed).toHaveLength(1);
    expect(st.slotOf[3]).toBe(changed[0]);
    expect(stateViolations(st)).toEqual([]);
  });

  it('does not swap a chain through pinned meetings', () => {
    const st = noCommonSlot({ pinned: { 0: { slot: 0 }, 1: { slot: 1 }, 2: { slot: 2 } } });
    expect(inserterFor(st).kempe(3)).toBe(false);
    expect(Array.from(st.slotOf)).toEqual([0, 1, 2, -1]);
  });

  it('never moves a meeting into a slot a cluster is not available for', () => {
    const st = noCommonSlot({ available: { 2: [0], 3: [1], 4: [2] } });
    expect(inserterFor(st).insert(3)).toBe(false);
    expect(Array.from(st.slotOf)).toEqual([0, 1, 2, -1]);
  });

  it('rotates a fan (Misra–Gries) where single Kempe chains close an odd cycle', () => {
    const st = oddCycle();
    const inserter = inserterFor(st);
    const last = st.m - 1;
    expect(inserter.greedy(last) || inserter.kempe(last) || inserter.makeRoom(last)).toBe(false);
    expect(inserter.misraGries(last, st.ea[last])).toBe(true);
    expect(stateViolations(st)).toEqual([]);
  });

  it('places by an ejection chain when no fan rotation works (Δ = slots)', () => {
    const st = makeState({
      clusters: 6,
      slots: 3,
      tables: 3,
      edges: [
        [2, 3, 1],
        [1, 5, 1],
        [1, 4, 2],
        [0, 2, 0],
        [1, 3, 0],
        [2, 5, 2],
        [3, 4],
      ],
    });
    const inserter = inserterFor(st);
    expect(inserter.greedy(6) || inserter.kempe(6) || inserter.makeRoom(6)).toBe(false);
    expect(inserter.misraGries(6, 3) || inserter.misraGries(6, 4)).toBe(false);
    expect(Array.from(st.slotOf)).toEqual([1, 1, 2, 0, 0, 2, -1]);
    expect(inserter.eject(6)).toBe(true);
    expect(Array.from(st.slotOf).every((s) => s >= 0)).toBe(true);
    expect(stateViolations(st)).toEqual([]);
  });

  it('moves a meeting out of a full slot to make room', () => {
    const st = makeState({
      clusters: 6,
      slots: 3,
      tables: 1,
      edges: [
        [0, 1, 0],
        [2, 3, 1],
        [4, 5],
      ],
      available: { 4: [0, 1], 5: [0, 1] },
    });
    const inserter = inserterFor(st);
    expect(inserter.greedy(2) || inserter.kempe(2)).toBe(false);
    expect(inserter.makeRoom(2)).toBe(true);
    expect(Array.from(st.load)).toEqual([1, 1, 1]);
    expect(stateViolations(st)).toEqual([]);
  });

  it('rebalances slots over the table limit along alternating paths', () => {
    const st = makeState({
      clusters: 8,
      slots: 3,
      tables: 2,
      edges: [
        [0, 1, 0],
        [2, 3, 0],
        [4, 5, 0],
        [6, 7, 0],
        [0, 2, 1],
      ],
    });
    expect(stateViolations(st, true)).toEqual([]);
    expect(inserterFor(st).balance()).toBe(true);
    expect(Math.max(...st.load)).toBe(2);
    expect(stateViolations(st)).toEqual([]);
  });

  it('colours any graph of maximum degree Δ with Δ + 1 slots by Misra–Gries alone (Vizing)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 16 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 60 }),
        (clusters, delta, raw) => {
          const degree = new Array<number>(clusters).fill(0);
          const seen = new Set<string>();
          const edges: [number, number][] = [];
          for (const [x, y] of raw) {
            const a = Math.min(x % clusters, y % clusters);
            const b = Math.max(x % clusters, y % clusters);
            if (a === b || seen.has(`${a}-${b}`) || degree[a] >= delta || degree[b] >= delta) continue;
            seen.add(`${a}-${b}`);
            degree[a]++;
            degree[b]++;
            edges.push([a, b]);
          }
          const st = makeState({ clusters, slots: delta + 1, tables: edges.length + 1, edges });
          const inserter = inserterFor(st);
          edges.forEach((_, e) => {
            expect(inserter.misraGries(e, st.ea[e])).toBe(true);
          });
          expect(stateViolations(st)).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('ejects meetings to other slots and re-places them, or changes nothing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 12 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 40 }),
        fc.array(fc.array(fc.nat({ max: 4 }), { maxLength: 4 }), { maxLength: 12 }),
        (clusters, slots, tables, raw, windows) => {
          const seen = new Set<string>();
          const edges: [number, number][] = [];
          for (const [x, y] of raw) {
            const a = Math.min(x % clusters, y % clusters);
            const b = Math.max(x % clusters, y % clusters);
            if (a === b || seen.has(`${a}-${b}`)) continue;
            seen.add(`${a}-${b}`);
            edges.push([a, b]);
          }
          const available: Record<number, number[]> = {};
          windows.forEach((w, c) => {
            if (w.length > 0) available[c] = w.map((s) => s % slots);
          });
          const st = makeState({ clusters, slots, tables, edges, available });
          const inserter = inserterFor(st);
          edges.forEach((_, e) => {
            const before = Array.from(st.slotOf);
            const placed = inserter.eject(e);
            if (placed) {
              // Everything placed before is still placed.
              before.forEach((s, f) => {
                if (s >= 0) expect(st.slotOf[f]).toBeGreaterThanOrEqual(0);
              });
              expect(st.slotOf[e]).toBeGreaterThanOrEqual(0);
            } else {
              expect(Array.from(st.slotOf)).toEqual(before);
            }
            expect(stateViolations(st)).toEqual([]);
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('insert never moves a pinned meeting and keeps the state valid', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 12 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.option(fc.nat(), { nil: undefined })), { maxLength: 40 }),
        (clusters, slots, tables, raw) => {
          const seen = new Set<string>();
          const edges: [number, number][] = [];
          const pinned: Record<number, { slot?: number; table?: number }> = {};
          for (const [x, y, pin] of raw) {
            const a = Math.min(x % clusters, y % clusters);
            const b = Math.max(x % clusters, y % clusters);
            if (a === b || seen.has(`${a}-${b}`)) continue;
            seen.add(`${a}-${b}`);
            if (pin !== undefined) {
              pinned[edges.length] = pin % 2 === 0 ? { slot: pin % slots } : { table: 1 + (pin % tables) };
            }
            edges.push([a, b]);
          }
          const st = makeState({ clusters, slots, tables, edges, pinned });
          const inserter = inserterFor(st);
          const placed = new Set<number>();
          edges.forEach((_, e) => {
            if (inserter.insert(e)) placed.add(e);
            for (const f of placed) expect(st.slotOf[f]).toBeGreaterThanOrEqual(0);
            expect(stateViolations(st)).toEqual([]);
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('does only cheap steps once the deadline has passed', () => {
    const st = oddCycle();
    expect(inserterFor(st, { deadline: 0 }).insert(5)).toBe(false);
    expect(inserterFor(st).insert(5)).toBe(true);
  });

  it('stops walking chains when the work budget is spent', () => {
    expect(inserterFor(noCommonSlot(), { work: 0 }).kempe(3)).toBe(false);
    expect(inserterFor(oddCycle(), { work: 0 }).misraGries(5, 0)).toBe(false);
  });
});
