/**
 * The mutable state of the placement: which slot each meeting ("edge") is in, who meets in each
 * slot, how full each slot is. Every change goes through `assign` / `unassign`, so the indexes
 * stay consistent and a journal can undo a failed repair.
 */

// Hot paths read Math through module constants: global lookups are slow in vm contexts (jest).
const { clz32, imul, floor } = Math;

/** Priority of a fixed meeting: above any wish weight. */
export const FIXED_PRIORITY = 1e9;

export interface EdgeSpec {
  a: number;
  b: number;
  /** Wish weight (candidates) or FIXED_PRIORITY (fixed meetings). */
  priority: number;
  /** Slot the meeting must be in, -1 when free. */
  pinnedSlot: number;
  /** Table the meeting must be at (1-based), 0 when free. */
  pinnedTable: number;
}

export class PlacementState {
  readonly n: number;
  readonly S: number;
  readonly T: number;
  readonly m: number;
  /** avail[c·S + s] = 1 when cluster c may meet in slot s. */
  readonly avail: Uint8Array;
  /** availPrefix[c·(S+1) + s] = number of available slots of c before slot s. */
  readonly availPrefix: Int32Array;
  readonly ea: Int32Array;
  readonly eb: Int32Array;
  readonly priority: Float64Array;
  readonly pinnedSlot: Int32Array;
  readonly pinnedTable: Int32Array;
  /** Edges that never change slot once placed by chains (pinned slot or pinned table). */
  readonly locked: Uint8Array;
  /** Slot of each edge, -1 when not placed. */
  readonly slotOf: Int32Array;
  /** at[c·S + s] = the edge cluster c is in during slot s, -1 when none. */
  readonly at: Int32Array;
  readonly load: Int32Array;
  /** Number of placed edges. */
  placed = 0;
  /** busy[c]: bit s set when c meets in slot s (kept only when S ≤ 32, see `useMasks`). */
  readonly busy: Uint32Array;
  readonly useMasks: boolean;
  /** Edges in each slot (unordered) and each edge's position in its slot's list. */
  readonly slotEdges: number[][];
  private readonly posInSlot: Int32Array;
  /** Pinned tables in use: key s·(T+1) + t → edge. */
  private readonly pinnedTableAt = new Map<number, number>();
  /** Undo log: pairs (edge, previous slot). */
  private journal: number[] | null = null;
  private depth = 0;

  constructor(available: boolean[][], slotCount: number, tables: number, edges: EdgeSpec[]) {
    this.n = available.length;
    this.S = slotCount;
    this.T = tables;
    this.m = edges.length;
    const { n, S, m } = this;
    this.avail = new Uint8Array(n * S);
    this.availPrefix = new Int32Array(n * (S + 1));
    for (let c = 0; c < n; c++) {
      let count = 0;
      for (let s = 0; s < S; s++) {
        this.availPrefix[c * (S + 1) + s] = count;
        if (available[c][s]) {
          this.avail[c * S + s] = 1;
          count++;
        }
      }
      this.availPrefix[c * (S + 1) + S] = count;
    }
    this.ea = new Int32Array(m);
    this.eb = new Int32Array(m);
    this.priority = new Float64Array(m);
    this.pinnedSlot = new Int32Array(m);
    this.pinnedTable = new Int32Array(m);
    this.locked = new Uint8Array(m);
    this.slotOf = new Int32Array(m).fill(-1);
    this.posInSlot = new Int32Array(m).fill(-1);
    edges.forEach((edge, e) => {
      this.ea[e] = edge.a;
      this.eb[e] = edge.b;
      this.priority[e] = edge.priority;
      this.pinnedSlot[e] = edge.pinnedSlot;
      this.pinnedTable[e] = edge.pinnedTable;
      this.locked[e] = edge.pinnedSlot >= 0 || edge.pinnedTable > 0 ? 1 : 0;
    });
    this.at = new Int32Array(n * S).fill(-1);
    this.load = new Int32Array(S);
    this.useMasks = S <= 32;
    this.busy = new Uint32Array(this.useMasks ? n : 0);
    this.slotEdges = Array.from({ length: S }, () => []);
  }

  /** The other cluster of edge e. */
  other(e: number, c: number): number {
    return this.ea[e] === c ? this.eb[e] : this.ea[e];
  }

  /** Both clusters of e are available in slot s. */
  allowed(e: number, s: number): boolean {
    return this.avail[this.ea[e] * this.S + s] === 1 && this.avail[this.eb[e] * this.S + s] === 1;
  }

  /** e's pinned table (if any) is not taken by another pinned meeting in slot s. */
  tableOk(e: number, s: number): boolean {
    const t = this.pinnedTable[e];
    if (t === 0) return true;
    const holder = this.pinnedTableAt.get(s * (this.T + 1) + t);
    return holder === undefined || holder === e;
  }

