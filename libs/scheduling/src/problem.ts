import type { EventFile, Slot, UnmetReasonCode } from './model';
import { deriveSlots, isAvailable } from './slots';

/**
 * The event as the solver and the checker see it: clusters by index, availability per slot,
 * the wish weights, and every pair that may be chosen (a "candidate").
 */
export interface Problem {
  event: EventFile;
  slots: Slot[];
  /** Cluster ids in file order; a cluster's index is its position here. */
  ids: string[];
  indexOf: Map<string, number>;
  /** available[c][s]: cluster c may meet in slot s. */
  available: boolean[][];
  /** Meetings each cluster may still take beyond its fixed meetings (never negative). */
  capacity: number[];
  /** Total meetings the room can hold: tables × slots, minus the fixed meetings. */
  roomCapacity: number;
  /** maxWishesPerCluster: a wish of rank r weighs K − r + 1. */
  K: number;
  /** wishRank[a].get(b) = rank of a's wish for b. */
  wishRank: Map<number, number>[];
  /** Clusters that made at least one wish. */
  wishers: boolean[];
  /** Pairs that may be chosen: wished by at least one side, allowed, sharing an available slot, not fixed. */
  candidates: CandidatePair[];
  /** Fixed meetings by cluster index (in file order). */
  fixed: FixedPair[];
  /** Why a wished pair is not a candidate (key: pairKey(a, b)). */
  excluded: Map<string, UnmetReasonCode>;
}

export interface CandidatePair {
  /** a < b */
  a: number;
  b: number;
  /** Rank of a's wish for b, 0 when a did not wish b. */
  rankAB: number;
  rankBA: number;
  /** Sum of the weights of both wishes (a mutual wish counts twice). */
  weight: number;
  /** Slots in which both are available, ascending. */
  commonSlots: number[];
}

export interface FixedPair {
  a: number;
  b: number;
  slot?: number;
  table?: number;
}

export function pairKey(a: number, b: number): string {
  return a < b ? `${a}-${b}` : `${b}-${a}`;
}

export function wishWeight(K: number, rank: number): number {
  return rank > 0 ? K - rank + 1 : 0;
}

export function normalizeRegion(region: string | undefined): string {
  return (region ?? '').trim().toLocaleLowerCase('fr');
}

/** Builds the problem from a parsed (valid) event file. */
export function buildProblem(event: EventFile): Problem {
  const settings = event.event;
  const slots = deriveSlots(settings);
  const ids = event.clusters.map((c) => c.id);
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const available = event.clusters.map((cluster) => slots.map((slot) => isAvailable(cluster, slot)));
  const K = settings.maxWishesPerCluster;

  const wishRank = ids.map(() => new Map<number, number>());
  const wishers = ids.map(() => false);
  for (const wish of event.wishes) {
    const from = indexOf.get(wish.from);
    const to = indexOf.get(wish.to);
    if (from === undefined || to === undefined || from === to) continue;
    wishRank[from].set(to, wish.rank);
    wishers[from] = true;
  }

  const fixed: FixedPair[] = [];
  const fixedKeys = new Set<string>();
  const fixedCount = ids.map(() => 0);
  for (const f of event.fixed) {
    const a = indexOf.get(f.clusters[0]);
    const b = indexOf.get(f.clusters[1]);
    if (a === undefined || b === undefined) continue;
    fixed.push({ a, b, slot: f.slot, table: f.table });
    fixedKeys.add(pairKey(a, b));
    fixedCount[a]++;
    fixedCount[b]++;
  }

  const avoid = new Set<string>();
  for (const pair of event.avoid) {
    const a = indexOf.get(pair.from);
    const b = indexOf.get(pair.to);
    if (a !== undefined && b !== undefined) avoid.add(pairKey(a, b));
  }
  const alreadyMet = new Set<string>();
  for (const [x, y] of event.alreadyMet) {
    const a = indexOf.get(x);
    const b = indexOf.get(y);
    if (a !== undefined && b !== undefined) alreadyMet.add(pairKey(a, b));
  }
  const regions = event.clusters.map((c) => normalizeRegion(c.region));

  const candidates: CandidatePair[] = [];
  const excluded = new Map<string, UnmetReasonCode>();
  const seen = new Set<string>();
  for (let from = 0; from < ids.length; from++) {
    for (const to of wishRank[from].keys()) {
      const key = pairKey(from, to);
      if (seen.has(key)) continue;
      seen.add(key);
      if (fixedKeys.has(key)) continue;
      const a = Math.min(from, to);
      const b = Math.max(from, to);
      const rankAB = wishRank[a].get(b) ?? 0;
      const rankBA = wishRank[b].get(a) ?? 0;
      if (avoid.has(key)) {
        excluded.set(key, 'excluded-avoid');
        continue;
      }
      if (alreadyMet.has(key) && !(rankAB > 0 && rankBA > 0)) {
        excluded.set(key, 'excluded-already-met');
        continue;
      }
      if (settings.pairing === 'cross-region' && regions[a] === regions[b]) {
        excluded.set(key, 'excluded-same-region');
        continue;
      }
      const commonSlots: number[] = [];
      for (let s = 0; s < slots.length; s++) if (available[a][s] && available[b][s]) commonSlots.push(s);
      if (commonSlots.length === 0) {
        excluded.set(key, 'no-common-slot');
        continue;
      }
      candidates.push({
        a,
        b,
        rankAB,
        rankBA,
        weight: wishWeight(K, rankAB) + wishWeight(K, rankBA),
        commonSlots,
      });
    }
  }
  candidates.sort((x, y) => x.a - y.a || x.b - y.b);

  return {
    event,
    slots,
    ids,
    indexOf,
    available,
    capacity: fixedCount.map((n) => Math.max(0, settings.maxMeetingsPerCluster - n)),
    roomCapacity: Math.max(0, settings.tables * slots.length - fixed.length),
    K,
    wishRank,
    wishers,
    candidates,
    fixed,
    excluded,
  };
}
