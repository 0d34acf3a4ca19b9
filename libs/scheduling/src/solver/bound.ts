import type { QualityBound } from '../model';
import type { Problem } from '../problem';
import { buildPairModel, isIntegral, solvePairModel } from './mip';
import { evaluateChoice, isFeasibleChoice, pairChoiceInput } from './pair-model';
import type { PairChoiceInput } from './pair-model';

/**
 * Upper bounds of served clusters and wish score: no valid schedule can beat them.
 *  - `mip`: the exact optimum of the pair choice (lexicographic: max served, then max score with
 *    served at its optimum), when HiGHS proves it within the budget (an integral optimum of the LP
 *    relaxation is that optimum too);
 *  - `lp`: otherwise the LP relaxation, each figure maximised on its own and rounded down;
 *  - `combinatorial`: when even the LP does not finish: every wisher that has a candidate is served
 *    and every candidate is chosen (capped by the room).
 * The pair choice is the contract's (caps, exclusions, pairing policy, fixed meetings, a common
 * available slot, at most tables × slots meetings) with constraints that every valid schedule
 * satisfies anyway (rules 3 and 5), so the bound stays a bound and gets tighter: a cluster takes no
 * more meetings than it has available slots, and no more pairs needing the same few slots than there
 * are such slots (pair-model.ts, slotLimits).
 */
export interface BoundOptions {
  /** Budget of the exact program, seconds (default 10). */
  mipSeconds?: number;
  /** Budget of each LP relaxation, seconds (default 10). */
  lpSeconds?: number;
}

export async function computeBound(problem: Problem, options: BoundOptions = {}): Promise<QualityBound> {
  return pairChoiceBound(pairChoiceInput(problem), options);
}

export async function pairChoiceBound(
  input: PairChoiceInput,
  options: BoundOptions = {},
): Promise<QualityBound> {
  const mipSeconds = options.mipSeconds ?? 10;
  if (mipSeconds > 0) {
    const started = Date.now();
    const relaxed = buildPairModel(input, { objective: 'lexicographic', integer: false });
    const lp = await solvePairModel(input, relaxed, { timeLimitSeconds: mipSeconds });
    const exact = lp.optimal && isIntegral(relaxed, lp) ? lp : undefined;
    const solution =
      exact ??
      (await solvePairModel(input, buildPairModel(input, { objective: 'lexicographic', integer: true }), {
        timeLimitSeconds: mipSeconds - (Date.now() - started) / 1000,
      }));
    if (solution.optimal && solution.x) {
      const pairs = input.candidates.filter((_, e) => (solution.x as Float64Array)[e] > 0.5);
      if (isFeasibleChoice(input, pairs)) {
        const value = evaluateChoice(input, pairs);
        return { servedClusters: value.servedClusters, wishScore: value.wishScore, source: 'mip' };
      }
    }
  }
  return relaxationBound(input, options.lpSeconds ?? 10);
}

/** The LP relaxation bound (or the combinatorial one when the LP does not finish). */
export async function relaxationBound(input: PairChoiceInput, lpSeconds: number): Promise<QualityBound> {
  const alreadyServed = input.served.filter((served, c) => served && input.wishers[c]).length;
  const served = await solvePairModel(input, buildPairModel(input, { objective: 'served', integer: false }), {
    timeLimitSeconds: lpSeconds,
  });
  const score = await solvePairModel(input, buildPairModel(input, { objective: 'score', integer: false }), {
    timeLimitSeconds: lpSeconds,
  });
  if (served.optimal && score.optimal && served.objective !== undefined && score.objective !== undefined) {
    return {
      servedClusters: alreadyServed + Math.floor(served.objective + 1e-6),
      wishScore: input.baseScore + Math.floor(score.objective + 1e-6),
      source: 'lp',
    };
  }
  return combinatorialBound(input);
}

export function combinatorialBound(input: PairChoiceInput): QualityBound {
  const usable = input.candidates.filter((p) => input.capacity[p.a] > 0 && input.capacity[p.b] > 0);
  const reachable = input.served.slice();
  for (const pair of usable) {
    if (pair.rankAB > 0) reachable[pair.a] = true;
    if (pair.rankBA > 0) reachable[pair.b] = true;
  }
  const weights = usable.map((p) => p.weight).sort((x, y) => y - x);
  const wishScore = weights.slice(0, Math.max(0, input.roomCapacity)).reduce((sum, w) => sum + w, 0);
  return {
    servedClusters: reachable.filter((served, c) => served && input.wishers[c]).length,
    wishScore: input.baseScore + wishScore,
    source: 'combinatorial',
  };
}
