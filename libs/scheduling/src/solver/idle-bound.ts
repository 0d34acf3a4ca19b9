/**
 * A lower bound on the idle slots (quality figure 3) of ANY placement of a given set of meetings:
 * no schedule with exactly these pairs can have fewer. Tables are ignored (a relaxation), so the
 * bound is valid whatever the room.
 *
 * - Each cluster alone: the fewest idle slots its meetings could have if only its own availability
 *   and each partner's counted (a window of its available slots holding a distinct slot for every
 *   partner, found by bipartite matching). Above zero when, say, its partners come at separate times.
 * - Each small connected component of the meeting graph, exactly: a branch-and-bound over the slots
 *   of its meetings (a triangle, or any odd cycle of clusters with two meetings each, needs a gap).
 *   A component too large for the search budget keeps the sum of its clusters' own bounds.
 */
import type { Meeting } from '../model';
import type { Problem } from '../problem';
import { pairKey } from '../problem';

// Hot paths read Math through module constants: global lookups are slow in vm contexts (jest).
const { max } = Math;

export interface IdleBoundOptions {
  /** Components of at most this many meetings are searched exactly (default 12). */
  exactMeetings?: number;
  /** Search nodes per component before giving up on it (default 200,000). */
  nodesPerComponent?: number;
  /** Search nodes for all components together (default 2,000,000): then the rest keep their own bounds. */
  totalNodes?: number;
}

/** The idle slots no placement of these meetings could avoid (tables ignored). */
export function idleLowerBound(
  problem: Problem,
  meetings: Pick<Meeting, 'clusters'>[],
  options: IdleBoundOptions = {},
): number {
  const exactMeetings = options.exactMeetings ?? 12;
  const nodeBudget = options.nodesPerComponent ?? 200_000;
  let nodesLeft = options.totalNodes ?? 2_000_000;
  const S = problem.slots.length;
  const n = problem.ids.length;
  const pinned = new Map<string, number>();
  for (const f of problem.fixed) if (f.slot !== undefined) pinned.set(pairKey(f.a, f.b), f.slot);

  const edges: [number, number][] = [];
  const seen = new Set<string>();
  for (const m of meetings) {
    const a = problem.indexOf.get(m.clusters[0]);
    const b = problem.indexOf.get(m.clusters[1]);
    if (a === undefined || b === undefined || a === b || seen.has(pairKey(a, b))) continue;
    seen.add(pairKey(a, b));
    edges.push([a, b]);
  }
  /** Slots a meeting of a and b may take. */
  const optionsOf = (a: number, b: number): number[] => {
    const slot = pinned.get(pairKey(a, b));
    if (slot !== undefined) return [slot];
    const slots: number[] = [];
    for (let s = 0; s < S; s++) if (problem.available[a][s] && problem.available[b][s]) slots.push(s);
    return slots;
  };

  const partners: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of edges) {
    partners[a].push(b);
    partners[b].push(a);
  }
  const own = new Array<number>(n).fill(0);
  for (let c = 0; c < n; c++) {
    if (partners[c].length > 0)
      own[c] = clusterBound(
        problem.available[c],
        partners[c].map((p) => optionsOf(c, p)),
      );
  }

  // Connected components (union–find).
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const [a, b] of edges) parent[find(a)] = find(b);
  const componentEdges = new Map<number, [number, number][]>();
  for (const edge of edges) {
    const root = find(edge[0]);
    const list = componentEdges.get(root);
    if (list) list.push(edge);
    else componentEdges.set(root, [edge]);
  }

  let total = 0;
  for (const list of componentEdges.values()) {
    const clusters = [...new Set(list.flat())];
    const ownSum = clusters.reduce((sum, c) => sum + own[c], 0);
    let exact = -1;
    if (list.length <= exactMeetings && nodesLeft > 0) {
      const search = componentMinimum(
        problem.available,
        clusters,
        list,
        optionsOf,
        ownSum,
        Math.min(nodeBudget, nodesLeft),
      );
      exact = search.minimum;
      nodesLeft -= search.nodes;
    }
    total += max(ownSum, exact);
  }
  return total;
}

/** Fewest idle slots of one cluster whose meetings may take the given slot lists (one each). */
function clusterBound(available: boolean[], options: number[][]): number {
  const S = available.length;
  let best = Infinity;
  for (let lo = 0; lo < S && best > 0; lo++) {
    if (!available[lo]) continue;
    let inWindow = 0;
    for (let hi = lo; hi < S; hi++) {
      if (available[hi]) inWindow++;
      if (inWindow < options.length) continue;
      if (inWindow - options.length >= best) break;
      if (hasDistinctSlots(options, lo, hi)) {
        best = inWindow - options.length;
        break;
      }
    }
  }
  // No window fits (impossible for a valid placement): claim nothing.
  return Number.isFinite(best) ? best : 0;
}

