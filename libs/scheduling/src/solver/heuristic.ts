import type { PairChoiceInput } from './pair-model';

/**
 * A fast pair choice for events too large (or time limits too short) for the exact program:
 *  1. served-first seeding: wishers with the fewest options first, each gets its best own wish;
 *  2. augmenting swaps: an unserved wisher takes a seat freed by a meeting whose clusters stay
 *     served (or whose partner can be re-served elsewhere, a few levels deep);
 *  3. greedy fill by weight;
 *  4. local search: add a pair, dropping at most one meeting on each side (and the worst meeting
 *     of the room when it is full), then give each cluster that lost a meeting its best free pair;
 *     a move is kept only when it is better in the lexicographic order (served, then score);
 *  5. one more round of augmenting swaps, and of local search if it served someone.
 * Deterministic: no randomness, ties broken by candidate index. It may start from a given choice
 * (each step only improves on it).
 */
export interface HeuristicOptions {
  /** Epoch milliseconds; the search stops (keeping its best choice) when it is reached. */
  deadline: number;
  /** Candidate indexes to start from (e.g. the integral part of an LP optimum); infeasible ones are skipped. */
  start?: number[];
}

const NONE = -1;

class ChoiceState {
  readonly n: number;
  readonly m: number;
  readonly ea: Int32Array;
  readonly eb: Int32Array;
  readonly w: Int32Array;
  readonly servesA: Uint8Array;
  readonly servesB: Uint8Array;
  readonly usable: Uint8Array;
  readonly capacity: Int32Array;
  readonly wisher: Uint8Array;
  readonly preServed: Uint8Array;
  /** Usable edges of each cluster, heaviest first. */
  readonly incident: number[][];
  /** Usable edges of each cluster that meet one of its own wishes, heaviest first. */
  readonly serving: number[][];
  readonly chosen: Uint8Array;
  readonly degree: Int32Array;
  /** Chosen edges meeting one of the cluster's own wishes. */
  readonly servedBy: Int32Array;
  /** Chosen edges of each cluster (unordered). */
  readonly chosenAt: Set<number>[];
  /** Chosen edges by weight, to find the room's cheapest meeting. */
  readonly byWeight: Set<number>[];
  count = 0;
  servedClusters = 0;
  score = 0;
  readonly room: number;
  private journal: number[] = [];

  constructor(input: PairChoiceInput) {
    const n = (this.n = input.clusterCount);
    const m = (this.m = input.candidates.length);
    this.room = input.roomCapacity;
    this.ea = new Int32Array(m);
    this.eb = new Int32Array(m);
    this.w = new Int32Array(m);
    this.servesA = new Uint8Array(m);
    this.servesB = new Uint8Array(m);
    this.usable = new Uint8Array(m);
    this.capacity = Int32Array.from(input.capacity);
    this.wisher = Uint8Array.from(input.wishers, (x) => (x ? 1 : 0));
    this.preServed = Uint8Array.from(input.served, (x) => (x ? 1 : 0));
    this.incident = Array.from({ length: n }, () => []);
    this.serving = Array.from({ length: n }, () => []);
    let maxWeight = 0;
    input.candidates.forEach((pair, e) => {
      this.ea[e] = pair.a;
      this.eb[e] = pair.b;
      this.w[e] = pair.weight;
      maxWeight = Math.max(maxWeight, pair.weight);
      this.servesA[e] = pair.rankAB > 0 ? 1 : 0;
      this.servesB[e] = pair.rankBA > 0 ? 1 : 0;
      if (input.capacity[pair.a] > 0 && input.capacity[pair.b] > 0) {
        this.usable[e] = 1;
        this.incident[pair.a].push(e);
        this.incident[pair.b].push(e);
        if (pair.rankAB > 0) this.serving[pair.a].push(e);
        if (pair.rankBA > 0) this.serving[pair.b].push(e);
      }
    });
    const heavierFirst = (x: number, y: number) => this.w[y] - this.w[x] || x - y;
    for (let c = 0; c < n; c++) {
      this.incident[c].sort(heavierFirst);
      this.serving[c].sort(heavierFirst);
    }
    this.chosen = new Uint8Array(m);
    this.degree = new Int32Array(n);
    this.servedBy = new Int32Array(n);
    this.chosenAt = Array.from({ length: n }, () => new Set<number>());
    this.byWeight = Array.from({ length: maxWeight + 1 }, () => new Set<number>());
    for (let c = 0; c < n; c++) if (this.wisher[c] && this.preServed[c]) this.servedClusters++;
    this.score = input.baseScore;
  }

