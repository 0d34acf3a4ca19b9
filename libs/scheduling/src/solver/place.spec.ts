import fc from 'fast-check';
import { checkSchedule } from '../checker';
import type { FixedMeeting, Meeting } from '../model';
import type { CandidatePair, Problem } from '../problem';
import { buildProblem } from '../problem';
import { generateEvent, parseValidEvent, toJsonDocument } from '../testing';
import { compactFurther, compactMeetings, placeMeetings, searchGapFree, type PlacementResult } from './place';
import { Random } from './place-state';
import { solve } from './solve';
import {
  graphProblem,
  idleSlots,
  pairOf,
  placementViolations,
  rawPair,
  type GraphEventOptions,
} from './place-testing';

const slotsOf = (meetings: Meeting[], id: string): number[] =>
  meetings.filter((m) => m.clusters.includes(id)).map((m) => m.slot);

/** The official checker agrees: valid (missing fixed meetings aside, when reported) and same idle slots. */
const expectCheckerAgrees = (problem: Problem, result: PlacementResult) => {
  const report = checkSchedule(problem.event, { meetings: result.meetings });
  const missingFixed = result.unplacedFixed.length;
  expect(report.violations.filter((v) => !(missingFixed > 0 && v.rule === 10))).toEqual([]);
  expect(report.figures.idleSlots).toBe(idleSlots(problem, result.meetings));
};

const star = (leaves: number) => Array.from({ length: leaves }, (_, i) => ({ a: 0, b: i + 1 }));

