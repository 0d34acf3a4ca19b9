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
  readArray,
  readString,
  type JsonObject,
} from './event-file.fields';
import type { ParseResult } from './event-file';
import {
  SCHEDULE_FORMAT,
  type EventFile,
  type Meeting,
  type QualityFigures,
  type ScheduleFile,
  type ScheduleStats,
  type Slot,
  type UnmetWish,
} from './model';
import { buildProblem, normalizeRegion, pairKey, type Problem } from './problem';
import { qualityFiguresOf } from './quality';
import { isClockTime } from './time';

/**
 * The schedule file `interclustering-schedule/1` (structure only) and the checker of the ten
 * validity rules of ../../../shared/docs/event-format.md, with the quality figures.
 */

const SCHEDULE_KEYS = ['format', 'event', 'slots', 'meetings', 'unmetWishes', 'stats'] as const;
const SLOT_KEYS = ['index', 'start', 'end'] as const;
const MEETING_KEYS = ['slot', 'table', 'clusters'] as const;

function readClockField(object: JsonObject, key: string, place: string, issues: Issues): string | undefined {
  const value = readString(object, key, place, issues, { required: true });
  if (value !== undefined && !isClockTime(value)) {
    issues.add(
      fieldPath(place, key),
      `expected a time HH:MM (00:00–23:59), got ${describe(value)}`,
      'expected-time',
      gotParams(value),
    );
    return undefined;
  }
  return value;
}

function readRequiredInteger(object: JsonObject, key: string, place: string, issues: Issues, min: number) {
  if (!isPresent(object, key)) {
    issues.add(fieldPath(place, key), 'is required', 'required');
    return undefined;
  }
  return checkInteger(object[key], fieldPath(place, key), issues, { min });
}

/**
 * Parses the structure of a schedule file: format, event name, slots and meetings shapes. Whether
 * the meetings are valid for an event is the checker's business; `unmetWishes` and `stats` are
 * free-form (for people) and kept as given.
 */
export function parseScheduleFile(input: unknown): ParseResult<ScheduleFile> {
  const issues = new Issues();
  const root = readDocumentRoot(
    input,
    {
      name: 'a schedule file',
      notAnObject: 'expected-schedule-file',
      format: SCHEDULE_FORMAT,
      keys: SCHEDULE_KEYS,
    },
    issues,
  );
  if (!root) return issues.result(() => undefined as never);

  const event = readString(root, 'event', '', issues, { required: true });

  const slots: Slot[] = [];
  (readArray(root, 'slots', '', issues, true) ?? []).forEach((item, i) => {
    const place = itemPath('slots', i);
    const object = expectRecord(item, place, issues);
    if (!object) return;
    issues.unknownFields(object, SLOT_KEYS, place);
    const index = readRequiredInteger(object, 'index', place, issues, 0);
    const start = readClockField(object, 'start', place, issues);
    const end = readClockField(object, 'end', place, issues);
    if (index !== undefined && start !== undefined && end !== undefined) slots.push({ index, start, end });
  });

  const meetings: Meeting[] = [];
  (readArray(root, 'meetings', '', issues, true) ?? []).forEach((item, i) => {
    const place = itemPath('meetings', i);
    const object = expectRecord(item, place, issues);
    if (!object) return;
    issues.unknownFields(object, MEETING_KEYS, place);
    const slot = readRequiredInteger(object, 'slot', place, issues, 0);
    const table = readRequiredInteger(object, 'table', place, issues, 1);
    const clustersPlace = fieldPath(place, 'clusters');
    const pair = object.clusters;
    let clusters: [string, string] | undefined;
    if (pair === undefined) {
      issues.add(clustersPlace, 'is required', 'required');
    } else if (!Array.isArray(pair) || pair.length !== 2) {
      issues.add(
        clustersPlace,
        `expected a pair of two cluster ids ["a", "b"], got ${describe(pair)}`,
        'expected-pair',
        Array.isArray(pair) ? { got: 'array', count: pair.length } : gotParams(pair),
      );
    } else {
      pair.forEach((id, k) => {
        if (typeof id !== 'string')
          issues.add(
            itemPath(clustersPlace, k),
            `expected a cluster id, got ${describe(id)}`,
            'expected-cluster-id',
            gotParams(id),
          );
      });
      if (typeof pair[0] === 'string' && typeof pair[1] === 'string') clusters = [pair[0], pair[1]];
    }
    if (slot !== undefined && table !== undefined && clusters) meetings.push({ slot, table, clusters });
  });

  const unmetWishes = readArray(root, 'unmetWishes', '', issues, false) ?? [];
  let stats: ScheduleStats = {};
  if (isPresent(root, 'stats')) {
    const value = expectRecord(root.stats, 'stats', issues);
    if (value) stats = structuredCloneJson(value) as ScheduleStats;
  }

  return issues.result(() => ({
    format: SCHEDULE_FORMAT,
    event: event as string,
    slots,
    meetings,
    unmetWishes: structuredCloneJson(unmetWishes) as UnmetWish[],
    stats,
  }));
}

