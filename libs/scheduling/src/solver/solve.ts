import { SCHEDULE_FORMAT } from '../model';
import type { EventFile, FixedMeeting, Meeting, QualityBound, ScheduleFile } from '../model';
import { buildProblem, pairKey } from '../problem';
import type { CandidatePair, FixedPair, Problem } from '../problem';
import { compareFigures, qualityFiguresOf } from '../quality';
import { scheduleSlots } from '../slots';
import { combinatorialBound, relaxationBound } from './bound';
import { choosePairs } from './choose-pairs';
import { highsOverheadSeconds, loadHighs } from './mip';
import type { PairChoice } from './choose-pairs';
import { FixedMeetingsError } from './errors';
import { pairChoiceInput } from './pair-model';
import type { PairChoiceInput } from './pair-model';
import { idleLowerBound } from './idle-bound';
import { compactFurther, compactMeetings, placeMeetings, searchGapFree } from './place';
import { decideConsecutive, tableAwareIdle } from './place-mip';
import type { ConsecutiveVerdict } from './place-mip';
import { exchangePairs } from './swap-pairs';
import type { PlacementResult } from './place';
import { explainUnmetWishes } from './unmet';

export const DEFAULT_TIME_LIMIT_SECONDS = 30;

export interface SolveOptions {
  /** Wall-clock budget of the whole solve, seconds (default 30). */
  timeLimitSeconds?: number;
  /** Called at each step with the fraction done (0–1) and what is happening. */
  onProgress?: (fraction: number, message: string) => void;
}

/** Rounds of "keep the placed pairs, forbid the unplaced ones, re-fill" at most. */
const MAX_REPAIR_ROUNDS = 30;

/**
 * The best schedule of an event (by the contract's quality order), with every unmet wish explained.
 *  1. buildProblem: candidates, capacities, exclusions;
 *  2. choose pairs (exact program or heuristic, choose-pairs.ts);
 *  3. place them in slots and at tables (place.ts);
 *  4. repair: pairs that could not be placed are forbidden, the placed ones kept, and the capacity
 *     they leave is re-filled with the best remaining candidates, until all are placed or time runs
 *     out; the best schedule seen is kept;
 *  5. a last pass seats any remaining wished pair that fits in a free cell as is;
 *  6. a last compaction of the final meetings (same pairs, fixed ones where pinned) for fewer idle
 *     slots, until a lower bound on them (idle-bound.ts) is reached or its moves are spent;
 *  7. when idle slots remain above that bound, the placement program of place-mip.ts (tables
 *     counted): exact on small events (fewer idle slots, or the proof there cannot be fewer), its
 *     LP relaxation as a bound on mid-sized ones;
 *  8. further annealing passes (compactFurther: tables a soft limit, then a hard one) while idle
 *     slots remain above the bound; then other pairs of equal value (exchangePairs, swap-pairs.ts:
 *     same served clusters and wish score) where they place with fewer idle slots; when gaps
 *     remain and no bound forbids zero, the program restricted to gap-free agendas
 *     (decideConsecutive) finds such a placement or proves there is none (`stats.idleZero`); when
 *     it decides nothing, on small events, much longer annealing runs (searchGapFree); then the
 *     earlier-slots tie-break and the tables;
 *  9. unmet wishes with reasons, quality figures, the bound and how it was obtained.
 * Never fails on a valid event, except when fixed meetings cannot be placed (FixedMeetingsError).
 */