  other(e: number, c: number): number {
    return this.ea[e] === c ? this.eb[e] : this.ea[e];
  }

  serves(e: number, c: number): boolean {
    return c === this.ea[e] ? this.servesA[e] === 1 : this.servesB[e] === 1;
  }

  isServed(c: number): boolean {
    return this.preServed[c] === 1 || this.servedBy[c] > 0;
  }

  hasRoom(c: number): boolean {
    return this.degree[c] < this.capacity[c];
  }

  canAdd(e: number): boolean {
    return (
      this.usable[e] === 1 &&
      this.chosen[e] === 0 &&
      this.count < this.room &&
      this.hasRoom(this.ea[e]) &&
      this.hasRoom(this.eb[e])
    );
  }

  /** Removing e keeps every cluster served (`secured`: a cluster about to be served otherwise). */
  isHarmless(e: number, secured = NONE): boolean {
    const a = this.ea[e];
    const b = this.eb[e];
    const losesA = this.servesA[e] && this.wisher[a] && !this.preServed[a] && this.servedBy[a] === 1;
    const losesB = this.servesB[e] && this.wisher[b] && !this.preServed[b] && this.servedBy[b] === 1;
    return !(losesA && a !== secured) && !(losesB && b !== secured);
  }

  add(e: number): void {
    this.setChosen(e, true);
    this.journal.push(e);
  }

  remove(e: number): void {
    this.setChosen(e, false);
    this.journal.push(~e);
  }

  mark(): number {
    return this.journal.length;
  }

  rollback(mark: number): void {
    while (this.journal.length > mark) {
      const entry = this.journal.pop() as number;
      if (entry >= 0) this.setChosen(entry, false);
      else this.setChosen(~entry, true);
    }
  }

  commit(): void {
    this.journal = [];
  }

  private setChosen(e: number, on: boolean): void {
    const a = this.ea[e];
    const b = this.eb[e];
    const delta = on ? 1 : -1;
    this.chosen[e] = on ? 1 : 0;
    this.count += delta;
    this.degree[a] += delta;
    this.degree[b] += delta;
    this.score += delta * this.w[e];
    if (on) {
      this.chosenAt[a].add(e);
      this.chosenAt[b].add(e);
      this.byWeight[this.w[e]].add(e);
    } else {
      this.chosenAt[a].delete(e);
      this.chosenAt[b].delete(e);
      this.byWeight[this.w[e]].delete(e);
    }
    if (this.servesA[e]) this.updateServed(a, delta);
    if (this.servesB[e]) this.updateServed(b, delta);
  }

  private updateServed(c: number, delta: number): void {
    const before = this.isServed(c);
    this.servedBy[c] += delta;
    const after = this.isServed(c);
    if (this.wisher[c] && before !== after) this.servedClusters += after ? 1 : -1;
  }

  /** The cheapest chosen meeting whose removal keeps everyone served (NONE when there is none). */
  cheapestHarmless(exclude: number): number {
    for (let weight = 0; weight < this.byWeight.length; weight++) {
      let best = NONE;
      for (const e of this.byWeight[weight]) {
        if (e !== exclude && this.isHarmless(e) && (best === NONE || e < best)) best = e;
      }
      if (best !== NONE) return best;
    }
    return NONE;
  }

  /** The cheapest chosen meeting of c whose removal keeps everyone served (c too, or `secured`). */
  cheapestHarmlessAt(c: number, exclude: number, secured = NONE): number {
    let best = NONE;
    for (const e of this.chosenAt[c]) {
      if (e === exclude || !this.isHarmless(e, secured)) continue;
      if (best === NONE || this.w[e] < this.w[best] || (this.w[e] === this.w[best] && e < best)) best = e;
    }
    return best;
  }

