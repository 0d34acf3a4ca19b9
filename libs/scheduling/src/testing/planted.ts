import type { Cluster, EventFile, Wish } from '../model';
import { deriveSlots } from '../slots';
import { Random } from '../solver/place-state';
import { GENERATED_KINDS, GENERATED_REGIONS, generatedEventFile, generatedSettings } from './generated';

/**
 * Events built around a known answer: every cluster gets a block of consecutive slots, the meetings
 * are drawn slot by slot among the clusters whose block covers the slot, and the room has exactly
 * the tables of the busiest slot. Every cluster wishes exactly the partners drawn for it (their
 * wishes are the only candidates, all within the cap), so the best pair choice meets all of them,
 * and a placement without a single idle slot exists by construction: a solver must find one.
 * Used by the property tests (small events) and the benchmark (400 and 3,000 clusters).
 */
export interface PlantedOptions {
  clusters: number;
  seed: number;
  /** maxMeetingsPerCluster; the blocks are 1..cap slots long (default 3). */
  cap?: number;
  /** One afternoon (8 slots) or a day of two sessions (16 slots); default 2. */
  sessions?: 1 | 2;
  /**
   * Blocks placed to even out the busy clusters of every slot (default true): the room is then full,
   * or nearly, in every slot; false: blocks drawn anywhere (a busy middle of the day).
   */
  balanced?: boolean;
  /** Share of clusters with an availability window around their block (default 0.15). */
  windows?: number;
}

export interface PlantedEvent {
  event: EventFile;
  /** The gap-free placement the event was built from (slot per meeting, no tables). */
  meetings: { slot: number; clusters: [string, string] }[];
}

export function plantedEvent(options: PlantedOptions): PlantedEvent {
  const n = options.clusters;
  const cap = options.cap ?? 3;
  const random = new Random(options.seed * 7919 + 101);
  const sessionCount = options.sessions ?? 2;
  const slots = deriveSlots(generatedSettings(sessionCount));
  const S = slots.length;
  const ids = Array.from({ length: n }, (_, i) => `c${String(i + 1).padStart(4, '0')}`);

  // Blocks: a length of 1..cap slots and a start, the least busy one when balanced.
  const length: number[] = [];
  const start: number[] = [];
  const cover = new Array<number>(S).fill(0);
  for (let c = 0; c < n; c++) {
    const d = 1 + random.int(Math.min(cap, S));
    let first = random.int(S - d + 1);
    if (options.balanced ?? true) {
      let best = Infinity;
      for (let s = 0; s + d <= S; s++) {
        let busiest = 0;
        for (let t = s; t < s + d; t++) busiest = Math.max(busiest, cover[t]);
        const value = busiest + random.next() / 2;
        if (value < best) {
          best = value;
          first = s;
        }
      }
    }
    length.push(d);
    start.push(first);
    for (let t = first; t < first + d; t++) cover[t]++;
  }

  // Meetings, slot by slot: the clusters whose block covers the slot, paired at random, never twice.
  // Clusters at an end of their block are left out first when one must be (odd count, repeats), so
  // a block only shrinks; the rare gap this still leaves is removed below.
  const met = new Set<string>();
  const key = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);
  const drawn: [number, number, number][] = [];
  for (let t = 0; t < S; t++) {
    const active: number[] = [];
    for (let c = 0; c < n; c++) if (start[c] <= t && t < start[c] + length[c]) active.push(c);
    for (let i = active.length - 1; i > 0; i--) {
      const j = random.int(i + 1);
      [active[i], active[j]] = [active[j], active[i]];
    }
    const atEnd = (c: number) => t === start[c] || t === start[c] + length[c] - 1;
    active.sort((x, y) => Number(atEnd(x)) - Number(atEnd(y)));
    const free = active.slice();
    while (free.length > 1) {
      const a = free.shift() as number;
      const k = free.findIndex((b) => !met.has(key(a, b)));
      if (k < 0) continue;
      const [b] = free.splice(k, 1);
      met.add(key(a, b));
      drawn.push([a, b, t]);
    }
  }
  const kept = withoutGaps(n, drawn);

  const tables = Math.max(1, ...countBySlot(S, kept));
  const clusters: Cluster[] = ids.map((id, c) => {
    const cluster: Cluster = {
      id,
      name: `Cluster ${c + 1}`,
      region: GENERATED_REGIONS[random.int(GENERATED_REGIONS.length)],
      kind: GENERATED_KINDS[random.int(GENERATED_KINDS.length)],
    };
    if (random.next() < (options.windows ?? 0.15)) {
      // Arrives late or leaves early, around its block.
      const from = Math.max(0, start[c] - random.int(3));
      const to = Math.min(S - 1, start[c] + length[c] - 1 + random.int(3));
      cluster.availability = [{ start: slots[from].start, end: slots[to].end }];
    }
    return cluster;
  });
  const wishes: Wish[] = [];
  const rank = new Array<number>(n).fill(0);
  for (const [a, b] of kept) {
    const [from, to] = random.next() < 0.5 ? [a, b] : [b, a];
    wishes.push({ from: ids[from], to: ids[to], rank: ++rank[from] });
    if (random.next() < 0.4) wishes.push({ from: ids[to], to: ids[from], rank: ++rank[to] });
  }
  const event = generatedEventFile({
    name: `Planted event — ${n} clusters (seed ${options.seed})`,
    sessionCount,
    tables,
    cap,
    maxWishes: Math.max(5, cap),
    pairing: 'any',
    clusters,
    wishes,
    avoid: [],
    alreadyMet: [],
  });
  return {
    event,
    meetings: kept.map(([a, b, t]) => ({ slot: t, clusters: [ids[a], ids[b]] })),
  };
}

/** Drops meetings until no cluster has a gap: the meetings after a cluster's first gap go. */
function withoutGaps(n: number, meetings: [number, number, number][]): [number, number, number][] {
  let kept = meetings;
  for (;;) {
    const slotsOf: number[][] = Array.from({ length: n }, () => []);
    for (const [a, b, t] of kept) {
      slotsOf[a].push(t);
      slotsOf[b].push(t);
    }
    const cut = new Array<number>(n).fill(Infinity);
    let gaps = false;
    slotsOf.forEach((list, c) => {
      list.sort((x, y) => x - y);
      for (let i = 1; i < list.length; i++) {
        if (list[i] !== list[i - 1] + 1) {
          cut[c] = list[i];
          gaps = true;
          break;
        }
      }
    });
    if (!gaps) return kept;
    kept = kept.filter(([a, b, t]) => t < cut[a] && t < cut[b]);
  }
}

function countBySlot(S: number, meetings: [number, number, number][]): number[] {
  const count = new Array<number>(S).fill(0);
  for (const [, , t] of meetings) count[t]++;
  return count;
}