/** A copy of free-form JSON data, so that the result shares nothing with the input. */
function structuredCloneJson(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch {
    return value;
  }
}

// ---------------------------------------------------------------------------------------------
// The checker

export interface Violation {
  /** The rule of "A valid schedule" (1–10). */
  rule: number;
  message: string;
  /** The meetings involved (empty when a fixed meeting is missing). */
  meetings: Meeting[];
}

export interface CheckReport {
  valid: boolean;
  violations: Violation[];
  figures: QualityFigures;
}

/** What each rule is about, for people (`rule 4: cap`). */
export const RULE_TITLES: Readonly<Record<number, string>> = {
  1: 'known clusters, existing slot and table',
  2: 'one meeting per table and slot',
  3: 'one meeting per cluster and slot',
  4: 'at most maxMeetingsPerCluster meetings',
  5: 'both clusters available',
  6: 'a pair meets once',
  7: 'cross-region pairing',
  8: 'avoid and alreadyMet pairs',
  9: 'wished by one side or fixed',
  10: 'every fixed meeting in place',
};

class Describer {
  constructor(private readonly problem: Problem) {}

  slot(slot: number): string {
    const s = this.problem.slots[slot];
    return s ? `slot ${slot} (${s.start}–${s.end})` : `slot ${slot}`;
  }

  pair(meeting: Meeting): string {
    return `${meeting.clusters[0]}–${meeting.clusters[1]}`;
  }

  /** `a–b at slot 2 (14:40–15:00), table 3` */
  meeting(meeting: Meeting): string {
    return `${this.pair(meeting)} at ${this.slot(meeting.slot)}, table ${meeting.table}`;
  }

  list(meetings: Meeting[]): string {
    return meetings.map((m) => this.meeting(m)).join('; ');
  }
}

function groupBy<K>(meetings: Meeting[], keys: (m: Meeting) => K[]): Map<K, Meeting[]> {
  const groups = new Map<K, Meeting[]>();
  for (const meeting of meetings) {
    for (const key of keys(meeting)) {
      const group = groups.get(key);
      if (group) group.push(meeting);
      else groups.set(key, [meeting]);
    }
  }
  return groups;
}

/**
 * Checks a schedule against the ten rules of a valid schedule. Each violation gives its rule, a
 * message naming the clusters, slot and table, and the meetings involved; violations are ordered
 * by rule, then by the order of the meetings. Meetings that break rule 1 are left out of the other
 * rules (except rule 10, which looks for the fixed pairs wherever they are).
 */
