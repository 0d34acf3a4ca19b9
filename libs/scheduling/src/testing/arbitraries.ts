import fc from 'fast-check';
import { CLUSTER_ID_PATTERN, clusterNameKey } from '../event-file';
import {
  EVENT_FORMAT,
  type AvoidPair,
  type Cluster,
  type EventFile,
  type EventSettings,
  type FixedMeeting,
  type PairingPolicy,
  type TimeWindow,
  type Wish,
} from '../model';
import { normalizeRegion } from '../problem';
import { deriveSlots, isAvailable } from '../slots';
import { fromMinutes } from '../time';

/**
 * fast-check arbitraries of VALID, normalized event files (as `parseEventFile` returns them):
 * random settings, sessions, clusters with unicode names and availability windows, ranked wishes,
 * avoid / alreadyMet pairs and fixed meetings that respect the rules among themselves.
 */

export interface EventArbitraryOptions {
  maxClusters?: number;
  pairing?: PairingPolicy;
}

const REGIONS = ['Auvergne', 'auvergne ', 'Rhône-Alpes', 'RHÔNE-ALPES', 'Bourgogne', 'Occitanie'];
const ZONES = ['Europe/Paris', 'UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'Etc/GMT+1'];

/** Any text (all of Unicode, lone surrogates included) but NUL, which no text field accepts. */
const text = (minLength: number, maxLength: number) =>
  fc.string({ unit: 'binary', minLength, maxLength }).map((value) => value.split('\u0000').join(' '));

/** 1–3 windows in time order, not overlapping, each start < end. */
export function windowsArbitrary(maxWindows = 3): fc.Arbitrary<TimeWindow[]> {
  return fc
    .uniqueArray(fc.integer({ min: 0, max: 24 * 60 - 1 }), { minLength: 2, maxLength: 2 * maxWindows })
    .map((points) => {
      const sorted = [...points].sort((x, y) => x - y);
      const windows: TimeWindow[] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) {
        windows.push({ start: fromMinutes(sorted[i]), end: fromMinutes(sorted[i + 1]) });
      }
      return windows;
    });
}

export function settingsArbitrary(pairing?: PairingPolicy): fc.Arbitrary<EventSettings> {
  return fc
    .record({
      name: text(1, 200),
      venue: fc.option(text(0, 200), { nil: undefined }),
      date: fc
        .date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2199-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString().slice(0, 10)),
      timezone: fc.constantFrom(...ZONES),
      sessions: fc.oneof(
        windowsArbitrary(3),
        fc.constant<TimeWindow[]>([{ start: '14:00', end: '17:30' }]),
        fc.constant<TimeWindow[]>([
          { start: '09:00', end: '12:00' },
          { start: '12:00', end: '13:00' },
        ]),
      ),
      meetingMinutes: fc.oneof(fc.integer({ min: 5, max: 30 }), fc.integer({ min: 5, max: 180 })),
      changeoverMinutes: fc.integer({ min: 0, max: 60 }),
      tables: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 10000 })),
      maxMeetingsPerCluster: fc.integer({ min: 1, max: 6 }),
      maxWishesPerCluster: fc.integer({ min: 1, max: 8 }),
      pairing: pairing ? fc.constant(pairing) : fc.constantFrom<PairingPolicy>('any', 'cross-region'),
    })
    .map(({ venue, ...rest }) => {
      const settings: EventSettings = { ...rest, ...(venue !== undefined ? { venue } : {}) };
      // The normalized key order of the parser (venue after name) does not matter for equality.
      return settings;
    });
}

function clustersArbitrary(settings: EventSettings, maxClusters: number): fc.Arbitrary<Cluster[]> {
  const crossRegion = settings.pairing === 'cross-region';
  const cluster = fc.record({
    id: fc.stringMatching(CLUSTER_ID_PATTERN),
    name: text(1, 60),
    region: crossRegion ? fc.constantFrom(...REGIONS) : fc.option(text(0, 30), { nil: undefined }),
    kind: fc.option(fc.constantFrom('cluster', 'pôle de compétitivité', 'grappe', ''), { nil: undefined }),
    availability: fc.option(fc.oneof(windowsArbitrary(2), fc.constant<TimeWindow[]>([])), {
      nil: undefined,
      freq: 3,
    }),
  });
  return fc.uniqueArray(cluster, { selector: (c) => c.id, maxLength: maxClusters }).map((list) => {
    const names = new Set<string>();
    const clusters: Cluster[] = [];
    for (const { id, name, region, kind, availability } of list) {
      if (names.has(clusterNameKey(name))) continue;
      names.add(clusterNameKey(name));
      const c: Cluster = { id, name };
      if (region !== undefined) c.region = region;
      if (kind !== undefined) c.kind = kind;
      if (availability !== undefined) c.availability = availability;
      clusters.push(c);
    }
    return clusters;
  });
}

function allowedPartners(settings: EventSettings, clusters: Cluster[], from: Cluster): string[] {
  return clusters
    .filter((c) => c.id !== from.id)
    .filter(
      (c) =>
        settings.pairing !== 'cross-region' || normalizeRegion(c.region) !== normalizeRegion(from.region),
    )
    .map((c) => c.id);
}

