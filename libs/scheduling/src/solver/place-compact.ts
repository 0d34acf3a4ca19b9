/**
 * Compactness (quality figure 3): fewer idle slots. A seeded simulated annealing over valid
 * placements only, with three moves:
 * - one meeting to another slot where both clusters are free (a Kempe chain of length one);
 * - a Kempe-chain swap α ↔ β on the component of a meeting (only its two end clusters change);
 * - the swap of two whole slots (all meetings of α go to β and back), when availability allows.
 * The run length is fixed by the input size (deterministic); the deadline only cuts it short.
 */
import type { Inserter } from './place-insert';
import type { PlacementState, Random } from './place-state';

export interface CompactOptions {
  /** Number of moves tried. */
  iterations: number;
  /** Epoch ms: stop when passed. */
  deadline: number;
  /** Longest Kempe chain tried, in meetings. */
  chainLimit?: number;
}

const START_TEMPERATURE = 0.6;
const END_TEMPERATURE = 0.03;
const SLOT_SWAP_RATE = 0.0002;
const WIDE_MOVE_RATE = 0.3;

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
  if (current === 0 || S < 2 || (movable.length === 0 && S < 2)) return current;
  let best = current;
  let bestSlots = st.slotOf.slice();
  const chainLimit = options.chainLimit ?? 24;
  const iterations = options.iterations;
  const ratio = END_TEMPERATURE / START_TEMPERATURE;
  let temperature = START_TEMPERATURE;

  const accept = (delta: number): boolean => delta <= 0 || random.next() < Math.exp(-delta / temperature);

  for (let i = 0; i < iterations; i++) {
    if ((i & 1023) === 0) {
      if (Date.now() > options.deadline) break;
      temperature = START_TEMPERATURE * Math.pow(ratio, i / iterations);
    }
    if (random.next() < SLOT_SWAP_RATE || movable.length === 0) {
      const alpha = random.int(S);
      const beta = random.int(S - 1);
      current += trySlotSwap(st, alpha, beta >= alpha ? beta + 1 : beta, accept);
    } else {
      const e = movable[random.int(movable.length)];
      const alpha = st.slotOf[e];
      const beta = pickTarget(st, e, alpha, random);
      if (beta < 0) continue;
      if (!st.allowed(e, beta)) continue;
      const a = st.ea[e];
      const b = st.eb[e];
      if (st.at[a * S + beta] === -1 && st.at[b * S + beta] === -1) {
        if (st.load[beta] >= T || !st.tableOk(e, beta)) continue;
        const delta = st.idleMoved(a, alpha, beta) - st.idle(a) + st.idleMoved(b, alpha, beta) - st.idle(b);
        if (!accept(delta)) continue;
        st.move(e, beta);
        current += delta;
      } else {
        if (st.locked[e] || !inserter.walk(e, alpha, beta, chainLimit)) continue;
        const comp = inserter.lastComponent;
        if (comp.cycle) continue;
        if (st.load[alpha] - comp.nAlpha + comp.nBeta > T || st.load[beta] - comp.nBeta + comp.nAlpha > T)
          continue;
        if (!inserter.swappable(alpha, beta)) continue;
        let delta = 0;
        for (const x of [comp.endA, comp.endB]) {
          const from = st.at[x * S + alpha] !== -1 ? alpha : beta;
          const to = from === alpha ? beta : alpha;
          delta += st.idleMoved(x, from, to) - st.idle(x);
        }
        if (!accept(delta)) continue;
        inserter.swap(alpha, beta);
        current += delta;
      }
    }
    if (current < best) {
      best = current;
      bestSlots = st.slotOf.slice();
      if (best === 0) break;
    }
  }
  if (current > best) {
    for (let e = 0; e < st.m; e++) st.unassign(e);
    for (let e = 0; e < st.m; e++) if (bestSlots[e] >= 0) st.assign(e, bestSlots[e]);
    current = best;
  }
  return current;
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
  for (let s = 0; s < S; s++) {
    if (st.at[x * S + s] === -1) continue;
    if (first < 0) first = s;
    last = s;
  }
  const lo = Math.max(0, first - 1);
  const hi = Math.min(S - 1, last + 1);
  if (hi <= lo) return -1;
  const beta = lo + random.int(hi - lo);
  return beta >= alpha ? beta + 1 : beta;
}
