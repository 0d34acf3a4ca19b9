/**
 * WHEN and WHERE: puts the chosen pairs (and the fixed meetings) in slots and at tables.
 *
 * A slot is a colour of an edge colouring of the meeting graph, with lists (a meeting may only use
 * slots both clusters are available for) and a capacity per colour (the tables). Fixed meetings go
 * first, then the chosen pairs by decreasing weight, each by the means of `place-insert.ts`
 * (greedy, Kempe chains, Misra–Gries, ejection chains). Then `place-compact.ts` reduces idle
 * slots, `place-early.ts` (on request; always in `compactMeetings`) moves meetings earlier where
 * that adds no idle slot (a tie-break), and `place-tables.ts` seats each meeting, keeping clusters at their table where it can.
 */
import type { Meeting } from '../model';
import type { CandidatePair, FixedPair, Problem } from '../problem';
import { pairKey } from '../problem';
import { compact } from './place-compact';
import { moveEarlier } from './place-early';
import { Inserter } from './place-insert';
import { EdgeSpec, FIXED_PRIORITY, PlacementState, Random } from './place-state';
import { assignTables } from './place-tables';

export interface PlacementResult {
  /** Every placed meeting, fixed ones included, sorted by slot then table; clusters as ids in file order of the pair. */
  meetings: Meeting[];
  /** Chosen pairs that could not be placed. */
  unplaced: CandidatePair[];
  /** Fixed meetings that could not be placed. */
  unplacedFixed: FixedPair[];
}

export interface PlacementOptions {
  /** Epoch ms: past it, only cheap steps run and compaction stops. */
  deadline?: number;
  /** Seed of the local search (default: a constant, so the output depends on the input only). */
  seed?: number;
  /** Compaction moves tried (default: 100 per placed meeting, at least 50,000, at most 2,000,000). */
  compactionMoves?: number;
  /**
   * After compaction, move meetings earlier when no idle slot is added (see place-early.ts). Default
   * false: `solve` re-compacts the final meetings with `compactMeetings`, which does it, and a
   * changed start would only change that annealing's path (and its idle slots).
   */
  earlier?: boolean;
}

const DEFAULT_SEED = 0x1c1e5;
const MOVES_PER_MEETING = 100;
const MIN_COMPACTION_MOVES = 50_000;
const MAX_COMPACTION_MOVES = 2_000_000;

type Origin = { fixed: FixedPair } | { pairIndex: number };