export async function solve(event: EventFile, options: SolveOptions = {}): Promise<ScheduleFile> {
  const started = Date.now();
  const limitMs = Math.max(0.05, options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS) * 1000;
  const at = (share: number) => started + limitMs * share;
  const progress = (fraction: number, message: string) => options.onProgress?.(fraction, message);

  progress(0, 'building the problem');
  // Compile HiGHS (WebAssembly, on background threads) while the problem is built.
  loadHighs().catch(() => undefined);
  const problem = buildProblem(event);
  const input = pairChoiceInput(problem);

  if (problem.fixed.length > 0) {
    progress(0.02, `placing ${problem.fixed.length} fixed meetings`);
    const fixedOnly = placeMeetings(problem, [], { deadline: at(0.2) });
    if (fixedOnly.unplacedFixed.length > 0) throw fixedMeetingsError(problem, fixedOnly.unplacedFixed);
  }

  progress(0.05, `choosing among ${problem.candidates.length} candidate pairs`);
  const choice = await choosePairs(input, { deadline: at(0.45) });

  progress(0.45, `placing ${choice.pairs.length} meetings`);
  let pairs = choice.pairs;
  let placement = placeMeetings(problem, pairs, { deadline: at(0.65) });
  if (placement.unplacedFixed.length > 0) throw fixedMeetingsError(problem, placement.unplacedFixed);
  let best = { placement, figures: qualityFiguresOf(problem, placement.meetings) };

  const forbidden = new Set<string>();
  let repairRounds = 0;
  while (placement.unplaced.length > 0 && repairRounds < MAX_REPAIR_ROUNDS && Date.now() < at(0.85)) {
    repairRounds++;
    progress(
      0.7,
      `${placement.unplaced.length} pairs could not be placed: re-filling (round ${repairRounds})`,
    );
    const unplaced = new Set(placement.unplaced);
    for (const pair of unplaced) forbidden.add(pairKey(pair.a, pair.b));
    const placed = pairs.filter((pair) => !unplaced.has(pair));
    const residual = residualInput(problem, input, placed, forbidden);
    const refill = await choosePairs(residual, { deadline: Date.now() + (at(0.85) - Date.now()) / 2 });
    if (refill.pairs.length === 0) break;
    pairs = [...placed, ...refill.pairs];
    placement = placeMeetings(problem, pairs, { deadline: at(0.9) });
    if (placement.unplacedFixed.length > 0) break;
    const figures = qualityFiguresOf(problem, placement.meetings);
    if (compareFigures(figures, best.figures) < 0) best = { placement, figures };
  }

  progress(0.85, 'seating the wished pairs that still fit');
  const seated = seatRemaining(problem, best.placement);
  const combinatorialFloor = idleLowerBound(problem, seated);
  // The passes for fewer idle slots end by 75–90% of the time limit: on a slow machine they are
  // cut there, leaving the last tenth (about 1 s for 3,000 clusters) to explain, bound and write.
  progress(0.86, 'making agendas compact');
  let meetings = compactMeetings(problem, seated, {
    deadline: at(0.75),
    floor: combinatorialFloor,
    earlier: false,
  });
  progress(0.88, 'bounding idle slots with the tables counted');
  const tableAware = await tableAwareIdle(problem, meetings, {
    deadline: at(0.8),
    floor: combinatorialFloor,
  });
  let idleFloor = tableAware.floor;
  let idleFloorSource = tableAware.source;
  progress(0.89, 'making agendas more compact');
  meetings = compactFurther(problem, tableAware.meetings, { deadline: at(0.8), floor: idleFloor });
  progress(0.9, 'meeting other pairs of equal value for fewer idle slots');
  const exchanged = exchangePairs(problem, meetings, { deadline: at(0.85), floor: idleFloor });
  if (exchanged.exchanges > 0) {
    // The floor was proven for the pairs chosen before: the new pairs get their own.
    meetings = exchanged.meetings;
    idleFloor = idleLowerBound(problem, meetings);
    idleFloorSource = 'combinatorial';
  }
  // Can every agenda be without gaps? Proven impossible already when the floor is positive; else the
  // program restricted to gap-free agendas finds such a placement, or proves there is none.
  let idleZero: ConsecutiveVerdict = idleFloor > 0 ? 'impossible' : 'undecided';
  if (idleFloor === 0) {
    progress(0.91, 'deciding whether every agenda can be without gaps');
    const decided = await decideConsecutive(problem, meetings, { deadline: at(0.87) });
    idleZero = decided.verdict;
    meetings = decided.meetings;
    if (decided.gappedAtLeast > idleFloor) {
      idleFloor = decided.gappedAtLeast;
      idleFloorSource = 'mip';
    }
  }
  // Still possible, not found: on small events, much longer annealing runs (place.ts).
  if (idleZero === 'undecided') {
    progress(0.91, 'searching longer for agendas without gaps');
    const longer = searchGapFree(problem, meetings, { deadline: at(0.87) });
    meetings = longer.meetings;
    if (longer.idleSlots === 0) idleZero = 'reached';
  }
  // Among agendas as compact, the earlier ones (place-early.ts), and the tables again.
  meetings = compactMeetings(problem, meetings, { deadline: at(0.9), moves: 0, floor: idleFloor });
  const figures = qualityFiguresOf(problem, meetings);

  progress(0.92, 'explaining unmet wishes');
  const unmetWishes = explainUnmetWishes(problem, meetings);
  const bound = await scheduleBound(input, choice, Math.max(0, (started + limitMs - Date.now()) / 1000));
  const optimal =
    bound.source === 'mip' &&
    figures.servedClusters === bound.servedClusters &&
    figures.wishScore === bound.wishScore;
  const metWishes = event.wishes.length - unmetWishes.length;
  progress(1, 'done');

  return {
    format: SCHEDULE_FORMAT,
    event: event.event.name,
    slots: scheduleSlots(problem.slots),
    meetings,
    unmetWishes,
    stats: {
      ...figures,
      clusters: problem.ids.length,
      wishes: event.wishes.length,
      wishers: problem.wishers.filter(Boolean).length,
      meetings: meetings.length,
      fixedMeetings: problem.fixed.length,
      candidates: problem.candidates.length,
      metWishes,
      bound,
      solveSeconds: Math.round((Date.now() - started) / 10) / 100,
      optimal,
      method: choice.method,
      repairRounds,
      idleFloor,
      idleFloorSource,
      idleProven: figures.idleSlots === idleFloor,
      idleZero,
    },
  };
}

