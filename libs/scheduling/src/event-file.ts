import {
  EVENT_FORMAT,
  type AvoidPair,
  type Cluster,
  type EventFile,
  type EventSettings,
  type FixedMeeting,
  type PairingPolicy,
  type Slot,
  type TimeWindow,
  type Wish,
} from './model';
import {
  Issues,
  checkInteger,
  describe,
  expectRecord,
  fieldPath,
  gotParams,
  isPresent,
  readDocumentRoot,
  itemPath,
  quote,
  readArray,
  readInteger,
  readString,
  shortText,
  type JsonObject,
  type ParseResult,
} from './event-file.fields';
import { normalizeRegion } from './problem';
import { deriveSlots, isAvailable } from './slots';
import { isClockTime, toMinutes } from './time';
import type { ValidationCode, ValidationParams } from './validation-codes';

export type { ParseResult } from './event-file.fields';

/**
 * Parser and validator of the event file `interclustering-event/1`
 * (../../../shared/docs/event-format.md). It reports every problem at once, each with its place,
 * and returns a normalized copy (defaults filled, arrays always present); it never throws and never
 * mutates its input.
 */

export const EVENT_DEFAULTS = {
  timezone: 'Europe/Paris',
  changeoverMinutes: 0,
  maxMeetingsPerCluster: 3,
  maxWishesPerCluster: 5,
  pairing: 'any' as PairingPolicy,
} as const;

export const CLUSTER_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

const ROOT_KEYS = ['format', 'event', 'clusters', 'wishes', 'avoid', 'alreadyMet', 'fixed'] as const;
/** The fields of `event` in an event file, in the contract's order. */
export const EVENT_SETTINGS_KEYS = [
  'name',
  'venue',
  'date',
  'timezone',
  'sessions',
  'meetingMinutes',
  'changeoverMinutes',
  'tables',
  'maxMeetingsPerCluster',
  'maxWishesPerCluster',
  'pairing',
] as const;
const CLUSTER_KEYS = ['id', 'name', 'region', 'kind', 'availability'] as const;
const WINDOW_KEYS = ['start', 'end'] as const;
const WISH_KEYS = ['from', 'to', 'rank'] as const;
const LIST_WISH_KEYS = ['to', 'rank'] as const;
const AVOID_KEYS = ['from', 'to'] as const;
const FIXED_KEYS = ['clusters', 'slot', 'table'] as const;
const PAIRINGS: readonly PairingPolicy[] = ['any', 'cross-region'];

/** How names are compared for uniqueness (case-insensitive, not trimmed). */
export function clusterNameKey(name: string): string {
  return name.toLocaleLowerCase('fr');
}

/** `YYYY-MM-DD` naming a day that exists (leap years included). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

let knownZones: Set<string> | undefined;

/**
 * An IANA zone name: one of `Intl.supportedValuesOf('timeZone')`, or a name the runtime accepts
 * that is spelled as IANA spells names (`UTC`, `Etc/GMT+1`, `US/Eastern`); `europe/paris` is refused
 * with a suggestion. Returns undefined when valid, else the complaint.
 */
export function timeZoneProblem(zone: string): string | undefined {
  return timeZoneIssue(zone)?.message;
}

interface Problem {
  message: string;
  code: ValidationCode;
  params: ValidationParams;
}

function timeZoneIssue(zone: string): Problem | undefined {
  knownZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (knownZones.has(zone)) return undefined;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return {
      message: `${describe(zone)} is not an IANA time zone name (like "Europe/Paris")`,
      code: 'invalid-timezone',
      params: { value: shortText(zone) },
    };
  }
  const spelledLikeIana = zone.split('/').every((part) => /^[A-Z][A-Za-z0-9_+-]*$/.test(part));
  if (spelledLikeIana) return undefined;
  return {
    message: `${describe(zone)} is not an IANA time zone name; did you mean ${quote(resolved)}?`,
    code: 'timezone-suggestion',
    params: { value: shortText(zone), suggestion: resolved },
  };
}

// ---------------------------------------------------------------------------------------------
// What the later sections may rely on: only the parts of the file that were valid.

interface ClusterInfo {
  path: string;
  /** Normalized region, or undefined when absent/invalid. */
  region?: string;
  regionText?: string;
  /** False when the availability field was invalid (availability checks are then skipped). */
  availabilityKnown: boolean;
  availability?: TimeWindow[];
}

