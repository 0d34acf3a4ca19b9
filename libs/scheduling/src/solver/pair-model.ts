import { wishWeight } from '../problem';
import type { CandidatePair, Problem } from '../problem';

/**
 * The pair choice as an optimisation problem: pick candidate pairs so that no cluster exceeds its
 * capacity and the room is not over-filled; maximise served clusters first, then wish score.
 * Cluster capacities are the effective ones: the cap minus fixed meetings, and never more than the
 * slots a cluster is available for minus its fixed meetings (rules 3 and 5 imply it).
 */
export interface PairChoiceInput {
  clusterCount: number;
  /** Pairs that may be chosen (each a candidate of the problem). */
  candidates: CandidatePair[];
  /** Meetings each cluster may still take. */
  capacity: number[];
  /** Meetings the room may still take. */
  roomCapacity: number;
  /** Clusters that made at least one wish. */
  wishers: boolean[];
  /** Wishers already served (by a fixed meeting or an already placed pair). */
  served: boolean[];
  /** Wish score of the meetings made before the choice (fixed meetings, placed pairs). */
  baseScore: number;
}

export interface PairChoiceValue {
  /** Wishers served, including those served before the choice. */
  servedClusters: number;
  wishScore: number;
}

/** Does pair `e` meet a wish of `c` (one of `c`'s own wishes)? */
export function servesCluster(pair: CandidatePair, c: number): boolean {
  return (c === pair.a && pair.rankAB > 0) || (c === pair.b && pair.rankBA > 0);
}

/** The pair-choice input of a whole problem: nothing placed yet except the fixed meetings. */
export function pairChoiceInput(problem: Problem): PairChoiceInput {
  const n = problem.ids.length;
  const fixedCount = new Array<number>(n).fill(0);
  const served = new Array<boolean>(n).fill(false);
  let baseScore = 0;
  for (const f of problem.fixed) {
    fixedCount[f.a]++;
    fixedCount[f.b]++;
    const rankAB = problem.wishRank[f.a].get(f.b) ?? 0;
    const rankBA = problem.wishRank[f.b].get(f.a) ?? 0;
    if (rankAB > 0) served[f.a] = true;
    if (rankBA > 0) served[f.b] = true;
    baseScore += wishWeight(problem.K, rankAB) + wishWeight(problem.K, rankBA);
  }
  const capacity = problem.capacity.map((cap, c) => {
    const availableSlots = problem.available[c].reduce((count, ok) => count + (ok ? 1 : 0), 0);
    return Math.max(0, Math.min(cap, availableSlots - fixedCount[c]));
  });
  return {
    clusterCount: n,
    candidates: problem.candidates,
    capacity,
    roomCapacity: problem.roomCapacity,
    wishers: problem.wishers,
    served,
    baseScore,
  };
}

/** Served clusters and wish score of a choice (served includes those served before). */
export function evaluateChoice(input: PairChoiceInput, pairs: CandidatePair[]): PairChoiceValue {
  const served = input.served.slice();
  let wishScore = input.baseScore;
  for (const pair of pairs) {
    wishScore += pair.weight;
    if (pair.rankAB > 0) served[pair.a] = true;
    if (pair.rankBA > 0) served[pair.b] = true;
  }
  let servedClusters = 0;
  for (let c = 0; c < input.clusterCount; c++) if (served[c] && input.wishers[c]) servedClusters++;
  return { servedClusters, wishScore };
}

/** Lexicographic comparison: positive when `x` is better than `y`. */
export function compareValues(x: PairChoiceValue, y: PairChoiceValue): number {
  return x.servedClusters - y.servedClusters || x.wishScore - y.wishScore;
}

/** Is the choice feasible (capacities, room, no pair twice)? */
export function isFeasibleChoice(input: PairChoiceInput, pairs: CandidatePair[]): boolean {
  if (pairs.length > input.roomCapacity) return false;
  const used = new Array<number>(input.clusterCount).fill(0);
  const seen = new Set<string>();
  for (const pair of pairs) {
    const key = `${pair.a}-${pair.b}`;
    if (seen.has(key)) return false;
    seen.add(key);
    if (++used[pair.a] > input.capacity[pair.a] || ++used[pair.b] > input.capacity[pair.b]) return false;
  }
  return true;
}

/** At most `limit` of the `members` (candidate indexes) may be chosen: they all need one of `limit` slots of `cluster`. */
export interface SlotLimit {
  cluster: number;
  members: number[];
  limit: number;
}

/**
 * Implied by rules 3 and 5: a cluster meets at most once per slot, so among its pairs whose common
 * slots all lie in a set S, at most |S| can meet (Hall's condition). For each cluster and each
 * distinct common-slot set of its pairs, the limit when it binds (fewer slots than both those pairs
 * and the cluster's capacity). Two partners who are only there for the same slot cannot both meet it.
 */
export function slotLimits(input: PairChoiceInput): SlotLimit[] {
  const bySet: Map<string, { slots: Set<number>; size: number }>[] = Array.from(
    { length: input.clusterCount },
    () => new Map(),
  );
  const incident: number[][] = Array.from({ length: input.clusterCount }, () => []);
  input.candidates.forEach((pair, e) => {
    if (input.capacity[pair.a] <= 0 || input.capacity[pair.b] <= 0) return;
    for (const c of [pair.a, pair.b]) {
      incident[c].push(e);
      const key = pair.commonSlots.join(',');
      if (!bySet[c].has(key))
        bySet[c].set(key, { slots: new Set(pair.commonSlots), size: pair.commonSlots.length });
    }
  });
  const limits: SlotLimit[] = [];
  for (let c = 0; c < input.clusterCount; c++) {
    for (const { slots, size } of bySet[c].values()) {
      if (size >= input.capacity[c]) continue;
      const members = incident[c].filter((e) => input.candidates[e].commonSlots.every((s) => slots.has(s)));
      if (members.length > size) limits.push({ cluster: c, members, limit: size });
    }
  }
  return limits;
}
