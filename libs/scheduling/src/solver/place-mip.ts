/**
 * Idle slots with the tables counted: a mixed-integer program of the placement of a given set of
 * meetings (the chosen pairs), solved by HiGHS. It gives a lower bound on the idle slots that
 * knows the table limit (idle-bound.ts ignores it), and on small events the exact minimum and a
 * placement that reaches it.
 *
 * Time-indexed with agenda patterns:
 * - x[e,s] ∈ {0,1}: meeting e is in slot s (slots both its clusters are available for; a fixed
 *   meeting only its pinned slot); Σ_s x[e,s] = 1;
 * - Σ_e x[e,s] ≤ tables in every slot, and meetings pinned to one table never share a slot;
 * - for each cluster c, w[c,P] ≥ 0 over "patterns" P (the sets of slots its meetings could
 *   occupy, each costing the idle slots of that agenda as the contract counts them: available
 *   slots between the first and the last meeting, minus the meetings): Σ_P w[c,P] = 1 and, in every
 *   slot, Σ_{e∋c} x[e,s] = Σ_{P∋s} w[c,P];
 * - minimise Σ cost·w.
 * With every pattern listed, the program's optimum is the fewest idle slots of any valid placement
 * of these meetings. When a cluster has too many patterns, only those of at most `K` idle slots are
 * listed and one "any other agenda" column costing K + 1 (with r[c,s] ≤ it, Σ_s r[c,s] = degree · it,
 * added to the slot equations) stands for the rest: every placement is still feasible and costs at
 * most its true idle slots, so the optimum stays a valid lower bound.
 *
 * The pattern columns make the relaxation much stronger than start/end indicators: on the
 * 40-cluster benchmark (a room exactly full) its LP value is 5, where the tables-ignored bound is 0.
 *
 * Deterministic: HiGHS runs on one thread with a fixed seed and a node limit; a run stopped by a
 * time limit instead (the solve's deadline, or 6 s on a very slow machine) is discarded and the LP
 * bound used.
 */
import type { Highs } from 'highs';
import type { Meeting } from '../model';
import type { Problem } from '../problem';
import { loadHighs } from './mip';
import { meetingsAsPlaced, placementStateOf } from './place';
import type { PlacementState } from './place-state';

export interface IdleModelOptions {
  /**
   * List every pattern of a cluster when it has at most this many (default 400); otherwise only
   * those of at most `fewIdle` idle slots and one column for the rest.
   */
  maxPatternsPerCluster?: number;
  /** See `maxPatternsPerCluster` (default 1). */
  fewIdle?: number;
  /** Give up (undefined) beyond this many columns (default 200,000). */
  maxColumns?: number;
  /**
   * At most this many clusters may have an idle slot (a row over the "any other agenda" columns);
   * 0 leaves those columns out: with `fewIdle` 0, only gap-free agendas remain (default: no limit).
   */
  maxGapped?: number;
}

/** The program in HiGHS's structured form (rows in CSR), with the columns of each meeting. */
export interface IdleModel {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colUpper: Float64Array;
  integrality: Int32Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  /** slotColumns[e] = [[slot, column], …] for meeting e. */
  slotColumns: [number, number][][];
  /** The placement of the state as a solution vector (a MIP start). */
  start: Float64Array;
  /** True when some cluster's patterns were cut to few idle slots (the optimum is then a bound). */
  truncated: boolean;
}

/** Program rows under construction. */
class Rows {
  lower: number[] = [];
  upper: number[] = [];
  starts: number[] = [0];
  indices: number[] = [];
  values: number[] = [];

  add(lower: number, upper: number, columns: number[], coefficients?: number[]): void {
    for (let i = 0; i < columns.length; i++) {
      this.indices.push(columns[i]);
      this.values.push(coefficients ? coefficients[i] : 1);
    }
    this.starts.push(this.indices.length);
    this.lower.push(lower);
    this.upper.push(upper);
  }

  get count(): number {
    return this.lower.length;
  }
}

/**
 * The program of the placement in `st` (every placed meeting; pinned slots kept); undefined when it
 * would exceed `maxColumns`.
 */
