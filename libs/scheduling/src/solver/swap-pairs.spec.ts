import fc from 'fast-check';
import { checkSchedule } from '../checker';
import type { Meeting } from '../model';
import { pairKey } from '../problem';
import type { CandidatePair, Problem } from '../problem';
import { qualityFiguresOf } from '../quality';
import { compactMeetings, placeMeetings } from './place';
import { graphProblem, idleSlots } from './place-testing';
import { exchangePairs, neutralMoves } from './swap-pairs';

/** The heaviest candidates first, below the cap and the room's capacity. */
function greedyPairs(problem: Problem): CandidatePair[] {
  const cap = problem.event.event.maxMeetingsPerCluster;
  const count = new Array<number>(problem.ids.length).fill(0);
  for (const f of problem.fixed) {
    count[f.a]++;
    count[f.b]++;
  }
  const chosen: CandidatePair[] = [];
  const ordered = [...problem.candidates].sort((x, y) => y.weight - x.weight || x.a - y.a || x.b - y.b);
  for (const pair of ordered) {
    if (count[pair.a] >= cap || count[pair.b] >= cap || chosen.length >= problem.roomCapacity) continue;
    count[pair.a]++;
    count[pair.b]++;
    chosen.push(pair);
  }
  return chosen;
}

function expectValid(problem: Problem, meetings: Meeting[]): void {
  expect(checkSchedule(problem.event, { meetings }).violations).toEqual([]);
}

const m = (slot: number, a: string, b: string): Meeting => ({ slot, table: 1, clusters: [a, b] });

describe('exchangePairs', () => {
  // c1 wishes c0, c2 wishes c1, c0 wishes c2, c5 wishes c1 and c4 wishes c5, all of rank 1, one table.
  const triangle = () =>
    graphProblem({
      clusters: 6,
      slots: 5,
      tables: 1,
      cap: 2,
      edges: [
        { a: 1, b: 0 },
        { a: 2, b: 1 },
        { a: 0, b: 2 },
        { a: 5, b: 1 },
        { a: 4, b: 5 },
      ],
    });

  it('meets another pair of equal value when the chosen ones cannot be made consecutive', () => {
    // A triangle always leaves a gap to the cluster of its first and last meeting (c0 here).
    const problem = triangle();
    const meetings = [m(0, 'c0', 'c2'), m(1, 'c1', 'c2'), m(2, 'c0', 'c1'), m(3, 'c4', 'c5')];
    expect(idleSlots(problem, meetings)).toBe(1);
    const result = exchangePairs(problem, meetings);
    expect(result.exchanges).toBe(1);
    expectValid(problem, result.meetings);
    expect(idleSlots(problem, result.meetings)).toBe(0);
    // c1 – c0 (c1's wish, weight 10) became c1 – c5 (c5's wish, weight 10): c5 served instead of c1.
    expect(result.meetings).toContainEqual(expect.objectContaining({ clusters: ['c1', 'c5'] }));
    const before = qualityFiguresOf(problem, meetings);
    const after = qualityFiguresOf(problem, result.meetings);
    expect(after.servedClusters).toBe(before.servedClusters);
    expect(after.wishScore).toBe(before.wishScore);
    expect(after.idleSlots).toBe(0);
  });

  it('never exchanges a fixed meeting', () => {
    const problem = graphProblem({
      clusters: 6,
      slots: 5,
      tables: 1,
      cap: 2,
      edges: [
        { a: 2, b: 1 },
        { a: 0, b: 2 },
        { a: 5, b: 1 },
        { a: 4, b: 5 },
      ],
      fixed: [{ clusters: ['c0', 'c1'] }],
    });
    const meetings = [m(0, 'c0', 'c2'), m(1, 'c1', 'c2'), m(2, 'c0', 'c1'), m(3, 'c4', 'c5')];
    const removed = neutralMoves(problem, meetings).flatMap((move) =>
      move.removed.map(([a, b]) => pairKey(a, b)),
    );
    expect(removed).not.toContain(pairKey(0, 1));
    const result = exchangePairs(problem, meetings);
    expectValid(problem, result.meetings);
    expect(result.meetings.some((x) => x.clusters.join() === 'c0,c1')).toBe(true);
  });

  it('returns invalid meetings unchanged', () => {
    const problem = triangle();
    const meetings = [m(0, 'c0', 'c2'), m(0, 'c1', 'c2')];
    expect(exchangePairs(problem, meetings)).toEqual({ meetings, exchanges: 0, tried: 0 });
  });

  it('keeps schedules valid, served clusters and wish score equal, never more idle slots (properties)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 9 }),
        fc.integer({ min: 3, max: 5 }),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 2, max: 3 }),
        fc.array(fc.tuple(fc.nat(8), fc.nat(8), fc.integer({ min: 1, max: 3 })), {
          minLength: 6,
          maxLength: 18,
        }),
        fc.option(fc.tuple(fc.nat(8), fc.nat(8)), { nil: undefined }),
        (clusters, slots, tables, cap, raw, fixedPair) => {
          const edges: { a: number; b: number; rank: number }[] = [];
          const used = new Set<string>();
          for (const [x, y, rank] of raw) {
            const a = x % clusters;
            const b = y % clusters;
            if (a === b || used.has(`${a}#${rank}`) || used.has(`${a}>${b}`)) continue;
            used.add(`${a}#${rank}`).add(`${a}>${b}`);
            edges.push({ a, b, rank });
          }
          const fixed =
            fixedPair && fixedPair[0] % clusters !== fixedPair[1] % clusters
              ? [
                  {
                    clusters: [`c${fixedPair[0] % clusters}`, `c${fixedPair[1] % clusters}`] as [
                      string,
                      string,
                    ],
                  },
                ]
              : [];
          const problem = graphProblem({ clusters, slots, tables, cap, edges, fixed });
          const placement = placeMeetings(problem, greedyPairs(problem));
          if (placement.unplacedFixed.length > 0) return;
          const meetings = compactMeetings(problem, placement.meetings, { moves: 20_000 });
          expectValid(problem, meetings);
          const result = exchangePairs(problem, meetings, { compactionMoves: 5_000 });
          expectValid(problem, result.meetings);
          const before = qualityFiguresOf(problem, meetings);
          const after = qualityFiguresOf(problem, result.meetings);
          expect(after.servedClusters).toBe(before.servedClusters);
          expect(after.wishScore).toBe(before.wishScore);
          if (result.exchanges > 0) expect(after.idleSlots).toBeLessThan(before.idleSlots);
          else expect(result.meetings).toBe(meetings);
          // Deterministic: the same input gives the same schedule.
          expect(exchangePairs(problem, meetings, { compactionMoves: 5_000 }).meetings).toEqual(
            result.meetings,
          );
        },
      ),
      { numRuns: 800, seed: 11 },
    );
  }, 60_000);
});