export function placeMeetings(
  problem: Problem,
  pairs: CandidatePair[],
  options: PlacementOptions = {},
): PlacementResult {
  const S = problem.slots.length;
  const T = problem.event.event.tables;
  const n = problem.ids.length;
  const deadline = options.deadline ?? Infinity;
  const random = new Random(options.seed ?? DEFAULT_SEED);

  const edges: EdgeSpec[] = [];
  const origins: Origin[] = [];
  const unplacedFixed: FixedPair[] = [];
  const unplacedIndexes = new Set<number>();
  const seen = new Set<string>();
  const validPair = (a: number, b: number): boolean =>
    Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b >= 0 && a < n && b < n && a !== b;

  for (const fixed of problem.fixed) {
    const slotOk =
      fixed.slot === undefined || (Number.isInteger(fixed.slot) && fixed.slot >= 0 && fixed.slot < S);
    const tableOk =
      fixed.table === undefined || (Number.isInteger(fixed.table) && fixed.table >= 1 && fixed.table <= T);
    const key = pairKey(fixed.a, fixed.b);
    if (!validPair(fixed.a, fixed.b) || !slotOk || !tableOk || seen.has(key)) {
      unplacedFixed.push(fixed);
      continue;
    }
    seen.add(key);
    edges.push({
      a: Math.min(fixed.a, fixed.b),
      b: Math.max(fixed.a, fixed.b),
      priority: FIXED_PRIORITY,
      pinnedSlot: fixed.slot ?? -1,
      pinnedTable: fixed.table ?? 0,
    });
    origins.push({ fixed });
  }
  const fixedCount = edges.length;
  const ordered = pairs
    .map((pair, index) => ({ pair, index }))
    .sort(
      (x, y) =>
        y.pair.weight - x.pair.weight || x.pair.a - y.pair.a || x.pair.b - y.pair.b || x.index - y.index,
    );
  for (const { pair, index } of ordered) {
    const key = pairKey(pair.a, pair.b);
    if (!validPair(pair.a, pair.b) || seen.has(key)) {
      unplacedIndexes.add(index);
      continue;
    }
    seen.add(key);
    edges.push({
      a: Math.min(pair.a, pair.b),
      b: Math.max(pair.a, pair.b),
      priority: pair.weight,
      pinnedSlot: -1,
      pinnedTable: 0,
    });
    origins.push({ pairIndex: index });
  }

  const st = new PlacementState(problem.available, S, T, edges);
  const m = edges.length;
  const inserter = new Inserter(st, { work: 2_000 * m + 1_000_000, eject: 20 * m + 2_000, deadline }, random);

  // Fixed meetings, the most constrained first: slot and table, slot, table, neither.
  const fixedOrder = Array.from({ length: fixedCount }, (_, e) => e).sort(
    (x, y) => fixedRank(st, x) - fixedRank(st, y) || x - y,
  );
  for (const e of fixedOrder) if (S > 0) inserter.insert(e);
  for (let e = fixedCount; e < m; e++) if (S > 0) inserter.insert(e);

  compactState(st, inserter, random, options, deadline);
  const tableOf = assignTables(st);

  const meetings: Meeting[] = [];
  for (let e = 0; e < m; e++) {
    const origin = origins[e];
    if (st.slotOf[e] < 0) {
      if ('fixed' in origin) unplacedFixed.push(origin.fixed);
      else unplacedIndexes.add(origin.pairIndex);
      continue;
    }
    meetings.push({
      slot: st.slotOf[e],
      table: tableOf[e],
      clusters: [problem.ids[st.ea[e]], problem.ids[st.eb[e]]],
    });
  }
  meetings.sort((x, y) => x.slot - y.slot || x.table - y.table);
  const fixedIndex = new Map(problem.fixed.map((f, i) => [f, i]));
  unplacedFixed.sort((x, y) => (fixedIndex.get(x) ?? 0) - (fixedIndex.get(y) ?? 0));
  return { meetings, unplaced: pairs.filter((_, index) => unplacedIndexes.has(index)), unplacedFixed };
}

function compactState(
  st: PlacementState,
  inserter: Inserter,
  random: Random,
  options: PlacementOptions,
  deadline: number,
): void {
  const placed = st.placed;
  compact(st, inserter, random, {
    iterations:
      options.compactionMoves ??
      Math.min(MAX_COMPACTION_MOVES, Math.max(MIN_COMPACTION_MOVES, placed * MOVES_PER_MEETING)),
    deadline,
  });
  if (options.earlier) moveEarlier(st, inserter, { deadline });
}

export interface CompactionOptions {
  /** Epoch ms: the search stops when passed. */
  deadline?: number;
  /** Seed of the search (default: a constant, so the output depends on the input only). */
  seed?: number;
  /** Moves tried (default: `finalCompactionMoves`). */
  moves?: number;
  /** A lower bound on the idle slots (idle-bound.ts): the search stops once it is reached. */
  floor?: number;
  /** Then move meetings earlier when no idle slot is added (default true; see place-early.ts). */
  earlier?: boolean;
  /** Tables as a soft limit during the search, at this cost per meeting over it (place-compact.ts). */
  tablePenalty?: number;
  /** Temperature of the search's first move (place-compact.ts; default 1.2). */
  startTemperature?: number;
}

/** Moves of the final compaction: 2,000 per meeting, at least 100,000, at most 15,000,000. */
export function finalCompactionMoves(meetings: number): number {
  return Math.min(15_000_000, Math.max(100_000, meetings * 2_000));
}

/**
 * Re-slots a valid set of meetings for fewer idle slots, keeping the same pairs: the annealing of
 * `place-compact.ts` from the given slots (never worse than them), then the tables again. Fixed
 * meetings keep their pinned slot and table. Returns the meetings unchanged when they are not a
 * valid placement (a cluster twice in a slot, an unavailable slot, a full slot, a repeated pair).
 * Among placements with as many idle slots, the earlier one is kept (place-early.ts).
 */