interface Context {
  pairing?: PairingPolicy;
  K?: number;
  cap?: number;
  tables?: number;
  /** Derived slots, when the sessions and durations are valid. */
  slots?: Slot[];
  /** Valid cluster ids (first occurrence); undefined when the cluster list itself is unusable. */
  clusters?: Map<string, ClusterInfo>;
}

function slotLabel(slots: Slot[] | undefined, slot: number): string {
  const s = slots?.[slot];
  return s ? `slot ${slot} (${s.start}–${s.end})` : `slot ${slot}`;
}

/** `{slot, start, end}`: a slot for params (its times when known). */
function slotParams(slots: Slot[] | undefined, slot: number): ValidationParams {
  const s = slots?.[slot];
  return s ? { slot, start: s.start, end: s.end } : { slot };
}

// ---------------------------------------------------------------------------------------------
// Event settings

function readClock(object: JsonObject, key: string, path: string, issues: Issues): string | undefined {
  const place = fieldPath(path, key);
  if (!isPresent(object, key)) {
    issues.add(place, 'is required', 'required');
    return undefined;
  }
  const value = object[key];
  if (!isClockTime(value)) {
    issues.add(
      place,
      `expected a time HH:MM (00:00–23:59), got ${describe(value)}`,
      'expected-time',
      gotParams(value),
    );
    return undefined;
  }
  return value;
}

/** A list of `{start, end}` windows, each start < end; undefined when any is wrong. */
function readWindows(list: unknown[], path: string, issues: Issues): TimeWindow[] | undefined {
  const before = issues.count;
  const windows: TimeWindow[] = [];
  list.forEach((item, i) => {
    const place = itemPath(path, i);
    const object = expectRecord(item, place, issues);
    if (!object) return;
    issues.unknownFields(object, WINDOW_KEYS, place);
    const start = readClock(object, 'start', place, issues);
    const end = readClock(object, 'end', place, issues);
    if (start === undefined || end === undefined) return;
    if (toMinutes(start) >= toMinutes(end)) {
      issues.add(fieldPath(place, 'end'), `${end} is not after start ${start}`, 'end-not-after-start', {
        start,
        end,
      });
      return;
    }
    windows.push({ start, end });
  });
  return issues.count === before ? windows : undefined;
}