export function buildIdleModel(st: PlacementState, options: IdleModelOptions = {}): IdleModel | undefined {
  const { S, T, n } = st;
  const maxPatterns = options.maxPatternsPerCluster ?? 400;
  const fewIdle = options.fewIdle ?? 1;
  const maxColumns = options.maxColumns ?? 200_000;
  const maxGapped = options.maxGapped ?? Infinity;
  const others: number[] = [];
  const cost: number[] = [];
  const upper: number[] = [];
  const integer: number[] = [];
  const start: number[] = [];
  const column = (c: number, ub: number, isInteger: boolean, value: number): number => {
    cost.push(c);
    upper.push(ub);
    integer.push(isInteger ? 1 : 0);
    start.push(value);
    return cost.length - 1;
  };
  const rows = new Rows();
  const edges: number[] = [];
  for (let e = 0; e < st.m; e++) if (st.slotOf[e] >= 0) edges.push(e);
  if (edges.length > maxColumns) return undefined;
  const incident: number[][] = Array.from({ length: n }, () => []);
  for (const e of edges) {
    incident[st.ea[e]].push(e);
    incident[st.eb[e]].push(e);
  }

  // Meetings: one slot each.
  const slotColumns: [number, number][][] = Array.from({ length: st.m }, () => []);
  for (const e of edges) {
    const pinned = st.pinnedSlot[e];
    for (let s = 0; s < S; s++) {
      if (pinned >= 0 ? s !== pinned : !st.allowed(e, s)) continue;
      slotColumns[e].push([s, column(0, 1, true, st.slotOf[e] === s ? 1 : 0)]);
    }
    rows.add(
      1,
      1,
      slotColumns[e].map(([, x]) => x),
    );
  }
  if (cost.length > maxColumns) return undefined;
  // Tables: per slot, and per pinned table.
  const inSlot: number[][] = Array.from({ length: S }, () => []);
  const pinnedTo = new Map<number, number[]>();
  for (const e of edges) {
    for (const [s, x] of slotColumns[e]) inSlot[s].push(x);
    const t = st.pinnedTable[e];
    if (t > 0) pinnedTo.set(t, [...(pinnedTo.get(t) ?? []), e]);
  }
  for (let s = 0; s < S; s++) if (inSlot[s].length > T) rows.add(-Infinity, T, inSlot[s]);
  for (const sharing of pinnedTo.values()) {
    if (sharing.length < 2) continue;
    for (let s = 0; s < S; s++) {
      const xs = sharing.flatMap((e) => slotColumns[e].filter(([t]) => t === s).map(([, x]) => x));
      if (xs.length > 1) rows.add(-Infinity, 1, xs);
    }
  }

  // Clusters: agenda patterns.
  let truncated = false;
  for (let c = 0; c < n; c++) {
    const mine = incident[c];
    const d = mine.length;
    // One meeting: no idle slot whatever its slot, nothing to model.
    if (d <= 1) continue;
    const possible = new Set<number>();
    for (const e of mine) for (const [s] of slotColumns[e]) possible.add(s);
    const candidates = [...possible].sort((x, y) => x - y);
    const current = mine.map((e) => st.slotOf[e]).sort((x, y) => x - y);
    const prefix = c * (S + 1);
    const availableBetween = (first: number, last: number) =>
      st.availPrefix[prefix + last + 1] - st.availPrefix[prefix + first];
    const worst = availableBetween(candidates[0], candidates[candidates.length - 1]) - d;
    const all = binomial(candidates.length, d) <= maxPatterns;
    const limit = all ? Infinity : fewIdle;
    const patterns = listPatterns(candidates, d, limit, availableBetween);
    if (patterns === undefined || cost.length + patterns.length > maxColumns) return undefined;
    const slotRow = new Map<number, { columns: number[]; coefficients: number[] }>();
    for (const s of candidates) slotRow.set(s, { columns: [], coefficients: [] });
    for (const e of mine) {
      for (const [s, x] of slotColumns[e]) {
        const row = slotRow.get(s) as { columns: number[]; coefficients: number[] };
        row.columns.push(x);
        row.coefficients.push(1);
      }
    }
    const convexity: number[] = [];
    const currentKey = current.join(',');
    for (const pattern of patterns) {
      const idle = availableBetween(pattern[0], pattern[d - 1]) - d;
      const w = column(idle, 1, false, pattern.join(',') === currentKey ? 1 : 0);
      convexity.push(w);
      for (const s of pattern) {
        const row = slotRow.get(s) as { columns: number[]; coefficients: number[] };
        row.columns.push(w);
        row.coefficients.push(-1);
      }
    }
    if (worst > limit && maxGapped > 0) {
      truncated = true;
      // "Any other agenda": at least limit + 1 idle slots.
      const currentIdle = availableBetween(current[0], current[d - 1]) - d;
      const other = currentIdle > limit ? 1 : 0;
      const wOther = column(limit + 1, 1, false, other);
      others.push(wOther);
      convexity.push(wOther);
      const spread: number[] = [wOther];
      const spreadCoefficients: number[] = [-d];
      for (const s of candidates) {
        const r = column(0, 1, false, other && current.includes(s) ? 1 : 0);
        const row = slotRow.get(s) as { columns: number[]; coefficients: number[] };
        row.columns.push(r);
        row.coefficients.push(-1);
        rows.add(-Infinity, 0, [r, wOther], [1, -1]);
        spread.push(r);
        spreadCoefficients.push(1);
      }
      rows.add(0, 0, spread, spreadCoefficients);
    }
    for (const s of candidates) {
      const row = slotRow.get(s) as { columns: number[]; coefficients: number[] };
      rows.add(0, 0, row.columns, row.coefficients);
    }
    rows.add(1, 1, convexity);
    if (cost.length > maxColumns) return undefined;
  }
  if (Number.isFinite(maxGapped) && others.length > maxGapped) rows.add(-Infinity, maxGapped, others);

  return {
    numCols: cost.length,
    numRows: rows.count,
    colCost: Float64Array.from(cost),
    colUpper: Float64Array.from(upper),
    integrality: Int32Array.from(integer),
    rowLower: Float64Array.from(rows.lower),
    rowUpper: Float64Array.from(rows.upper),
    starts: Int32Array.from(rows.starts),
    indices: Int32Array.from(rows.indices),
    values: Float64Array.from(rows.values),
    slotColumns,
    start: Float64Array.from(start),
    truncated,
  };
}

