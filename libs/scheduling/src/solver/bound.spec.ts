import fc from 'fast-check';
import { buildProblem } from '../problem';
import type { CandidatePair } from '../problem';
import { makeEvent, mutualWish, wish, wishList } from '../testing';
import { combinatorialBound, computeBound, pairChoiceBound, relaxationBound } from './bound';
import { choosePairs } from './choose-pairs';
import { compareValues, evaluateChoice, pairChoiceInput } from './pair-model';
import type { PairChoiceInput } from './pair-model';

/** A symmetric triangle of wishes with cap 1: the LP takes half of each pair, one pair can meet. */
const triangle = () =>
  makeEvent({
    clusters: ['a', 'b', 'c'],
    event: { maxMeetingsPerCluster: 1 },
    wishes: [...wishList('a', 'b', 'c'), ...wishList('b', 'c', 'a'), ...wishList('c', 'a', 'b')],
  });

describe('computeBound', () => {
  it('is the exact optimum of the pair choice when the program finishes (source mip)', async () => {
    const bound = await computeBound(buildProblem(triangle()));
    expect(bound).toEqual({ servedClusters: 2, wishScore: 9, source: 'mip' });
  });

  it('falls back to the LP relaxation, each figure rounded down (source lp)', async () => {
    const input = pairChoiceInput(buildProblem(triangle()));
    expect(await pairChoiceBound(input, { mipSeconds: 0 })).toEqual({
      servedClusters: 3,
      wishScore: 13,
      source: 'lp',
    });
  });

  it('counts fixed meetings: their wishes served and their weights', async () => {
    const event = makeEvent({
      wishes: [...mutualWish('a', 'b', 1, 2), wish('c', 'd', 3)],
      fixed: [{ clusters: ['c', 'd'] }],
    });
    // a–b: 5 + 4; c–d fixed: 3; served a, b, c.
    expect(await computeBound(buildProblem(event))).toEqual({
      servedClusters: 3,
      wishScore: 12,
      source: 'mip',
    });
    expect(await relaxationBound(pairChoiceInput(buildProblem(event)), 5)).toEqual({
      servedClusters: 3,
      wishScore: 12,
      source: 'lp',
    });
  });

  it('has a combinatorial fallback: every reachable wisher served, the heaviest candidates the room holds', () => {
    const input = pairChoiceInput(buildProblem(triangle()));
    expect(combinatorialBound(input)).toEqual({ servedClusters: 3, wishScore: 27, source: 'combinatorial' });
  });
});

const inputArbitrary = fc
  .record({
    n: fc.integer({ min: 2, max: 8 }),
    edges: fc.array(
      fc.record({ a: fc.nat(7), b: fc.nat(7), rankAB: fc.integer({ min: 1, max: 3 }), rankBA: fc.nat(3) }),
      { maxLength: 12 },
    ),
    capacity: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 8, maxLength: 8 }),
    room: fc.integer({ min: 0, max: 8 }),
  })
  .map(({ n, edges, capacity, room }): PairChoiceInput => {
    const seen = new Set<string>();
    const candidates: CandidatePair[] = [];
    const wishers = new Array<boolean>(n).fill(false);
    for (const edge of edges) {
      const a = Math.min(edge.a % n, edge.b % n);
      const b = Math.max(edge.a % n, edge.b % n);
      if (a === b || seen.has(`${a}-${b}`)) continue;
      seen.add(`${a}-${b}`);
      wishers[a] = true;
      if (edge.rankBA) wishers[b] = true;
      const weight = 4 - edge.rankAB + (edge.rankBA ? 4 - edge.rankBA : 0);
      candidates.push({ a, b, rankAB: edge.rankAB, rankBA: edge.rankBA, weight, commonSlots: [0, 1, 2, 3] });
    }
    return {
      clusterCount: n,
      candidates,
      capacity: capacity.slice(0, n),
      roomCapacity: room,
      wishers,
      served: new Array<boolean>(n).fill(false),
      baseScore: 0,
    };
  });

describe('bounds on random inputs', () => {
  it('no feasible choice beats any bound; mip ≤ lp ≤ combinatorial figure by figure', async () => {
    await fc.assert(
      fc.asyncProperty(inputArbitrary, async (input) => {
        const mip = await pairChoiceBound(input);
        const lp = await pairChoiceBound(input, { mipSeconds: 0 });
        const combinatorial = combinatorialBound(input);
        expect(mip.source).toBe('mip');
        expect(lp.source).toBe('lp');
        for (const [low, high] of [
          [mip, lp],
          [lp, combinatorial],
        ]) {
          expect(low.servedClusters).toBeLessThanOrEqual(high.servedClusters);
          expect(low.wishScore).toBeLessThanOrEqual(high.wishScore);
        }
        // The exact bound is reached by the best choice, and beaten by none.
        const best = await choosePairs(input, { deadline: Date.now() + 10_000 });
        expect(best.value).toEqual({ servedClusters: mip.servedClusters, wishScore: mip.wishScore });
        expect(compareValues(evaluateChoice(input, []), best.value)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 40, seed: 1789 },
    );
  });
});