function parseSettings(value: unknown, issues: Issues, context: Context): EventSettings | undefined {
  const path = 'event';
  if (value === undefined) {
    issues.add(path, 'is required', 'required');
    return undefined;
  }
  const object = expectRecord(value, path, issues);
  if (!object) return undefined;
  const before = issues.count;
  issues.unknownFields(object, EVENT_SETTINGS_KEYS, path);

  const name = readString(object, 'name', path, issues, { required: true, min: 1, max: 200 });
  const venue = readString(object, 'venue', path, issues, { max: 200 });
  const date = readString(object, 'date', path, issues, { required: true });
  if (date !== undefined && !isCalendarDate(date)) {
    issues.add(
      fieldPath(path, 'date'),
      `${describe(date)} is not a real calendar date YYYY-MM-DD`,
      'invalid-date',
      {
        value: shortText(date),
      },
    );
  }
  const zone = readString(object, 'timezone', path, issues);
  const zoneProblem = zone === undefined ? undefined : timeZoneIssue(zone);
  if (zoneProblem)
    issues.add(fieldPath(path, 'timezone'), zoneProblem.message, zoneProblem.code, zoneProblem.params);
  const timezone = zone ?? EVENT_DEFAULTS.timezone;

  let sessions: TimeWindow[] | undefined;
  const sessionList = readArray(object, 'sessions', path, issues, true);
  if (sessionList) {
    const sessionsPath = fieldPath(path, 'sessions');
    if (sessionList.length === 0) issues.add(sessionsPath, 'needs at least one session', 'no-sessions');
    sessions = readWindows(sessionList, sessionsPath, issues);
    if (sessions) {
      for (let i = 1; i < sessions.length; i++) {
        const previous = sessions[i - 1];
        if (toMinutes(sessions[i].start) < toMinutes(previous.end)) {
          issues.add(
            fieldPath(itemPath(sessionsPath, i), 'start'),
            `${sessions[i].start} is before the end of session ${i - 1} (${previous.end}): sessions must be in time order and must not overlap`,
            'sessions-overlap',
            { start: sessions[i].start, session: i - 1, previousEnd: previous.end },
          );
          sessions = undefined;
          break;
        }
      }
    }
    if (sessions?.length === 0) sessions = undefined;
  }

  const meetingMinutes = readInteger(object, 'meetingMinutes', path, issues, {
    required: true,
    min: 5,
    max: 180,
  });
  // An optional integer: its value, the default when absent, undefined when invalid.
  const optionalInteger = (key: string, rule: { min: number; max?: number }, fallback: number) =>
    isPresent(object, key) ? readInteger(object, key, path, issues, rule) : fallback;
  const changeoverMinutes = optionalInteger(
    'changeoverMinutes',
    { min: 0, max: 60 },
    EVENT_DEFAULTS.changeoverMinutes,
  );
  const tables = readInteger(object, 'tables', path, issues, { required: true, min: 1, max: 10000 });
  const cap = optionalInteger('maxMeetingsPerCluster', { min: 1 }, EVENT_DEFAULTS.maxMeetingsPerCluster);
  const K = optionalInteger('maxWishesPerCluster', { min: 1 }, EVENT_DEFAULTS.maxWishesPerCluster);

  let pairing: PairingPolicy | undefined = EVENT_DEFAULTS.pairing;
  if (isPresent(object, 'pairing')) {
    const value = object.pairing;
    if (typeof value === 'string' && (PAIRINGS as readonly string[]).includes(value)) {
      pairing = value as PairingPolicy;
    } else {
      issues.add(
        fieldPath(path, 'pairing'),
        `expected "any" or "cross-region", got ${describe(value)}`,
        'invalid-pairing',
        gotParams(value),
      );
      pairing = undefined;
    }
  }

  // What later checks may rely on, each only when its own fields are valid.
  context.pairing = pairing;
  context.K = K;
  context.cap = cap;
  context.tables = tables;
  if (sessions && meetingMinutes !== undefined && changeoverMinutes !== undefined) {
    context.slots = deriveSlots({ sessions, meetingMinutes, changeoverMinutes });
  }

  if (issues.count !== before) return undefined;
  const settings: EventSettings = {
    name: name as string,
    ...(venue !== undefined ? { venue } : {}),
    date: date as string,
    timezone,
    sessions: sessions as TimeWindow[],
    meetingMinutes: meetingMinutes as number,
    changeoverMinutes: changeoverMinutes as number,
    tables: tables as number,
    maxMeetingsPerCluster: cap as number,
    maxWishesPerCluster: K as number,
    pairing: pairing as PairingPolicy,
  };
  return settings;
}

// ---------------------------------------------------------------------------------------------
// Clusters