/** Number of k-subsets of n things (saturates at 1e9). */
function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let result = 1;
  for (let i = 1; i <= k; i++) {
    result = (result * (n - k + i)) / i;
    if (result > 1e9) return 1e9;
  }
  return Math.round(result);
}

/** Patterns listed per cluster at most (beyond, the model is not built). */
const MAX_LISTED = 50_000;

/**
 * The d-subsets of `candidates` (ascending) whose idle slots (available slots between the first and
 * the last, minus d) are at most `limit`; undefined beyond MAX_LISTED.
 */
function listPatterns(
  candidates: number[],
  d: number,
  limit: number,
  availableBetween: (first: number, last: number) => number,
): number[][] | undefined {
  const patterns: number[][] = [];
  const chosen: number[] = [];
  let overflow = false;
  const extend = (from: number): void => {
    if (overflow) return;
    if (chosen.length === d) {
      if (patterns.length >= MAX_LISTED) overflow = true;
      else patterns.push(chosen.slice());
      return;
    }
    for (let i = from; i <= candidates.length - (d - chosen.length); i++) {
      const s = candidates[i];
      // Later picks come after s: the gaps up to s stay gaps.
      if (chosen.length > 0 && availableBetween(chosen[0], s) - (chosen.length + 1) > limit) break;
      chosen.push(s);
      extend(i + 1);
      chosen.pop();
    }
  };
  extend(0);
  return overflow ? undefined : patterns;
}

export interface IdleProgramResult {
  /** A proven lower bound on the idle slots of any placement (rounded up). */
  bound: number;
  /** The bound is the program's proven optimum (not only its relaxation). */
  optimal: boolean;
  /** A placement found by the MIP (slot per meeting index of the state), when it ran. */
  slots?: Int32Array;
}

export interface IdleProgramOptions {
  /** false: the LP relaxation only (a bound). */
  integer: boolean;
  /** Branch-and-bound nodes at most (a deterministic limit; default 50). */
  nodes?: number;
  /** Seconds at most (the solve's deadline: a run it stops is discarded). */
  timeLimitSeconds: number;
}

