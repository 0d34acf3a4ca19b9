import type { CandidatePair } from '../problem';
import { heuristicChoice } from './heuristic';
import { buildPairModel, solvePairModel } from './mip';
import { compareValues, evaluateChoice, isFeasibleChoice } from './pair-model';
import type { PairChoiceInput, PairChoiceValue } from './pair-model';

/**
 * Which pairs meet: maximise served clusters first, then wish score, under each cluster's capacity
 * and the room's capacity (a b-matching with a "served" indicator per wisher and one global
 * cardinality constraint).
 *
 * `auto`: the exact program (HiGHS) when its size allows, with a time limit; then, unless it proved
 * optimality, the heuristic of heuristic.ts with the time left; the best feasible choice wins.
 */
export type PairChoiceMethod = 'mip' | 'mip-time-limit' | 'heuristic';

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
    const seconds = ((options.deadline - Date.now()) / 1000) * share;
    const model = buildPairModel(input, { objective: 'lexicographic', integer: true });
    const solution = await solvePairModel(input, model, { timeLimitSeconds: seconds });
    if (solution.x) {
      const indexes: number[] = [];
      solution.x.forEach((value, e) => {
        if (value > 0.5) indexes.push(e);
      });
      const pairs = indexes.map((e) => input.candidates[e]);
      if (isFeasibleChoice(input, pairs)) {
        const choice: PairChoice = {
          indexes,
          pairs,
          value: evaluateChoice(input, pairs),
          method: solution.optimal ? 'mip' : 'mip-time-limit',
          optimal: solution.optimal,
        };
        if (choice.optimal) return choice;
        consider(choice);
      }
    }
  }

  if (method !== 'mip' || !best) {
    const indexes = heuristicChoice(input, { deadline: options.deadline });
    const pairs = indexes.map((e) => input.candidates[e]);
    consider({ indexes, pairs, value: evaluateChoice(input, pairs), method: 'heuristic', optimal: false });
  }
  return best as PairChoice;
}
