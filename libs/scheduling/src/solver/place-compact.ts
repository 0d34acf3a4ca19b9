/**
 * Compactness (quality figure 3): fewer idle slots. A seeded simulated annealing over valid
 * placements only, with three moves:
 * - one meeting to another slot where both clusters are free (a Kempe chain of length one);
 * - a Kempe-chain swap α ↔ β on the component of a meeting (only its two end clusters change);
 * - the swap of two whole slots (all meetings of α go to β and back), when availability allows.
 * The table limit is hard (a move into a full slot exchanges with a meeting there), or soft: a slot
 * may go over it for a while, at a cost, which lets a nearly full room be rearranged.
 * The run length is fixed by the input size (deterministic); the deadline only cuts it short.
 */
import type { Inserter } from './place-insert';
import type { PlacementState, Random } from './place-state';

// Hot paths read Math through module constants: global lookups are slow in vm contexts (jest).
const { clz32, exp, max, min } = Math;
const INFINITY = Number.POSITIVE_INFINITY;

export interface CompactOptions {
  /** Number of moves tried. */
  iterations: number;
  /** Epoch ms: stop when passed. */
  deadline: number;
  /** Longest Kempe chain tried, in meetings. */
  chainLimit?: number;
  /** Stop as soon as the idle slots reach this (a lower bound; default 0). */
  floor?: number;
  /**
   * Stop when the best has not improved for this share of the run (default 0.25); 1 runs to the
   * end (for a run that starts from an already compact placement and must first cool down).
   */
  patience?: number;
  /**
   * Tables as a soft limit: a slot may hold more meetings than there are tables during the run, at
   * this cost per meeting over the limit (an idle slot costs 1), and only placements within the
   * limit are kept as the best. In a room that is full or nearly, the moves a hard limit forbids
   * are the ones that close the last gaps (a meeting enters a full slot now, another leaves it
   * later). Unset: the limit is hard, and a move into a full slot exchanges with a meeting there.
   */
  tablePenalty?: number;
  /** Temperature of the first move (default 1.2; lower from an already compact placement). */
  startTemperature?: number;
}

const START_TEMPERATURE = 1.2;
const END_TEMPERATURE = 0.06;
const STALL_MIN = 20_000;
const SLOT_SWAP_RATE = 0.0002;
const WIDE_MOVE_RATE = 0.3;
/** With soft tables, the share of moves into a full slot made as an exchange with a meeting there. */
const SOFT_EXCHANGE_RATE = 0.5;
/**
 * With soft tables, the share of moves that start from a meeting of a gapped cluster, and (while a
 * slot is over the limit) from a meeting of such a slot; the gapped clusters' meetings are listed
 * again every FOCUS_REFRESH + 1 moves. On 3,000 clusters in a 99% full room, 27 million moves: 31
 * idle slots without them, 6 to 16 with them (3 seeds); 80% from gapped clusters never came back
 * within the limit.
 */
const GAPPED_PICK_RATE = 0.6;
const OVERFULL_PICK_RATE = 0.1;
const FOCUS_REFRESH = 4095;