describe('placeMeetings — hand-made cases', () => {
  it('places a star in consecutive slots, without idle slots', () => {
    const problem = graphProblem({ clusters: 6, edges: star(5), slots: 8, tables: 10 });
    const result = placeMeetings(problem, problem.candidates);
    expect(placementViolations(problem, problem.candidates, result)).toEqual([]);
    expect(result.unplaced).toEqual([]);
    const center = slotsOf(result.meetings, 'c0').sort((x, y) => x - y);
    expect(center).toHaveLength(5);
    expect(center[4] - center[0]).toBe(4);
    expect(idleSlots(problem, result.meetings)).toBe(0);
  });

  it('writes clusters in file order and sorts meetings by slot then table', () => {
    const problem = graphProblem({
      clusters: 4,
      edges: [
        { a: 3, b: 0 },
        { a: 2, b: 1 },
      ],
      slots: 2,
      tables: 1,
    });
    const result = placeMeetings(problem, problem.candidates);
    expect(result.meetings.map((m) => m.clusters)).toEqual(
      expect.arrayContaining([
        ['c0', 'c3'],
        ['c1', 'c2'],
      ]),
    );
    expect(result.meetings.map((m) => `${m.slot}/${m.table}`)).toEqual(['0/1', '1/1']);
  });

  it('puts a fixed meeting with a slot and a table exactly there', () => {
    const problem = graphProblem({
      clusters: 4,
      edges: [
        { a: 0, b: 2 },
        { a: 1, b: 3 },
        { a: 2, b: 3 },
      ],
      slots: 4,
      tables: 4,
      fixed: [{ clusters: ['c1', 'c0'], slot: 2, table: 3 }],
    });
    const result = placeMeetings(problem, problem.candidates);
    expect(placementViolations(problem, problem.candidates, result)).toEqual([]);
    expect(result.meetings).toContainEqual({ slot: 2, table: 3, clusters: ['c0', 'c1'] });
    expect(result.unplaced).toEqual([]);
    expect(result.unplacedFixed).toEqual([]);
  });

  it('gives a fixed meeting with a slot but no table a free table of that slot', () => {
    const problem = graphProblem({
      clusters: 4,
      edges: [],
      slots: 3,
      tables: 2,
      fixed: [
        { clusters: ['c0', 'c1'], slot: 1, table: 1 },
        { clusters: ['c2', 'c3'], slot: 1 },
      ],
    });
    const result = placeMeetings(problem, []);
    expect(result.meetings).toEqual([
      { slot: 1, table: 1, clusters: ['c0', 'c1'] },
      { slot: 1, table: 2, clusters: ['c2', 'c3'] },
    ]);
  });

  it('places a fixed meeting with neither slot nor table anywhere valid, and one with only a table at it', () => {
    const problem = graphProblem({
      clusters: 5,
      edges: [
        { a: 0, b: 2 },
        { a: 0, b: 3 },
      ],
      slots: 3,
      tables: 2,
      windows: { 1: [[2, 2]] },
      fixed: [{ clusters: ['c0', 'c1'] }, { clusters: ['c3', 'c4'], table: 2 }],
    });
    const result = placeMeetings(problem, problem.candidates);
    expect(placementViolations(problem, problem.candidates, result)).toEqual([]);
    expect(result.meetings.find((m) => m.clusters.join() === 'c0,c1')?.slot).toBe(2);
    expect(result.meetings.find((m) => m.clusters.join() === 'c3,c4')?.table).toBe(2);
    expect(result.unplaced).toEqual([]);
  });

  it('keeps every meeting inside both clusters’ availability windows', () => {
    const problem = graphProblem({
      clusters: 4,
      edges: [
        { a: 0, b: 1 },
        { a: 0, b: 2 },
        { a: 3, b: 1 },
      ],
      slots: 6,
      tables: 3,
      windows: { 0: [[4, 5]], 3: [[0, 0]] },
    });
    const result = placeMeetings(problem, problem.candidates);
    expect(placementViolations(problem, problem.candidates, result)).toEqual([]);
    expect(slotsOf(result.meetings, 'c0').sort()).toEqual([4, 5]);
    expect(slotsOf(result.meetings, 'c3')).toEqual([0]);
  });

  it('spreads meetings over slots when there is a single table', () => {
    const edges = [0, 2, 4, 6].map((a) => ({ a, b: a + 1 }));
    const problem = graphProblem({ clusters: 8, edges, slots: 6, tables: 1 });
    const result = placeMeetings(problem, problem.candidates);
    expect(placementViolations(problem, problem.candidates, result)).toEqual([]);
    expect(result.meetings).toHaveLength(4);
    expect(new Set(result.meetings.map((m) => m.slot)).size).toBe(4);
    expect(result.meetings.every((m) => m.table === 1)).toBe(true);
  });

  it('returns the least valuable pair when a cluster has more partners than slots', () => {
    const problem = graphProblem({
      clusters: 4,
      edges: [
        { a: 0, b: 1, rank: 3 },
        { a: 0, b: 2, rank: 1 },
        { a: 0, b: 3, rank: 2 },
      ],
      slots: 2,
      tables: 5,
    });
    const result = placeMeetings(problem, problem.candidates);
    expect(placementViolations(problem, problem.candidates, result)).toEqual([]);
    expect(result.unplaced).toEqual([pairOf(problem, 0, 1)]);
  });

  it('returns the least valuable pairs when the room is full, and pairs without a common slot', () => {
    const problem = graphProblem({
      clusters: 8,
      edges: [
        { a: 0, b: 1, rank: 4 },
        { a: 2, b: 3, rank: 1 },
        { a: 4, b: 5, rank: 2 },
      ],
      slots: 2,
      tables: 1,
      windows: { 6: [[0, 0]], 7: [[1, 1]] },
    });
    const apart = rawPair(problem, 6, 7, 20);
    const pairs = [...problem.candidates, apart];
    const result = placeMeetings(problem, pairs);
    expect(placementViolations(problem, pairs, result)).toEqual([]);
    expect(result.unplaced).toEqual([pairOf(problem, 0, 1), apart]);
  });

  it('places fixed meetings before any wish', () => {
    const problem = graphProblem({
      clusters: 3,
      edges: [{ a: 0, b: 2 }],
      slots: 1,
      tables: 1,
      fixed: [{ clusters: ['c0', 'c1'] }],
    });
    const result = placeMeetings(problem, problem.candidates);
    expect(result.meetings).toEqual([{ slot: 0, table: 1, clusters: ['c0', 'c1'] }]);
    expect(result.unplaced).toEqual([pairOf(problem, 0, 2)]);
  });

  it('reports fixed meetings it cannot place (table out of range, seat taken twice)', () => {
    const problem = graphProblem({
      clusters: 6,
      edges: [],
      slots: 2,
      tables: 2,
      fixed: [
        { clusters: ['c0', 'c1'], slot: 0, table: 1 },
        { clusters: ['c2', 'c3'], slot: 0, table: 1 },
        { clusters: ['c4', 'c5'], slot: 1, table: 9 },
      ],
    });
    const result = placeMeetings(problem, []);
    expect(result.meetings).toEqual([{ slot: 0, table: 1, clusters: ['c0', 'c1'] }]);
    expect(result.unplacedFixed).toEqual([problem.fixed[1], problem.fixed[2]]);
  });

  it('reports a repeated or malformed pair as unplaced', () => {
    const problem = graphProblem({ clusters: 3, edges: [{ a: 0, b: 1 }], slots: 3, tables: 2 });
    const pair = pairOf(problem, 0, 1);
    const self = { ...rawPair(problem, 0, 2), b: 0 };
    const result = placeMeetings(problem, [pair, { ...pair }, self]);
    expect(result.meetings).toHaveLength(1);
    expect(result.unplaced).toEqual([{ ...pair }, self]);
  });

  it('keeps a cluster at its table over consecutive meetings', () => {
    const edges = [...star(3), ...[4, 5, 6].map((b) => ({ a: 7, b })), { a: 8, b: 9 }, { a: 10, b: 11 }];
    const problem = graphProblem({ clusters: 12, edges, slots: 4, tables: 4 });
    const result = placeMeetings(problem, problem.candidates);
    expect(placementViolations(problem, problem.candidates, result)).toEqual([]);
    for (const center of ['c0', 'c7']) {
      const tables = new Set(result.meetings.filter((m) => m.clusters.includes(center)).map((m) => m.table));
      expect(tables.size).toBe(1);
    }
  });

  it('returns everything unplaced when the event has no slot, and copes with a single slot', () => {
    const none = graphProblem({ clusters: 2, edges: [{ a: 0, b: 1 }], slots: 0, tables: 1, fixed: [] });
    const pair = rawPair(none, 0, 1);
    expect(placeMeetings(none, [pair])).toEqual({ meetings: [], unplaced: [pair], unplacedFixed: [] });
    const one = graphProblem({
      clusters: 3,
      edges: [
        { a: 0, b: 1 },
        { a: 0, b: 2 },
      ],
      slots: 1,
      tables: 1,
    });
    const result = placeMeetings(one, one.candidates);
    expect(placementViolations(one, one.candidates, result)).toEqual([]);
    expect(result.meetings).toHaveLength(1);
  });

  it('is deterministic', () => {
    const edges = Array.from({ length: 40 }, (_, i) => ({ a: i % 15, b: (i * 7 + 3) % 15 })).filter(
      (e) => e.a !== e.b,
    );
    const problem = graphProblem({ clusters: 15, edges, slots: 9, tables: 4 });
    const first = placeMeetings(problem, problem.candidates);
    const second = placeMeetings(problem, problem.candidates);
    expect(second).toEqual(first);
  });

  it('still returns a valid placement when the deadline has passed', () => {
    const edges = Array.from({ length: 60 }, (_, i) => ({ a: i % 20, b: (i * 3 + 1) % 20 })).filter(
      (e) => e.a !== e.b,
    );
    const problem = graphProblem({ clusters: 20, edges, slots: 10, tables: 6 });
    const result = placeMeetings(problem, problem.candidates, { deadline: Date.now() - 1 });
    expect(placementViolations(problem, problem.candidates, result)).toEqual([]);
  });
});

