import fc from 'fast-check';
import { checkSchedule } from '../checker';
import type { Meeting } from '../model';
import type { Problem } from '../problem';
import { idleLowerBound } from './idle-bound';
import { compactMeetings, placeMeetings } from './place';
import { buildIdleModel, decideConsecutive, solveIdleModel, tableAwareIdle } from './place-mip';
import { graphProblem, idleSlots, makeState } from './place-testing';

const FAR = () => Date.now() + 30_000;

/** Meetings of a graph problem at the given slots (tables 1, 2, … in each slot). */
function meetingsAt(problem: Problem, placed: [number, number, number][]): Meeting[] {
  const used = new Map<number, number>();
  return placed.map(([a, b, slot]) => {
    const table = (used.get(slot) ?? 0) + 1;
    used.set(slot, table);
    return { slot, table, clusters: [problem.ids[a], problem.ids[b]] };
  });
}

function violations(problem: Problem, meetings: Meeting[]): string[] {
  return checkSchedule(problem.event, { meetings }).violations.map((v) => `rule ${v.rule}: ${v.message}`);
}

/**
 * Every valid slot assignment of the pairs, in the order given by `rotate` (meeting i tries slots
 * from rotate[i] on): `visit` sees each one and returns true to stop.
 */
function forEachPlacement(
  problem: Problem,
  pairs: number[][],
  rotate: number[],
  visit: (slots: number[]) => boolean,
): void {
  const S = problem.slots.length;
  const T = problem.event.event.tables;
  const slots = new Array<number>(pairs.length).fill(-1);
  const load = new Array<number>(S).fill(0);
  const busy = new Set<number>();
  let stop = false;
  const place = (i: number): void => {
    if (stop) return;
    if (i === pairs.length) {
      stop = visit(slots);
      return;
    }
    const [a, b] = pairs[i];
    for (let k = 0; k < S && !stop; k++) {
      const s = (k + (rotate[i] ?? 0)) % S;
      if (load[s] >= T || busy.has(a * S + s) || busy.has(b * S + s)) continue;
      if (!problem.available[a][s] || !problem.available[b][s]) continue;
      load[s]++;
      busy.add(a * S + s);
      busy.add(b * S + s);
      slots[i] = s;
      place(i + 1);
      load[s]--;
      busy.delete(a * S + s);
      busy.delete(b * S + s);
    }
  };
  place(0);
}

/** The fewest idle slots of any placement of these pairs (Infinity when none), by trying every one. */
function bruteForceIdle(problem: Problem, pairs: number[][]): number {
  let best = Infinity;
  forEachPlacement(problem, pairs, [], (slots) => {
    best = Math.min(
      best,
      idleSlots(
        problem,
        meetingsAt(
          problem,
          pairs.map(([a, b], e) => [a, b, slots[e]]),
        ),
      ),
    );
    return best === 0;
  });
  return best;
}

/** Small random graph events (3–7 clusters, 3–5 slots, 1–2 tables, windows) and a slot rotation. */
function smallGraph() {
  return fc
    .record({
      clusters: fc.integer({ min: 3, max: 7 }),
      slots: fc.integer({ min: 3, max: 5 }),
      tables: fc.integer({ min: 1, max: 2 }),
      edges: fc.array(fc.tuple(fc.nat(6), fc.nat(6)), { minLength: 2, maxLength: 9 }),
      windows: fc.array(fc.tuple(fc.nat(4), fc.nat(4)), { maxLength: 7 }),
      rotate: fc.array(fc.nat(4), { minLength: 9, maxLength: 9 }),
    })
    .map(({ clusters, slots, tables, edges, windows, rotate }) => ({
      clusters,
      slots,
      tables,
      rotate,
      edges: edges
        .map(([a, b]) => ({ a: a % clusters, b: b % clusters }))
        .filter(({ a, b }, i, all) => a < b && all.findIndex((o) => o.a === a && o.b === b) === i)
        .slice(0, tables * slots),
      windows: Object.fromEntries(
        windows.slice(0, clusters).map(([x, y], c): [number, [number, number][]] => {
          const first = Math.min(x, y) % slots;
          return [c, [[first, Math.max(first, Math.max(x, y) % slots)]]];
        }),
      ),
    }));
}