/** The bound: the exact optimum when the pair choice proved it, else the LP relaxation if time allows. */
async function scheduleBound(
  input: PairChoiceInput,
  choice: PairChoice,
  secondsLeft: number,
): Promise<QualityBound> {
  if (choice.optimal) {
    return { servedClusters: choice.value.servedClusters, wishScore: choice.value.wishScore, source: 'mip' };
  }
  const variables = input.candidates.length + input.clusterCount;
  if (secondsLeft < 2.5 * highsOverheadSeconds(variables)) return combinatorialBound(input);
  return relaxationBound(input, Math.min(10, secondsLeft / 2));
}

/** What is left to choose once `placed` pairs are kept and `forbidden` ones excluded. */
function residualInput(
  problem: Problem,
  input: PairChoiceInput,
  placed: CandidatePair[],
  forbidden: Set<string>,
): PairChoiceInput {
  const capacity = input.capacity.slice();
  const served = input.served.slice();
  let baseScore = input.baseScore;
  const taken = new Set<string>();
  for (const pair of placed) {
    capacity[pair.a]--;
    capacity[pair.b]--;
    if (pair.rankAB > 0) served[pair.a] = true;
    if (pair.rankBA > 0) served[pair.b] = true;
    baseScore += pair.weight;
    taken.add(pairKey(pair.a, pair.b));
  }
  return {
    clusterCount: input.clusterCount,
    candidates: problem.candidates.filter((pair) => {
      const key = pairKey(pair.a, pair.b);
      return !taken.has(key) && !forbidden.has(key);
    }),
    capacity: capacity.map((c) => Math.max(0, c)),
    roomCapacity: Math.max(0, input.roomCapacity - placed.length),
    wishers: input.wishers,
    served,
    baseScore,
  };
}

/**
 * Seats every candidate pair that is not met yet and fits as the schedule stands (both below their
 * cap, a common slot where both are free and a table is free), most valuable first: each one only
 * adds to the wish score. The slot chosen is the one closest to both clusters' other meetings.
 */