export function compactMeetings(
  problem: Problem,
  meetings: Meeting[],
  options: CompactionOptions = {},
): Meeting[] {
  const deadline = options.deadline ?? Infinity;
  const st = placementStateOf(problem, meetings);
  if (!st) return meetings;
  const m = st.m;
  const random = new Random(options.seed ?? DEFAULT_SEED);
  const inserter = new Inserter(st, { work: 2_000 * m + 1_000_000, eject: 0, deadline }, random);
  compact(st, inserter, random, {
    iterations: options.moves ?? finalCompactionMoves(m),
    deadline,
    floor: options.floor,
    patience: 1,
    tablePenalty: options.tablePenalty,
    startTemperature: options.startTemperature,
  });
  // The tie-break gets a short time of its own even when the annealing used up the deadline.
  if (options.earlier ?? true) moveEarlier(st, inserter, { deadline: Math.max(deadline, earlyDeadline(m)) });
  return meetingsAsPlaced(st, meetings);
}

/**
 * The meetings (meeting e = edge e of `st`, as built by `placementStateOf`) at their slots in `st`,
 * the tables assigned again (place-tables.ts), in slot then table order.
 */
export function meetingsAsPlaced(st: PlacementState, meetings: Meeting[]): Meeting[] {
  const tableOf = assignTables(st);
  return meetings
    .map((meeting, e) => ({ ...meeting, slot: st.slotOf[e], table: tableOf[e] }))
    .sort((x, y) => x.slot - y.slot || x.table - y.table);
}

/**
 * Moves of the further compaction, in passes of 2 × `finalCompactionMoves` (a slow cooling): from
 * `SOFT_TABLES_MIN_MEETINGS` meetings on, two passes (soft tables, then hard) and at most 40,000,000
 * moves in all; below, one pass (hard) of at most 20,000,000. A third pass of 1 × found nothing more
 * on any benchmark event (40 to 1,000 clusters) and cost 15% of the 40-cluster solve.
 */
export function furtherCompactionMoves(meetings: number): number {
  const pass = 2 * finalCompactionMoves(meetings);
  return meetings >= SOFT_TABLES_MIN_MEETINGS ? Math.min(40_000_000, 2 * pass) : Math.min(20_000_000, pass);
}

/**
 * The soft-table passes: a meeting over the table limit costs as much as an idle slot (a higher
 * cost left 3,000 nearly full clusters with twice the idle slots, a lower one never back within the
 * limit), and they start cooler than the first compaction, from an already compact placement.
 */
const SOFT_TABLES = { tablePenalty: 1, startTemperature: 0.5 };
/**
 * Below this many meetings, the further compaction has no soft-table pass: on 40 to 120 clusters
 * (50 to 160 meetings) it found no fewer idle slots than the hard pass (11 generated events), and
 * it would cost a tenth of the 40-cluster solve; from 400 clusters on it finds fewer.
 */
const SOFT_TABLES_MIN_MEETINGS = 200;

export interface FurtherCompactionOptions {
  /** Epoch ms: no pass starts past it, and a pass stops at it. */
  deadline?: number;
  /** A lower bound on the idle slots: no pass runs once it is reached. */
  floor?: number;
  /** Moves of all passes together (default `furtherCompactionMoves`). */
  moves?: number;
}

/**
 * More annealing for fewer idle slots, in passes from the best placement so far, each with a seed
 * of its own and twice the moves of `finalCompactionMoves` (a slower cooling): on events of
 * `SOFT_TABLES_MIN_MEETINGS` meetings or more, the odd passes with soft tables (a slot may go over
 * the limit for a while: in a full room, the moves that close the last gaps; 3,000 clusters in a 99%
 * full room: 12 idle slots instead of 118), the even ones with hard tables. A pass is kept only when it
 * has strictly fewer idle slots, so the result is never worse than the input. Tables are assigned
 * again; the earlier-slots tie-break is not run (`compactMeetings` with 0 moves does it). The budget
 * is fixed by the input size (deterministic); the deadline only cuts it short.
 */
export function compactFurther(
  problem: Problem,
  meetings: Meeting[],
  options: FurtherCompactionOptions = {},
): Meeting[] {
  const start = idleOf(problem, meetings);
  if (start === undefined) return meetings;
  let budget = options.moves ?? furtherCompactionMoves(meetings.length);
  const soft = meetings.length >= SOFT_TABLES_MIN_MEETINGS;
  return bestOfRuns(problem, meetings, start, {
    deadline: options.deadline ?? Infinity,
    floor: options.floor ?? 0,
    run: (pass) => {
      if (budget <= 0) return undefined;
      const moves = Math.min(budget, 2 * finalCompactionMoves(meetings.length));
      budget -= moves;
      return { seed: DEFAULT_SEED + pass, moves, ...(soft && pass % 2 === 1 ? SOFT_TABLES : {}) };
    },
  }).meetings;
}

