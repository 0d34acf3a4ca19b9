import type { CandidatePair } from '../problem';
import { heuristicChoice } from './heuristic';
import { buildPairModel, highsOverheadSeconds, isIntegral, solvePairModel } from './mip';
import type { PairModel, PairModelSolution } from './mip';
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
  /** The local search from a fractional LP optimum reached the LP's figures: optimal, proven. */
  | 'lp-rounding'
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

  const variables = usable.length + input.clusterCount;
  const share = method === 'mip' ? 1 : (options.mipShare ?? 0.7);
  const budget = () => ((options.deadline - Date.now()) / 1000) * share;
  // HiGHS does not count reading the model in its time limit: skip it when that alone would not fit.
  const exactFits = () => method === 'mip' || budget() > 1.5 * highsOverheadSeconds(variables);
  if (method !== 'heuristic' && variables <= MIP_MAX_COLUMNS && exactFits()) {
    // The LP relaxation first: it is cheap, and when its optimum is integral it is the exact optimum.
    const relaxed = buildPairModel(input, { objective: 'lexicographic', integer: false });
    const lp = await solvePairModel(input, relaxed, { timeLimitSeconds: budget() });
    if (lp.optimal && isIntegral(relaxed, lp)) {
      const choice = choiceFrom(input, lp.x as Float64Array, 'lp-integral', true);
      if (choice) return choice;
    }
    if (lp.optimal && lp.x && lp.s) {
      // A fractional LP optimum often hides an integral one of the same value: start the local search
      // from its integral part; reaching the LP's figures proves optimality.
      const x = lp.x;
      const start = relaxed.columns.filter((e) => x[e] > 1 - 1e-6);
      const indexes = heuristicChoice(input, {
        deadline: Math.min(options.deadline, Date.now() + 2000),
        start,
      });
      const pairs = indexes.map((e) => input.candidates[e]);
      const choice: PairChoice = {
        indexes,
        pairs,
        value: evaluateChoice(input, pairs),
        method: 'lp-rounding',
        optimal: false,
      };
      if (reachesRelaxation(input, relaxed, lp, choice.value)) return { ...choice, optimal: true };
      consider({ ...choice, method: 'heuristic' });
    }
    if (exactFits()) {
      const model = buildPairModel(input, { objective: 'lexicographic', integer: true });
      const solution = await solvePairModel(input, model, { timeLimitSeconds: budget() });
      if (solution.x) {
        const kind = solution.optimal ? 'mip' : 'mip-time-limit';
        const choice = choiceFrom(input, solution.x, kind, solution.optimal);
        if (choice?.optimal) return choice;
        if (choice) consider(choice);
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

/**
 * Does the value reach the lexicographic LP optimum? Only when the LP's served figure is integral:
 * then no choice serves more, and none serving as many scores more than the LP's score.
 */
function reachesRelaxation(
  input: PairChoiceInput,
  model: PairModel,
  lp: PairModelSolution,
  value: PairChoiceValue,
): boolean {
  const x = lp.x as Float64Array;
  const s = lp.s as Float64Array;
  let served = input.served.filter((isServed, c) => isServed && input.wishers[c]).length;
  for (const c of model.servedColumns) served += s[c];
  let score = input.baseScore;
  for (const e of model.columns) score += input.candidates[e].weight * x[e];
  const servedRounded = Math.round(served);
  if (Math.abs(served - servedRounded) > 1e-6) return false;
  return value.servedClusters >= servedRounded && value.wishScore >= Math.floor(score + 1e-6);
}
