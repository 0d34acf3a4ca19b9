/**
 * Putting one meeting into a slot, by increasingly expensive means:
 *
 * 1. greedy: a slot where both clusters are free and available and a table is left (the one that
 *    adds the fewest idle slots);
 * 2. Kempe chain: free a slot at the busy cluster by swapping two slots along an alternating path;
 * 3. make room: move one meeting out of a full slot;
 * 4. Misra–Gries: the fan rotation of Vizing's theorem (always succeeds with Δ + 1 slots and no
 *    availability windows), then rebalance slot loads to the table limit along alternating paths
 *    (McDiarmid: an equitable colouring exists when the tables are enough on average);
 * 5. ejection chain: place it where it collides least, re-place what it pushed out, bounded, and
 *    rolled back unless everything found a place.
 *
 * Every step checks availability, the table limit and pinned meetings; a step that cannot finish
 * undoes what it did.
 */
import { PlacementState, Random } from './place-state';

// Hot paths read Math through module constants: global lookups are slow in vm contexts (jest).
const { min, max } = Math;
const INFINITY = Number.POSITIVE_INFINITY;

export interface InsertBudget {
  /** Work units (chain steps, slot scans) the repairs may still spend; then only greedy runs. */
  work: number;
  /** Ejection steps left. */
  eject: number;
  /** Epoch ms after which only cheap steps run. */
  deadline: number;
}

/** An alternating α/β component: its edges (the first `size` of `edges`) and, for a path, its two end clusters. */
interface Component {
  edges: Int32Array;
  size: number;
  nAlpha: number;
  nBeta: number;
  cycle: boolean;
  endA: number;
  endB: number;
}

const EJECT_STEPS_PER_EDGE = 60;

export class Inserter {
  private readonly component: Component;
  private readonly visited: Int32Array;
  private readonly targets: Int32Array;
  private stamp = 0;

  constructor(
    private readonly st: PlacementState,
    private readonly budget: InsertBudget,
    private readonly random: Random,
  ) {
    this.visited = new Int32Array(st.m);
    this.targets = new Int32Array(st.m + 1);
    this.component = {
      edges: new Int32Array(st.m + 1),
      size: 0,
      nAlpha: 0,
      nBeta: 0,
      cycle: false,
      endA: -1,
      endB: -1,
    };
  }

  /** Tries every means in turn; true when e is placed. */
  insert(e: number): boolean {
    const st = this.st;
    if (st.pinnedSlot[e] >= 0) return this.placePinned(e);
    if (st.freeSlots(st.ea[e]) === 0 || st.freeSlots(st.eb[e]) === 0) return false;
    if (st.placed >= st.S * st.T) return false;
    if (this.greedy(e)) return true;
    if (this.budget.work <= 0) return false;
    if (this.kempe(e) || this.makeRoom(e)) return true;
    if (Date.now() > this.budget.deadline) return false;
    if (this.misraGries(e, st.ea[e]) || this.misraGries(e, st.eb[e])) return true;
    return this.eject(e);
  }

  /** A meeting fixed to a slot: there or nowhere (freeing its table by moving a meeting out). */
  private placePinned(e: number): boolean {
    const st = this.st;
    const s = st.pinnedSlot[e];
    if (s < 0 || s >= st.S || !st.allowed(e, s) || !st.tableOk(e, s)) return false;
    if (st.at[st.ea[e] * st.S + s] !== -1 || st.at[st.eb[e] * st.S + s] !== -1) return false;
    if (st.load[s] < st.T) {
      st.assign(e, s);
      return true;
    }
    return this.moveOneOut(s, e);
  }

  /** Step 1: the free slot that adds the fewest idle slots (then the emptiest, then the earliest). */
  greedy(e: number): boolean {
    const st = this.st;
    const s = this.bestFreeSlot(e, true);
    if (s < 0) return false;
    st.assign(e, s);
    return true;
  }

