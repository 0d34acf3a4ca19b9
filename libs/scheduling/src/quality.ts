import type { EventFile, Meeting, QualityFigures } from './model';
import { buildProblem, pairKey, wishWeight, type Problem } from './problem';

/**
 * The three quality figures of the contract, compared in this order:
 * 1. served clusters (more is better): clusters that made at least one wish and have at least one
 *    of their own wishes met;
 * 2. wish score (more is better): the weights K − r + 1 of all met wishes (a mutual wish counts
 *    from both sides);
 * 3. idle slots (fewer is better): for each cluster with a meeting, the slots between its first
 *    and last meeting, inclusive, in which it is available but has no meeting.
 *
 * A wish is met when its two clusters meet (once is enough; a repeated meeting adds nothing).
 * Meetings naming unknown clusters or slots are ignored here (the checker reports them).
 */
export function qualityFigures(event: EventFile, meetings: Meeting[]): QualityFigures {
  return qualityFiguresOf(buildProblem(event), meetings);
}

/** The same, from an already built problem (the solver has one). */
export function qualityFiguresOf(problem: Problem, meetings: Meeting[]): QualityFigures {
  const n = problem.ids.length;
  const slotCount = problem.slots.length;
  const served = new Array<boolean>(n).fill(false);
  const busy: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  const met = new Set<string>();
  let wishScore = 0;

  for (const meeting of meetings) {
    const a = problem.indexOf.get(meeting.clusters[0]);
    const b = problem.indexOf.get(meeting.clusters[1]);
    if (a === undefined || b === undefined || a === b) continue;
    if (Number.isInteger(meeting.slot) && meeting.slot >= 0 && meeting.slot < slotCount) {
      busy[a].add(meeting.slot);
      busy[b].add(meeting.slot);
    }
    const key = pairKey(a, b);
    if (met.has(key)) continue;
    met.add(key);
    const rankAB = problem.wishRank[a].get(b) ?? 0;
    const rankBA = problem.wishRank[b].get(a) ?? 0;
    if (rankAB > 0) served[a] = true;
    if (rankBA > 0) served[b] = true;
    wishScore += wishWeight(problem.K, rankAB) + wishWeight(problem.K, rankBA);
  }

  let idleSlots = 0;
  for (let c = 0; c < n; c++) {
    if (busy[c].size === 0) continue;
    const slots = [...busy[c]];
    const first = Math.min(...slots);
    const last = Math.max(...slots);
    for (let s = first; s <= last; s++) {
      if (problem.available[c][s] && !busy[c].has(s)) idleSlots++;
    }
  }

  return {
    servedClusters: served.filter((isServed, c) => isServed && problem.wishers[c]).length,
    wishScore,
    idleSlots,
  };
}

/**
 * Compares two sets of figures in the contract's order: negative when `x` is better than `y`,
 * positive when worse, 0 when equal on all three.
 */
export function compareFigures(x: QualityFigures, y: QualityFigures): number {
  return y.servedClusters - x.servedClusters || y.wishScore - x.wishScore || x.idleSlots - y.idleSlots;
}
