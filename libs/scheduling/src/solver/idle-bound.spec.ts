import fc from 'fast-check';
import type { Meeting } from '../model';
import { pairKey } from '../problem';
import type { Problem } from '../problem';
import { idleLowerBound } from './idle-bound';
import { placeMeetings } from './place';
import { graphProblem, idleSlots } from './place-testing';

/** Meetings naming the clusters of these edges (slots and tables do not matter to the bound). */
const meetingsOf = (edges: [number, number][]): Meeting[] =>
  edges.map(([a, b]) => ({ slot: 0, table: 1, clusters: [`c${a}`, `c${b}`] }));

/** The fewest idle slots over every slot assignment of the edges (tables ignored), by brute force. */
function bruteForceMinimum(problem: Problem, edges: [number, number][]): number {
  const S = problem.slots.length;
  const pinned = new Map(problem.fixed.map((f) => [pairKey(f.a, f.b), f.slot]));
  const slotsOf = problem.ids.map((): number[] => []);
  let best = Infinity;
  const visit = (i: number): void => {
    if (i === edges.length) {
      let idle = 0;
      slotsOf.forEach((slots, c) => {
        if (slots.length === 0) return;
        for (let s = Math.min(...slots); s <= Math.max(...slots); s++)
          if (problem.available[c][s] && !slots.includes(s)) idle++;
      });
      best = Math.min(best, idle);
      return;
    }
    const [a, b] = edges[i];
    const only = pinned.get(pairKey(a, b));
    for (let s = 0; s < S; s++) {
      if (only !== undefined && s !== only) continue;
      if (!problem.available[a][s] || !problem.available[b][s]) continue;
      if (slotsOf[a].includes(s) || slotsOf[b].includes(s)) continue;
      slotsOf[a].push(s);
      slotsOf[b].push(s);
      visit(i + 1);
      slotsOf[a].pop();
      slotsOf[b].pop();
    }
  };
  visit(0);
  return best;
}

describe('idleLowerBound', () => {
  it('is 0 for a path and for an even cycle', () => {
    const path: [number, number][] = [
      [0, 1],
      [1, 2],
      [2, 3],
    ];
    expect(
      idleLowerBound(graphProblem({ clusters: 4, slots: 4, tables: 4, edges: [] }), meetingsOf(path)),
    ).toBe(0);
    const square: [number, number][] = [...path, [3, 0]];
    expect(
      idleLowerBound(graphProblem({ clusters: 4, slots: 4, tables: 4, edges: [] }), meetingsOf(square)),
    ).toBe(0);
  });

  it('finds the gap an odd cycle of clusters with two meetings each cannot avoid', () => {
    const triangle: [number, number][] = [
      [0, 1],
      [1, 2],
      [2, 0],
    ];
    const problem = graphProblem({ clusters: 3, slots: 6, tables: 3, edges: [] });
    expect(idleLowerBound(problem, meetingsOf(triangle))).toBe(1);
    const pentagon: [number, number][] = [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 0],
    ];
    expect(
      idleLowerBound(graphProblem({ clusters: 5, slots: 6, tables: 5, edges: [] }), meetingsOf(pentagon)),
    ).toBe(1);
    // Two triangles: one gap each.
    const two: [number, number][] = [...triangle, [3, 4], [4, 5], [5, 3]];
    expect(
      idleLowerBound(graphProblem({ clusters: 6, slots: 6, tables: 6, edges: [] }), meetingsOf(two)),
    ).toBe(2);
  });

  it('counts the slots between partners who come at separate times', () => {
    // c1 is there in slot 0 only, c2 in slot 3 only: c0 waits through slots 1 and 2.
    const problem = graphProblem({
      clusters: 3,
      slots: 4,
      tables: 2,
      edges: [],
      windows: { 1: [[0, 0]], 2: [[3, 3]] },
    });
    expect(
      idleLowerBound(
        problem,
        meetingsOf([
          [0, 1],
          [0, 2],
        ]),
      ),
    ).toBe(2);
  });

  it('keeps fixed meetings at their pinned slots', () => {
    const problem = graphProblem({
      clusters: 3,
      slots: 5,
      tables: 2,
      edges: [],
      fixed: [
        { clusters: ['c0', 'c1'], slot: 0 },
        { clusters: ['c0', 'c2'], slot: 4 },
      ],
    });
    expect(
      idleLowerBound(
        problem,
        meetingsOf([
          [0, 1],
          [0, 2],
        ]),
      ),
    ).toBe(3);
  });

  it("falls back to the clusters' own bounds when the search budget is spent", () => {
    const triangle: [number, number][] = [
      [0, 1],
      [1, 2],
      [2, 0],
    ];
    const problem = graphProblem({ clusters: 3, slots: 6, tables: 3, edges: [] });
    expect(idleLowerBound(problem, meetingsOf(triangle), { totalNodes: 0 })).toBe(0);
    expect(idleLowerBound(problem, meetingsOf(triangle), { nodesPerComponent: 2 })).toBe(0);
    expect(idleLowerBound(problem, meetingsOf(triangle), { exactMeetings: 2 })).toBe(0);
  });

  it('equals the brute-force minimum on small graphs, windows included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 2, max: 5 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 7 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 5 }),
        (clusters, slots, rawEdges, rawWindows) => {
          const seen = new Set<string>();
          const edges: [number, number][] = [];
          for (const [x, y] of rawEdges) {
            const a = x % clusters;
            const b = y % clusters;
            if (a === b || seen.has(pairKey(a, b))) continue;
            seen.add(pairKey(a, b));
            edges.push([a, b]);
          }
          const windows: Record<number, [number, number][]> = {};
          for (const [c, w] of rawWindows) {
            const first = w % slots;
            windows[c % clusters] = [[first, Math.min(slots - 1, first + (w % 3))]];
          }
          const problem = graphProblem({ clusters, slots, tables: edges.length + 1, edges: [], windows });
          const minimum = bruteForceMinimum(problem, edges);
          const bound = idleLowerBound(problem, meetingsOf(edges));
          if (Number.isFinite(minimum)) expect(bound).toBe(minimum);
          else expect(bound).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never exceeds the idle slots of a real placement', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 14 }),
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 30 }),
        (clusters, slots, tables, rawEdges) => {
          const edges = rawEdges
            .map(([x, y]) => ({ a: x % clusters, b: y % clusters }))
            .filter(({ a, b }) => a !== b);
          const problem = graphProblem({ clusters, slots, tables, edges, cap: 3 });
          const result = placeMeetings(problem, problem.candidates, { compactionMoves: 2_000 });
          expect(idleLowerBound(problem, result.meetings)).toBeLessThanOrEqual(
            idleSlots(problem, result.meetings),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});