  private bestFreeSlot(e: number, withTables: boolean): number {
    const st = this.st;
    const { S } = st;
    const a = st.ea[e];
    const b = st.eb[e];
    const spanA = this.span(a);
    const spanB = this.span(b);
    let best = -1;
    let bestCost = INFINITY;
    let bestLoad = INFINITY;
    for (let s = 0; s < S; s++) {
      if (st.at[a * S + s] !== -1 || st.at[b * S + s] !== -1 || !st.allowed(e, s) || !st.tableOk(e, s))
        continue;
      if (withTables && st.load[s] >= st.T) continue;
      const cost = this.addedIdle(a, spanA, s) + this.addedIdle(b, spanB, s);
      if (cost < bestCost || (cost === bestCost && st.load[s] < bestLoad)) {
        best = s;
        bestCost = cost;
        bestLoad = st.load[s];
      }
    }
    return best;
  }

  /** [first, last, count, idle] of a cluster's meetings. */
  private span(c: number): [number, number, number, number] {
    const st = this.st;
    const { S } = st;
    let first = -1;
    let last = -1;
    let count = 0;
    for (let s = 0; s < S; s++) {
      if (st.at[c * S + s] === -1) continue;
      if (first < 0) first = s;
      last = s;
      count++;
    }
    if (first < 0) return [-1, -1, 0, 0];
    const p = c * (S + 1);
    return [first, last, count, st.availPrefix[p + last + 1] - st.availPrefix[p + first] - count];
  }

  private addedIdle(
    c: number,
    [first, last, count, idle]: [number, number, number, number],
    s: number,
  ): number {
    if (first < 0) return 0;
    const st = this.st;
    const p = c * (st.S + 1);
    const lo = min(first, s);
    const hi = max(last, s);
    return st.availPrefix[p + hi + 1] - st.availPrefix[p + lo] - count - 1 - idle;
  }

  /**
   * The α/β component holding edge f (in slot α or β): a path or an even cycle, since each cluster
   * has at most one meeting per slot. False when longer than `limit` edges.
   */
  walk(f: number, alpha: number, beta: number, limit: number): boolean {
    const st = this.st;
    const { S } = st;
    const comp = this.component;
    const edges = comp.edges;
    let size = 1;
    let nAlpha = st.slotOf[f] === alpha ? 1 : 0;
    edges[0] = f;
    comp.cycle = false;
    comp.endA = -1;
    comp.endB = -1;
    for (let side = 0; side < 2 && !comp.cycle; side++) {
      let x = side === 0 ? st.ea[f] : st.eb[f];
      let colour = st.slotOf[f];
      for (;;) {
        const next = colour === alpha ? beta : alpha;
        const g = st.at[x * S + next];
        if (g === -1) break;
        if (g === f) {
          comp.cycle = true;
          break;
        }
        if (size > limit) {
          this.budget.work -= size;
          return false;
        }
        edges[size++] = g;
        if (next === alpha) nAlpha++;
        x = st.ea[g] === x ? st.eb[g] : st.ea[g];
        colour = next;
      }
      if (side === 0) comp.endA = x;
      else comp.endB = x;
    }
    this.budget.work -= size;
    comp.size = size;
    comp.nAlpha = nAlpha;
    comp.nBeta = size - nAlpha;
    return true;
  }

  /** Every edge of the last walked component may change slot α ↔ β. */
  swappable(alpha: number, beta: number): boolean {
    const st = this.st;
    const { edges, size } = this.component;
    for (let i = 0; i < size; i++) {
      const g = edges[i];
      if (st.locked[g]) return false;
      if (!st.allowed(g, st.slotOf[g] === alpha ? beta : alpha)) return false;
    }
    return true;
  }

  /** Swaps α ↔ β on the last walked component. */
  swap(alpha: number, beta: number): void {
    const st = this.st;
    const { edges, size } = this.component;
    // Unassign all first: an edge's new slot is still held by its neighbour until that one moves.
    const targets = this.targets;
    for (let i = 0; i < size; i++) {
      const g = edges[i];
      targets[i] = st.slotOf[g] === alpha ? beta : alpha;
      st.unassign(g);
    }
    for (let i = 0; i < size; i++) st.assign(edges[i], targets[i]);
  }