function parseClusters(value: unknown, issues: Issues, context: Context): Cluster[] | undefined {
  const path = 'clusters';
  if (value === undefined) {
    issues.add(path, 'is required', 'required');
    return undefined;
  }
  if (!Array.isArray(value)) {
    issues.add(path, `expected an array, got ${describe(value)}`, 'expected-array', gotParams(value));
    return undefined;
  }
  const before = issues.count;
  const byId = new Map<string, ClusterInfo>();
  const byName = new Map<string, { path: string; name: string }>();
  const clusters: Cluster[] = [];
  value.forEach((item, i) => {
    const place = itemPath(path, i);
    const object = expectRecord(item, place, issues);
    if (!object) return;
    issues.unknownFields(object, CLUSTER_KEYS, place);

    const id = readString(object, 'id', place, issues, { required: true });
    let idOk = false;
    if (id !== undefined) {
      if (!CLUSTER_ID_PATTERN.test(id)) {
        issues.add(
          fieldPath(place, 'id'),
          `${describe(id)} is not a valid id: lowercase letters, digits and "-", starting with a letter or digit, at most 64 characters`,
          'invalid-cluster-id',
          { value: shortText(id) },
        );
      } else if (byId.has(id)) {
        const other = byId.get(id)?.path ?? '';
        issues.add(
          fieldPath(place, 'id'),
          `${quote(id)} is already used by ${other}`,
          'duplicate-cluster-id',
          {
            id,
            other,
          },
        );
      } else {
        idOk = true;
      }
    }

    const name = readString(object, 'name', place, issues, { required: true, min: 1, max: 200 });
    if (name !== undefined) {
      const key = clusterNameKey(name);
      const other = byName.get(key);
      if (other) {
        issues.add(
          fieldPath(place, 'name'),
          `${quote(name)} is already used by ${other.path} (${quote(other.name)}); names must be unique, ignoring case`,
          'duplicate-cluster-name',
          { name: shortText(name), other: other.path, otherName: shortText(other.name) },
        );
      } else {
        byName.set(key, { path: place, name });
      }
    }

    const region = readString(object, 'region', place, issues);
    const regionOk = region !== undefined && normalizeRegion(region) !== '';
    if (
      context.pairing === 'cross-region' &&
      !regionOk &&
      !(isPresent(object, 'region') && region === undefined)
    ) {
      if (region === undefined)
        issues.add(
          fieldPath(place, 'region'),
          'is required when event.pairing is "cross-region"',
          'region-required',
        );
      else
        issues.add(
          fieldPath(place, 'region'),
          'must not be blank when event.pairing is "cross-region"',
          'region-blank',
        );
    }
    const kind = readString(object, 'kind', place, issues);

    let availability: TimeWindow[] | undefined;
    let availabilityKnown = true;
    if (isPresent(object, 'availability')) {
      const list = readArray(object, 'availability', place, issues, false);
      availability = list ? readWindows(list, fieldPath(place, 'availability'), issues) : undefined;
      availabilityKnown = availability !== undefined;
    }

    if (idOk && id !== undefined) {
      byId.set(id, {
        path: place,
        region: regionOk ? normalizeRegion(region) : undefined,
        regionText: region,
        availabilityKnown,
        availability,
      });
    }
    if (id !== undefined && name !== undefined) {
      const cluster: Cluster = { id, name };
      if (region !== undefined) cluster.region = region;
      if (kind !== undefined) cluster.kind = kind;
      if (availability !== undefined) cluster.availability = availability;
      clusters.push(cluster);
    }
  });
  context.clusters = byId;
  return issues.count === before ? clusters : undefined;
}

/** A reference to a cluster: a known id (when the cluster list is usable). */
function readClusterRef(value: unknown, place: string, issues: Issues, context: Context): string | undefined {
  if (value === undefined) {
    issues.add(place, 'is required', 'required');
    return undefined;
  }
  if (typeof value !== 'string') {
    issues.add(
      place,
      `expected a cluster id, got ${describe(value)}`,
      'expected-cluster-id',
      gotParams(value),
    );
    return undefined;
  }
  if (context.clusters && !context.clusters.has(value)) {
    issues.add(place, `unknown cluster ${quote(value)}`, 'unknown-cluster', { id: shortText(value) });
    return undefined;
  }
  return value;
}

function sameRegion(context: Context, a: string, b: string): string | undefined {
  if (context.pairing !== 'cross-region') return undefined;
  const ra = context.clusters?.get(a);
  const rb = context.clusters?.get(b);
  if (!ra?.region || !rb?.region || ra.region !== rb.region) return undefined;
  return ra.regionText?.trim();
}

// ---------------------------------------------------------------------------------------------
// Wishes (shared by the event file and a single cluster's wish list)

interface WishBook {
  ranks: Map<string, Map<number, string>>;
  partners: Map<string, Map<string, string>>;
}

function checkWish(
  object: JsonObject,
  place: string,
  from: string | undefined,
  issues: Issues,
  context: Context,
  book: WishBook,
): Wish | undefined {
  const before = issues.count;
  const to = readClusterRef(object.to, fieldPath(place, 'to'), issues, context);
  if (from !== undefined && to !== undefined) {
    if (from === to) {
      issues.add(fieldPath(place, 'to'), `a cluster cannot wish itself (${quote(from)})`, 'self-wish', {
        id: from,
      });
    } else {
      const partners = book.partners.get(from) ?? new Map<string, string>();
      book.partners.set(from, partners);
      const earlier = partners.get(to);
      if (earlier !== undefined) {
        issues.add(
          fieldPath(place, 'to'),
          `${quote(from)} already wishes ${quote(to)} in ${earlier}`,
          'duplicate-wish',
          {
            from,
            to,
            other: earlier,
          },
        );
      } else {
        partners.set(to, place);
      }
      const region = sameRegion(context, from, to);
      if (region !== undefined) {
        issues.add(
          fieldPath(place, 'to'),
          `${quote(from)} and ${quote(to)} are both in region ${quote(region)}; event.pairing is "cross-region"`,
          'same-region',
          { from, to, region: shortText(region) },
        );
      }
    }
  }
  const rank = isPresent(object, 'rank')
    ? checkInteger(object.rank, fieldPath(place, 'rank'), issues, {
        min: 1,
        max: context.K,
        maxName: 'maxWishesPerCluster',
        maxCode: 'rank-above-max',
      })
    : (issues.add(fieldPath(place, 'rank'), 'is required', 'required'), undefined);
  if (from !== undefined && rank !== undefined) {
    const ranks = book.ranks.get(from) ?? new Map<number, string>();
    book.ranks.set(from, ranks);
    const earlier = ranks.get(rank);
    if (earlier !== undefined) {
      issues.add(
        fieldPath(place, 'rank'),
        `${quote(from)} already uses rank ${rank} in ${earlier}`,
        'duplicate-rank',
        {
          from,
          rank,
          other: earlier,
        },
      );
    } else {
      ranks.set(rank, place);
    }
  }
  if (issues.count !== before || from === undefined || to === undefined || rank === undefined)
    return undefined;
  return { from, to, rank };
}