/** The first valid placement of the pairs in the rotated order (usually with gaps), if any. */
function scrambledPlacement(problem: Problem, pairs: number[][], rotate: number[]): Meeting[] | undefined {
  let start: Meeting[] | undefined;
  forEachPlacement(problem, pairs, rotate, (slots) => {
    start = meetingsAt(
      problem,
      pairs.map(([a, b], e) => [a, b, slots[e]]),
    );
    return true;
  });
  return start;
}

describe('the placement program (place-mip)', () => {
  it('proves a gap that only the table limit forces', async () => {
    // One table, three slots. c0 meets c1 and c2; c3 and c4 can only meet in the middle slot. With
    // more tables c0's meetings fit in slots 0–1 around it; with one, they take 0 and 2: a gap.
    const problem = graphProblem({
      clusters: 5,
      slots: 3,
      tables: 1,
      edges: [
        { a: 0, b: 1 },
        { a: 0, b: 2 },
        { a: 3, b: 4 },
      ],
      windows: { 3: [[1, 1]], 4: [[1, 1]] },
    });
    const meetings = meetingsAt(problem, [
      [0, 1, 0],
      [3, 4, 1],
      [0, 2, 2],
    ]);
    expect(idleLowerBound(problem, meetings)).toBe(0);
    const result = await tableAwareIdle(problem, meetings, { deadline: FAR(), floor: 0 });
    expect(result).toMatchObject({ idleSlots: 1, floor: 1, source: 'mip' });
    expect(result.meetings).toBe(meetings);
    // Too large for the MIP: its LP relaxation proves the same here.
    const lp = await tableAwareIdle(problem, meetings, { deadline: FAR(), floor: 0, maxMipColumns: 0 });
    expect(lp).toMatchObject({ idleSlots: 1, floor: 1, source: 'lp' });
    // Too large for both: the bound given is kept.
    const none = await tableAwareIdle(problem, meetings, {
      deadline: FAR(),
      floor: 0,
      maxMipColumns: 0,
      maxLpColumns: 0,
    });
    expect(none).toMatchObject({ idleSlots: 1, floor: 0, source: 'combinatorial' });
  });

  it('re-slots to the proven minimum when the given placement has more idle slots', async () => {
    // A path c0–c1–c2–c3 placed with gaps, two tables, four slots: 0 idle slots are possible.
    const problem = graphProblem({
      clusters: 4,
      slots: 4,
      tables: 1,
      edges: [
        { a: 0, b: 1 },
        { a: 1, b: 2 },
        { a: 2, b: 3 },
      ],
    });
    const meetings = meetingsAt(problem, [
      [0, 1, 0],
      [1, 2, 3],
      [2, 3, 1],
    ]);
    expect(idleSlots(problem, meetings)).toBe(3);
    const result = await tableAwareIdle(problem, meetings, { deadline: FAR(), floor: 0 });
    expect(result.idleSlots).toBe(0);
    expect(idleSlots(problem, result.meetings)).toBe(0);
    expect(result.floor).toBe(0);
    expect(violations(problem, result.meetings)).toEqual([]);
  });

  it('finds agendas without a gap where the annealing leaves some (found by a random search)', async () => {
    const problem = graphProblem({
      clusters: 8,
      slots: 5,
      tables: 2,
      edges: [
        { a: 6, b: 7 },
        { a: 1, b: 4 },
        { a: 2, b: 7 },
        { a: 3, b: 7 },
        { a: 2, b: 5 },
        { a: 1, b: 7 },
        { a: 0, b: 7 },
        { a: 2, b: 3 },
        { a: 0, b: 4 },
        { a: 3, b: 5 },
      ],
      windows: { 0: [[2, 4]], 1: [[2, 4]], 3: [[1, 2]], 4: [[1, 1]], 5: [[4, 4]], 6: [[0, 2]] },
    });
    const placed = placeMeetings(problem, problem.candidates);
    const annealed = compactMeetings(problem, placed.meetings);
    // The premise (today's annealing): gaps it cannot close, none that any bound forces.
    expect(idleSlots(problem, annealed)).toBe(2);
    expect(idleLowerBound(problem, annealed)).toBe(0);
    const result = await tableAwareIdle(problem, annealed, { deadline: FAR(), floor: 0 });
    expect(result).toMatchObject({ idleSlots: 0, floor: 0 });
    expect(idleSlots(problem, result.meetings)).toBe(0);
    expect(violations(problem, result.meetings)).toEqual([]);
    expect(result.meetings.map((m) => m.clusters.join()).sort()).toEqual(
      annealed.map((m) => m.clusters.join()).sort(),
    );
  });

  it('lists fewer patterns and still gives a valid bound when a cluster has too many', async () => {
    // A star of 4 meetings in 12 slots: C(12, 4) = 495 patterns, so only those of ≤ 1 idle slot
    // and one column for the rest.
    const st = makeState({
      clusters: 5,
      slots: 12,
      tables: 1,
      edges: [
        [0, 1, 0],
        [0, 2, 3],
        [0, 3, 6],
        [0, 4, 11],
      ],
    });
    const model = buildIdleModel(st);
    expect(model?.truncated).toBe(true);
    const full = buildIdleModel(st, { maxPatternsPerCluster: 1000 });
    expect(full?.truncated).toBe(false);
    for (const m of [model, full]) {
      const result = await solveIdleModel(m!, { integer: true, timeLimitSeconds: 30 });
      expect(result).toMatchObject({ bound: 0, optimal: true });
    }
    // The start (the given placement, 8 idle slots) is costed at most its true idle slots.
    const startCost = model!.colCost.reduce((sum, c, j) => sum + c * model!.start[j], 0);
    expect(startCost).toBe(2);
  });

  it('gives a valid placement, never more idle slots, and a floor no placement beats (brute force)', async () => {
    let improved = 0;
    let tablesForced = 0;
    const graph = smallGraph();
    await fc.assert(
      fc.asyncProperty(graph, async (g) => {
        const problem = graphProblem(g);
        // The pairs that can be met, placed in a scrambled (valid) order: usually with gaps.
        const pairs = problem.candidates.slice(0, 8).map((p) => [p.a, p.b]);
        const start = scrambledPlacement(problem, pairs, g.rotate);
        fc.pre(start !== undefined);
        const meetings = start as Meeting[];
        const floor = idleLowerBound(problem, meetings);
        const before = idleSlots(problem, meetings);
        const result = await tableAwareIdle(problem, meetings, { deadline: FAR(), floor });
        expect(violations(problem, result.meetings)).toEqual([]);
        expect(result.meetings.map((m) => m.clusters.join()).sort()).toEqual(
          meetings.map((m) => m.clusters.join()).sort(),
        );
        expect(result.idleSlots).toBe(idleSlots(problem, result.meetings));
        expect(result.idleSlots).toBeLessThanOrEqual(before);
        expect(result.floor).toBeGreaterThanOrEqual(Math.min(before, floor));
        // Small programs are solved exactly: the minimum is reached and proven.
        const minimum = bruteForceIdle(problem, pairs);
        expect(result.idleSlots).toBe(minimum);
        expect(result.floor).toBe(minimum);
        // Never worse than the annealing from the same start.
        const annealed = compactMeetings(problem, meetings, { earlier: false });
        expect(result.idleSlots).toBeLessThanOrEqual(idleSlots(problem, annealed));
        if (before > minimum) improved++;
        if (minimum > floor) tablesForced++;
      }),
      { numRuns: 400, seed: 5 },
    );
    // The generator does reach the interesting cases: gaps to close, and gaps only tables force.
    expect(improved).toBeGreaterThan(15);
    expect(tablesForced).toBeGreaterThan(2);
  }, 120_000);
});

