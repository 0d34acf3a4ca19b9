/**
 * Test helpers for the placement (used by the place*.spec.ts files only): events built from a
 * graph, the chosen pairs of a graph, and an independent check of a placement.
 */
import type { FixedMeeting, Meeting, TimeWindow } from '../model';
import { buildProblem, pairKey, wishWeight, type CandidatePair, type Problem } from '../problem';
import { makeEvent } from '../testing/factories';
import { fromMinutes } from '../time';
import type { PlacementResult } from './place';
import { PlacementState } from './place-state';

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

export interface StateOptions {
  clusters: number;
  slots: number;
  tables: number;
  /** [a, b] or [a, b, slot] (placed at once, without checks) */
  edges: ([number, number] | [number, number, number])[];
  /** Slots each cluster is available for (default: all). */
  available?: Record<number, number[]>;
  /** Pins by edge index. */
  pinned?: Record<number, { slot?: number; table?: number }>;
  priorities?: number[];
}

/** A placement state over a small graph, some edges already placed. */
export function makeState(options: StateOptions): PlacementState {
  const available = Array.from({ length: options.clusters }, (_, c) =>
    Array.from({ length: options.slots }, (_, s) => options.available?.[c]?.includes(s) ?? true),
  );
  const st = new PlacementState(
    available,
    options.slots,
    options.tables,
    options.edges.map(([a, b], e) => ({
      a,
      b,
      priority: options.priorities?.[e] ?? 1,
      pinnedSlot: options.pinned?.[e]?.slot ?? -1,
      pinnedTable: options.pinned?.[e]?.table ?? 0,
    })),
  );
  options.edges.forEach((edge, e) => {
    if (edge.length === 3) st.assign(e, edge[2]);
  });
  return st;
}

/**
 * Everything inconsistent or invalid in a state: the indexes agree with `slotOf`, no cluster twice
 * in a slot, availability, at most T per slot (unless `allowOverflow`), pinned slots and tables.
 */
export function stateViolations(st: PlacementState, allowOverflow = false): string[] {
  const problems: string[] = [];
  const { S, T } = st;
  const at = new Int32Array(st.n * S).fill(-1);
  const load = new Int32Array(S);
  const pinnedSeats = new Set<string>();
  for (let e = 0; e < st.m; e++) {
    const s = st.slotOf[e];
    if (s < 0) continue;
    load[s]++;
    if (st.pinnedSlot[e] >= 0 && st.pinnedSlot[e] !== s)
      problems.push(`edge ${e}: pinned to ${st.pinnedSlot[e]}, in ${s}`);
    if (!st.allowed(e, s)) problems.push(`edge ${e}: not available in ${s}`);
    if (st.pinnedTable[e] > 0) {
      const seat = `${s}/${st.pinnedTable[e]}`;
      if (pinnedSeats.has(seat)) problems.push(`edge ${e}: pinned table ${seat} taken twice`);
      pinnedSeats.add(seat);
    }
    for (const c of [st.ea[e], st.eb[e]]) {
      if (at[c * S + s] !== -1) problems.push(`cluster ${c}: twice in slot ${s}`);
      at[c * S + s] = e;
    }
  }
  for (let i = 0; i < at.length; i++)
    if (at[i] !== st.at[i]) problems.push(`at[${i}] is ${st.at[i]}, expected ${at[i]}`);
  for (let s = 0; s < S; s++) {
    if (load[s] !== st.load[s]) problems.push(`load[${s}] is ${st.load[s]}, expected ${load[s]}`);
    if (!allowOverflow && load[s] > T) problems.push(`slot ${s}: ${load[s]} meetings for ${T} tables`);
    const listed = [...st.slotEdges[s]].sort((x, y) => x - y);
    const expected = Array.from({ length: st.m }, (_, e) => e).filter((e) => st.slotOf[e] === s);
    if (listed.join() !== expected.join())
      problems.push(`slotEdges[${s}] is ${listed}, expected ${expected}`);
  }
  if (st.useMasks) {
    for (let c = 0; c < st.n; c++) {
      let mask = 0;
      for (let s = 0; s < S; s++) if (at[c * S + s] !== -1) mask |= 1 << s;
      if (mask >>> 0 !== st.busy[c]) problems.push(`busy[${c}] is ${st.busy[c]}, expected ${mask >>> 0}`);
    }
  }
  return problems;
}