/** What one HiGHS run of the program ended with. */
interface ProgramRun {
  status: 'optimal' | 'infeasible' | 'stopped' | 'other';
  /** The LP optimum, or the MIP's proven dual bound. */
  bound: number;
  /** Slot per meeting index of the state in the solution found (-1: none), when there is one. */
  slots?: Int32Array;
}

/**
 * One run of HiGHS on the program: as a MIP (`nodes` at most) with the model's start, or as its LP
 * relaxation; undefined when HiGHS fails.
 */
async function runIdleModel(
  model: IdleModel,
  options: IdleProgramOptions & { withStart?: boolean },
): Promise<ProgramRun | undefined> {
  let highs: Highs;
  try {
    highs = await loadHighs();
  } catch {
    return undefined;
  }
  const codes = highs.constants.modelStatus;
  const infinity = highs.infinity;
  let instance: ReturnType<Highs['createModel']> | undefined;
  try {
    instance = highs.createModel();
    instance.passModel({
      numCols: model.numCols,
      numRows: model.numRows,
      colCost: model.colCost,
      colLower: new Float64Array(model.numCols),
      colUpper: model.colUpper,
      rowLower: model.rowLower.map((v) => (v === -Infinity ? -infinity : v)),
      rowUpper: model.rowUpper.map((v) => (v === Infinity ? infinity : v)),
      matrix: {
        format: 'csr',
        numRows: model.numRows,
        numCols: model.numCols,
        starts: model.starts,
        indices: model.indices,
        values: model.values,
      },
      integrality: options.integer ? model.integrality : new Int32Array(model.numCols),
    });
    instance.options.set({
      time_limit: options.timeLimitSeconds,
      random_seed: 0,
      output_flag: false,
      // Presolve costs the LP more than it saves (a cold WebAssembly code path, as in mip.ts).
      ...(options.integer
        ? { mip_rel_gap: 0, mip_abs_gap: 0.5, mip_max_nodes: options.nodes ?? 50 }
        : { presolve: 'off' }),
    });
    if (options.integer && options.withStart !== false) instance.setSolution({ colValue: model.start });
    const { modelStatus } = instance.run();
    if (modelStatus === codes.infeasible) return { status: 'infeasible', bound: Infinity };
    if (modelStatus === codes.timeLimit || modelStatus === codes.interrupted)
      return { status: 'stopped', bound: 0 };
    const status = modelStatus === codes.optimal ? 'optimal' : 'other';
    if (!options.integer) return { status, bound: status === 'optimal' ? instance.getObjectiveValue() : 0 };
    const dual = Number(instance.info.get('mip_dual_bound'));
    const run: ProgramRun = { status, bound: Number.isFinite(dual) ? dual : 0 };
    const values = instance.getSolution().colValue;
    if (values && values.length === model.numCols) {
      const slots = new Int32Array(model.slotColumns.length).fill(-1);
      model.slotColumns.forEach((columns, e) => {
        for (const [s, x] of columns) if (values[x] > 0.5) slots[e] = s;
      });
      run.slots = slots;
    }
    return run;
  } catch {
    return undefined;
  } finally {
    instance?.dispose();
  }
}

/**
 * Solves the program; undefined when HiGHS fails, the time limit stopped it or the program is
 * infeasible (only with `maxGapped`: the "any other agenda" columns keep it feasible otherwise).
 */
export async function solveIdleModel(
  model: IdleModel,
  options: IdleProgramOptions,
): Promise<IdleProgramResult | undefined> {
  if (options.timeLimitSeconds <= 0.01) return undefined;
  const run = await runIdleModel(model, options);
  if (!run || run.status === 'stopped' || run.status === 'infeasible') return undefined;
  if (!options.integer)
    return run.status === 'optimal' ? { bound: roundUp(run.bound), optimal: false } : undefined;
  return { bound: roundUp(run.bound), optimal: run.status === 'optimal', slots: run.slots };
}

/** Rounds a bound up, forgiving the solver's tolerance. */
function roundUp(value: number): number {
  return Math.max(0, Math.ceil(value - 1e-6));
}

/** Seconds the MIP may take at most (a safety: its node limit normally stops it first). */
const MIP_SECONDS = 6;

/** Patterns per cluster listed in full for the LP bound (more: only those of ≤ LP_FEW_IDLE idle slots). */
const LP_PATTERNS = 20;
const LP_FEW_IDLE = 1;

