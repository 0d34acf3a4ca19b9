import type { Meeting, TimeWindow, UnmetReasonCode, UnmetWish } from '../model';
import { pairKey, wishWeight } from '../problem';
import type { Problem } from '../problem';

/**
 * For every wish the schedule does not meet, a concrete reason (English, naming clusters and
 * numbers) and its stable code. The reasons describe the final schedule: a cluster "at cap" has
 * all the meetings it may have, and the room is "full" when every table of every slot is used.
 */
export function explainUnmetWishes(problem: Problem, meetings: Meeting[]): UnmetWish[] {
  const context = new ScheduleContext(problem, meetings);
  const result: UnmetWish[] = [];
  for (const wish of problem.event.wishes) {
    const from = problem.indexOf.get(wish.from);
    const to = problem.indexOf.get(wish.to);
    if (from === undefined || to === undefined) {
      const missing = from === undefined ? wish.from : wish.to;
      result.push({ ...wish, code: 'unknown-cluster', reason: `unknown cluster "${missing}"` });
      continue;
    }
    if (context.met.has(pairKey(from, to))) continue;
    const { code, reason } = context.explain(from, to, wish.rank);
    result.push({ from: wish.from, to: wish.to, rank: wish.rank, reason, code });
  }
  return result;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

interface Explanation {
  code: UnmetReasonCode;
  reason: string;
}

class ScheduleContext {
  readonly met = new Set<string>();
  /** Partners of each cluster in the schedule. */
  private readonly partners: number[][];
  /** busy[c] = slots in which c meets. */
  private readonly busy: Set<number>[];
  private readonly slotLoad: number[];
  private readonly fixedKeys = new Set<string>();
  private readonly availableCount: number[];
  private readonly settings;

  constructor(
    private readonly problem: Problem,
    meetings: Meeting[],
  ) {
    const n = problem.ids.length;
    this.settings = problem.event.event;
    this.partners = Array.from({ length: n }, () => []);
    this.busy = Array.from({ length: n }, () => new Set<number>());
    this.slotLoad = problem.slots.map(() => 0);
    for (const m of meetings) {
      const a = problem.indexOf.get(m.clusters[0]);
      const b = problem.indexOf.get(m.clusters[1]);
      if (a === undefined || b === undefined) continue;
      this.met.add(pairKey(a, b));
      this.partners[a].push(b);
      this.partners[b].push(a);
      this.busy[a].add(m.slot);
      this.busy[b].add(m.slot);
      if (m.slot >= 0 && m.slot < this.slotLoad.length) this.slotLoad[m.slot]++;
    }
    for (const f of problem.fixed) this.fixedKeys.add(pairKey(f.a, f.b));
    this.availableCount = problem.available.map((slots) => slots.filter(Boolean).length);
  }

  private id(c: number): string {
    return this.problem.ids[c];
  }

  explain(from: number, to: number, rank: number): Explanation {
    const excluded = this.problem.excluded.get(pairKey(from, to));
    if (excluded) return this.explainExcluded(excluded, from, to);
    const weight = wishWeight(this.problem.K, rank) + this.weightOf(to, from);
    const fromFull = this.isFull(from);
    const toFull = this.isFull(to);
    if (fromFull && toFull) {
      return {
        code: 'both-at-cap',
        reason: `both are fully booked: ${this.describeFull(from, weight)}; ${this.describeFull(to, weight)}`,
      };
    }
    if (fromFull) return { code: 'wisher-at-cap', reason: this.describeFull(from, weight) };
    if (toFull) return { code: 'partner-at-cap', reason: this.describeFull(to, weight) };
    const slots = this.problem.slots.length;
    const tables = this.settings.tables;
    const total = this.slotLoad.reduce((sum, load) => sum + load, 0);
    if (total >= tables * slots) {
      return {
        code: 'no-table-capacity',
        reason: `the room is full: ${plural(tables, 'table')} × ${plural(slots, 'slot')} used`,
      };
    }
    return { code: 'not-placeable', reason: this.describeNoFreeSlot(from, to) };
  }

  private explainExcluded(code: UnmetReasonCode, from: number, to: number): Explanation {
    const a = this.id(from);
    const b = this.id(to);
    switch (code) {
      case 'excluded-avoid':
        return { code, reason: `excluded: the pair ${a} / ${b} is on the avoid list` };
      case 'excluded-already-met':
        return {
          code,
          reason: `already met in an earlier event and the wish is not mutual: ${b} did not wish ${a}`,
        };
      case 'excluded-same-region': {
        const region = (this.problem.event.clusters[from].region ?? '').trim();
        return {
          code,
          reason: `same region under cross-region pairing: ${a} and ${b} are both in ${region || 'the same region'}`,
        };
      }
      case 'no-common-slot':
        return { code, reason: `no common available slot: ${this.describeAvailability(from, to)}` };
      default:
        return { code, reason: `excluded (${code})` };
    }
  }

  /** Weight of c's wish for d (0 when c did not wish d). */
  private weightOf(c: number, d: number): number {
    return wishWeight(this.problem.K, this.problem.wishRank[c].get(d) ?? 0);
  }

  private limit(c: number): number {
    return Math.min(this.settings.maxMeetingsPerCluster, this.availableCount[c]);
  }

  private isFull(c: number): boolean {
    return this.partners[c].length >= this.limit(c);
  }

  /**
   * "mbi already has 3 meetings, all with higher-ranked or mutual wishes", or the list of its
   * meetings and what each one is: "aei already has 3 meetings: with mbi (mutual wish), avia (wished
   * by avia at rank 4), promobois (fixed); avia would otherwise have no wish met".
   */
  private describeFull(c: number, weight: number): string {
    const count = this.partners[c].length;
    const cap = this.settings.maxMeetingsPerCluster;
    const head =
      count >= cap
        ? `${this.id(c)} already has ${plural(count, 'meeting')}`
        : `${this.id(c)} is available for only ${plural(this.availableCount[c], 'slot')} and meets in all of them`;
    const partners = this.partners[c];
    const isFixed = (p: number) => this.fixedKeys.has(pairKey(c, p));
    const pairWeight = (p: number) => this.weightOf(c, p) + this.weightOf(p, c);
    if (partners.length > 0 && partners.every((p) => !isFixed(p) && pairWeight(p) > weight)) {
      return `${head}, all with higher-ranked or mutual wishes`;
    }
    const list = partners.map((p) => `${this.id(p)} (${this.describeMeeting(c, p)})`).join(', ');
    const keepers = partners.filter((p) => !isFixed(p) && pairWeight(p) < weight && this.isOnlyMetWish(p, c));
    const keeperText =
      keepers.length === 0
        ? ''
        : `; ${keepers.map((p) => this.id(p)).join(', ')} would otherwise have no wish met`;
    return `${head}: with ${list}${keeperText}`;
  }

  /** What the meeting of c with p is, seen from c: fixed, mutual wish, its rank-r wish, wished by p at rank r. */
  private describeMeeting(c: number, p: number): string {
    if (this.fixedKeys.has(pairKey(c, p))) return 'fixed';
    const mine = this.problem.wishRank[c].get(p);
    const theirs = this.problem.wishRank[p].get(c);
    if (mine && theirs) return 'mutual wish';
    if (mine) return `its rank-${mine} wish`;
    if (theirs) return `wished by ${this.id(p)} at rank ${theirs}`;
    return 'not wished';
  }

  /** The meeting with c is the only one of p's own wishes that is met. */
  private isOnlyMetWish(p: number, c: number): boolean {
    if (!this.problem.wishRank[p].has(c)) return false;
    return this.partners[p].filter((q) => this.problem.wishRank[p].has(q)).length === 1;
  }

  private describeNoFreeSlot(from: number, to: number): string {
    const a = this.id(from);
    const b = this.id(to);
    const common: number[] = [];
    for (let s = 0; s < this.problem.slots.length; s++) {
      if (this.problem.available[from][s] && this.problem.available[to][s]) common.push(s);
    }
    const tables = this.settings.tables;
    let bothBusy = 0;
    let oneBusy = 0;
    let tablesFull = 0;
    let free = 0;
    for (const s of common) {
      const busyA = this.busy[from].has(s);
      const busyB = this.busy[to].has(s);
      if (busyA && busyB) bothBusy++;
      else if (busyA || busyB) oneBusy++;
      else if (this.slotLoad[s] >= tables) tablesFull++;
      else free++;
    }
    const when = common.map((s) => this.problem.slots[s].start).join(', ');
    if (free > 0) {
      return `not placed: ${a} and ${b} are both free at one of ${when}, but the solver kept a better schedule within its time limit`;
    }
    const among = (k: number) =>
      common.length === 1 ? 'then' : k === common.length ? 'at each of them' : `at ${k} of them`;
    const causes: string[] = [];
    if (oneBusy + bothBusy > 0)
      causes.push(`${a} or ${b} already has a meeting ${among(oneBusy + bothBusy)}`);
    if (tablesFull > 0) {
      causes.push(
        `${tables === 1 ? 'the only table is' : `all ${tables} tables are`} taken ${among(tablesFull)}`,
      );
    }
    return `no common free slot: ${a} and ${b} are both available at ${when}, but ${causes.join(' and ')}`;
  }

  private describeAvailability(from: number, to: number): string {
    const a = this.id(from);
    const b = this.id(to);
    const spanA = this.span(from);
    const spanB = this.span(to);
    if (!spanA) return `${a} is not available for any slot`;
    if (!spanB) return `${b} is not available for any slot`;
    if (spanA.end <= spanB.start) return `${a} leaves at ${spanA.end}, ${b} arrives at ${spanB.start}`;
    if (spanB.end <= spanA.start) return `${b} leaves at ${spanB.end}, ${a} arrives at ${spanA.start}`;
    return `${a} is available ${this.windowsText(from)}, ${b} ${this.windowsText(to)}`;
  }

  /** From the start of the window holding c's first available slot to the end of the one holding its last. */
  private span(c: number): TimeWindow | undefined {
    const slots = this.problem.slots.filter((_, s) => this.problem.available[c][s]);
    if (slots.length === 0) return undefined;
    const first = slots[0];
    const last = slots[slots.length - 1];
    const windows = this.problem.event.clusters[c].availability;
    const sessions = this.settings.sessions;
    const holding = (slot: { start: string; end: string }) =>
      (windows ?? sessions).find((w) => w.start <= slot.start && slot.end <= w.end);
    return { start: holding(first)?.start ?? first.start, end: holding(last)?.end ?? last.end };
  }

  private windowsText(c: number): string {
    const windows = this.problem.event.clusters[c].availability;
    if (!windows) return 'all day';
    return windows.map((w) => `${w.start}–${w.end}`).join(' and ');
  }
}