  better(served: number, score: number): boolean {
    return this.servedClusters > served || (this.servedClusters === served && this.score > score);
  }

  chosenEdges(): number[] {
    const result: number[] = [];
    for (let e = 0; e < this.m; e++) if (this.chosen[e]) result.push(e);
    return result;
  }
}

/** Returns the indexes (into input.candidates) of the chosen pairs, ascending. */
export function heuristicChoice(input: PairChoiceInput, options: HeuristicOptions): number[] {
  const state = new ChoiceState(input);
  const expired = () => Date.now() >= options.deadline;
  for (const e of options.start ?? []) if (e >= 0 && e < state.m && state.canAdd(e)) state.add(e);
  state.commit();

  // 1. Served-first seeding: hardest wishers first.
  const wishers: number[] = [];
  for (let c = 0; c < state.n; c++) {
    if (state.wisher[c] && !state.preServed[c] && state.serving[c].length > 0) wishers.push(c);
  }
  wishers.sort((x, y) => state.serving[x].length - state.serving[y].length || x - y);
  for (const u of wishers) {
    if (state.isServed(u)) continue;
    let best = NONE;
    let bestKey = -Infinity;
    for (const e of state.serving[u]) {
      if (!state.canAdd(e)) continue;
      const t = state.other(e, u);
      const alsoServes = state.serves(e, t) && state.wisher[t] && !state.isServed(t) ? 1 : 0;
      const spare = state.capacity[t] - state.degree[t];
      const key = alsoServes * 1e6 + state.w[e] * 1e3 + Math.min(spare, 999);
      if (key > bestKey) {
        bestKey = key;
        best = e;
      }
    }
    if (best !== NONE) state.add(best);
  }
  state.commit();

  // 2. Augmenting swaps for the wishers still unserved.
  augment(state, wishers, expired);

  // 3. Greedy fill, heaviest pairs first.
  const order = Array.from({ length: state.m }, (_, e) => e).filter((e) => state.usable[e] === 1);
  order.sort((x, y) => state.w[y] - state.w[x] || x - y);
  for (const e of order) if (state.canAdd(e)) state.add(e);
  state.commit();

  // 4. Local search until no move improves or time runs out.
  let improved = true;
  for (let pass = 0; improved && pass < 50 && !expired(); pass++) {
    improved = false;
    for (let i = 0; i < order.length; i++) {
      if ((i & 127) === 0 && expired()) break;
      const e = order[i];
      if (state.chosen[e]) continue;
      if (tryInsert(state, e)) improved = true;
    }
  }
  // 5. The local search may have opened new augmenting paths: one more round, then polish.
  if (!expired() && augment(state, wishers, expired)) {
    for (let i = 0; i < order.length && !expired(); i++)
      if (!state.chosen[order[i]]) tryInsert(state, order[i]);
  }
  return state.chosenEdges();
}

/** Tries to serve each unserved wisher by augmenting swaps; true when one more was served. */
function augment(state: ChoiceState, wishers: number[], expired: () => boolean): boolean {
  let gained = false;
  for (const u of wishers) {
    if (expired()) break;
    if (state.isServed(u)) continue;
    const served = state.servedClusters;
    const score = state.score;
    const mark = state.mark();
    if (tryServe(state, u, 3, new Set<number>()) && state.better(served, score)) {
      state.commit();
      gained ||= state.servedClusters > served;
    } else {
      state.rollback(mark);
    }
  }
  state.commit();
  return gained;
}

/** Gives wisher u one of its own wishes, freeing seats where needed; true on success. */
function tryServe(state: ChoiceState, u: number, depth: number, visiting: Set<number>): boolean {
  visiting.add(u);
  for (const e of state.serving[u]) {
    if (state.chosen[e]) continue;
    const t = state.other(e, u);
    if (visiting.has(t)) continue;
    const mark = state.mark();
    if (
      makeSeat(state, u, e, depth, visiting) &&
      makeSeat(state, t, e, depth, visiting) &&
      makeRoomSeat(state, e)
    ) {
      state.add(e);
      return true;
    }
    state.rollback(mark);
  }
  return false;
}