/** Idle slots of a placement; undefined when the meetings are not a valid placement. */
function idleOf(problem: Problem, meetings: Meeting[]): number | undefined {
  return placementStateOf(problem, meetings)?.totalIdle();
}

interface RunsOptions {
  deadline: number;
  /** No run starts once the idle slots are down to this. */
  floor: number;
  /** Stop after this many runs in a row without gain (default: never). */
  patience?: number;
  /** The options of run k (1, 2, …), or undefined: no more runs. */
  run: (
    k: number,
  ) => Pick<CompactionOptions, 'seed' | 'moves' | 'tablePenalty' | 'startTemperature'> | undefined;
}

/**
 * Annealing runs (`compactMeetings`), each from the best placement so far, a run kept only when it
 * has strictly fewer idle slots (so never worse than the input, which comes back as is when nothing
 * is gained); no run starts past the deadline or once the floor is reached.
 */
function bestOfRuns(
  problem: Problem,
  meetings: Meeting[],
  idle: number,
  options: RunsOptions,
): { meetings: Meeting[]; idleSlots: number } {
  const { deadline, floor } = options;
  const patience = options.patience ?? Infinity;
  let best = meetings;
  let bestIdle = idle;
  let fruitless = 0;
  for (let k = 1; bestIdle > floor && fruitless < patience && Date.now() < deadline; k++) {
    const run = options.run(k);
    if (!run) break;
    const next = compactMeetings(problem, best, { ...run, deadline, floor, earlier: false });
    const nextIdle = idleOf(problem, next) ?? Infinity;
    if (nextIdle < bestIdle) {
      best = next;
      bestIdle = nextIdle;
      fruitless = 0;
    } else fruitless++;
  }
  return { meetings: best, idleSlots: bestIdle };
}

/** Moves of one long run: a much slower cooling than the passes of `compactFurther`. */
export const LONG_RUN_MOVES = 4_000_000;
/** Long runs at most, each with a seed of its own; they stop after `LONG_RUN_PATIENCE` in a row without gain. */
export const LONG_RUNS = 6;
const LONG_RUN_PATIENCE = 3;
/** Long runs only on events of at most this many meetings (a run takes 0.5 to 1.5 s here). */
export const LONG_RUN_MAX_MEETINGS = 300;
const LONG_RUN_SEED = DEFAULT_SEED + 1_000;
/**
 * The odd long runs make the table limit soft (as the soft-table passes, a little warmer), the even
 * ones keep it hard. On a generated 40-cluster event with crowded mornings (9 tables, morning-only
 * windows), gap-free agendas exist (CaDiCaL) and hard-table runs never found them (8 runs of 8
 * million moves); soft-table runs of 4 million found them 3 times in 12. On the 30-cluster event
 * below, soft and hard runs find them alike (6–7 times in 10). On full rooms where zero is
 * impossible, hard runs lowered the idle slots more (45 → 43 where soft ones kept 45): hence both.
 */
const LONG_RUN_SOFT_TABLES = { tablePenalty: 1, startTemperature: 0.8 };

export interface GapFreeSearchOptions {
  /** Epoch ms: no run starts past it, and a run stops at it. */
  deadline?: number;
  /** Runs at most (default `LONG_RUNS`). */
  runs?: number;
  /** Moves of a run (default `LONG_RUN_MOVES`). */
  moves?: number;
  /** Nothing is done on more meetings than this (default `LONG_RUN_MAX_MEETINGS`). */
  maxMeetings?: number;
}

export interface GapFreeSearchResult {
  meetings: Meeting[];
  /** Their idle slots; undefined for meetings that are not a valid placement (returned unchanged). */
  idleSlots: number | undefined;
}

/**
 * Long annealing runs, for an event whose placement still has gaps while gap-free agendas have not
 * been proven impossible: up to `LONG_RUNS` runs of `LONG_RUN_MOVES` moves, each from the best
 * placement so far with a seed of its own, until no idle slot is left or three runs in a row gain
 * nothing. The length of a run is what counts: on a generated 30-cluster event (71 meetings, up to 6
 * per cluster, windows) where gap-free agendas exist (a SAT solver found them), runs of 150,000
 * moves never found them (40 seeds), runs of 1,000,000 once in 20, of 2,000,000 four times in 10,
 * of 4,000,000 six times in 10, of 8,000,000 eight times in 10 (about the same success per second
 * from 2,000,000 on). Only on small events (`LONG_RUN_MAX_MEETINGS`); a run is kept only when it
 * has strictly fewer idle slots, so the result is never worse than the input. The tables are
 * assigned again. Deterministic but for the deadline.
 */
