import fc from 'fast-check';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseEventFile } from '../event-file';
import { buildProblem } from '../problem';
import { compactMeetings, placeMeetings } from './place';
import { compact } from './place-compact';
import { moveEarlier, slotSum } from './place-early';
import { Inserter } from './place-insert';
import { Random, type PlacementState } from './place-state';
import { graphProblem, idleSlots, makeState, stateViolations, type StateOptions } from './place-testing';
import { solve } from './solve';

const inserterOf = (st: PlacementState) =>
  new Inserter(st, { work: 1_000_000, eject: 0, deadline: Infinity }, new Random(1));

/** Runs the pass on a state; returns it with the idle slots and slot sum before and after. */
const run = (options: StateOptions) => {
  const st = makeState(options);
  const before = { idle: st.totalIdle(), sum: slotSum(st) };
  const gained = moveEarlier(st, inserterOf(st), { deadline: Infinity });
  return { st, before, after: { idle: st.totalIdle(), sum: slotSum(st) }, gained };
};

const slots = (st: PlacementState) => Array.from(st.slotOf);

/** A valid random state (availability windows, pins, few tables) from fast-check's raw draws. */
const randomState = (
  slotCount: number,
  tables: number,
  raw: [number, number, number, boolean][],
  windows: number[][],
): StateOptions => {
  const clusters = 10;
  const available: Record<number, number[]> = {};
  windows.forEach((w, c) => (available[c] = w.map((s) => s % slotCount)));
  const isAvailable = (c: number, s: number) => available[c]?.includes(s) ?? true;
  const busy = new Set<string>();
  const seen = new Set<string>();
  const load = new Array<number>(slotCount).fill(0);
  const edges: [number, number, number][] = [];
  const pinned: Record<number, { slot: number; table?: number }> = {};
  for (const [x, y, z, pin] of raw) {
    const a = Math.min(x % clusters, y % clusters);
    const b = Math.max(x % clusters, y % clusters);
    const s = z % slotCount;
    if (a === b || seen.has(`${a}-${b}`) || busy.has(`${a}@${s}`) || busy.has(`${b}@${s}`)) continue;
    if (load[s] >= tables || !isAvailable(a, s) || !isAvailable(b, s)) continue;
    seen.add(`${a}-${b}`);
    busy.add(`${a}@${s}`);
    busy.add(`${b}@${s}`);
    if (pin) pinned[edges.length] = { slot: s };
    load[s]++;
    edges.push([a, b, s]);
  }
  return { clusters, slots: slotCount, tables, edges, available, pinned };
};