/** Frees one meeting of c (for the new edge e) if c is full; re-serves a partner that lost its only wish. */
function makeSeat(state: ChoiceState, c: number, e: number, depth = 0, visiting?: Set<number>): boolean {
  if (state.hasRoom(c)) return true;
  // The new edge serves c itself: c may give up the meeting that served it so far.
  const secured = state.serves(e, c) ? c : NONE;
  const harmless = state.cheapestHarmlessAt(c, e, secured);
  if (harmless !== NONE) {
    state.remove(harmless);
    return true;
  }
  if (depth <= 1 || !visiting) return false;
  // Drop a meeting whose partner loses its only met wish, then serve that partner elsewhere.
  const options = [...state.chosenAt[c]].sort((x, y) => state.w[x] - state.w[y] || x - y);
  for (const f of options) {
    if (secured === NONE && state.serves(f, c) && state.servedBy[c] === 1 && !state.preServed[c]) continue;
    const v = state.other(f, c);
    if (visiting.has(v)) continue;
    const mark = state.mark();
    state.remove(f);
    if (tryServe(state, v, depth - 1, visiting)) {
      if (state.hasRoom(c)) return true;
    }
    state.rollback(mark);
  }
  return false;
}

/** When the room is full, frees the cheapest harmless meeting (not e). */
function makeRoomSeat(state: ChoiceState, e: number): boolean {
  if (state.count < state.room) return true;
  const f = state.cheapestHarmless(e);
  if (f === NONE) return false;
  state.remove(f);
  return true;
}

/**
 * Tries to add edge e: for each way of freeing a seat at each end (none needed, or drop one of its
 * meetings), and a room seat when the room is full, then refill the clusters that lost a meeting;
 * keeps the best outcome when it beats the current choice.
 */
function tryInsert(state: ChoiceState, e: number): boolean {
  const a = state.ea[e];
  const b = state.eb[e];
  const optionsAt = (c: number): number[] =>
    state.hasRoom(c) ? [NONE] : [...state.chosenAt[c]].sort((x, y) => x - y);
  const atA = optionsAt(a);
  const atB = optionsAt(b);
  const served = state.servedClusters;
  const score = state.score;
  let bestServed = served;
  let bestScore = score;
  let best: [number, number] | undefined;
  for (const fa of atA) {
    for (const fb of atB) {
      const mark = state.mark();
      if (applyInsert(state, e, fa, fb)) {
        if (
          state.servedClusters > bestServed ||
          (state.servedClusters === bestServed && state.score > bestScore)
        ) {
          bestServed = state.servedClusters;
          bestScore = state.score;
          best = [fa, fb];
        }
      }
      state.rollback(mark);
    }
  }
  if (!best) return false;
  applyInsert(state, e, best[0], best[1]);
  state.commit();
  return true;
}

function applyInsert(state: ChoiceState, e: number, fa: number, fb: number): boolean {
  const freed: number[] = [];
  if (fa !== NONE) {
    state.remove(fa);
    freed.push(state.other(fa, state.ea[e]));
  }
  if (fb !== NONE) {
    state.remove(fb);
    freed.push(state.other(fb, state.eb[e]));
  }
  if (state.count >= state.room) {
    const f = state.cheapestHarmless(e);
    if (f === NONE) return false;
    state.remove(f);
  }
  state.add(e);
  for (const x of freed) refill(state, x);
  return true;
}

/** Gives cluster x its best pair with a partner that has a free seat (when the room allows). */
function refill(state: ChoiceState, x: number): void {
  if (!state.hasRoom(x) || state.count >= state.room) return;
  const list = state.incident[x];
  for (let i = 0; i < list.length && i < 64; i++) {
    const g = list[i];
    if (state.canAdd(g)) {
      state.add(g);
      return;
    }
  }
}