  get lastComponent(): Readonly<Component> {
    return this.component;
  }

  private walkLimit(): number {
    return this.budget.work > 0 ? min(this.budget.work, 4 * this.st.n + 8) : 0;
  }

  /** Step 2: one cluster is busy in slot α; free it there by an α/β swap that does not reach the other. */
  kempe(e: number): boolean {
    const st = this.st;
    const { S, T } = st;
    const a = st.ea[e];
    const b = st.eb[e];
    for (let alpha = 0; alpha < S; alpha++) {
      if (!st.allowed(e, alpha) || !st.tableOk(e, alpha)) continue;
      const fa = st.at[a * S + alpha];
      const fb = st.at[b * S + alpha];
      if ((fa === -1) === (fb === -1)) continue;
      const busy = fa === -1 ? b : a;
      const free = fa === -1 ? a : b;
      const f = fa === -1 ? fb : fa;
      if (st.locked[f]) continue;
      for (let beta = 0; beta < S; beta++) {
        if (beta === alpha || st.avail[busy * S + beta] === 0 || st.at[busy * S + beta] !== -1) continue;
        const limit = this.walkLimit();
        if (limit === 0) return false;
        this.budget.work--;
        if (!this.walk(f, alpha, beta, limit)) continue;
        const comp = this.component;
        if (comp.endA === free || comp.endB === free) continue;
        const loadAlpha = st.load[alpha] - comp.nAlpha + comp.nBeta + 1;
        const loadBeta = st.load[beta] - comp.nBeta + comp.nAlpha;
        if (loadAlpha > T || loadBeta > T || !this.swappable(alpha, beta)) continue;
        this.swap(alpha, beta);
        st.assign(e, alpha);
        return true;
      }
    }
    return false;
  }

  /** Step 3: both clusters are free in a full slot: move one of its meetings to another slot. */
  makeRoom(e: number): boolean {
    const st = this.st;
    const { S } = st;
    const a = st.ea[e];
    const b = st.eb[e];
    for (let alpha = 0; alpha < S; alpha++) {
      if (st.load[alpha] < st.T || !st.allowed(e, alpha) || !st.tableOk(e, alpha)) continue;
      if (st.at[a * S + alpha] !== -1 || st.at[b * S + alpha] !== -1) continue;
      if (this.moveOneOut(alpha, e)) return true;
    }
    return false;
  }

  /** Moves one meeting out of full slot s to wherever it fits, then puts e in s. */
  private moveOneOut(s: number, e: number): boolean {
    const st = this.st;
    let room = false;
    for (let t = 0; t < st.S && !room; t++) room = t !== s && st.load[t] < st.T;
    if (!room) return false;
    const list = st.slotEdges[s];
    for (let i = 0; i < list.length; i++) {
      if (this.budget.work <= 0) return false;
      this.budget.work -= st.S;
      const f = list[i];
      if (st.pinnedSlot[f] >= 0) continue;
      if (st.pinnedTable[e] > 0 && st.pinnedTable[f] === st.pinnedTable[e]) continue;
      const target = this.bestFreeSlot(f, true);
      if (target < 0) continue;
      st.move(f, target);
      st.assign(e, s);
      return true;
    }
    return false;
  }

  /**
   * Step 4: Misra–Gries fan rotation around cluster u, ignoring the table limit, then `balance`.
   * Undone if any move would break availability or touch a pinned meeting.
   */
  misraGries(e: number, u: number): boolean {
    const st = this.st;
    if (st.pinnedTable[e] > 0 || this.budget.work <= 0) return false;
    const mark = st.begin();
    if (this.fanRotate(e, u) && this.balance()) {
      st.commit();
      return true;
    }
    st.rollback(mark);
    return false;
  }