describe('placeMeetings — size', () => {
  it('places and compacts 3,000 clusters × cap 8 on 16 slots within a few seconds of CPU', () => {
    const random = new Random(2015);
    const clusters = 3_000;
    const cap = 8;
    const degree = new Array<number>(clusters).fill(0);
    const seen = new Set<string>();
    const edges: { a: number; b: number; rank: number }[] = [];
    for (let tries = 0; tries < clusters * cap * 20 && edges.length < (clusters * cap) / 2 - 20; tries++) {
      const a = random.int(clusters);
      const b = random.int(clusters);
      const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
      if (a === b || seen.has(key) || degree[a] >= cap || degree[b] >= cap) continue;
      seen.add(key);
      degree[a]++;
      degree[b]++;
      edges.push({ a, b, rank: 1 + random.int(5) });
    }
    const problem = graphProblem({ clusters, edges, slots: 16, tables: 1_000, cap });
    const cpu = process.cpuUsage();
    const result = placeMeetings(problem, problem.candidates);
    const { user, system } = process.cpuUsage(cpu);
    expect(result.unplaced).toEqual([]);
    expect(result.meetings.length).toBeGreaterThan(11_900);
    expect(placementViolations(problem, problem.candidates, result)).toEqual([]);
    // The greedy start leaves about 6,600 idle slots here; compaction removes most of them.
    expect(idleSlots(problem, result.meetings)).toBeLessThan(3_000);
    expect((user + system) / 1e6).toBeLessThan(10);
  }, 60_000);
});

