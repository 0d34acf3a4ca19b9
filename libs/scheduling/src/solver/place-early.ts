/**
 * A tie-break after compaction: among placements with as many idle slots, the earlier one. The
 * contract's quality order stops at idle slots (figure 3); organisers still expect the afternoon to
 * start at its first slot and delegates to be free early.
 *
 * The tertiary objective is the sum over meetings of their slot index. Each step below lowers it
 * and never raises the idle slots, so the order (idle, slot sum) is strictly lexicographic: no
 * amount of slot-sum gain ever pays for one idle slot, and nothing else (pairs, served clusters,
 * wish score) changes. Why this sum and not the sum of each cluster's last slot: with the idle
 * slots held, a cluster's agenda is a block whose first and last meeting move together, and the
 * meeting sum rewards moving any meeting earlier (so the greedy steps have a gradient and an empty
 * first slot always costs), whereas the last-slot sum is flat for every move but a cluster's last
 * meeting and cannot tell an agenda that starts at the first slot from one that starts later.
 *
 * Deterministic, no randomness; each round tries, until nothing improves or the deadline passes:
 * 1. column rotations: a whole slot's meetings go to an earlier slot and the slots in between shift
 *    one later, or a slot's meetings go later and those in between shift one earlier (the one
 *    that turns "slot 0 empty, meetings in 1–6" into "meetings in 0–5") — when availability and
 *    pins allow (tables follow their column);
 * 2. single meetings to the earliest slot where both clusters are free, a table is left and the
 *    pinned table (if any) is free;
 * 3. Kempe-chain swaps of a meeting's α/β component with an earlier β when that puts more of its
 *    meetings in β than it takes out.
 * Meetings pinned to a slot never move.
 */
import type { Inserter } from './place-insert';
import type { PlacementState } from './place-state';

export interface EarlyOptions {
  /** Epoch ms: the pass stops when passed. */
  deadline: number;
  /** Longest Kempe chain tried, in meetings (default 24). */
  chainLimit?: number;
  /** Rounds at most (default 50; each round that improves nothing ends the pass). */
  rounds?: number;
}

/** Sum over placed meetings of their slot index (the tertiary objective). */
export function slotSum(st: PlacementState): number {
  let sum = 0;
  for (let e = 0; e < st.m; e++) if (st.slotOf[e] >= 0) sum += st.slotOf[e];
  return sum;
}

/**
 * Moves meetings earlier without adding idle slots (see the file comment); returns the slot sum
 * gained (≥ 0). The total idle slots never grow.
 */
export function moveEarlier(st: PlacementState, inserter: Inserter, options: EarlyOptions): number {
  if (st.S < 2 || st.placed === 0) return 0;
  const rotations = new Rotations(st);
  const rounds = options.rounds ?? 50;
  const chainLimit = options.chainLimit ?? 24;
  let gained = 0;
  for (let round = 0; round < rounds; round++) {
    if (Date.now() > options.deadline) break;
    let gain = rotations.run(options.deadline);
    gain += singleMoves(st, options.deadline);
    if (Date.now() <= options.deadline) gain += kempeMoves(st, inserter, chainLimit, options.deadline);
    gained += gain;
    if (gain === 0) break;
  }
  return gained;
}

/** The new slot of a meeting now in slot s, under a column rotation. */
type Remap = (s: number) => number;

class Rotations {
  private readonly stamp: Int32Array;
  private tick = 0;
  private readonly clusters: number[] = [];

  constructor(private readonly st: PlacementState) {
    this.stamp = new Int32Array(st.n);
  }

  /**
   * Applies improving rotations until none is left, each time the one of largest slot-sum gain
   * among those that are feasible and add no idle slot; returns the gain.
   */
  run(deadline: number): number {
    const { S, load } = this.st;
    const prefix = new Int32Array(S + 1);
    const candidates: { from: number; to: number; gain: number }[] = [];
    let gained = 0;
    for (;;) {
      if (Date.now() > deadline) break;
      for (let s = 0; s < S; s++) prefix[s + 1] = prefix[s] + load[s];
      candidates.length = 0;
      for (let lo = 0; lo < S; lo++) {
        for (let hi = lo + 1; hi < S; hi++) {
          // Column hi to lo, the columns in between one later: hi's meetings gain hi − lo each.
          const down = load[hi] * (hi - lo) - (prefix[hi] - prefix[lo]);
          if (down > 0) candidates.push({ from: hi, to: lo, gain: down });
          // Column lo to hi, the columns in between one earlier: they gain one each.
          const up = prefix[hi + 1] - prefix[lo + 1] - load[lo] * (hi - lo);
          if (up > 0) candidates.push({ from: lo, to: hi, gain: up });
        }
      }
      candidates.sort((x, y) => y.gain - x.gain || x.to - y.to || x.from - y.from);
      const found = candidates.find(
        ({ from, to }) => this.feasible(from, to) && this.idleDelta(from, to) <= 0,
      );
      if (!found) break;
      this.apply(found.from, found.to);
      gained += found.gain;
    }
    return gained;
  }

  private remap(from: number, to: number): Remap {
    if (from > to) return (s) => (s === from ? to : s >= to && s < from ? s + 1 : s);
    return (s) => (s === from ? to : s > from && s <= to ? s - 1 : s);
  }