describe('moveEarlier — hand-made cases', () => {
  it('moves disjoint pairs all to the first slot when tables are plentiful', () => {
    const { st, before, after, gained } = run({
      clusters: 8,
      slots: 6,
      tables: 4,
      edges: [
        [0, 1, 5],
        [2, 3, 2],
        [4, 5, 3],
        [6, 7, 1],
      ],
    });
    expect(slots(st)).toEqual([0, 0, 0, 0]);
    expect(after.idle).toBe(before.idle);
    expect(gained).toBe(before.sum - after.sum);
    expect(gained).toBe(11);
    expect(stateViolations(st)).toEqual([]);
  });

  it('fills the first slots up to the table limit, in order', () => {
    const { st } = run({
      clusters: 10,
      slots: 5,
      tables: 2,
      edges: [
        [0, 1, 4],
        [2, 3, 4],
        [4, 5, 3],
        [6, 7, 2],
        [8, 9, 2],
      ],
    });
    expect(slots(st).sort()).toEqual([0, 0, 1, 1, 2]);
    expect(stateViolations(st)).toEqual([]);
  });

  it('shifts a compact agenda that leaves the first slot empty to start there (column rotation)', () => {
    // Two stars, around 0 and around 4, each in slots 1..3: no single meeting can move to slot 0
    // without opening a gap in its centre's agenda, but all of them can move one slot earlier.
    const { st, before, after } = run({
      clusters: 8,
      slots: 6,
      tables: 2,
      edges: [
        [0, 1, 1],
        [0, 2, 2],
        [0, 3, 3],
        [4, 5, 1],
        [4, 6, 2],
        [4, 7, 3],
      ],
    });
    expect(before.idle).toBe(0);
    expect(after.idle).toBe(0);
    expect(slots(st)).toEqual([0, 1, 2, 0, 1, 2]);
    expect(stateViolations(st)).toEqual([]);
  });

  it('does the same beyond 32 slots (no bit masks)', () => {
    const { st, before, after } = run({
      clusters: 8,
      slots: 40,
      tables: 2,
      edges: [
        [0, 1, 35],
        [0, 2, 36],
        [0, 3, 37],
        [4, 5, 35],
        [4, 6, 36],
        [4, 7, 37],
      ],
      available: { 7: Array.from({ length: 38 }, (_, s) => s) },
    });
    expect(st.useMasks).toBe(false);
    expect(after.idle).toBe(before.idle);
    expect(slots(st)).toEqual([0, 1, 2, 0, 1, 2]);
    expect(stateViolations(st)).toEqual([]);
  });

  it('moves a Kempe component when a cluster is busy in the earlier slot', () => {
    // 4–5 is pinned to slot 0 (no column can move there). 0–1 alone goes to slot 0; then 0–2 (slot 1)
    // can only follow by the α/β swap of its component 0–2, 0–1, 1–3: two meetings to slot 0, one
    // out. The end: 0–2 and 1–3 in slot 0, 0–1 in slot 1, no idle slot.
    const { st, after, before } = run({
      clusters: 6,
      slots: 3,
      tables: 3,
      edges: [
        [4, 5, 0],
        [0, 1, 2],
        [0, 2, 1],
        [1, 3, 1],
      ],
      pinned: { 0: { slot: 0 } },
    });
    expect(before.idle).toBe(0);
    expect(after.idle).toBe(0);
    expect(slots(st)).toEqual([0, 1, 0, 0]);
    expect(stateViolations(st)).toEqual([]);
  });

  it('leaves pinned meetings and does not open a gap to move earlier', () => {
    // 0 meets 1 pinned in slot 5 and 2 in slot 4: 0–2 in any earlier slot would leave 0 idle.
    const { st, after, before, gained } = run({
      clusters: 3,
      slots: 6,
      tables: 2,
      edges: [
        [0, 1, 5],
        [0, 2, 4],
      ],
      pinned: { 0: { slot: 5 } },
    });
    expect(slots(st)).toEqual([5, 4]);
    expect(after).toEqual(before);
    expect(gained).toBe(0);
  });

  it('keeps meetings inside the availability windows', () => {
    // 0 and 1 are available from slot 3 only: their meeting cannot go earlier, the other can.
    const { st } = run({
      clusters: 4,
      slots: 6,
      tables: 2,
      edges: [
        [0, 1, 5],
        [2, 3, 4],
      ],
      available: { 0: [3, 4, 5], 1: [3, 4, 5] },
    });
    expect(slots(st)).toEqual([3, 0]);
    expect(stateViolations(st)).toEqual([]);
  });
});

