import type { Highs } from 'highs';
import { setFlagsFromString } from 'v8';
import { slotLimits } from './pair-model';
import type { PairChoiceInput } from './pair-model';

/**
 * The pair choice as a mixed-integer program, solved by HiGHS (WebAssembly, no I/O) from CPLEX LP
 * text. x_e ∈ {0,1} chooses candidate e; s_c ∈ {0,1} says wisher c is served, allowed only when
 * one of c's own wishes is chosen:
 *   Σ_{e∋c} x_e ≤ capacity_c,   s_c ≤ Σ_{e∋c, c wished e} x_e,   Σ_e x_e ≤ roomCapacity,
 * and the slot limits of pair-model.ts (a cluster's pairs that all need the same few slots).
 */

type HighsLoader = () => Promise<Highs>;
let highsModule: Promise<Highs> | undefined;

/** Loads the HiGHS module once and caches it. */
export function loadHighs(): Promise<Highs> {
  if (!highsModule) {
    // HiGHS's WebAssembly runs on V8's baseline code (Liftoff) only: re-compiling its hot functions
    // with the optimising tier (TurboFan) costs more than it saves on solves of seconds. Measured on
    // the benchmark (whole CLI process, 2 cores, busy machine): 400 clusters 2.8 → 1.6 s (CPU 2.3 →
    // 1.2 s), 3,000 clusters 12.3 → 11.2 s, the same schedules (WebAssembly arithmetic does not
    // depend on the tier). The price: a long branch and bound explores about 55% of the nodes it
    // would in the same time (15 s runs: 41 against 75 nodes); a higher tiering budget
    // (--wasm-tiering-budget ×100) was in between on both. Set before the module is compiled; it
    // concerns WebAssembly only.
    setFlagsFromString('--liftoff-only');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loader = require('highs') as HighsLoader;
    highsModule = loader();
    highsModule.catch(() => (highsModule = undefined));
  }
  return highsModule;
}

/** A failed WebAssembly run may leave the module unusable: the next solve loads a fresh one. */
function discardHighs(): void {
  highsModule = undefined;
  warm = false;
}

/** Has HiGHS run once in this process (its WebAssembly code compiled and warmed up)? */
let warm = false;

/**
 * Seconds HiGHS spends outside its own time limit on a model of this many variables (reading the
 * LP text, setting up, returning the solution), more on its first run in a process. Measured on
 * a 2-core machine: about 0.6 s cold, then 20–25 µs per variable.
 */
export function highsOverheadSeconds(variables: number): number {
  return (warm ? 0.05 : 0.6) + 3e-5 * variables;
}

export type PairObjective =
  /** M·served + score with M above any score: the lexicographic order in one objective. */
  'lexicographic' | 'served' | 'score';

export interface PairModelOptions {
  objective: PairObjective;
  /** false: the LP relaxation (0 ≤ x, s ≤ 1). */
  integer: boolean;
  /** Adds Σ s_c ≥ minServed (counting only the wishers not served before the choice). */
  minNewServed?: number;
}

export interface PairModel {
  lp: string;
  integer: boolean;
  /** Number of variables (x and s). */
  variables: number;
  /** Candidate indexes that are variables (the others cannot be chosen: a side has no capacity). */
  columns: number[];
  /** Wishers that have a served variable. */
  servedColumns: number[];
  /** The weight of one served cluster in the lexicographic objective. */
  servedWeight: number;
}

const TERMS_PER_LINE = 12;
/** Below this many variables, the LP relaxation is solved without presolve. */
const SMALL_LP_VARIABLES = 1000;

function writeSum(terms: string[], lines: string[], head: string): void {
  if (terms.length === 0) {
    lines.push(`${head} 0 x_dummy`);
    return;
  }
  for (let i = 0; i < terms.length; i += TERMS_PER_LINE) {
    const chunk = terms.slice(i, i + TERMS_PER_LINE).join(' + ');
    lines.push(i === 0 ? `${head} ${chunk}` : ` + ${chunk}`);
  }
}