function wishesArbitrary(settings: EventSettings, clusters: Cluster[]): fc.Arbitrary<Wish[]> {
  const K = settings.maxWishesPerCluster;
  const ranks = Array.from({ length: K }, (_, i) => i + 1);
  const perCluster = clusters.map((from) => {
    const partners = allowedPartners(settings, clusters, from);
    return fc
      .shuffledSubarray(partners, { maxLength: Math.min(K, partners.length) })
      .chain((tos) =>
        fc
          .shuffledSubarray(ranks, { minLength: tos.length, maxLength: tos.length })
          .map((rs) => tos.map((to, i): Wish => ({ from: from.id, to, rank: rs[i] }))),
      );
  });
  return fc.tuple(...perCluster).map((lists) => lists.flat());
}

function pairArbitrary(ids: string[]): fc.Arbitrary<[string, string]> {
  return fc
    .tuple(fc.constantFrom(...ids), fc.constantFrom(...ids))
    .filter(([a, b]) => a !== b)
    .map(([a, b]): [string, string] => [a, b]);
}

/** Candidate fixed meetings, then kept greedily only when they respect rules 1–7 among themselves. */
function fixedArbitrary(settings: EventSettings, clusters: Cluster[]): fc.Arbitrary<FixedMeeting[]> {
  if (clusters.length < 2) return fc.constant([]);
  const ids = clusters.map((c) => c.id);
  const byId = new Map(clusters.map((c) => [c.id, c]));
  const slots = deriveSlots(settings);
  const candidate = fc.record({
    pair: pairArbitrary(ids),
    slot: fc.option(fc.nat(), { nil: undefined }),
    table: fc.option(fc.integer({ min: 1, max: settings.tables }), { nil: undefined }),
  });
  return fc.array(candidate, { maxLength: 6 }).map((candidates) => {
    const kept: FixedMeeting[] = [];
    const pairs = new Set<string>();
    const count = new Map<string, number>();
    const busy = new Set<string>();
    const taken = new Set<string>();
    const perSlot = new Map<number, number>();
    for (const { pair, slot: rawSlot, table } of candidates) {
      const [a, b] = pair;
      const ca = byId.get(a) as Cluster;
      const cb = byId.get(b) as Cluster;
      const key = [a, b].sort().join(' ');
      if (pairs.has(key)) continue;
      if (settings.pairing === 'cross-region' && normalizeRegion(ca.region) === normalizeRegion(cb.region))
        continue;
      if ((count.get(a) ?? 0) >= settings.maxMeetingsPerCluster) continue;
      if ((count.get(b) ?? 0) >= settings.maxMeetingsPerCluster) continue;
      const common = slots.filter((s) => isAvailable(ca, s) && isAvailable(cb, s)).map((s) => s.index);
      if (common.length === 0) continue;
      const meeting: FixedMeeting = { clusters: [a, b] };
      if (rawSlot !== undefined) {
        const slot = common[rawSlot % common.length];
        if (busy.has(`${a}@${slot}`) || busy.has(`${b}@${slot}`)) continue;
        if ((perSlot.get(slot) ?? 0) >= settings.tables) continue;
        if (table !== undefined && taken.has(`${slot}#${table}`)) continue;
        busy.add(`${a}@${slot}`);
        busy.add(`${b}@${slot}`);
        perSlot.set(slot, (perSlot.get(slot) ?? 0) + 1);
        meeting.slot = slot;
        if (table !== undefined) {
          taken.add(`${slot}#${table}`);
          meeting.table = table;
        }
      } else if (table !== undefined) {
        meeting.table = table;
      }
      pairs.add(key);
      count.set(a, (count.get(a) ?? 0) + 1);
      count.set(b, (count.get(b) ?? 0) + 1);
      kept.push(meeting);
    }
    return kept;
  });
}

/** A random valid event file, normalized as `parseEventFile` returns it. */
export function eventFileArbitrary(options: EventArbitraryOptions = {}): fc.Arbitrary<EventFile> {
  const maxClusters = options.maxClusters ?? 8;
  return settingsArbitrary(options.pairing)
    .chain((settings) => clustersArbitrary(settings, maxClusters).map((clusters) => ({ settings, clusters })))
    .chain(({ settings, clusters }) => {
      const ids = clusters.map((c) => c.id);
      const pairs: fc.Arbitrary<[string, string][]> =
        ids.length >= 2 ? fc.array(pairArbitrary(ids), { maxLength: 4 }) : fc.constant([]);
      return fc
        .record({
          wishes: wishesArbitrary(settings, clusters),
          avoid: pairs.map((list) => list.map(([from, to]): AvoidPair => ({ from, to }))),
          alreadyMet: pairs,
          fixed: fixedArbitrary(settings, clusters),
        })
        .map((rest): EventFile => ({
          format: EVENT_FORMAT,
          event: settings,
          clusters,
          ...rest,
        }));
    });
}
