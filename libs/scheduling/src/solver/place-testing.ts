/**
 * Test helpers for the placement (used by the place*.spec.ts files only): events built from a
 * graph, the chosen pairs of a graph, and an independent check of a placement.
 */
import type { FixedMeeting, Meeting, TimeWindow } from '../model';
import { buildProblem, pairKey, wishWeight, type CandidatePair, type Problem } from '../problem';
import { makeEvent } from '../testing/factories';
import { fromMinutes } from '../time';
import type { PlacementResult } from './place';

export interface GraphEventOptions {
  /** Number of clusters, ids c0, c1, … */
  clusters: number;
  /** Meetings wished (c_a wishes c_b with rank `rank`, default 1). */
  edges: { a: number; b: number; rank?: number }[];
  slots: number;
  tables: number;
  cap?: number;
  /** Availability windows by cluster index, in slot numbers: [first, last] inclusive. */
  windows?: Record<number, [number, number][]>;
  fixed?: FixedMeeting[];
}

const START = 8 * 60;
const MEETING = 10;

/** Start of slot k (10-minute meetings from 08:00, no changeover). */
export function slotStart(k: number): string {
  return fromMinutes(START + k * MEETING);
}

/** An event whose wishes are exactly the edges; one session of `slots` 10-minute slots. */
export function graphProblem(options: GraphEventOptions): Problem {
  const ids = Array.from({ length: options.clusters }, (_, i) => `c${i}`);
  const window = ([first, last]: [number, number]): TimeWindow => ({
    start: slotStart(first),
    end: fromMinutes(START + (last + 1) * MEETING),
  });
  return buildProblem(
    makeEvent({
      event: {
        sessions: [{ start: slotStart(0), end: fromMinutes(START + options.slots * MEETING) }],
        meetingMinutes: MEETING,
        changeoverMinutes: 0,
        tables: options.tables,
        maxMeetingsPerCluster: options.cap ?? Math.max(1, options.clusters),
        maxWishesPerCluster: 10,
      },
      clusters: ids.map((id, i) =>
        options.windows?.[i] ? { id, availability: options.windows[i].map(window) } : id,
      ),
      wishes: options.edges.map(({ a, b, rank }) => ({ from: ids[a], to: ids[b], rank: rank ?? 1 })),
      fixed: options.fixed ?? [],
    }),
  );
}

/** The candidate pair for clusters a and b (from `problem.candidates`). */
export function pairOf(problem: Problem, a: number, b: number): CandidatePair {
  const key = pairKey(a, b);
  const found = problem.candidates.find((p) => pairKey(p.a, p.b) === key);
  if (!found) throw new Error(`no candidate pair ${key}`);
  return found;
}

/** A candidate pair made directly (for pairs the event does not make candidates, e.g. no common slot). */
export function rawPair(
  problem: Problem,
  a: number,
  b: number,
  weight = wishWeight(problem.K, 1),
): CandidatePair {
  const x = Math.min(a, b);
  const y = Math.max(a, b);
  const commonSlots = problem.slots
    .map((s) => s.index)
    .filter((s) => problem.available[x][s] && problem.available[y][s]);
  return { a: x, b: y, rankAB: 0, rankBA: 0, weight, commonSlots };
}

/**
 * Everything wrong with a placement, in words (empty when valid): rules 1, 2, 3, 5, 6 and 10 of the
 * contract, and every chosen pair / fixed meeting either placed once or reported unplaced.
 */
export function placementViolations(
  problem: Problem,
  pairs: CandidatePair[],
  result: PlacementResult,
): string[] {
  const problems: string[] = [];
  const S = problem.slots.length;
  const T = problem.event.event.tables;
  const seatTaken = new Set<string>();
  const busy = new Set<string>();
  const met = new Map<string, Meeting>();
  let previous: Meeting | undefined;
  for (const m of result.meetings) {
    const where = `meeting ${m.clusters.join('+')} at ${m.slot}/${m.table}`;
    const a = problem.indexOf.get(m.clusters[0]);
    const b = problem.indexOf.get(m.clusters[1]);
    if (a === undefined || b === undefined || a === b) problems.push(`${where}: bad clusters`);
    if (a !== undefined && b !== undefined && a > b) problems.push(`${where}: clusters not in file order`);
    if (!Number.isInteger(m.slot) || m.slot < 0 || m.slot >= S) problems.push(`${where}: no such slot`);
    if (!Number.isInteger(m.table) || m.table < 1 || m.table > T) problems.push(`${where}: no such table`);
    if (previous && (previous.slot > m.slot || (previous.slot === m.slot && previous.table >= m.table))) {
      problems.push(`${where}: not sorted by slot then table`);
    }
    previous = m;
    const seat = `${m.slot}/${m.table}`;
    if (seatTaken.has(seat)) problems.push(`${where}: table taken twice`);
    seatTaken.add(seat);
    for (const c of m.clusters) {
      if (busy.has(`${c}@${m.slot}`)) problems.push(`${where}: ${c} twice in the slot`);
      busy.add(`${c}@${m.slot}`);
      const index = problem.indexOf.get(c);
      if (index !== undefined && !problem.available[index][m.slot])
        problems.push(`${where}: ${c} not available`);
    }
    if (a !== undefined && b !== undefined) {
      const key = pairKey(a, b);
      if (met.has(key)) problems.push(`${where}: pair meets twice`);
      met.set(key, m);
    }
  }
  const accounted = new Set<string>();
  const unplacedKeys = new Set(result.unplaced.map((p) => pairKey(p.a, p.b)));
  for (const pair of pairs) {
    const key = pairKey(pair.a, pair.b);
    const placed = met.has(key);
    if (placed === unplacedKeys.has(key)) {
      problems.push(`pair ${key}: ${placed ? 'both placed and unplaced' : 'neither placed nor unplaced'}`);
    }
    accounted.add(key);
  }
  const unplacedFixed = new Set(result.unplacedFixed);
  for (const fixed of problem.fixed) {
    const key = pairKey(fixed.a, fixed.b);
    const m = met.get(key);
    if (unplacedFixed.has(fixed)) {
      if (m) problems.push(`fixed ${key}: both placed and unplaced`);
    } else if (!m) {
      problems.push(`fixed ${key}: missing`);
    } else if (
      (fixed.slot !== undefined && m.slot !== fixed.slot) ||
      (fixed.table !== undefined && m.table !== fixed.table)
    ) {
      problems.push(`fixed ${key}: at ${m.slot}/${m.table}, wanted ${fixed.slot}/${fixed.table}`);
    }
    accounted.add(key);
  }
  for (const key of met.keys())
    if (!accounted.has(key)) problems.push(`meeting ${key}: neither chosen nor fixed`);
  return problems;
}

/** Quality figure 3: available but empty slots between each cluster's first and last meeting. */
export function idleSlots(problem: Problem, meetings: Meeting[]): number {
  const slotsOf = problem.ids.map((): number[] => []);
  for (const m of meetings)
    for (const c of m.clusters) slotsOf[problem.indexOf.get(c) as number].push(m.slot);
  let idle = 0;
  slotsOf.forEach((slots, c) => {
    if (slots.length === 0) return;
    const first = Math.min(...slots);
    const last = Math.max(...slots);
    for (let s = first; s <= last; s++) if (problem.available[c][s] && !slots.includes(s)) idle++;
  });
  return idle;
}