  private fanRotate(e: number, u: number): boolean {
    const st = this.st;
    const { S } = st;
    const v = st.other(e, u);
    // A slot free at both: plain colouring (the table limit is left to `balance`).
    const direct = this.bestFreeSlot(e, false);
    if (direct >= 0) {
      st.assign(e, direct);
      return true;
    }
    // Maximal fan F = [v = f0, f1, …]: slot of (u, f_{i+1}) is free at f_i.
    const fan: number[] = [v];
    const fanEdges: number[] = [e];
    const inFan = new Set<number>([v]);
    for (;;) {
      const last = fan[fan.length - 1];
      this.budget.work -= S;
      let found = -1;
      for (let s = 0; s < S; s++) {
        const g = st.at[u * S + s];
        if (g === -1 || st.locked[g] || inFan.has(st.other(g, u))) continue;
        if (st.at[last * S + s] !== -1 || st.avail[last * S + s] === 0) continue;
        found = g;
        break;
      }
      if (found < 0) break;
      const w = st.other(found, u);
      fan.push(w);
      fanEdges.push(found);
      inFan.add(w);
    }
    const fk = fan[fan.length - 1];
    let c = -1;
    for (let s = 0; s < S && c < 0; s++) if (st.at[u * S + s] === -1 && st.avail[u * S + s] === 1) c = s;
    let d = -1;
    for (let s = 0; s < S && d < 0; s++) {
      if (st.at[fk * S + s] === -1 && st.avail[fk * S + s] === 1 && st.avail[u * S + s] === 1) d = s;
    }
    if (c < 0 || d < 0) return false;
    if (c !== d) {
      // Invert the c/d path that starts at u with its d meeting (u has no c meeting).
      const g = st.at[u * S + d];
      if (g !== -1) {
        const limit = this.walkLimit();
        if (limit === 0 || !this.walk(g, c, d, limit) || !this.swappable(c, d)) return false;
        this.swap(c, d);
      }
    }
    // The first w of the fan whose prefix is still a fan and where d is free.
    for (let i = 0; i < fan.length; i++) {
      if (i > 0) {
        const colour = st.slotOf[fanEdges[i]];
        const prev = fan[i - 1];
        if (colour < 0 || st.at[prev * S + colour] !== -1 || st.avail[prev * S + colour] === 0) return false;
      }
      const w = fan[i];
      if (st.at[w * S + d] !== -1 || st.avail[w * S + d] === 0 || st.at[u * S + d] !== -1) continue;
      // Rotate: (u, f_j) takes the slot of (u, f_{j+1}); (u, w) takes d.
      const targets: number[] = [];
      for (let j = 0; j < i; j++) targets.push(st.slotOf[fanEdges[j + 1]]);
      targets.push(d);
      for (let j = 1; j <= i; j++) st.unassign(fanEdges[j]);
      for (let j = 0; j <= i; j++) {
        const edge = fanEdges[j];
        const s = targets[j];
        if (st.at[st.ea[edge] * S + s] !== -1 || st.at[st.eb[edge] * S + s] !== -1 || !st.allowed(edge, s)) {
          return false;
        }
        st.assign(edge, s);
      }
      return true;
    }
    return false;
  }

  /**
   * Brings every slot back to at most T meetings: swap an α/β path with one more α meeting than
   * β meetings into a slot β that has room.
   */
  balance(): boolean {
    const st = this.st;
    const { S, T } = st;
    for (let alpha = 0; alpha < S; alpha++) {
      while (st.load[alpha] > T) {
        if (!this.shiftOne(alpha)) return false;
      }
    }
    return true;
  }

  private shiftOne(alpha: number): boolean {
    const st = this.st;
    const { S, T } = st;
    const betas: number[] = [];
    for (let beta = 0; beta < S; beta++) if (beta !== alpha && st.load[beta] < T) betas.push(beta);
    betas.sort((x, y) => st.load[x] - st.load[y] || x - y);
    for (const beta of betas) {
      this.stamp++;
      const list = st.slotEdges[alpha];
      for (let i = 0; i < list.length; i++) {
        const f = list[i];
        if (this.visited[f] === this.stamp || st.locked[f]) continue;
        const limit = this.walkLimit();
        if (limit === 0) return false;
        if (!this.walk(f, alpha, beta, limit)) continue;
        const { edges, size } = this.component;
        for (let k = 0; k < size; k++) this.visited[edges[k]] = this.stamp;
        const comp = this.component;
        if (comp.nAlpha - comp.nBeta !== 1 || !this.swappable(alpha, beta)) continue;
        this.swap(alpha, beta);
        return true;
      }
    }
    return false;
  }