  /** Number of slots where c is available and free. */
  freeSlots(c: number): number {
    const { S } = this;
    let count = 0;
    for (let s = 0; s < S; s++) if (this.avail[c * S + s] === 1 && this.at[c * S + s] === -1) count++;
    return count;
  }

  assign(e: number, s: number): void {
    const { S } = this;
    if (this.journal) this.journal.push(e, this.slotOf[e]);
    this.slotOf[e] = s;
    this.at[this.ea[e] * S + s] = e;
    this.at[this.eb[e] * S + s] = e;
    this.load[s]++;
    this.placed++;
    if (this.useMasks) {
      this.busy[this.ea[e]] |= 1 << s;
      this.busy[this.eb[e]] |= 1 << s;
    }
    const list = this.slotEdges[s];
    this.posInSlot[e] = list.length;
    list.push(e);
    const t = this.pinnedTable[e];
    if (t > 0) this.pinnedTableAt.set(s * (this.T + 1) + t, e);
  }

  unassign(e: number): void {
    const { S } = this;
    const s = this.slotOf[e];
    if (s < 0) return;
    if (this.journal) this.journal.push(e, s);
    this.slotOf[e] = -1;
    this.at[this.ea[e] * S + s] = -1;
    this.at[this.eb[e] * S + s] = -1;
    this.load[s]--;
    this.placed--;
    if (this.useMasks) {
      this.busy[this.ea[e]] &= ~(1 << s);
      this.busy[this.eb[e]] &= ~(1 << s);
    }
    const list = this.slotEdges[s];
    const pos = this.posInSlot[e];
    const last = list.pop() as number;
    if (last !== e) {
      list[pos] = last;
      this.posInSlot[last] = pos;
    }
    this.posInSlot[e] = -1;
    const t = this.pinnedTable[e];
    if (t > 0) this.pinnedTableAt.delete(s * (this.T + 1) + t);
  }

  /** Moves e to slot s (s = -1: unplaces it). No checks. */
  move(e: number, s: number): void {
    this.unassign(e);
    if (s >= 0) this.assign(e, s);
  }

  /** Starts recording changes; returns a mark to roll back to. */
  begin(): number {
    if (!this.journal) this.journal = [];
    this.depth++;
    return this.journal.length;
  }

  /** Undoes every change made since `mark` (the value `begin` returned). */
  rollback(mark: number): void {
    const journal = this.journal;
    if (!journal) return;
    // Replay without logging: each entry restores the slot the edge had before that change.
    this.journal = null;
    while (journal.length > mark) {
      const previous = journal.pop() as number;
      const e = journal.pop() as number;
      this.move(e, previous);
    }
    this.journal = journal;
    this.end();
  }

  /** Keeps the changes since the matching `begin`. */
  commit(): void {
    this.end();
  }

  private end(): void {
    this.depth--;
    if (this.depth === 0) this.journal = null;
  }

  /** Idle slots of cluster c: available slots between its first and last meeting, minus its meetings. */
  idle(c: number): number {
    return this.idleMoved(c, -1, -1);
  }

  /**
   * Idle slots of c if its meeting in slot `from` were in slot `to` instead (either may be -1:
   * no removal / no addition).
   */
  idleMoved(c: number, from: number, to: number): number {
    const { S } = this;
    if (this.useMasks) {
      let mask = this.busy[c];
      if (from >= 0) mask &= ~(1 << from);
      if (to >= 0) mask |= 1 << to;
      return this.idleOfMask(c, mask >>> 0);
    }
    const base = c * S;
    let first = -1;
    let last = -1;
    let count = 0;
    for (let s = 0; s < S; s++) {
      const busy = s === to || (s !== from && this.at[base + s] !== -1);
      if (busy) {
        if (first < 0) first = s;
        last = s;
        count++;
      }
    }
    if (first < 0) return 0;
    const prefix = c * (S + 1);
    return this.availPrefix[prefix + last + 1] - this.availPrefix[prefix + first] - count;
  }

  /** Idle slots of c if it met exactly in the slots of `mask` (S ≤ 32). */
  idleOfMask(c: number, mask: number): number {
    if (mask === 0) return 0;
    const first = 31 - clz32(mask & -mask);
    const last = 31 - clz32(mask);
    const prefix = c * (this.S + 1);
    return this.availPrefix[prefix + last + 1] - this.availPrefix[prefix + first] - popcount(mask);
  }

  totalIdle(): number {
    let total = 0;
    for (let c = 0; c < this.n; c++) total += this.idle(c);
    return total;
  }
}

export function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return imul(x, 0x01010101) >>> 24;
}

/** A small deterministic PRNG (mulberry32). */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, bound). */
  int(bound: number): number {
    return floor(this.next() * bound);
  }
}
