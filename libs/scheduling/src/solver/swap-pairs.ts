/**
 * Fewer idle slots by meeting OTHER pairs of equal value. The pair choice fixes served clusters and
 * wish score; when the tables bind, another pair set with the same two figures may place with fewer
 * gaps. A deterministic local search over the chosen pairs:
 *  - the moves are exchanges along an alternating path that keep served clusters and wish score
 *    exactly: meeting (a, b) becomes (b, c) with c below its cap, or meetings (a, b), (c, d) become
 *    (b, c), (d, e) with e below its cap, or (b, c), (d, a) (a cycle); only unmet candidates are
 *    added (so exclusions, pairing policy, common availability hold), fixed meetings never move;
 *  - each move is tried on the current placement: the removed meetings leave, the new pairs are
 *    inserted (place-insert.ts) and the agendas compacted again (place-compact.ts); the move is
 *    kept only when the total of idle slots strictly drops, so the result is never worse.
 * Moves are tried in a fixed order with fixed seeds and a fixed number of tries, so the result
 * depends on the input only (the deadline can only cut the search short).
 */
import type { Meeting } from '../model';
import { pairKey } from '../problem';
import type { CandidatePair, Problem } from '../problem';
import { compact } from './place-compact';
import { Inserter } from './place-insert';
import { placementStateOf } from './place';
import { Random } from './place-state';
import { assignTables } from './place-tables';

export interface ExchangeOptions {
  /** Epoch ms: no move is tried past it, and a compaction stops at it. */
  deadline?: number;
  /** A lower bound on the idle slots: the search stops once it is reached. */
  floor?: number;
  /** Moves tried at most (default 40). */
  tries?: number;
  /** Compaction moves of all tries together (default 8,000,000): fewer tries on large events. */
  budget?: number;
  /**
   * Compaction moves per try (default: 1,000 per meeting, at least 50,000, at most 250,000: a try
   * re-compacts from an already compact placement, and on large events more moves per try gained
   * nothing but time — 400 clusters, 10 tries, 4.9 → 3.6 s on a 2-core machine, same schedule).
   */
  compactionMoves?: number;
}

export interface ExchangeResult {
  meetings: Meeting[];
  /** Moves kept. */
  exchanges: number;
  /** Moves tried. */
  tried: number;
}

/** Meetings removed and pairs added by one move (cluster indexes). */
export interface PairMove {
  removed: [number, number][];
  added: CandidatePair[];
}

const SEED = 0x5a1d;
const DEFAULT_TRIES = 40;
const DEFAULT_BUDGET = 8_000_000;
const MAX_COMPACTION_MOVES = 250_000;

/**
 * Exchanges chosen pairs for others of equal value while the total of idle slots strictly drops.
 * Returns the meetings unchanged when they are not a valid placement or nothing is gained.
 */
export function exchangePairs(
  problem: Problem,
  meetings: Meeting[],
  options: ExchangeOptions = {},
): ExchangeResult {
  const deadline = options.deadline ?? Infinity;
  const floor = options.floor ?? 0;
  let current = meetings;
  const start = placementStateOf(problem, current);
  if (!start) return { meetings, exchanges: 0, tried: 0 };
  let bestIdle = start.totalIdle();
  let exchanges = 0;
  let tried = 0;
  const compactionMoves =
    options.compactionMoves ?? Math.min(MAX_COMPACTION_MOVES, Math.max(50_000, 1_000 * meetings.length));
  const maxTries = Math.min(
    options.tries ?? DEFAULT_TRIES,
    Math.floor((options.budget ?? DEFAULT_BUDGET) / compactionMoves),
  );
  const ordered = (list: Meeting[]) => gappedFirst(problem, list, neutralMoves(problem, list));
  let moves = bestIdle > floor ? ordered(current) : [];
  for (let i = 0; i < moves.length && tried < maxTries && bestIdle > floor && Date.now() < deadline; i++) {
    tried++;
    const next = tryMove(problem, current, moves[i], {
      seed: SEED + tried,
      iterations: compactionMoves,
      deadline,
      floor,
    });
    if (next && next.idle < bestIdle) {
      current = next.meetings;
      bestIdle = next.idle;
      exchanges++;
      moves = ordered(current);
      i = -1;
    }
  }
  return { meetings: current, exchanges, tried };
}

/**
 * Every move of the kinds above that keeps served clusters and wish score, in a fixed order: single
 * exchanges, then paths of two, then cycles of four (each cycle found once).
 */