  /**
   * Step 5: put e where it collides least, push out what is in the way and re-place that the same
   * way. Succeeds only if everything finds a place within the step budget; otherwise undone.
   */
  eject(e0: number): boolean {
    const st = this.st;
    const { S, T } = st;
    if (this.budget.eject <= 0 || this.budget.work <= 0) return false;
    const mark = st.begin();
    const queue = [e0];
    const evictions = new Map<number, number>();
    const cameFrom = new Map<number, number>();
    let steps = 0;
    const evictable = (g: number): boolean => st.pinnedSlot[g] < 0;
    while (queue.length > 0) {
      if (++steps > EJECT_STEPS_PER_EDGE || this.budget.eject-- <= 0) {
        st.rollback(mark);
        return false;
      }
      const e = queue.pop() as number;
      this.budget.work -= S;
      if (st.freeSlots(st.ea[e]) === 0 || st.freeSlots(st.eb[e]) === 0) break;
      if (this.greedy(e) || this.kempe(e)) continue;
      const a = st.ea[e];
      const b = st.eb[e];
      let best = -1;
      let bestCost = INFINITY;
      let bestOut: number[] = [];
      for (let s = 0; s < S; s++) {
        if (s === cameFrom.get(e) || !st.allowed(e, s) || !st.tableOk(e, s)) continue;
        const out: number[] = [];
        const ga = st.at[a * S + s];
        const gb = st.at[b * S + s];
        if (ga !== -1) out.push(ga);
        if (gb !== -1 && gb !== ga) out.push(gb);
        if (out.some((g) => !evictable(g))) continue;
        if (st.load[s] - out.length >= T) {
          const extra = this.pickVictim(s, out, evictions, e);
          if (extra < 0) continue;
          out.push(extra);
        }
        let cost = this.random.next();
        for (const g of out) cost += 1 + 2 * (evictions.get(g) ?? 0) + (g === e0 ? 3 : 0);
        if (cost < bestCost) {
          best = s;
          bestCost = cost;
          bestOut = out;
        }
      }
      if (best < 0) break;
      for (const g of bestOut) {
        st.unassign(g);
        evictions.set(g, (evictions.get(g) ?? 0) + 1);
        cameFrom.set(g, best);
        queue.push(g);
      }
      st.assign(e, best);
    }
    if (queue.length === 0 && this.allPlaced(e0, evictions)) {
      st.commit();
      return true;
    }
    st.rollback(mark);
    return false;
  }

  private allPlaced(e0: number, evictions: Map<number, number>): boolean {
    if (this.st.slotOf[e0] < 0) return false;
    for (const g of evictions.keys()) if (this.st.slotOf[g] < 0) return false;
    return true;
  }

  /** A meeting of slot s to push out to free a table (not pinned, not already chosen, rarely moved). */
  private pickVictim(s: number, exclude: number[], evictions: Map<number, number>, e: number): number {
    const st = this.st;
    const list = st.slotEdges[s];
    if (list.length === 0) return -1;
    let best = -1;
    let bestCost = INFINITY;
    const tries = Math.min(list.length, 8);
    const start = this.random.int(list.length);
    for (let k = 0; k < tries; k++) {
      const g = list[(start + k) % list.length];
      if (st.pinnedSlot[g] >= 0 || exclude.includes(g) || g === e) continue;
      if (st.pinnedTable[e] > 0 && st.pinnedTable[g] === st.pinnedTable[e]) continue;
      const cost = evictions.get(g) ?? 0;
      if (cost < bestCost) {
        best = g;
        bestCost = cost;
      }
    }
    return best;
  }
}