export function compact(
  st: PlacementState,
  inserter: Inserter,
  random: Random,
  options: CompactOptions,
): number {
  const { S, T } = st;
  const movable: number[] = [];
  for (let e = 0; e < st.m; e++) if (st.slotOf[e] >= 0 && st.pinnedSlot[e] < 0) movable.push(e);
  let current = st.totalIdle();
  const floor = options.floor ?? 0;
  if (current <= floor || S < 2) return current;
  let best = current;
  let bestSlots = st.slotOf.slice();
  const chainLimit = options.chainLimit ?? 24;
  const iterations = options.iterations;
  const startTemperature = options.startTemperature ?? START_TEMPERATURE;
  const ratio = END_TEMPERATURE / startTemperature;
  let temperature = startTemperature;
  // Soft tables: `over` meetings above the limit in all slots, at `penalty` each (0 = hard limit).
  const penalty = options.tablePenalty ?? 0;
  const soft = penalty > 0;
  let over = 0;
  const above = (load: number) => (load > T ? load - T : 0);
  // With soft tables, the moves start mostly from where the work is: the meetings of the clusters
  // that have a gap (refreshed now and then) and the slots over the limit.
  const focus: number[] = [];

  const accept = (delta: number): boolean => delta <= 0 || random.next() < exp(-delta / temperature);

  // Stop early once the best has not improved for a share of the run (deterministic).
  const patience = Math.max(STALL_MIN, Math.floor(iterations * (options.patience ?? 0.25)));
  let lastImprovement = 0;
  for (let i = 0; i < iterations; i++) {
    if ((i & 1023) === 0) {
      if (Date.now() > options.deadline || i - lastImprovement > patience) break;
      temperature = startTemperature * Math.pow(ratio, i / iterations);
    }
    if (random.next() < SLOT_SWAP_RATE || movable.length === 0) {
      const alpha = random.int(S);
      const beta = random.int(S - 1);
      current += trySlotSwap(st, alpha, beta >= alpha ? beta + 1 : beta, accept);
    } else {
      if (soft && (i & FOCUS_REFRESH) === 0) gappedMeetings(st, focus);
      let e = -1;
      if (over > 0 && random.next() < OVERFULL_PICK_RATE) e = meetingOverLimit(st, over, random);
      else if (focus.length > 0 && random.next() < GAPPED_PICK_RATE) e = focus[random.int(focus.length)];
      if (e < 0) e = movable[random.int(movable.length)];
      const alpha = st.slotOf[e];
      const beta = pickTarget(st, e, alpha, random);
      if (beta < 0) continue;
      if (!st.allowed(e, beta)) {
        continue;
      }
      const a = st.ea[e];
      const b = st.eb[e];
      if (st.at[a * S + beta] === -1 && st.at[b * S + beta] === -1) {
        if (!st.tableOk(e, beta)) continue;
        let delta = st.idleMoved(a, alpha, beta) - st.idle(a) + st.idleMoved(b, alpha, beta) - st.idle(b);
        let partner = -1;
        let overChange = 0;
        if (soft && (st.load[beta] < T || random.next() >= SOFT_EXCHANGE_RATE)) {
          overChange =
            above(st.load[beta] + 1) -
            above(st.load[beta]) +
            above(st.load[alpha] - 1) -
            above(st.load[alpha]);
        } else if (st.load[beta] >= T) {
          // The slot is full: exchange with a meeting of β that can take e's place in α.
          partner = pickPartner(st, e, alpha, beta, random);
          if (partner < 0) {
            continue;
          }
          const c = st.ea[partner];
          const d = st.eb[partner];
          delta += st.idleMoved(c, beta, alpha) - st.idle(c) + st.idleMoved(d, beta, alpha) - st.idle(d);
        }
        if (!accept(delta + penalty * overChange)) continue;
        if (partner >= 0) st.unassign(partner);
        st.move(e, beta);
        if (partner >= 0) st.assign(partner, alpha);
        current += delta;
        over += overChange;
      } else {
        if (st.locked[e] || !inserter.walk(e, alpha, beta, chainLimit)) {
          continue;
        }
        const comp = inserter.lastComponent;
        if (comp.cycle) {
          continue;
        }
        const loadAlpha = st.load[alpha] - comp.nAlpha + comp.nBeta;
        const loadBeta = st.load[beta] - comp.nBeta + comp.nAlpha;
        if (!soft && (loadAlpha > T || loadBeta > T)) continue;
        if (!inserter.swappable(alpha, beta)) continue;
        const overChange = soft
          ? above(loadAlpha) + above(loadBeta) - above(st.load[alpha]) - above(st.load[beta])
          : 0;
        let delta = 0;
        for (let end = 0; end < 2; end++) {
          const x = end === 0 ? comp.endA : comp.endB;
          const from = st.at[x * S + alpha] !== -1 ? alpha : beta;
          const to = from === alpha ? beta : alpha;
          delta += st.idleMoved(x, from, to) - st.idle(x);
        }
        if (!accept(delta + penalty * overChange)) continue;
        inserter.swap(alpha, beta);
        current += delta;
        over += overChange;
      }
    }
    if (current < best && over === 0) {
      best = current;
      lastImprovement = i;
      bestSlots = st.slotOf.slice();
      if (best <= floor) break;
    }
  }
  if (current > best || over > 0) {
    for (let e = 0; e < st.m; e++) st.unassign(e);
    for (let e = 0; e < st.m; e++) if (bestSlots[e] >= 0) st.assign(e, bestSlots[e]);
    current = best;
  }
  return current;
}

/** Lists (in `into`) the movable meetings of the clusters with at least one idle slot. */
function gappedMeetings(st: PlacementState, into: number[]): void {
  const { S } = st;
  into.length = 0;
  for (let c = 0; c < st.n; c++) {
    if (st.idle(c) === 0) continue;
    for (let s = 0; s < S; s++) {
      const e = st.at[c * S + s];
      if (e >= 0 && st.pinnedSlot[e] < 0) into.push(e);
    }
  }
}