function parseWishes(list: unknown[], issues: Issues, context: Context): Wish[] {
  const book: WishBook = { ranks: new Map(), partners: new Map() };
  const wishes: Wish[] = [];
  list.forEach((item, i) => {
    const place = itemPath('wishes', i);
    const object = expectRecord(item, place, issues);
    if (!object) return;
    issues.unknownFields(object, WISH_KEYS, place);
    const from = readClusterRef(object.from, fieldPath(place, 'from'), issues, context);
    const wish = checkWish(object, place, from, issues, context, book);
    if (wish) wishes.push(wish);
  });
  return wishes;
}

// ---------------------------------------------------------------------------------------------
// avoid, alreadyMet

function checkPair(a: string | undefined, b: string | undefined, place: string, issues: Issues): boolean {
  if (a === undefined || b === undefined) return false;
  if (a === b) {
    issues.add(
      place,
      `names the same cluster twice (${quote(a)}); a pair needs two different clusters`,
      'same-cluster-twice',
      { id: a },
    );
    return false;
  }
  return true;
}

function parseAvoid(list: unknown[], issues: Issues, context: Context): AvoidPair[] {
  const pairs: AvoidPair[] = [];
  list.forEach((item, i) => {
    const place = itemPath('avoid', i);
    const object = expectRecord(item, place, issues);
    if (!object) return;
    issues.unknownFields(object, AVOID_KEYS, place);
    const from = readClusterRef(object.from, fieldPath(place, 'from'), issues, context);
    const to = readClusterRef(object.to, fieldPath(place, 'to'), issues, context);
    if (checkPair(from, to, fieldPath(place, 'to'), issues))
      pairs.push({ from: from as string, to: to as string });
  });
  return pairs;
}

function readIdPair(
  value: unknown,
  place: string,
  issues: Issues,
  context: Context,
): [string, string] | undefined {
  if (!Array.isArray(value) || value.length !== 2) {
    if (Array.isArray(value))
      issues.add(
        place,
        `expected a pair of two cluster ids, got ${value.length} item${value.length === 1 ? '' : 's'}`,
        'expected-pair',
        { got: 'array', count: value.length },
      );
    else
      issues.add(
        place,
        `expected a pair of two cluster ids ["a", "b"], got ${describe(value)}`,
        'expected-pair',
        gotParams(value),
      );
    return undefined;
  }
  const a = readClusterRef(value[0], itemPath(place, 0), issues, context);
  const b = readClusterRef(value[1], itemPath(place, 1), issues, context);
  return checkPair(a, b, itemPath(place, 1), issues) ? [a as string, b as string] : undefined;
}

function parseAlreadyMet(list: unknown[], issues: Issues, context: Context): [string, string][] {
  const pairs: [string, string][] = [];
  list.forEach((item, i) => {
    const pair = readIdPair(item, itemPath('alreadyMet', i), issues, context);
    if (pair) pairs.push(pair);
  });
  return pairs;
}

// ---------------------------------------------------------------------------------------------
// Fixed meetings, and the validity rules 1–7 among themselves

