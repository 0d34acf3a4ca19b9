import type { Cluster, EventFile, Wish } from '../model';
import { deriveSlots } from '../slots';
import { Random } from '../solver/place-state';
import { fromMinutes, toMinutes } from '../time';
import { GENERATED_KINDS, GENERATED_REGIONS, generatedEventFile, generatedSettings } from './generated';

/** A seeded PRNG (same seed → same sequence): the solver's own (mulberry32), as a function. */
export function seededRandom(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

export interface GenerateOptions {
  clusters: number;
  seed?: number;
  /** maxMeetingsPerCluster; default 3. */
  cap?: number;
  /** 1 or 2 sessions; default: drawn from the seed (2 when cap > 4). */
  sessions?: 1 | 2;
  /** Default: drawn from the seed (about one event in three). */
  crossRegion?: boolean;
  /** Tables as a fraction of the tables needed for every cluster to reach its cap; default drawn in 0.6–1.2. */
  tableRatio?: number;
}

/**
 * A realistic random event: popularity skew (a few clusters wished by many, Zipf-like), ~10% clusters
 * without wishes, ~15% with a narrowed availability window, 2–4 regions, some `cross-region` events,
 * a table limit that binds on some, 1–2 sessions, a few avoid and already-met pairs.
 */
export function generateEvent(options: GenerateOptions): EventFile {
  const n = options.clusters;
  const seed = options.seed ?? n;
  const random = seededRandom(seed * 7919 + 17);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];

  const cap = options.cap ?? 3;
  const K = 5;
  const sessionCount = options.sessions ?? (cap > 4 ? 2 : random() < 0.3 ? 2 : 1);
  const settings = generatedSettings(sessionCount);
  const { sessions } = settings;
  const slots = deriveSlots(settings);
  const crossRegion = options.crossRegion ?? random() < 0.35;
  const regionCount = 2 + Math.floor(random() * 3);
  const regions = GENERATED_REGIONS.slice(0, regionCount);
  const tableRatio = options.tableRatio ?? 0.6 + random() * 0.6;
  const tables = Math.max(1, Math.min(10000, Math.round(((n * cap) / 2 / slots.length) * tableRatio)));

  const dayStart = toMinutes(sessions[0].start);
  const dayEnd = toMinutes(sessions[sessions.length - 1].end);
  const clusters: Cluster[] = [];
  for (let i = 0; i < n; i++) {
    const id = `c${String(i + 1).padStart(4, '0')}`;
    const cluster: Cluster = {
      id,
      name: `Cluster ${i + 1}`,
      region: pick(regions),
      kind: pick(GENERATED_KINDS),
    };
    if (random() < 0.15) {
      // Arrives late or leaves early: a window of 40–70% of the day, on a 5-minute grid.
      const length = Math.round(((dayEnd - dayStart) * (0.4 + random() * 0.3)) / 5) * 5;
      const start = random() < 0.5 ? dayStart : dayEnd - length;
      cluster.availability = [{ start: fromMinutes(start), end: fromMinutes(start + length) }];
    }
    clusters.push(cluster);
  }

  // Zipf-like popularity over a random permutation: a few clusters are wished by many.
  const order = clusters.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const popularity = new Array<number>(n);
  order.forEach((c, rank) => (popularity[c] = 1 / Math.pow(rank + 1, 0.8)));
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) cumulative.push((total += popularity[i]));
  const drawTarget = (): number => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const sameRegion = (a: number, b: number) => clusters[a].region === clusters[b].region;
  const wishes: Wish[] = [];
  for (let from = 0; from < n; from++) {
    if (random() < 0.1) continue;
    const count = 2 + Math.floor(random() * (K - 1));
    const chosen = new Set<number>();
    for (let attempt = 0; attempt < 50 && chosen.size < count; attempt++) {
      // Half the wishes follow popularity, half are local tastes.
      const to = random() < 0.6 ? drawTarget() : Math.floor(random() * n);
      if (to === from || chosen.has(to) || (crossRegion && sameRegion(from, to))) continue;
      chosen.add(to);
    }
    [...chosen].forEach((to, i) =>
      wishes.push({ from: clusters[from].id, to: clusters[to].id, rank: i + 1 }),
    );
  }

  const randomPair = (): [number, number] | undefined => {
    const a = Math.floor(random() * n);
    const b = Math.floor(random() * n);
    return a === b ? undefined : [a, b];
  };
  const avoid: EventFile['avoid'] = [];
  const alreadyMet: EventFile['alreadyMet'] = [];
  const used = new Set<string>();
  const unordered = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);
  for (let i = 0; i < Math.ceil(n / 50); i++) {
    const pair = randomPair();
    if (!pair || used.has(unordered(...pair))) continue;
    used.add(unordered(...pair));
    avoid.push({ from: clusters[pair[0]].id, to: clusters[pair[1]].id });
  }
  // Some pairs that met at the earlier event, taken among the wishes so that the rule bites.
  for (let i = 0; i < Math.ceil(n / 20) && wishes.length > 0; i++) {
    const wish = pick(wishes);
    const a = clusters.findIndex((c) => c.id === wish.from);
    const b = clusters.findIndex((c) => c.id === wish.to);
    if (used.has(unordered(a, b))) continue;
    used.add(unordered(a, b));
    alreadyMet.push([wish.from, wish.to]);
  }

  return generatedEventFile({
    name: `Benchmark event — ${n} clusters (seed ${seed})`,
    sessionCount,
    tables,
    cap,
    maxWishes: K,
    pairing: crossRegion ? 'cross-region' : 'any',
    clusters,
    wishes,
    avoid,
    alreadyMet,
  });
}