export interface TableAwareOptions {
  /** Epoch ms: nothing starts past it, and HiGHS gets at most the time left. */
  deadline: number;
  /** A lower bound already known (idle-bound.ts). */
  floor: number;
  /**
   * The MIP runs when the program has at most this many columns (default 600: a root and 50 nodes
   * then take about 2 s on a 2-core machine).
   */
  maxMipColumns?: number;
  /** Else its LP relaxation when at most this many (default 4,000). */
  maxLpColumns?: number;
  /** Node limit of the MIP (default 50). */
  nodes?: number;
}

export type IdleFloorSource = 'combinatorial' | 'lp' | 'mip';

export interface TableAwareResult {
  /** The meetings, re-slotted when the MIP found fewer idle slots (tables assigned again). */
  meetings: Meeting[];
  /** Their idle slots. */
  idleSlots: number;
  /** A lower bound on the idle slots of any placement of these pairs, tables counted. */
  floor: number;
  /** What proved the floor. */
  source: IdleFloorSource;
}

/**
 * Fewer idle slots, or a proof that there cannot be fewer, for a valid placement: the program of
 * this file on the whole event, as a MIP when it is small, else as an LP (a bound only), else not
 * at all. The meetings come back re-slotted only when the MIP found strictly fewer idle slots.
 */
export async function tableAwareIdle(
  problem: Problem,
  meetings: Meeting[],
  options: TableAwareOptions,
): Promise<TableAwareResult> {
  const st = placementStateOf(problem, meetings);
  const idle = st ? st.totalIdle() : 0;
  const unchanged: TableAwareResult = {
    meetings,
    idleSlots: idle,
    floor: st ? Math.min(idle, options.floor) : options.floor,
    source: 'combinatorial',
  };
  if (!st || idle <= options.floor || st.S < 2) return unchanged;
  // The MIP with every pattern listed when it is small; else (or when the deadline stopped it) the LP
  // relaxation with patterns of few idle slots only: a weaker bound, a smaller and faster program.
  const secondsLeft = () => (options.deadline - Date.now()) / 1000;
  let integer = true;
  let result: IdleProgramResult | undefined;
  const mipModel = buildIdleModel(st, { maxColumns: options.maxMipColumns ?? 600 });
  if (mipModel) {
    result = await solveIdleModel(mipModel, {
      integer: true,
      nodes: options.nodes,
      // A safety only (the node limit stops it first, in about 2 s): past it, discarded.
      timeLimitSeconds: Math.min(secondsLeft(), MIP_SECONDS),
    });
  }
  if (!result) {
    integer = false;
    const lpModel = buildIdleModel(st, {
      maxPatternsPerCluster: LP_PATTERNS,
      fewIdle: LP_FEW_IDLE,
      maxColumns: options.maxLpColumns ?? 4_000,
    });
    if (lpModel) result = await solveIdleModel(lpModel, { integer: false, timeLimitSeconds: secondsLeft() });
  }
  if (!result) return unchanged;
  let best = { meetings, idleSlots: idle };
  if (result.slots && result.slots.every((s, e) => st.slotOf[e] < 0 || s >= 0)) {
    const found = reslot(st, result.slots);
    if (found !== undefined && found < idle) {
      best = { meetings: meetingsAsPlaced(st, meetings), idleSlots: found };
    }
  }
  const floor = Math.min(best.idleSlots, Math.max(options.floor, result.bound));
  const source: IdleFloorSource =
    floor > options.floor ? (integer ? 'mip' : 'lp') : ('combinatorial' as const);
  return { ...best, floor, source };
}

/** Is there a placement of the chosen pairs without any idle slot? */
export type ConsecutiveVerdict =
  /** The schedule has none. */
  | 'reached'
  /** No placement of these pairs has every agenda without gaps (proven by the program). */
  | 'impossible'
  /** Not decided within the work allowed (a large program, or its node or time limit). */
  | 'undecided';

export interface ConsecutiveOptions {
  /** Epoch ms: HiGHS gets at most the time left. */
  deadline: number;
  /**
   * Seconds per program at most (default 0.3: enough for HiGHS's presolve to find what makes gaps
   * unavoidable on most events, such as partners' windows and the tables, not for a search; the
   * benchmark gives it minutes).
   */
  seconds?: number;
  /** No program beyond this many columns (default 60,000). */
  maxColumns?: number;
  /** Branch-and-bound nodes per program (default 50; deterministic). */
  nodes?: number;
}