function parseFixed(list: unknown[], issues: Issues, context: Context): FixedMeeting[] {
  const slots = context.slots;
  const fixed: FixedMeeting[] = [];
  const pairs = new Map<string, string>();
  const perCluster = new Map<string, string[]>();
  const clusterInSlot = new Map<string, string>();
  const tableInSlot = new Map<string, string>();
  const perSlot = new Map<number, number>();

  list.forEach((item, i) => {
    const place = itemPath('fixed', i);
    const object = expectRecord(item, place, issues);
    if (!object) return;
    issues.unknownFields(object, FIXED_KEYS, place);
    const before = issues.count;
    const clustersPlace = fieldPath(place, 'clusters');
    const pair = isPresent(object, 'clusters')
      ? readIdPair(object.clusters, clustersPlace, issues, context)
      : (issues.add(clustersPlace, 'is required', 'required'), undefined);

    let slot: number | undefined;
    let slotOk = false;
    if (isPresent(object, 'slot')) {
      slot = checkInteger(object.slot, fieldPath(place, 'slot'), issues, { min: 0 });
      if (slot !== undefined && slots && slot >= slots.length) {
        issues.add(
          fieldPath(place, 'slot'),
          slots.length === 0
            ? `slot ${slot} does not exist: the event has no slot`
            : `slot ${slot} does not exist: the event has ${slots.length} slots, 0–${slots.length - 1}`,
          'slot-not-found',
          { slot, slots: slots.length },
        );
      } else if (slot !== undefined && slots) {
        slotOk = true;
      }
    }
    let table: number | undefined;
    if (isPresent(object, 'table')) {
      table = checkInteger(object.table, fieldPath(place, 'table'), issues, {
        min: 1,
        max: context.tables,
        maxName: 'tables',
        maxCode: 'table-above-max',
      });
    }
    const shapeOk = issues.count === before;

    // Rules among fixed meetings (only on the parts that are themselves valid).
    if (pair) {
      const [a, b] = pair;
      const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
      const earlier = pairs.get(key);
      if (earlier !== undefined) {
        issues.add(
          clustersPlace,
          `${quote(a)} and ${quote(b)} are already fixed to meet in ${earlier}; a pair meets once`,
          'duplicate-fixed-pair',
          { a, b, other: earlier },
        );
      } else {
        pairs.set(key, place);
      }
      const region = sameRegion(context, a, b);
      if (region !== undefined) {
        issues.add(
          clustersPlace,
          `${quote(a)} and ${quote(b)} are both in region ${quote(region)}; event.pairing is "cross-region"`,
          'same-region',
          { from: a, to: b, region: shortText(region) },
        );
      }
      for (const id of pair) {
        const places = perCluster.get(id) ?? [];
        places.push(place);
        perCluster.set(id, places);
        if (context.cap !== undefined && places.length === context.cap + 1) {
          issues.add(
            clustersPlace,
            `${quote(id)} has more fixed meetings (${places.join(', ')}) than maxMeetingsPerCluster ${context.cap}`,
            'fixed-over-cap',
            { id, max: context.cap, places: [...places] },
          );
        }
      }
      const infoA = context.clusters?.get(a);
      const infoB = context.clusters?.get(b);
      const availabilityKnown = slots && infoA?.availabilityKnown && infoB?.availabilityKnown;
      if (slotOk && slot !== undefined && slots) {
        for (const [id, info] of [
          [a, infoA],
          [b, infoB],
        ] as const) {
          if (info?.availabilityKnown && !isAvailable(info, slots[slot])) {
            issues.add(
              fieldPath(place, 'slot'),
              `${quote(id)} is not available in ${slotLabel(slots, slot)}`,
              'unavailable-in-slot',
              { id, ...slotParams(slots, slot) },
            );
          }
          const inSlot = `${id}\u0000${slot}`;
          const other = clusterInSlot.get(inSlot);
          if (other !== undefined) {
            issues.add(
              fieldPath(place, 'slot'),
              `${quote(id)} is already in ${other} at ${slotLabel(slots, slot)}`,
              'busy-in-slot',
              { id, other, ...slotParams(slots, slot) },
            );
          } else {
            clusterInSlot.set(inSlot, place);
          }
        }
        if (table !== undefined) {
          const at = `${slot}\u0000${table}`;
          const other = tableInSlot.get(at);
          if (other !== undefined) {
            issues.add(
              fieldPath(place, 'table'),
              `table ${table} in ${slotLabel(slots, slot)} is already taken by ${other}`,
              'table-taken',
              { table, other, ...slotParams(slots, slot) },
            );
          } else {
            tableInSlot.set(at, place);
          }
        }
        const count = (perSlot.get(slot) ?? 0) + 1;
        perSlot.set(slot, count);
        if (context.tables !== undefined && count === context.tables + 1) {
          issues.add(
            fieldPath(place, 'slot'),
            `${slotLabel(slots, slot)} has more fixed meetings than tables (${context.tables})`,
            'slot-over-tables',
            { tables: context.tables, ...slotParams(slots, slot) },
          );
        }
      } else if (slot === undefined && !isPresent(object, 'slot') && availabilityKnown && infoA && infoB) {
        if (!slots.some((s) => isAvailable(infoA, s) && isAvailable(infoB, s))) {
          issues.add(
            clustersPlace,
            `${quote(a)} and ${quote(b)} share no slot in which both are available`,
            'no-common-slot',
            { a, b },
          );
        }
      }
    }
    if (shapeOk && pair) {
      const meeting: FixedMeeting = { clusters: [pair[0], pair[1]] };
      if (slot !== undefined) meeting.slot = slot;
      if (table !== undefined) meeting.table = table;
      fixed.push(meeting);
    }
  });
  return fixed;
}