export function searchGapFree(
  problem: Problem,
  meetings: Meeting[],
  options: GapFreeSearchOptions = {},
): GapFreeSearchResult {
  const start = idleOf(problem, meetings);
  if (start === undefined) return { meetings, idleSlots: undefined };
  if (meetings.length > (options.maxMeetings ?? LONG_RUN_MAX_MEETINGS)) return { meetings, idleSlots: start };
  const runs = options.runs ?? LONG_RUNS;
  return bestOfRuns(problem, meetings, start, {
    deadline: options.deadline ?? Infinity,
    floor: 0,
    patience: LONG_RUN_PATIENCE,
    run: (k) =>
      k > runs
        ? undefined
        : {
            seed: LONG_RUN_SEED + k,
            moves: options.moves ?? LONG_RUN_MOVES,
            ...(k % 2 === 1 ? LONG_RUN_SOFT_TABLES : {}),
          },
  });
}

/**
 * The placement state of a valid set of meetings (edge e = meetings[e], at its slot), fixed meetings
 * pinned to their slot and table, then the `added` pairs, not placed yet (edges after the meetings,
 * by their weight); undefined when the meetings are not a valid placement (a cluster twice in a
 * slot, an unavailable slot, a full slot, a repeated pair, a fixed meeting off its slot) or an added
 * pair repeats one.
 */
export function placementStateOf(
  problem: Problem,
  meetings: Meeting[],
  added: readonly CandidatePair[] = [],
): PlacementState | undefined {
  const S = problem.slots.length;
  const T = problem.event.event.tables;
  const fixedByKey = new Map(problem.fixed.map((f) => [pairKey(f.a, f.b), f]));
  const edges: EdgeSpec[] = [];
  const slots: number[] = [];
  const seen = new Set<string>();
  const busy = new Set<number>();
  const load = new Array<number>(S).fill(0);
  for (const meeting of meetings) {
    const a = problem.indexOf.get(meeting.clusters[0]);
    const b = problem.indexOf.get(meeting.clusters[1]);
    const s = meeting.slot;
    if (a === undefined || b === undefined || a === b || !Number.isInteger(s) || s < 0 || s >= S)
      return undefined;
    const key = pairKey(a, b);
    if (seen.has(key) || busy.has(a * S + s) || busy.has(b * S + s)) return undefined;
    if (!problem.available[a][s] || !problem.available[b][s] || ++load[s] > T) return undefined;
    seen.add(key);
    busy.add(a * S + s);
    busy.add(b * S + s);
    const fixed = fixedByKey.get(key);
    if (fixed?.slot !== undefined && fixed.slot !== s) return undefined;
    edges.push({
      a: Math.min(a, b),
      b: Math.max(a, b),
      priority: fixed ? FIXED_PRIORITY : 0,
      pinnedSlot: fixed?.slot ?? -1,
      pinnedTable: fixed?.table ?? 0,
    });
    slots.push(s);
  }
  for (const pair of added) {
    const key = pairKey(pair.a, pair.b);
    if (seen.has(key)) return undefined;
    seen.add(key);
    edges.push({ a: pair.a, b: pair.b, priority: pair.weight, pinnedSlot: -1, pinnedTable: 0 });
  }
  const st = new PlacementState(problem.available, S, T, edges);
  for (let e = 0; e < slots.length; e++) st.assign(e, slots[e]);
  return st;
}

/** Epoch ms until which the tie-break may run when the deadline has passed: 20 ms + 1 ms per 50 meetings, at most 1 s. */
function earlyDeadline(meetings: number): number {
  return Date.now() + Math.min(1_000, 20 + meetings / 50);
}

function fixedRank(st: PlacementState, e: number): number {
  const slot = st.pinnedSlot[e] >= 0;
  const table = st.pinnedTable[e] > 0;
  if (slot && table) return 0;
  if (slot) return 1;
  if (table) return 2;
  return 3;
}