export function buildPairModel(input: PairChoiceInput, options: PairModelOptions): PairModel {
  const n = input.clusterCount;
  const columns: number[] = [];
  const incident: number[][] = Array.from({ length: n }, () => []);
  const serving: number[][] = Array.from({ length: n }, () => []);
  let totalWeight = 0;
  input.candidates.forEach((pair, e) => {
    if (input.capacity[pair.a] <= 0 || input.capacity[pair.b] <= 0) return;
    columns.push(e);
    incident[pair.a].push(e);
    incident[pair.b].push(e);
    if (pair.rankAB > 0) serving[pair.a].push(e);
    if (pair.rankBA > 0) serving[pair.b].push(e);
    totalWeight += pair.weight;
  });
  const servedColumns: number[] = [];
  for (let c = 0; c < n; c++) {
    if (input.wishers[c] && !input.served[c] && serving[c].length > 0) servedColumns.push(c);
  }
  const servedWeight = totalWeight + 1;

  const objective: string[] = [];
  if (options.objective !== 'score') {
    const coefficient = options.objective === 'served' ? 1 : servedWeight;
    for (const c of servedColumns) objective.push(`${coefficient} s${c}`);
  }
  if (options.objective !== 'served') {
    for (const e of columns) objective.push(`${input.candidates[e].weight} x${e}`);
  }

  const lines: string[] = ['Maximize'];
  writeSum(objective, lines, ' obj:');
  lines.push('Subject To');
  for (let c = 0; c < n; c++) {
    if (incident[c].length > input.capacity[c]) {
      writeSum(
        incident[c].map((e) => `x${e}`),
        lines,
        ` cap${c}:`,
      );
      lines.push(` <= ${input.capacity[c]}`);
    }
  }
  for (const c of servedColumns) {
    lines.push(` srv${c}: s${c}`);
    for (let i = 0; i < serving[c].length; i += TERMS_PER_LINE) {
      lines.push(
        ' ' +
          serving[c]
            .slice(i, i + TERMS_PER_LINE)
            .map((e) => `- x${e}`)
            .join(' '),
      );
    }
    lines.push(' <= 0');
  }
  slotLimits(input).forEach((limit, i) => {
    writeSum(
      limit.members.map((e) => `x${e}`),
      lines,
      ` slots${i}:`,
    );
    lines.push(` <= ${limit.limit}`);
  });
  if (columns.length > input.roomCapacity) {
    writeSum(
      columns.map((e) => `x${e}`),
      lines,
      ' room:',
    );
    lines.push(` <= ${input.roomCapacity}`);
  }
  if (options.minNewServed !== undefined && servedColumns.length > 0) {
    writeSum(
      servedColumns.map((c) => `s${c}`),
      lines,
      ' minserved:',
    );
    lines.push(` >= ${options.minNewServed}`);
  }
  if (columns.length === 0 && servedColumns.length === 0) lines.push(' none: x_dummy <= 0');
  lines.push('Bounds');
  const variables = [...columns.map((e) => `x${e}`), ...servedColumns.map((c) => `s${c}`)];
  if (variables.length === 0) lines.push(' 0 <= x_dummy <= 0');
  if (!options.integer) for (const v of variables) lines.push(` 0 <= ${v} <= 1`);
  if (options.integer && variables.length > 0) {
    lines.push('Binary');
    for (let i = 0; i < variables.length; i += TERMS_PER_LINE) {
      lines.push(' ' + variables.slice(i, i + TERMS_PER_LINE).join(' '));
    }
  }
  lines.push('End');
  return {
    lp: lines.join('\n'),
    integer: options.integer,
    variables: columns.length + servedColumns.length,
    columns,
    servedColumns,
    servedWeight,
  };
}

export interface PairModelSolution {
  /** HiGHS model status, e.g. `Optimal`, `Time limit reached`. */
  status: string;
  /** Proven optimal (MIP within a zero gap, or LP optimal). */
  optimal: boolean;
  /** Value of x per candidate index (absent when HiGHS found no solution). */
  x?: Float64Array;
  /** Value of s per cluster (absent when HiGHS found no solution). */
  s?: Float64Array;
  objective?: number;
}

/** Every variable of a solution at 0 or 1 (an integral LP optimum is the exact optimum of the program). */
export function isIntegral(model: PairModel, solution: PairModelSolution, tolerance = 1e-6): boolean {
  if (!solution.x || !solution.s) return false;
  const near = (v: number) => Math.abs(v) <= tolerance || Math.abs(v - 1) <= tolerance;
  return (
    model.columns.every((e) => near((solution.x as Float64Array)[e])) &&
    model.servedColumns.every((c) => near((solution.s as Float64Array)[c]))
  );
}

export interface SolveModelOptions {
  timeLimitSeconds: number;
}

/** Solves a pair model; never throws for a solver failure (status `Error: …` instead). */
export async function solvePairModel(
  input: PairChoiceInput,
  model: PairModel,
  options: SolveModelOptions,
): Promise<PairModelSolution> {
  if (options.timeLimitSeconds <= 0.01) return { status: 'Time limit reached', optimal: false };
  let highs: Highs;
  try {
    highs = await loadHighs();
  } catch (error) {
    return { status: `Error: ${(error as Error).message}`, optimal: false };
  }
  let result: ReturnType<Highs['solve']>;
  try {
    result = highs.solve(model.lp, {
      time_limit: options.timeLimitSeconds,
      mip_rel_gap: 0,
      // Objectives are integers: a gap below 1 proves optimality.
      mip_abs_gap: 0.5,
      output_flag: false,
      random_seed: 0,
      threads: 1,
      // On small LPs, presolve costs more (a cold WebAssembly code path) than it saves.
      ...(model.integer || model.variables >= SMALL_LP_VARIABLES ? {} : { presolve: 'off' as const }),
    });
  } catch (error) {
    discardHighs();
    return { status: `Error: ${(error as Error).message}`, optimal: false };
  }
  warm = true;
  const status = result.Status;
  const hasSolution =
    status === 'Optimal' ||
    ((status === 'Time limit reached' || status === 'Iteration limit reached' || status === 'Unknown') &&
      Number.isFinite(result.ObjectiveValue) &&
      Object.keys(result.Columns).length > 0);
  if (!hasSolution) return { status, optimal: false };
  const x = new Float64Array(input.candidates.length);
  const s = new Float64Array(input.clusterCount);
  const columns = result.Columns as Record<string, { Primal?: number }>;
  for (const e of model.columns) x[e] = columns[`x${e}`]?.Primal ?? 0;
  for (const c of model.servedColumns) s[c] = columns[`s${c}`]?.Primal ?? 0;
  return { status, optimal: status === 'Optimal', x, s, objective: result.ObjectiveValue };
}