/** A meeting of a slot over the table limit, slots weighted by how far over (`over` in all); -1 if pinned. */
function meetingOverLimit(st: PlacementState, over: number, random: Random): number {
  let k = random.int(over);
  for (let s = 0; s < st.S; s++) {
    const excess = st.load[s] - st.T;
    if (excess <= 0) continue;
    if (k < excess) {
      const list = st.slotEdges[s];
      const e = list[random.int(list.length)];
      return st.pinnedSlot[e] < 0 ? e : -1;
    }
    k -= excess;
  }
  return -1;
}

/** Exchanges all meetings of slots α and β when availability and pins allow; returns the idle change. */
function trySlotSwap(
  st: PlacementState,
  alpha: number,
  beta: number,
  accept: (delta: number) => boolean,
): number {
  const { S } = st;
  const inAlpha = st.slotEdges[alpha].slice();
  const inBeta = st.slotEdges[beta].slice();
  for (const e of inAlpha) if (st.pinnedSlot[e] >= 0 || !st.allowed(e, beta)) return 0;
  for (const e of inBeta) if (st.pinnedSlot[e] >= 0 || !st.allowed(e, alpha)) return 0;
  let delta = 0;
  const seen = new Set<number>();
  for (const e of [...inAlpha, ...inBeta]) {
    for (const x of [st.ea[e], st.eb[e]]) {
      if (seen.has(x)) continue;
      seen.add(x);
      const inA = st.at[x * S + alpha] !== -1;
      const inB = st.at[x * S + beta] !== -1;
      if (inA && inB) continue;
      delta += inA ? st.idleMoved(x, alpha, beta) - st.idle(x) : st.idleMoved(x, beta, alpha) - st.idle(x);
    }
  }
  if (!accept(delta)) return 0;
  for (const e of inAlpha) st.unassign(e);
  for (const e of inBeta) st.unassign(e);
  for (const e of inAlpha) st.assign(e, beta);
  for (const e of inBeta) st.assign(e, alpha);
  return delta;
}

/**
 * A slot to move meeting e to: mostly within (or next to) the span of one of its clusters, where
 * moves can close gaps; sometimes anywhere.
 */
function pickTarget(st: PlacementState, e: number, alpha: number, random: Random): number {
  const { S } = st;
  if (random.next() < WIDE_MOVE_RATE) {
    const beta = random.int(S - 1);
    return beta >= alpha ? beta + 1 : beta;
  }
  const x = random.next() < 0.5 ? st.ea[e] : st.eb[e];
  let first = -1;
  let last = -1;
  if (st.useMasks) {
    const mask = st.busy[x];
    first = 31 - clz32(mask & -mask);
    last = 31 - clz32(mask);
  } else {
    for (let s = 0; s < S; s++) {
      if (st.at[x * S + s] === -1) continue;
      if (first < 0) first = s;
      last = s;
    }
  }
  const lo = max(0, first - 1);
  const hi = min(S - 1, last + 1);
  if (hi <= lo) return -1;
  const beta = lo + random.int(hi - lo);
  return beta >= alpha ? beta + 1 : beta;
}

const PARTNER_TRIES = 4;

/**
 * A meeting of the full slot β that could move to α once e has left it (both its clusters free and
 * available in α, not pinned), the one adding the fewest idle slots among a few sampled; -1 if none.
 */
function pickPartner(st: PlacementState, e: number, alpha: number, beta: number, random: Random): number {
  const { S } = st;
  const list = st.slotEdges[beta];
  let best = -1;
  let bestDelta = INFINITY;
  for (let k = 0; k < PARTNER_TRIES; k++) {
    const f = list[random.int(list.length)];
    if (f === e || st.pinnedSlot[f] >= 0 || !st.allowed(f, alpha) || !st.tableOk(f, alpha)) continue;
    const c = st.ea[f];
    const d = st.eb[f];
    if (st.at[c * S + alpha] !== -1 || st.at[d * S + alpha] !== -1) continue;
    const delta = st.idleMoved(c, beta, alpha) - st.idle(c) + st.idleMoved(d, beta, alpha) - st.idle(d);
    if (delta < bestDelta) {
      best = f;
      bestDelta = delta;
    }
  }
  return best;
}