describe('moveEarlier — properties', () => {
  it('never adds idle slots, never moves later in sum, keeps pins, validity and determinism', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.boolean()), { maxLength: 40 }),
        fc.array(fc.array(fc.nat({ max: 7 }), { minLength: 1, maxLength: 6 }), { maxLength: 10 }),
        (slotCount, tables, raw, windows) => {
          const options = randomState(slotCount, tables, raw, windows);
          const { st, before, after, gained } = run(options);
          expect(stateViolations(st)).toEqual([]);
          expect(after.idle).toBeLessThanOrEqual(before.idle);
          expect(after.sum).toBeLessThanOrEqual(before.sum);
          expect(gained).toBe(before.sum - after.sum);
          for (const [e, pin] of Object.entries(options.pinned ?? {}))
            expect(st.slotOf[Number(e)]).toBe(pin.slot);
          expect(slots(run(options).st)).toEqual(slots(st));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('puts every meeting of disjoint pairs in the first slot (no windows, tables for all)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 9 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 3 }),
        (placedAt, spare) => {
          const edges = placedAt.map((s, i): [number, number, number] => [2 * i, 2 * i + 1, s]);
          const { st } = run({
            clusters: 2 * edges.length,
            slots: 10,
            tables: 12 + spare,
            edges,
          });
          expect(slots(st).every((s) => s === 0)).toBe(true);
        },
      ),
    );
  });

  it('after compaction, keeps the idle slots it found and no meeting can move earlier alone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.boolean()), { maxLength: 40 }),
        fc.array(fc.array(fc.nat({ max: 7 }), { minLength: 1, maxLength: 6 }), { maxLength: 10 }),
        (slotCount, tables, raw, windows) => {
          const st = makeState(randomState(slotCount, tables, raw, windows));
          const random = new Random(3);
          const inserter = new Inserter(st, { work: 1_000_000, eject: 0, deadline: Infinity }, random);
          const idle = compact(st, inserter, random, { iterations: 5_000, deadline: Infinity });
          moveEarlier(st, inserter, { deadline: Infinity });
          expect(st.totalIdle()).toBeLessThanOrEqual(idle);
          // A local optimum of the single moves: no meeting fits earlier without adding idle slots.
          const { S, T } = st;
          for (let e = 0; e < st.m; e++) {
            const alpha = st.slotOf[e];
            if (st.pinnedSlot[e] >= 0) continue;
            const a = st.ea[e];
            const b = st.eb[e];
            for (let beta = 0; beta < alpha; beta++) {
              const fits =
                st.load[beta] < T &&
                st.allowed(e, beta) &&
                st.at[a * S + beta] === -1 &&
                st.at[b * S + beta] === -1;
              if (!fits) continue;
              const added =
                st.idleMoved(a, alpha, beta) + st.idleMoved(b, alpha, beta) - st.idle(a) - st.idle(b);
              expect(added).toBeGreaterThan(0);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('the tie-break in placeMeetings and compactMeetings', () => {
  it('keeps the idle slots and the pairs of the run without it, and moves meetings no later in sum', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 12 }),
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 30 }),
        (clusters, slotCount, tables, raw) => {
          const edges = raw
            .map(([x, y]) => ({ a: x % clusters, b: y % clusters }))
            .filter(({ a, b }) => a !== b);
          const problem = graphProblem({ clusters, edges, slots: slotCount, tables, cap: 3 });
          const options = { compactionMoves: 3_000 };
          const off = placeMeetings(problem, problem.candidates, options);
          const on = placeMeetings(problem, problem.candidates, { ...options, earlier: true });
          const pairs = (r: typeof on) => r.meetings.map((m) => m.clusters.join('+')).sort();
          expect(pairs(on)).toEqual(pairs(off));
          expect(idleSlots(problem, on.meetings)).toBeLessThanOrEqual(idleSlots(problem, off.meetings));
          const sum = (ms: typeof on.meetings) => ms.reduce((total, m) => total + m.slot, 0);
          if (idleSlots(problem, on.meetings) === idleSlots(problem, off.meetings))
            expect(sum(on.meetings)).toBeLessThanOrEqual(sum(off.meetings));

          const compactOff = compactMeetings(problem, off.meetings, { moves: 3_000, earlier: false });
          const compactOn = compactMeetings(problem, off.meetings, { moves: 3_000 });
          expect(idleSlots(problem, compactOn)).toBeLessThanOrEqual(idleSlots(problem, compactOff));
          expect(compactOn.map((m) => m.clusters.join('+')).sort()).toEqual(pairs(off));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('moves meetings earlier in compactMeetings even when the deadline has passed', () => {
    const problem = graphProblem({
      clusters: 6,
      edges: [
        { a: 0, b: 1 },
        { a: 2, b: 3 },
        { a: 4, b: 5 },
      ],
      slots: 6,
      tables: 3,
    });
    const late = [
      { slot: 3, table: 1, clusters: ['c0', 'c1'] as [string, string] },
      { slot: 4, table: 1, clusters: ['c2', 'c3'] as [string, string] },
      { slot: 5, table: 1, clusters: ['c4', 'c5'] as [string, string] },
    ];
    const result = compactMeetings(problem, late, { deadline: 0 });
    expect(result.map((m) => m.slot)).toEqual([0, 0, 0]);
    expect(result.map((m) => m.table).sort()).toEqual([1, 2, 3]);
    expect(compactMeetings(problem, late, { deadline: 0, earlier: false }).map((m) => m.slot)).toEqual([
      3, 4, 5,
    ]);
  });

  it('gives the Clermont sample a schedule that starts at the first slot, without idle slots', async () => {
    const file = join(__dirname, '..', '..', '..', '..', 'examples', 'clermont-2015.event.json');
    const parsed = parseEventFile(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    const schedule = await solve(parsed.value);
    const used = new Set(schedule.meetings.map((m) => m.slot));
    expect(used.has(0)).toBe(true);
    // The used slots are consecutive from 0 (an afternoon that starts at 14:00 and ends early).
    expect([...used].sort((x, y) => x - y)).toEqual(Array.from({ length: used.size }, (_, i) => i));
    expect(schedule.stats.idleSlots).toBe(0);
    expect(idleSlots(buildProblem(parsed.value), schedule.meetings)).toBe(0);
  });
});