// ---------------------------------------------------------------------------------------------

function optionalList(input: JsonObject, key: string, issues: Issues): unknown[] {
  return readArray(input, key, '', issues, false) ?? [];
}

/** Parses and validates an event file; all problems at once, each with its place. */
export function parseEventFile(input: unknown): ParseResult<EventFile> {
  const issues = new Issues();
  const root = readDocumentRoot(
    input,
    { name: 'an event file', notAnObject: 'expected-event-file', format: EVENT_FORMAT, keys: ROOT_KEYS },
    issues,
  );
  if (!root) return issues.result(() => undefined as never);

  const context: Context = {};
  const settings = parseSettings(root.event, issues, context);
  const clusters = parseClusters(root.clusters, issues, context);
  const wishes = parseWishes(optionalList(root, 'wishes', issues), issues, context);
  const avoid = parseAvoid(optionalList(root, 'avoid', issues), issues, context);
  const alreadyMet = parseAlreadyMet(optionalList(root, 'alreadyMet', issues), issues, context);
  const fixed = parseFixed(optionalList(root, 'fixed', issues), issues, context);

  return issues.result(() => ({
    format: EVENT_FORMAT,
    event: settings as EventSettings,
    clusters: clusters as Cluster[],
    wishes,
    avoid,
    alreadyMet,
    fixed,
  }));
}

function contextOf(event: EventFile): Context {
  const settings = event.event;
  return {
    pairing: settings.pairing,
    K: settings.maxWishesPerCluster,
    cap: settings.maxMeetingsPerCluster,
    tables: settings.tables,
    slots: deriveSlots(settings),
    clusters: new Map(
      event.clusters.map((cluster, i) => [
        cluster.id,
        {
          path: itemPath('clusters', i),
          region: normalizeRegion(cluster.region) || undefined,
          regionText: cluster.region,
          availabilityKnown: true,
          availability: cluster.availability,
        },
      ]),
    ),
  };
}

/**
 * Validates one cluster's whole ranked wish list (`[{to, rank}]`) against a parsed event, with the
 * rules of the event file; paths are relative to the list: `[2].rank`.
 */
export function validateWishList(
  event: EventFile,
  from: string,
  wishes: unknown,
): ParseResult<{ to: string; rank: number }[]> {
  const issues = new Issues();
  const context = contextOf(event);
  if (!context.clusters?.has(from)) {
    issues.add('from', `unknown cluster ${quote(from)}`, 'unknown-cluster', { id: shortText(from) });
  }
  if (!Array.isArray(wishes)) {
    issues.add(
      '',
      `expected a list of wishes [{ "to": …, "rank": … }], got ${describe(wishes)}`,
      'expected-wish-list',
      gotParams(wishes),
    );
    return issues.result(() => []);
  }
  const book: WishBook = { ranks: new Map(), partners: new Map() };
  const list: { to: string; rank: number }[] = [];
  wishes.forEach((item, i) => {
    const place = itemPath('', i);
    const object = expectRecord(item, place, issues);
    if (!object) return;
    issues.unknownFields(object, LIST_WISH_KEYS, place);
    const wish = checkWish(
      object,
      place,
      context.clusters?.has(from) ? from : undefined,
      issues,
      context,
      book,
    );
    if (wish) list.push({ to: wish.to, rank: wish.rank });
  });
  return issues.result(() => list);
}