  private feasible(from: number, to: number): boolean {
    const st = this.st;
    const map = this.remap(from, to);
    const lo = Math.min(from, to);
    const hi = Math.max(from, to);
    for (let s = lo; s <= hi; s++) {
      const target = map(s);
      for (const e of st.slotEdges[s]) if (st.pinnedSlot[e] >= 0 || !st.allowed(e, target)) return false;
    }
    return true;
  }

  /** Change of the total idle slots if the rotation were applied. */
  private idleDelta(from: number, to: number): number {
    const st = this.st;
    const { S } = st;
    const map = this.remap(from, to);
    const lo = Math.min(from, to);
    const hi = Math.max(from, to);
    const clusters = this.clusters;
    clusters.length = 0;
    const tick = ++this.tick;
    for (let s = lo; s <= hi; s++) {
      for (const e of st.slotEdges[s]) {
        for (const x of [st.ea[e], st.eb[e]]) {
          if (this.stamp[x] === tick) continue;
          this.stamp[x] = tick;
          clusters.push(x);
        }
      }
    }
    let delta = 0;
    for (const x of clusters) {
      if (st.useMasks) {
        const mask = st.busy[x];
        let moved = 0;
        for (let s = lo; s <= hi; s++) if (mask & (1 << s)) moved |= 1 << map(s);
        let range = 0;
        for (let s = lo; s <= hi; s++) range |= 1 << s;
        delta += st.idleOfMask(x, ((mask & ~range) | moved) >>> 0) - st.idleOfMask(x, mask);
      } else {
        let first = S;
        let last = -1;
        let count = 0;
        for (let s = 0; s < S; s++) {
          if (st.at[x * S + s] === -1) continue;
          const t = map(s);
          if (t < first) first = t;
          if (t > last) last = t;
          count++;
        }
        const prefix = x * (S + 1);
        const after = st.availPrefix[prefix + last + 1] - st.availPrefix[prefix + first] - count;
        delta += after - st.idle(x);
      }
    }
    return delta;
  }

  private apply(from: number, to: number): void {
    const st = this.st;
    const map = this.remap(from, to);
    const lo = Math.min(from, to);
    const hi = Math.max(from, to);
    const moves: number[] = [];
    for (let s = lo; s <= hi; s++) for (const e of st.slotEdges[s]) moves.push(e, map(s));
    for (let i = 0; i < moves.length; i += 2) st.unassign(moves[i]);
    for (let i = 0; i < moves.length; i += 2) st.assign(moves[i], moves[i + 1]);
  }
}

/** Each movable meeting to the earliest free slot that adds no idle slot; returns the gain. */
function singleMoves(st: PlacementState, deadline: number): number {
  const { S, T } = st;
  let gained = 0;
  let changed = true;
  while (changed && Date.now() <= deadline) {
    changed = false;
    for (let e = 0; e < st.m; e++) {
      const alpha = st.slotOf[e];
      if (alpha <= 0 || st.pinnedSlot[e] >= 0) continue;
      const a = st.ea[e];
      const b = st.eb[e];
      const now = st.idle(a) + st.idle(b);
      for (let beta = 0; beta < alpha; beta++) {
        if (st.load[beta] >= T || !st.allowed(e, beta) || !st.tableOk(e, beta)) continue;
        if (st.at[a * S + beta] !== -1 || st.at[b * S + beta] !== -1) continue;
        if (st.idleMoved(a, alpha, beta) + st.idleMoved(b, alpha, beta) > now) continue;
        st.move(e, beta);
        gained += alpha - beta;
        changed = true;
        break;
      }
    }
  }
  return gained;
}

/**
 * For each meeting and each earlier slot β where one of its clusters is busy: the α/β component
 * swap, when it puts more meetings in β than in α, fits the tables and adds no idle slot.
 */
function kempeMoves(st: PlacementState, inserter: Inserter, chainLimit: number, deadline: number): number {
  const { S, T } = st;
  let gained = 0;
  for (let e = 0; e < st.m; e++) {
    if ((e & 255) === 0 && Date.now() > deadline) break;
    if (st.locked[e]) continue;
    for (let beta = 0; beta < st.slotOf[e]; beta++) {
      const alpha = st.slotOf[e];
      const a = st.ea[e];
      const b = st.eb[e];
      if (!st.allowed(e, beta)) continue;
      if (st.at[a * S + beta] === -1 && st.at[b * S + beta] === -1) continue; // a single move
      if (!inserter.walk(e, alpha, beta, chainLimit)) continue;
      const comp = inserter.lastComponent;
      if (comp.cycle || comp.nAlpha <= comp.nBeta) continue;
      if (st.load[beta] - comp.nBeta + comp.nAlpha > T) continue;
      if (!inserter.swappable(alpha, beta)) continue;
      let delta = 0;
      for (let end = 0; end < 2; end++) {
        const x = end === 0 ? comp.endA : comp.endB;
        const from = st.at[x * S + alpha] !== -1 ? alpha : beta;
        delta += st.idleMoved(x, from, from === alpha ? beta : alpha) - st.idle(x);
      }
      if (delta > 0) continue;
      inserter.swap(alpha, beta);
      gained += (comp.nAlpha - comp.nBeta) * (alpha - beta);
      break;
    }
  }
  return gained;
}
