import type { CandidatePair } from '../problem';
import { heuristicChoice } from './heuristic';
import { buildPairModel, isIntegral, solvePairModel } from './mip';
import { compareValues, evaluateChoice, isFeasibleChoice } from './pair-model';
import type { PairChoiceInput, PairChoiceValue } from './pair-model';

/**
 * Which pairs meet: maximise served clusters first, then wish score, under each cluster's capacity
 * and the room's capacity (a b-matching with a "served" indicator per wisher and one global
 * cardinality constraint).
 *
 * `auto`: the exact program (HiGHS) when its size allows, with a time limit: first its LP relaxation
 * (when the LP optimum is integral, it is the exact optimum), then the mixed-integer program; unless
 * optimality was proven, the heuristic of heuristic.ts runs with the time left; the best feasible
 * choice wins.
 */
export type PairChoiceMethod =
  /** The LP relaxation had an integral optimum: the exact optimum, proven. */
  | 'lp-integral'
  /** The mixed-integer program, solved to optimality. */
  | 'mip'
  /** The mixed-integer program stopped by its time limit (its best solution, not proven). */
  | 'mip-time-limit'
  | 'heuristic';

export interface PairChoice {
  /** Indexes into input.candidates, ascending. */
  indexes: number[];
  pairs: CandidatePair[];
  value: PairChoiceValue;
  method: PairChoiceMethod;
  /** Proven optimal for this input (the exact program finished). */
  optimal: boolean;
}

export interface ChoosePairsOptions {
  /** Epoch milliseconds. */
  deadline: number;
  method?: 'auto' | 'mip' | 'heuristic';
  /** Share of the time left given to the exact program before the heuristic runs (default 0.7). */
  mipShare?: number;
}

/** Above this many variables, the exact program is not tried (its text alone gets large). */
export const MIP_MAX_COLUMNS = 200_000;

export async function choosePairs(input: PairChoiceInput, options: ChoosePairsOptions): Promise<PairChoice> {
  const method = options.method ?? 'auto';
  const usable = input.candidates.filter((p) => input.capacity[p.a] > 0 && input.capacity[p.b] > 0);
  if (usable.length === 0 || input.roomCapacity <= 0) {
    return {
      indexes: [],
      pairs: [],
      value: evaluateChoice(input, []),
      method: 'mip',
      optimal: true,
    };
  }

  let best: PairChoice | undefined;
  const consider = (choice: PairChoice) => {
    if (!best || compareValues(choice.value, best.value) > 0) best = choice;
  };

  if (method !== 'heuristic' && usable.length + input.clusterCount <= MIP_MAX_COLUMNS) {
    const share = method === 'mip' ? 1 : (options.mipShare ?? 0.7);
    const budget = () => ((options.deadline - Date.now()) / 1000) * share;
    // The LP relaxation first: it is cheap, and when its optimum is integral it is the exact optimum.
    const relaxed = buildPairModel(input, { objective: 'lexicographic', integer: false });
    const lp = await solvePairModel(input, relaxed, { timeLimitSeconds: budget() });
    if (lp.optimal && isIntegral(relaxed, lp)) {
      const choice = choiceFrom(input, lp.x as Float64Array, 'lp-integral', true);
      if (choice) return choice;
    }
    const model = buildPairModel(input, { objective: 'lexicographic', integer: true });
    const solution = await solvePairModel(input, model, { timeLimitSeconds: budget() });
    if (solution.x) {
      const choice = choiceFrom(
        input,
        solution.x,
        solution.optimal ? 'mip' : 'mip-time-limit',
        solution.optimal,
      );
      if (choice?.optimal) return choice;
      if (choice) consider(choice);
    }
  }

  if (method !== 'mip' || !best) {
    const indexes = heuristicChoice(input, { deadline: options.deadline });
    const pairs = indexes.map((e) => input.candidates[e]);
    consider({ indexes, pairs, value: evaluateChoice(input, pairs), method: 'heuristic', optimal: false });
  }
  return best as PairChoice;
}

/** The choice of a program's solution (x > 0.5), or undefined when it is not feasible. */
function choiceFrom(
  input: PairChoiceInput,
  x: Float64Array,
  method: PairChoiceMethod,
  optimal: boolean,
): PairChoice | undefined {
  const indexes: number[] = [];
  x.forEach((value, e) => {
    if (value > 0.5) indexes.push(e);
  });
  const pairs = indexes.map((e) => input.candidates[e]);
  if (!isFeasibleChoice(input, pairs)) return undefined;
  return { indexes, pairs, value: evaluateChoice(input, pairs), method, optimal };
}