export interface ConsecutiveResult {
  verdict: ConsecutiveVerdict;
  /** The meetings: re-slotted without idle slots when the program found such a placement. */
  meetings: Meeting[];
  /** Proven: at least this many clusters have an idle slot in any placement of these pairs. */
  gappedAtLeast: number;
}

/**
 * Decides whether every cluster's meetings can be consecutive (the third quality figure at zero)
 * for these pairs, tables counted, with the program of this file restricted to gap-free agendas:
 * - infeasible: impossible, and at least one cluster has a gap; the program allowing one gapped
 *   cluster is then tried too (infeasible: at least two, hence at least two idle slots);
 * - feasible: the meetings come back placed that way (tables assigned again);
 * - else undecided. A run stopped by its time limit decides nothing.
 */
export async function decideConsecutive(
  problem: Problem,
  meetings: Meeting[],
  options: ConsecutiveOptions,
): Promise<ConsecutiveResult> {
  const undecided: ConsecutiveResult = { verdict: 'undecided', meetings, gappedAtLeast: 0 };
  const st = placementStateOf(problem, meetings);
  if (!st) return undecided;
  if (st.totalIdle() === 0) return { verdict: 'reached', meetings, gappedAtLeast: 0 };
  let gappedAtLeast = 0;
  for (const maxGapped of [0, 1]) {
    const model = buildIdleModel(st, {
      maxPatternsPerCluster: 0,
      fewIdle: 0,
      maxGapped,
      maxColumns: options.maxColumns ?? 60_000,
    });
    if (!model) break;
    const seconds = Math.min((options.deadline - Date.now()) / 1000, options.seconds ?? 0.3);
    if (seconds <= 0.01) break;
    const run = await runIdleModel(model, {
      integer: true,
      nodes: options.nodes ?? 50,
      timeLimitSeconds: seconds,
      withStart: false,
    });
    if (run?.status === 'infeasible') {
      gappedAtLeast = maxGapped + 1;
      continue;
    }
    if (maxGapped === 0 && run?.slots && run.slots.every((s, e) => st.slotOf[e] < 0 || s >= 0)) {
      const idle = reslot(st, run.slots);
      if (idle === 0)
        return { verdict: 'reached', meetings: meetingsAsPlaced(st, meetings), gappedAtLeast: 0 };
    }
    break;
  }
  return gappedAtLeast > 0 ? { verdict: 'impossible', meetings, gappedAtLeast } : undecided;
}

/**
 * Moves every meeting of `st` to `slots` when that is a valid placement (each cluster once per
 * slot, availability, pinned slots, the table limit); returns its idle slots, or undefined (and
 * `st` unchanged) when it is not valid.
 */
function reslot(st: PlacementState, slots: Int32Array): number | undefined {
  const { S, T } = st;
  const load = new Int32Array(S);
  const seen = new Set<number>();
  for (let e = 0; e < st.m; e++) {
    if (st.slotOf[e] < 0) continue;
    const s = slots[e];
    if (s < 0 || s >= S || !st.allowed(e, s) || (st.pinnedSlot[e] >= 0 && st.pinnedSlot[e] !== s))
      return undefined;
    if (++load[s] > T) return undefined;
    for (const c of [st.ea[e], st.eb[e]]) {
      if (seen.has(c * S + s)) return undefined;
      seen.add(c * S + s);
    }
  }
  const previous = Int32Array.from(st.slotOf);
  for (let e = 0; e < st.m; e++) if (previous[e] >= 0) st.unassign(e);
  for (let e = 0; e < st.m; e++) if (previous[e] >= 0) st.assign(e, slots[e]);
  for (let e = 0; e < st.m; e++) {
    if (st.slotOf[e] >= 0 && !st.tableOk(e, st.slotOf[e])) {
      for (let f = 0; f < st.m; f++) if (previous[f] >= 0) st.unassign(f);
      for (let f = 0; f < st.m; f++) if (previous[f] >= 0) st.assign(f, previous[f]);
      return undefined;
    }
  }
  return st.totalIdle();
}