export function neutralMoves(problem: Problem, meetings: Meeting[]): PairMove[] {
  const n = problem.ids.length;
  const cap = problem.event.event.maxMeetingsPerCluster;
  const fixedKeys = new Set(problem.fixed.map((f) => pairKey(f.a, f.b)));
  const count = new Int32Array(n);
  const servedBy = new Int32Array(n);
  const met = new Set<string>();
  const partners: number[][] = Array.from({ length: n }, () => []);
  const rank = (c: number, other: number) => problem.wishRank[c].get(other) ?? 0;
  const weight = (a: number, b: number) => {
    const ra = rank(a, b);
    const rb = rank(b, a);
    return (ra > 0 ? problem.K - ra + 1 : 0) + (rb > 0 ? problem.K - rb + 1 : 0);
  };
  for (const meeting of meetings) {
    const a = problem.indexOf.get(meeting.clusters[0]) as number;
    const b = problem.indexOf.get(meeting.clusters[1]) as number;
    count[a]++;
    count[b]++;
    if (rank(a, b) > 0) servedBy[a]++;
    if (rank(b, a) > 0) servedBy[b]++;
    const key = pairKey(a, b);
    met.add(key);
    if (!fixedKeys.has(key)) {
      partners[a].push(b);
      partners[b].push(a);
    }
  }
  for (const list of partners) list.sort((x, y) => x - y);
  const open: CandidatePair[][] = Array.from({ length: n }, () => []);
  for (const pair of problem.candidates) {
    const key = pairKey(pair.a, pair.b);
    if (met.has(key)) continue;
    open[pair.a].push(pair);
    open[pair.b].push(pair);
  }
  const servedKept = (removed: [number, number][], added: CandidatePair[]): boolean => {
    const delta = new Map<number, number>();
    const bump = (c: number, by: number) => delta.set(c, (delta.get(c) ?? 0) + by);
    for (const [a, b] of removed) {
      bump(a, rank(a, b) > 0 ? -1 : 0);
      bump(b, rank(b, a) > 0 ? -1 : 0);
    }
    for (const pair of added) {
      bump(pair.a, pair.rankAB > 0 ? 1 : 0);
      bump(pair.b, pair.rankBA > 0 ? 1 : 0);
    }
    let change = 0;
    for (const [c, by] of delta) {
      if (problem.wishers[c]) change += (servedBy[c] + by > 0 ? 1 : 0) - (servedBy[c] > 0 ? 1 : 0);
    }
    return change === 0;
  };
  const singles: PairMove[] = [];
  const paths: PairMove[] = [];
  const cycles: PairMove[] = [];
  for (let a = 0; a < n; a++) {
    for (const b of partners[a]) {
      const wab = weight(a, b);
      for (const bc of open[b]) {
        const c = bc.a === b ? bc.b : bc.a;
        if (c === a) continue;
        if (count[c] < cap && bc.weight === wab && servedKept([[a, b]], [bc])) {
          singles.push({ removed: [[a, b]], added: [bc] });
        }
        for (const d of partners[c]) {
          if (d === a || d === b) continue;
          const lost = wab + weight(c, d) - bc.weight;
          for (const de of open[d]) {
            const e = de.a === d ? de.b : de.a;
            if (e === b || e === c || de.weight !== lost) continue;
            const removed: [number, number][] = [
              [a, b],
              [c, d],
            ];
            if (e === a) {
              // The cycle a-b-c-d-a is found from each of its 4 removed-edge orientations: keep one.
              if (a < c && a < b && a < d && servedKept(removed, [bc, de]))
                cycles.push({ removed, added: [bc, de] });
            } else if (count[e] < cap && servedKept(removed, [bc, de])) {
              paths.push({ removed, added: [bc, de] });
            }
          }
        }
      }
    }
  }
  return [...singles, ...paths, ...cycles];
}

/** The moves touching a cluster with an idle slot first, each group in its order. */
function gappedFirst(problem: Problem, meetings: Meeting[], moves: PairMove[]): PairMove[] {
  const st = placementStateOf(problem, meetings);
  if (!st) return moves;
  const touchesGap = (move: PairMove) =>
    move.removed.some(([a, b]) => st.idle(a) > 0 || st.idle(b) > 0) ||
    move.added.some((pair) => st.idle(pair.a) > 0 || st.idle(pair.b) > 0);
  const first = moves.filter(touchesGap);
  return [...first, ...moves.filter((move) => !touchesGap(move))];
}

/** The placement after `move`, inserted and compacted; undefined when a new pair cannot be placed. */
function tryMove(
  problem: Problem,
  meetings: Meeting[],
  move: PairMove,
  options: { seed: number; iterations: number; deadline: number; floor: number },
): { meetings: Meeting[]; idle: number } | undefined {
  const removed = new Set(move.removed.map(([a, b]) => pairKey(a, b)));
  const kept = meetings.filter((meeting) => {
    const a = problem.indexOf.get(meeting.clusters[0]) as number;
    const b = problem.indexOf.get(meeting.clusters[1]) as number;
    return !removed.has(pairKey(a, b));
  });
  const st = placementStateOf(problem, kept, move.added);
  if (!st) return undefined;
  const clusters: [string, string][] = [
    ...kept.map((meeting): [string, string] => [meeting.clusters[0], meeting.clusters[1]]),
    ...move.added.map((pair): [string, string] => [problem.ids[pair.a], problem.ids[pair.b]]),
  ];
  const random = new Random(options.seed);
  const inserter = new Inserter(
    st,
    { work: 2_000 * st.m + 1_000_000, eject: 20 * st.m + 2_000, deadline: options.deadline },
    random,
  );
  for (let e = kept.length; e < st.m; e++) if (!inserter.insert(e)) return undefined;
  compact(st, inserter, random, {
    iterations: options.iterations,
    deadline: options.deadline,
    floor: options.floor,
    patience: 1,
  });
  if (st.placed !== st.m) return undefined;
  const tableOf = assignTables(st);
  const next: Meeting[] = clusters.map((pair, e) => ({
    slot: st.slotOf[e],
    table: tableOf[e],
    clusters: pair,
  }));
  next.sort((x, y) => x.slot - y.slot || x.table - y.table);
  return { meetings: next, idle: st.totalIdle() };
}