/** Can each meeting get its own slot within [lo, hi]? (bipartite matching, augmenting paths) */
function hasDistinctSlots(options: number[][], lo: number, hi: number): boolean {
  const owner = new Map<number, number>();
  const tryAssign = (i: number, seen: Set<number>): boolean => {
    for (const s of options[i]) {
      if (s < lo || s > hi || seen.has(s)) continue;
      seen.add(s);
      const j = owner.get(s);
      if (j === undefined || tryAssign(j, seen)) {
        owner.set(s, i);
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < options.length; i++) if (!tryAssign(i, new Set())) return false;
  return true;
}

/**
 * The exact fewest idle slots of one component (tables ignored), by depth-first branch and bound
 * (minimum -1 when the node budget runs out first), and the nodes visited. `atLeast` is a known
 * lower bound (the search stops at it).
 */
function componentMinimum(
  available: boolean[][],
  clusters: number[],
  edges: [number, number][],
  optionsOf: (a: number, b: number) => number[],
  atLeast: number,
  nodeBudget: number,
): { minimum: number; nodes: number } {
  const S = available[0]?.length ?? 0;
  const local = new Map(clusters.map((c, i) => [c, i]));
  const k = clusters.length;
  // Meetings in breadth-first order from the busiest cluster: neighbours get decided together.
  const degree = new Array<number>(k).fill(0);
  for (const [a, b] of edges) {
    degree[local.get(a) as number]++;
    degree[local.get(b) as number]++;
  }
  const order: [number, number][] = [];
  const used = new Array<boolean>(edges.length).fill(false);
  const queue = [degree.indexOf(Math.max(...degree))];
  const queued = new Array<boolean>(k).fill(false);
  queued[queue[0]] = true;
  while (queue.length > 0) {
    const x = queue.shift() as number;
    edges.forEach(([a, b], i) => {
      const la = local.get(a) as number;
      const lb = local.get(b) as number;
      if (used[i] || (la !== x && lb !== x)) return;
      used[i] = true;
      order.push([la, lb]);
      const y = la === x ? lb : la;
      if (!queued[y]) {
        queued[y] = true;
        queue.push(y);
      }
    });
  }
  const slotOptions = order.map(([a, b]) => optionsOf(clusters[a], clusters[b]));
  const prefix = clusters.map((c) => {
    const p = new Int32Array(S + 1);
    for (let s = 0; s < S; s++) p[s + 1] = p[s] + (available[c][s] ? 1 : 0);
    return p;
  });
  const busy = clusters.map(() => new Uint8Array(S));
  const placed = new Int32Array(k);
  const remaining = degree.slice();
  const idleNow = (x: number): number => {
    let first = -1;
    let last = -1;
    for (let s = 0; s < S; s++) {
      if (!busy[x][s]) continue;
      if (first < 0) first = s;
      last = s;
    }
    return first < 0 ? 0 : prefix[x][last + 1] - prefix[x][first] - placed[x];
  };
  // Each meeting still to place can fill at most one idle slot.
  const boundOf = (x: number): number => max(0, idleNow(x) - remaining[x]);
  const bounds = new Int32Array(k);
  let boundSum = 0;
  let best = Infinity;
  let nodes = 0;
  let aborted = false;

  const search = (i: number): void => {
    if (aborted || best <= atLeast) return;
    if (++nodes > nodeBudget) {
      aborted = true;
      return;
    }
    if (i === order.length) {
      best = Math.min(best, boundSum);
      return;
    }
    const [a, b] = order[i];
    for (const s of slotOptions[i]) {
      if (busy[a][s] || busy[b][s]) continue;
      const before = boundSum;
      const oldA = bounds[a];
      const oldB = bounds[b];
      busy[a][s] = 1;
      busy[b][s] = 1;
      placed[a]++;
      placed[b]++;
      remaining[a]--;
      remaining[b]--;
      bounds[a] = boundOf(a);
      bounds[b] = boundOf(b);
      boundSum += bounds[a] - oldA + bounds[b] - oldB;
      if (boundSum < best) search(i + 1);
      busy[a][s] = 0;
      busy[b][s] = 0;
      placed[a]--;
      placed[b]--;
      remaining[a]++;
      remaining[b]++;
      bounds[a] = oldA;
      bounds[b] = oldB;
      boundSum = before;
      if (aborted || best <= atLeast) return;
    }
  };
  search(0);
  if (aborted) return { minimum: -1, nodes };
  // Stopped at the known bound, or no placement at all (then claim nothing beyond it).
  return { minimum: Number.isFinite(best) ? best : atLeast, nodes };
}