export function checkSchedule(event: EventFile, schedule: Pick<ScheduleFile, 'meetings'>): CheckReport {
  const problem = buildProblem(event);
  const say = new Describer(problem);
  const settings = event.event;
  const meetings = schedule.meetings;
  const violations: Violation[] = [];
  const add = (rule: number, message: string, involved: Meeting[]) =>
    violations.push({ rule, message, meetings: involved });
  const index = (id: string) => problem.indexOf.get(id);

  // Rule 1
  const wellFormed: Meeting[] = [];
  meetings.forEach((meeting, i) => {
    const problems: string[] = [];
    const [x, y] = Array.isArray(meeting.clusters) ? meeting.clusters : [undefined, undefined];
    for (const id of [x, y]) {
      if (typeof id !== 'string' || index(id) === undefined)
        problems.push(`unknown cluster ${JSON.stringify(id)}`);
    }
    if (typeof x === 'string' && x === y) problems.push(`the same cluster twice (${x})`);
    if (!Number.isInteger(meeting.slot) || meeting.slot < 0 || meeting.slot >= problem.slots.length) {
      problems.push(
        problem.slots.length === 0
          ? `slot ${meeting.slot} does not exist: the event has no slot`
          : `slot ${meeting.slot} does not exist: the event has ${problem.slots.length} slots, 0–${problem.slots.length - 1}`,
      );
    }
    if (!Number.isInteger(meeting.table) || meeting.table < 1 || meeting.table > settings.tables) {
      problems.push(`table ${meeting.table} is not in 1..${settings.tables}`);
    }
    if (problems.length > 0) {
      add(
        1,
        `meetings[${i}] (${say.pair(meeting)} at slot ${meeting.slot}, table ${meeting.table}): ${problems.join('; ')}`,
        [meeting],
      );
    } else {
      wellFormed.push(meeting);
    }
  });

  // Rule 2
  for (const group of groupBy(wellFormed, (m) => [`${m.slot}#${m.table}`]).values()) {
    if (group.length > 1) {
      const [first] = group;
      add(
        2,
        `table ${first.table} in ${say.slot(first.slot)} has ${group.length} meetings: ${group.map((m) => say.pair(m)).join(', ')}`,
        group,
      );
    }
  }

  // Rule 3
  for (const [key, group] of groupBy(wellFormed, (m) => [
    `${m.clusters[0]}@${m.slot}`,
    `${m.clusters[1]}@${m.slot}`,
  ])) {
    if (group.length > 1) {
      const id = key.slice(0, key.lastIndexOf('@'));
      add(
        3,
        `${id} is in ${group.length} meetings in ${say.slot(group[0].slot)}: ${group.map((m) => `${say.pair(m)} at table ${m.table}`).join(', ')}`,
        group,
      );
    }
  }

  // Rule 4
  const perCluster = groupBy(wellFormed, (m) => [m.clusters[0], m.clusters[1]]);
  for (const id of problem.ids) {
    const group = perCluster.get(id) ?? [];
    if (group.length > settings.maxMeetingsPerCluster) {
      add(
        4,
        `${id} has ${group.length} meetings, above maxMeetingsPerCluster ${settings.maxMeetingsPerCluster}: ${say.list(group)}`,
        group,
      );
    }
  }

  // Rule 5
  for (const meeting of wellFormed) {
    for (const id of meeting.clusters) {
      if (!problem.available[index(id) as number][meeting.slot]) {
        add(5, `${id} is not available in ${say.slot(meeting.slot)} (${say.meeting(meeting)})`, [meeting]);
      }
    }
  }

  // Rule 6
  const pairOf = (m: Meeting) => pairKey(index(m.clusters[0]) as number, index(m.clusters[1]) as number);
  for (const group of groupBy(wellFormed, (m) => [pairOf(m)]).values()) {
    if (group.length > 1) {
      const [a, b] = group[0].clusters;
      add(
        6,
        `${a} and ${b} meet ${group.length} times: ${group.map((m) => `${say.slot(m.slot)}, table ${m.table}`).join('; ')}`,
        group,
      );
    }
  }

  // Rule 7
  if (settings.pairing === 'cross-region') {
    for (const meeting of wellFormed) {
      const [a, b] = meeting.clusters;
      const regionA = normalizeRegion(event.clusters[index(a) as number].region);
      const regionB = normalizeRegion(event.clusters[index(b) as number].region);
      if (regionA === regionB) {
        const region = event.clusters[index(a) as number].region?.trim() ?? '';
        add(
          7,
          `${a} and ${b} are both in region ${JSON.stringify(region)} but event.pairing is "cross-region" (${say.meeting(meeting)})`,
          [meeting],
        );
      }
    }
  }

  // Rule 8 (fixed pairs excepted)
  const fixedPairs = new Set(problem.fixed.map((f) => pairKey(f.a, f.b)));
  const avoidAt = new Map<string, number>();
  event.avoid.forEach((p, i) => {
    const a = index(p.from);
    const b = index(p.to);
    if (a !== undefined && b !== undefined && !avoidAt.has(pairKey(a, b))) avoidAt.set(pairKey(a, b), i);
  });
  const alreadyMetAt = new Map<string, number>();
  event.alreadyMet.forEach(([x, y], i) => {
    const a = index(x);
    const b = index(y);
    if (a !== undefined && b !== undefined && !alreadyMetAt.has(pairKey(a, b)))
      alreadyMetAt.set(pairKey(a, b), i);
  });
  const rank = (from: string, to: string) =>
    problem.wishRank[index(from) as number].get(index(to) as number) ?? 0;
  for (const meeting of wellFormed) {
    const key = pairOf(meeting);
    if (fixedPairs.has(key)) continue;
    const [a, b] = meeting.clusters;
    const avoidIndex = avoidAt.get(key);
    if (avoidIndex !== undefined) {
      add(8, `${a} and ${b} must never meet (avoid[${avoidIndex}]) but do: ${say.meeting(meeting)}`, [
        meeting,
      ]);
    }
    const metIndex = alreadyMetAt.get(key);
    if (metIndex !== undefined && !(rank(a, b) > 0 && rank(b, a) > 0)) {
      add(
        8,
        `${a} and ${b} met at an earlier event (alreadyMet[${metIndex}]) and may meet again only if both wish each other: ${say.meeting(meeting)}`,
        [meeting],
      );
    }
  }

  // Rule 9
  for (const meeting of wellFormed) {
    const [a, b] = meeting.clusters;
    if (fixedPairs.has(pairOf(meeting)) || rank(a, b) > 0 || rank(b, a) > 0) continue;
    add(9, `${say.meeting(meeting)}: neither ${a} nor ${b} wished this meeting, and it is not fixed`, [
      meeting,
    ]);
  }

  // Rule 10
  const byPair = groupBy(
    meetings.filter(
      (m) =>
        Array.isArray(m.clusters) && index(m.clusters[0]) !== undefined && index(m.clusters[1]) !== undefined,
    ),
    (m) => [pairOf(m)],
  );
  event.fixed.forEach((fixed, i) => {
    const [a, b] = fixed.clusters;
    const ia = index(a);
    const ib = index(b);
    if (ia === undefined || ib === undefined) return;
    const found = byPair.get(pairKey(ia, ib)) ?? [];
    const where = [
      fixed.slot !== undefined ? say.slot(fixed.slot) : undefined,
      fixed.table !== undefined ? `table ${fixed.table}` : undefined,
    ]
      .filter((part) => part !== undefined)
      .join(', ');
    if (found.length === 0) {
      add(10, `fixed meeting ${a}–${b} (fixed[${i}]${where ? `, ${where}` : ''}) is not in the schedule`, []);
      return;
    }
    const inPlace = found.some(
      (m) =>
        (fixed.slot === undefined || m.slot === fixed.slot) &&
        (fixed.table === undefined || m.table === fixed.table),
    );
    if (!inPlace) {
      add(
        10,
        `fixed meeting ${a}–${b} (fixed[${i}]) must be at ${where}, but is at ${found.map((m) => `${say.slot(m.slot)}, table ${m.table}`).join('; ')}`,
        found,
      );
    }
  });

  violations.sort((x, y) => x.rule - y.rule);
  return {
    valid: violations.length === 0,
    violations,
    figures: qualityFiguresOf(problem, meetings),
  };
}