describe('deciding whether every agenda can be without gaps (decideConsecutive)', () => {
  // A cycle c0–c1–c2–c3–c0 on four slots: each cluster's two meetings must be in adjacent slots.
  const cycle = (tables: number) =>
    graphProblem({
      clusters: 4,
      slots: 4,
      tables,
      edges: [
        { a: 0, b: 1 },
        { a: 1, b: 2 },
        { a: 2, b: 3 },
        { a: 3, b: 0 },
      ],
    });
  // Its meetings in slots 0, 1, 2, 3 around the cycle: c0 meets in slots 0 and 3 (2 idle slots).
  const inOrder = (problem: Problem) =>
    meetingsAt(problem, [
      [0, 1, 0],
      [1, 2, 1],
      [2, 3, 2],
      [3, 0, 3],
    ]);

  it('proves it impossible when only the table limit forbids it', async () => {
    // One table: the four meetings take the four slots in some order, and a cycle of four cannot
    // have each pair of neighbours in adjacent slots of a line of four (one gapped cluster can).
    const problem = cycle(1);
    const meetings = inOrder(problem);
    expect(idleLowerBound(problem, meetings)).toBe(0);
    const result = await decideConsecutive(problem, meetings, { deadline: FAR() });
    expect(result).toMatchObject({ verdict: 'impossible', gappedAtLeast: 1 });
    expect(result.meetings).toBe(meetings);
  });

  it('finds the placement without gaps when there is one', async () => {
    // Two tables: c0–c1 and c2–c3 in slot 1, c1–c2 and c3–c0 in slot 2.
    const problem = cycle(2);
    const meetings = inOrder(problem);
    expect(idleSlots(problem, meetings)).toBe(2);
    const result = await decideConsecutive(problem, meetings, { deadline: FAR() });
    expect(result).toMatchObject({ verdict: 'reached', gappedAtLeast: 0 });
    expect(idleSlots(problem, result.meetings)).toBe(0);
    expect(violations(problem, result.meetings)).toEqual([]);
    expect(result.meetings.map((m) => m.clusters.join()).sort()).toEqual(
      meetings.map((m) => m.clusters.join()).sort(),
    );
  });

  it('decides nothing when the program is too large or there is no time', async () => {
    const problem = cycle(1);
    const meetings = inOrder(problem);
    for (const options of [{ deadline: FAR(), maxColumns: 3 }, { deadline: Date.now() - 1 }]) {
      expect(await decideConsecutive(problem, meetings, options)).toEqual({
        verdict: 'undecided',
        meetings,
        gappedAtLeast: 0,
      });
    }
  });

  it('agrees with a brute force on small random events', async () => {
    const verdicts = { reached: 0, impossible: 0 };
    await fc.assert(
      fc.asyncProperty(smallGraph(), async (g) => {
        const problem = graphProblem(g);
        const pairs = problem.candidates.slice(0, 8).map((p) => [p.a, p.b]);
        const meetings = scrambledPlacement(problem, pairs, g.rotate);
        fc.pre(meetings !== undefined && idleSlots(problem, meetings) > 0);
        const result = await decideConsecutive(problem, meetings as Meeting[], { deadline: FAR() });
        const minimum = bruteForceIdle(problem, pairs);
        expect(result.verdict).toBe(minimum === 0 ? 'reached' : 'impossible');
        expect(result.gappedAtLeast).toBeLessThanOrEqual(minimum);
        expect(violations(problem, result.meetings)).toEqual([]);
        if (result.verdict === 'reached') expect(idleSlots(problem, result.meetings)).toBe(0);
        verdicts[result.verdict as 'reached' | 'impossible']++;
      }),
      { numRuns: 300, seed: 11 },
    );
    expect(verdicts.reached).toBeGreaterThan(20);
    expect(verdicts.impossible).toBeGreaterThan(10);
  }, 120_000);
});