/** A random simple graph with every degree ≤ cap. */
/** A window of slots [first, last] within 0–9 (clipped to the event's slots by its user). */
const windowArbitrary = fc
  .tuple(fc.nat({ max: 9 }), fc.nat({ max: 9 }))
  .map(([x, y]): [number, number] => [Math.min(x, y), Math.max(x, y)]);

const graphArbitrary = (maxClusters: number, maxCap: number) =>
  fc
    .record({
      clusters: fc.integer({ min: 2, max: maxClusters }),
      cap: fc.integer({ min: 1, max: maxCap }),
      raw: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 10 })), { maxLength: 120 }),
    })
    .map(({ clusters, cap, raw }) => {
      const degree = new Array<number>(clusters).fill(0);
      const seen = new Set<string>();
      const edges: { a: number; b: number; rank: number }[] = [];
      for (const [x, y, rank] of raw) {
        const a = x % clusters;
        const b = y % clusters;
        const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
        if (a === b || seen.has(key) || degree[a] >= cap || degree[b] >= cap) continue;
        seen.add(key);
        degree[a]++;
        degree[b]++;
        edges.push({ a, b, rank });
      }
      return { clusters, cap, edges };
    });

/**
 * Keeps the fixed meetings that the parser would accept together: known distinct clusters, each
 * pair once, within the cap, slot and table in range, both available in the slot, no seat or
 * cluster twice in a slot, no more slotted meetings in a slot than tables.
 */
function consistentFixed(
  problem: Problem,
  raw: { x: number; y: number; slot?: number; table?: number }[],
): FixedMeeting[] {
  const n = problem.ids.length;
  const S = problem.slots.length;
  const T = problem.event.event.tables;
  const pairs = new Set<string>();
  const taken = new Set<string>();
  const perSlot = new Map<number, number>();
  const count = new Array<number>(n).fill(0);
  const cap = problem.event.event.maxMeetingsPerCluster;
  const fixed: FixedMeeting[] = [];
  for (const { x, y, slot, table } of raw) {
    const a = x % n;
    const b = y % n;
    const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
    if (a === b || pairs.has(key) || count[a] >= cap || count[b] >= cap) continue;
    if ((slot !== undefined && slot >= S) || (table !== undefined && table > T)) continue;
    if (slot !== undefined) {
      if (!problem.available[a][slot] || !problem.available[b][slot]) continue;
      if (taken.has(`${a}@${slot}`) || taken.has(`${b}@${slot}`) || (perSlot.get(slot) ?? 0) >= T) continue;
      if (table !== undefined && taken.has(`${slot}/${table}`)) continue;
      taken.add(`${a}@${slot}`);
      taken.add(`${b}@${slot}`);
      if (table !== undefined) taken.add(`${slot}/${table}`);
      perSlot.set(slot, (perSlot.get(slot) ?? 0) + 1);
    }
    pairs.add(key);
    count[a]++;
    count[b]++;
    fixed.push({
      clusters: [problem.ids[a], problem.ids[b]],
      ...(slot !== undefined ? { slot } : {}),
      ...(table !== undefined ? { table } : {}),
    });
  }
  return fixed;
}