function seatRemaining(problem: Problem, placement: PlacementResult): Meeting[] {
  const meetings = placement.meetings.slice();
  const n = problem.ids.length;
  const S = problem.slots.length;
  const tables = problem.event.event.tables;
  const cap = problem.event.event.maxMeetingsPerCluster;
  const count = new Array<number>(n).fill(0);
  const busy: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  const tablesUsed: Set<number>[] = Array.from({ length: S }, () => new Set<number>());
  const tableOf: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  const met = new Set<string>();
  const servedNow = new Array<boolean>(n).fill(false);
  for (const m of meetings) {
    const a = problem.indexOf.get(m.clusters[0]) as number;
    const b = problem.indexOf.get(m.clusters[1]) as number;
    count[a]++;
    count[b]++;
    busy[a].add(m.slot);
    busy[b].add(m.slot);
    tablesUsed[m.slot].add(m.table);
    tableOf[a].set(m.slot, m.table);
    tableOf[b].set(m.slot, m.table);
    met.add(pairKey(a, b));
    if (problem.wishRank[a].has(b)) servedNow[a] = true;
    if (problem.wishRank[b].has(a)) servedNow[b] = true;
  }
  const gain = (p: CandidatePair) =>
    ((p.rankAB > 0 && !servedNow[p.a]) || (p.rankBA > 0 && !servedNow[p.b]) ? 1000 : 0) + p.weight;
  const remaining = problem.candidates.filter((p) => !met.has(pairKey(p.a, p.b)));
  remaining.sort((x, y) => gain(y) - gain(x) || x.a - y.a || x.b - y.b);
  const distance = (c: number, s: number) => {
    let best = busy[c].size === 0 ? 0 : Infinity;
    for (const t of busy[c]) best = Math.min(best, Math.abs(t - s));
    return best;
  };
  for (const pair of remaining) {
    const { a, b } = pair;
    if (count[a] >= cap || count[b] >= cap) continue;
    let bestSlot = -1;
    let bestCost = Infinity;
    for (const s of pair.commonSlots) {
      if (busy[a].has(s) || busy[b].has(s) || tablesUsed[s].size >= tables) continue;
      const cost = distance(a, s) + distance(b, s);
      if (cost < bestCost) {
        bestCost = cost;
        bestSlot = s;
      }
    }
    if (bestSlot < 0) continue;
    const preferred = [...tableOf[a].values(), ...tableOf[b].values()].find(
      (t) => !tablesUsed[bestSlot].has(t),
    );
    let table = preferred ?? 1;
    while (tablesUsed[bestSlot].has(table)) table++;
    meetings.push({ slot: bestSlot, table, clusters: [problem.ids[a], problem.ids[b]] });
    count[a]++;
    count[b]++;
    busy[a].add(bestSlot);
    busy[b].add(bestSlot);
    tablesUsed[bestSlot].add(table);
    tableOf[a].set(bestSlot, table);
    tableOf[b].set(bestSlot, table);
    if (pair.rankAB > 0) servedNow[a] = true;
    if (pair.rankBA > 0) servedNow[b] = true;
  }
  meetings.sort((x, y) => x.slot - y.slot || x.table - y.table);
  return meetings;
}

function fixedMeetingsError(problem: Problem, unplaced: FixedPair[]): FixedMeetingsError {
  const fixed: FixedMeeting[] = [];
  const names: string[] = [];
  for (const pair of unplaced) {
    const index = problem.fixed.indexOf(pair);
    const meeting = problem.event.fixed.find(
      (f) =>
        ((f.clusters[0] === problem.ids[pair.a] && f.clusters[1] === problem.ids[pair.b]) ||
          (f.clusters[0] === problem.ids[pair.b] && f.clusters[1] === problem.ids[pair.a])) &&
        f.slot === pair.slot &&
        f.table === pair.table,
    ) ?? { clusters: [problem.ids[pair.a], problem.ids[pair.b]], slot: pair.slot, table: pair.table };
    const fileIndex = problem.event.fixed.indexOf(meeting);
    fixed.push(meeting);
    const where = [
      meeting.slot !== undefined ? `slot ${meeting.slot}` : undefined,
      meeting.table !== undefined ? `table ${meeting.table}` : undefined,
    ].filter(Boolean);
    names.push(
      `fixed[${fileIndex >= 0 ? fileIndex : index}] ${meeting.clusters[0]} – ${meeting.clusters[1]}${where.length ? ` (${where.join(', ')})` : ''}`,
    );
  }
  return new FixedMeetingsError(
    fixed,
    `${unplaced.length === 1 ? 'this fixed meeting cannot' : `these ${unplaced.length} fixed meetings cannot`} be placed: ${names.join('; ')}`,
  );
}