/** The candidates a pair choice could pass: greedily within each cluster's remaining capacity. */
function withinCapacity(problem: Problem): CandidatePair[] {
  const left = [...problem.capacity];
  return problem.candidates.filter((p) => {
    if (left[p.a] === 0 || left[p.b] === 0) return false;
    left[p.a]--;
    left[p.b]--;
    return true;
  });
}

describe('placeMeetings — properties', () => {
  it('places every meeting of a graph of degree ≤ cap with cap + 1 slots and enough tables (Vizing)', () => {
    fc.assert(
      fc.property(graphArbitrary(30, 7), fc.integer({ min: 1, max: 3 }), (graph, extraSlots) => {
        const slots = graph.cap + extraSlots;
        const tables = Math.max(1, Math.ceil(graph.edges.length / slots));
        const problem = graphProblem({ ...graph, slots, tables });
        const result = placeMeetings(problem, problem.candidates, { compactionMoves: 2_000 });
        expect(placementViolations(problem, problem.candidates, result)).toEqual([]);
        expect(result.unplaced).toEqual([]);
        expectCheckerAgrees(problem, result);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps every placed meeting valid with availability windows, fixed meetings and few tables', () => {
    const fixedArbitrary = fc.array(
      fc.record({
        x: fc.nat(),
        y: fc.nat(),
        slot: fc.option(fc.nat({ max: 9 }), { nil: undefined }),
        table: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
      }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(
        graphArbitrary(20, 6),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.option(fc.array(windowArbitrary, { minLength: 1, maxLength: 2 }), { nil: undefined }), {
          maxLength: 20,
        }),
        fixedArbitrary,
        (graph, slots, tables, windowList, rawFixed) => {
          const windows: GraphEventOptions['windows'] = {};
          windowList.forEach((w, c) => {
            if (w && c < graph.clusters)
              windows[c] = w.map(([x, y]) => [Math.min(x, slots - 1), Math.min(y, slots - 1)]);
          });
          const fixed = consistentFixed(graphProblem({ ...graph, slots, tables, windows }), rawFixed);
          const problem = graphProblem({ ...graph, slots, tables, windows, fixed });
          const pairs = withinCapacity(problem);
          const result = placeMeetings(problem, pairs, { compactionMoves: 2_000 });
          expect(placementViolations(problem, pairs, result)).toEqual([]);
          // A fixed meeting with a slot (consistent with the others) always gets its place.
          expect(result.unplacedFixed.filter((f) => f.slot !== undefined)).toEqual([]);
          expectCheckerAgrees(problem, result);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('leaves no idle slot for disjoint stars and matchings when tables are plentiful', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 3 }),
        fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
        (leaves, extraSlots, windowStart) => {
          const edges: { a: number; b: number }[] = [];
          let next = 0;
          for (const k of leaves) {
            const center = next++;
            for (let i = 0; i < k; i++) edges.push({ a: center, b: next++ });
          }
          const slots = Math.max(...leaves) + extraSlots + (windowStart ?? 0);
          // Optionally every center is only available from `windowStart` on.
          const windows: GraphEventOptions['windows'] = {};
          if (windowStart !== undefined) for (const e of edges) windows[e.a] = [[windowStart, slots - 1]];
          const problem = graphProblem({ clusters: next, edges, slots, tables: edges.length, windows });
          const result = placeMeetings(problem, problem.candidates);
          expect(placementViolations(problem, problem.candidates, result)).toEqual([]);
          expect(result.unplaced).toEqual([]);
          expect(idleSlots(problem, result.meetings)).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('leaves no idle slot for paths and even cycles (two alternating slots suffice)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 14 }),
        fc.boolean(),
        fc.integer({ min: 2, max: 6 }),
        (length, cycle, slots) => {
          const size = cycle && length % 2 === 1 ? length + 1 : length;
          const edges = Array.from({ length: size - 1 }, (_, i) => ({ a: i, b: i + 1 }));
          if (cycle && size > 2) edges.push({ a: size - 1, b: 0 });
          const problem = graphProblem({ clusters: size, edges, slots, tables: size });
          const result = placeMeetings(problem, problem.candidates);
          expect(placementViolations(problem, problem.candidates, result)).toEqual([]);
          expect(idleSlots(problem, result.meetings)).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives the same answer twice', () => {
    fc.assert(
      fc.property(
        graphArbitrary(16, 5),
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 1, max: 4 }),
        (graph, slots, tables) => {
          const problem = graphProblem({ ...graph, slots, tables });
          const options = { compactionMoves: 3_000 };
          expect(placeMeetings(problem, problem.candidates, options)).toEqual(
            placeMeetings(problem, problem.candidates, options),
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});

/** Meetings of c0 (a star) in slots 0, 2 and 5: 3 idle slots. */
const spread: Meeting[] = [
  { slot: 0, table: 1, clusters: ['c0', 'c1'] },
  { slot: 2, table: 1, clusters: ['c0', 'c2'] },
  { slot: 5, table: 1, clusters: ['c0', 'c3'] },
];
/** Not a valid placement: c0 twice in slot 0. */
const clash: Meeting[] = [
  { slot: 0, table: 1, clusters: ['c0', 'c1'] },
  { slot: 0, table: 2, clusters: ['c0', 'c2'] },
];
const starProblem = () => graphProblem({ clusters: 4, edges: star(3), slots: 6, tables: 3 });
const pairKeys = (meetings: Meeting[]) => meetings.map((m) => m.clusters.join('+')).sort();

/**
 * A re-slotting of random placements (availability windows included) never adds idle slots, keeps
 * the pairs and validity, and gives the same answer twice.
 */
function expectSafeReslotting(reslot: (problem: Problem, start: Meeting[]) => Meeting[], numRuns: number) {
  fc.assert(
    fc.property(
      graphArbitrary(16, 5),
      fc.integer({ min: 2, max: 10 }),
      fc.integer({ min: 1, max: 5 }),
      fc.array(fc.option(windowArbitrary, { nil: undefined }), { maxLength: 16 }),
      fc.integer({ min: 0, max: 20 }),
      (graph, slots, tables, windowList, seed) => {
        const windows: GraphEventOptions['windows'] = {};
        windowList.forEach((w, c) => {
          if (w && c < graph.clusters) windows[c] = [[Math.min(w[0], slots - 1), Math.min(w[1], slots - 1)]];
        });
        const problem = graphProblem({ ...graph, slots, tables, windows });
        // A placement with little compaction, from another seed: room left for improvement.
        const start = placeMeetings(problem, problem.candidates, { compactionMoves: 0, seed }).meetings;
        const result = reslot(problem, start);
        expect(idleSlots(problem, result)).toBeLessThanOrEqual(idleSlots(problem, start));
        expect(pairKeys(result)).toEqual(pairKeys(start));
        expect(checkSchedule(problem.event, { meetings: result }).violations).toEqual([]);
        expect(reslot(problem, start)).toEqual(result);
      },
    ),
    { numRuns },
  );
}

describe('compactMeetings', () => {
  it('closes the gaps of a star left by a bad placement, same pairs, valid', () => {
    const problem = starProblem();
    expect(idleSlots(problem, spread)).toBe(3);
    const compacted = compactMeetings(problem, spread);
    expect(idleSlots(problem, compacted)).toBe(0);
    expect(pairKeys(compacted)).toEqual(pairKeys(spread));
    expect(checkSchedule(problem.event, { meetings: compacted }).violations).toEqual([]);
  });

  it('moves the free meetings around fixed ones, which stay at their slot and table', () => {
    const problem = graphProblem({
      clusters: 4,
      edges: star(3),
      slots: 6,
      tables: 3,
      fixed: [{ clusters: ['c0', 'c1'], slot: 3, table: 2 }],
    });
    const meetings: Meeting[] = [
      { slot: 0, table: 1, clusters: ['c0', 'c2'] },
      { slot: 3, table: 2, clusters: ['c0', 'c1'] },
      { slot: 5, table: 1, clusters: ['c0', 'c3'] },
    ];
    const compacted = compactMeetings(problem, meetings);
    expect(compacted).toContainEqual({ slot: 3, table: 2, clusters: ['c0', 'c1'] });
    expect(idleSlots(problem, compacted)).toBe(0);
    expect(checkSchedule(problem.event, { meetings: compacted }).violations).toEqual([]);
  });

  it('returns meetings that are not a valid placement unchanged', () => {
    const problem = graphProblem({ clusters: 3, edges: star(2), slots: 4, tables: 2 });
    expect(compactMeetings(problem, clash)).toBe(clash);
    const full = graphProblem({ clusters: 3, edges: star(2), slots: 4, tables: 1 });
    const overfull: Meeting[] = [
      { slot: 1, table: 1, clusters: ['c0', 'c1'] },
      { slot: 3, table: 1, clusters: ['c0', 'c2'] },
      { slot: 3, table: 1, clusters: ['c1', 'c2'] },
    ];
    expect(compactMeetings(full, overfull)).toBe(overfull);
  });

  it('never adds idle slots, keeps the pairs and validity, and gives the same answer twice', () => {
    expectSafeReslotting((problem, start) => compactMeetings(problem, start, { moves: 3_000 }), 120);
  });
});

describe('compactFurther', () => {
  it('runs no pass once the floor is reached, and returns invalid placements unchanged', () => {
    const problem = starProblem();
    expect(compactFurther(problem, spread, { floor: 3 })).toBe(spread);
    expect(compactFurther(problem, spread, { moves: 0 })).toBe(spread);
    expect(idleSlots(problem, compactFurther(problem, spread))).toBe(0);
    expect(compactFurther(problem, clash)).toBe(clash);
  });

  it('never adds idle slots, keeps the pairs and validity, and gives the same answer twice', () => {
    expectSafeReslotting((problem, start) => compactFurther(problem, start, { moves: 6_000 }), 80);
  });
});

describe('searchGapFree', () => {
  it('closes the gaps of a small event, and leaves alone what it must not touch', () => {
    const problem = starProblem();
    const result = searchGapFree(problem, spread, { moves: 20_000 });
    expect(result.idleSlots).toBe(0);
    expect(idleSlots(problem, result.meetings)).toBe(0);
    expect(pairKeys(result.meetings)).toEqual(pairKeys(spread));
    // Above the size limit, or with no run allowed: unchanged.
    expect(searchGapFree(problem, spread, { maxMeetings: 2 })).toEqual({ meetings: spread, idleSlots: 3 });
    expect(searchGapFree(problem, spread, { runs: 0 })).toEqual({ meetings: spread, idleSlots: 3 });
    // Not a valid placement: unchanged, no idle count claimed.
    expect(searchGapFree(problem, clash)).toEqual({ meetings: clash, idleSlots: undefined });
  });

  it('never adds idle slots, keeps the pairs and validity, and gives the same answer twice', () => {
    expectSafeReslotting((problem, start) => {
      const result = searchGapFree(problem, start, { moves: 5_000, runs: 3 });
      expect(result.idleSlots).toBe(idleSlots(problem, result.meetings));
      return result.meetings;
    }, 60);
  });

  it('reaches gap-free agendas where the shorter passes stop short (generated 30-cluster event)', async () => {
    // The pairs the solver chooses on this event; a SAT solver found a gap-free placement of them.
    const event = parseValidEvent(
      toJsonDocument(generateEvent({ clusters: 30, cap: 6, seed: 903, tableRatio: 1.4 })),
    );
    const problem = buildProblem(event);
    const pairs = new Set((await solve(event)).meetings.map((m) => [...m.clusters].sort().join('+')));
    const chosen = problem.candidates.filter((p) =>
      pairs.has([problem.ids[p.a], problem.ids[p.b]].sort().join('+')),
    );
    expect(chosen).toHaveLength(pairs.size);
    const placed = placeMeetings(problem, chosen);
    expect(placed.unplaced).toEqual([]);
    const further = compactFurther(problem, placed.meetings);
    expect(idleSlots(problem, further)).toBeGreaterThan(0);
    const result = searchGapFree(problem, further);
    expect(result.idleSlots).toBe(0);
    expect(checkSchedule(event, { meetings: result.meetings }).violations).toEqual([]);
  }, 60_000);
});
