import fc from 'fast-check';
import { checkSchedule, parseScheduleFile, type Violation } from './checker';
import type { Cluster, EventFile, Meeting } from './model';
import { deriveSlots, isAvailable } from './slots';
import { qualityFigures } from './quality';
import {
  eventFileArbitrary,
  makeEvent,
  makeSchedule,
  meeting,
  mutualWish,
  toJsonDocument,
  wish,
  wishList,
} from './testing';

// Default factory event: 6 slots (14:00, 14:20, … 15:40), 10 tables, cap 3, clusters a, b, c, d.

function rulesOf(event: EventFile, meetings: Meeting[]): number[] {
  return checkSchedule(event, { meetings }).violations.map((v) => v.rule);
}

function onlyViolation(event: EventFile, meetings: Meeting[]): Violation {
  const { violations, valid } = checkSchedule(event, { meetings });
  expect(valid).toBe(false);
  expect(violations).toHaveLength(1);
  return violations[0];
}

describe('checkSchedule', () => {
  const wishes = [...wishList('a', 'b', 'c', 'd'), ...wishList('b', 'c', 'd'), wish('c', 'd')];
  const event = makeEvent({ wishes });

  it('accepts a valid schedule and gives its figures', () => {
    const meetings = [
      meeting(0, 1, 'a', 'b'),
      meeting(0, 2, 'c', 'd'),
      meeting(1, 1, 'a', 'c'),
      meeting(1, 2, 'b', 'd'),
    ];
    const report = checkSchedule(event, { meetings });
    expect(report).toEqual({
      valid: true,
      violations: [],
      figures: qualityFigures(event, meetings),
    });
    // a→b 5, c→d 5, a→c 4, b→d 4; d wished nothing
    expect(report.figures).toEqual({ servedClusters: 3, wishScore: 5 + 5 + 4 + 4, idleSlots: 0 });
  });

  it('accepts an empty schedule of an event without fixed meetings', () => {
    expect(checkSchedule(event, { meetings: [] }).valid).toBe(true);
  });

  describe('rule 1: two different known clusters, an existing slot, a table in 1..tables', () => {
    it.each<[string, Meeting, RegExp]>([
      [
        'an unknown cluster',
        meeting(0, 1, 'a', 'zz'),
        /^meetings\[0\] \(a–zz at slot 0, table 1\): unknown cluster "zz"$/,
      ],
      ['the same cluster twice', meeting(0, 1, 'a', 'a'), /the same cluster twice \(a\)/],
      [
        'a slot that does not exist',
        meeting(6, 1, 'a', 'b'),
        /slot 6 does not exist: the event has 6 slots, 0–5/,
      ],
      ['a table out of range', meeting(0, 11, 'a', 'b'), /table 11 is not in 1\.\.10/],
      ['table 0', meeting(0, 0, 'a', 'b'), /table 0 is not in 1\.\.10/],
    ])('reports %s', (_, m, message) => {
      const v = onlyViolation(event, [m]);
      expect(v).toEqual({ rule: 1, message: expect.stringMatching(message), meetings: [m] });
    });

    it('leaves such meetings out of the other rules', () => {
      expect(rulesOf(event, [meeting(9, 1, 'a', 'b'), meeting(9, 1, 'a', 'c')])).toEqual([1, 1]);
    });
  });

  it('rule 2: two meetings at one table in one slot', () => {
    const meetings = [meeting(2, 4, 'a', 'b'), meeting(2, 4, 'c', 'd')];
    expect(onlyViolation(event, meetings)).toEqual({
      rule: 2,
      message: 'table 4 in slot 2 (14:40–15:00) has 2 meetings: a–b, c–d',
      meetings,
    });
  });

  it('rule 3: a cluster in two meetings in one slot', () => {
    const meetings = [meeting(2, 1, 'a', 'b'), meeting(2, 2, 'c', 'a')];
    expect(onlyViolation(event, meetings)).toEqual({
      rule: 3,
      message: 'a is in 2 meetings in slot 2 (14:40–15:00): a–b at table 1, c–a at table 2',
      meetings,
    });
  });

  it('rule 4: a cluster above maxMeetingsPerCluster', () => {
    const capped = makeEvent({ event: { maxMeetingsPerCluster: 2 }, wishes });
    const meetings = [meeting(0, 1, 'a', 'b'), meeting(1, 1, 'a', 'c'), meeting(2, 1, 'a', 'd')];
    const v = onlyViolation(capped, meetings);
    expect(v).toEqual({
      rule: 4,
      message: expect.stringMatching(/^a has 3 meetings, above maxMeetingsPerCluster 2: a–b at slot 0/),
      meetings,
    });
  });

  it('rule 5: a cluster not available for the slot', () => {
    const e = makeEvent({
      clusters: ['a', { id: 'b', availability: [{ start: '15:00', end: '16:00' }] }],
      wishes: [wish('a', 'b')],
    });
    const m = meeting(1, 3, 'a', 'b');
    expect(onlyViolation(e, [m])).toEqual({
      rule: 5,
      message: 'b is not available in slot 1 (14:20–14:40) (a–b at slot 1 (14:20–14:40), table 3)',
      meetings: [m],
    });
    expect(checkSchedule(e, { meetings: [meeting(3, 3, 'a', 'b')] }).valid).toBe(true);
  });

  it('rule 6: a pair meeting twice (in either order)', () => {
    const meetings = [meeting(0, 1, 'a', 'b'), meeting(3, 2, 'b', 'a')];
    expect(onlyViolation(event, meetings)).toEqual({
      rule: 6,
      message: 'a and b meet 2 times: slot 0 (14:00–14:20), table 1; slot 3 (15:00–15:20), table 2',
      meetings,
    });
  });

  it('rule 7: a same-region pair under cross-region (regions compared ignoring case and spaces)', () => {
    const e = makeEvent({
      event: { pairing: 'cross-region' },
      clusters: [
        { id: 'a', region: 'Auvergne' },
        { id: 'b', region: ' AUVERGNE' },
        { id: 'c', region: 'Rhône-Alpes' },
      ],
      wishes: [wish('a', 'c'), wish('b', 'c')],
    });
    // A wish for the same region cannot be in a valid event file: the pair is fixed-free and unwished
    const m = meeting(0, 1, 'a', 'b');
    expect(rulesOf(e, [m])).toEqual([7, 9]);
    expect(checkSchedule(e, { meetings: [m] }).violations[0].message).toMatch(
      /^a and b are both in region "Auvergne"/,
    );
    expect(checkSchedule(e, { meetings: [meeting(0, 1, 'a', 'c'), meeting(1, 1, 'b', 'c')] }).valid).toBe(
      true,
    );
  });

  it('rule 8: an avoid pair meets', () => {
    const e = makeEvent({ wishes, avoid: [{ from: 'b', to: 'a' }] });
    const m = meeting(0, 1, 'a', 'b');
    expect(onlyViolation(e, [m])).toEqual({
      rule: 8,
      message: 'a and b must never meet (avoid[0]) but do: a–b at slot 0 (14:00–14:20), table 1',
      meetings: [m],
    });
  });

  it('rule 8: an alreadyMet pair meets without wishing each other', () => {
    const e = makeEvent({
      wishes: [wish('a', 'b'), ...mutualWish('c', 'd')],
      alreadyMet: [
        ['a', 'b'],
        ['d', 'c'],
      ],
    });
    const ab = meeting(0, 1, 'a', 'b');
    expect(onlyViolation(e, [ab, meeting(0, 2, 'c', 'd')])).toEqual({
      rule: 8,
      message: expect.stringMatching(
        /^a and b met at an earlier event \(alreadyMet\[0\]\) and may meet again only if both wish each other/,
      ),
      meetings: [ab],
    });
  });

  it('rule 8 does not apply to fixed meetings', () => {
    const e = makeEvent({
      avoid: [{ from: 'a', to: 'b' }],
      alreadyMet: [['c', 'd']],
      fixed: [{ clusters: ['a', 'b'] }, { clusters: ['c', 'd'] }],
    });
    expect(checkSchedule(e, { meetings: [meeting(0, 1, 'a', 'b'), meeting(1, 1, 'c', 'd')] }).valid).toBe(
      true,
    );
  });

  it('rule 9: a meeting wished by neither side and not fixed', () => {
    const e = makeEvent({ wishes: [wish('a', 'b')], fixed: [{ clusters: ['c', 'd'] }] });
    const m = meeting(4, 2, 'a', 'c');
    expect(onlyViolation(e, [meeting(0, 1, 'b', 'a'), meeting(0, 2, 'c', 'd'), m])).toEqual({
      rule: 9,
      message:
        'a–c at slot 4 (15:20–15:40), table 2: neither a nor c wished this meeting, and it is not fixed',
      meetings: [m],
    });
  });

  it('rule 10: a fixed meeting missing', () => {
    const e = makeEvent({ wishes, fixed: [{ clusters: ['c', 'd'], slot: 2 }] });
    expect(onlyViolation(e, [meeting(0, 1, 'a', 'b')])).toEqual({
      rule: 10,
      message: 'fixed meeting c–d (fixed[0], slot 2 (14:40–15:00)) is not in the schedule',
      meetings: [],
    });
  });

  it('rule 10: a fixed meeting at another slot or table than given', () => {
    const e = makeEvent({
      fixed: [
        { clusters: ['c', 'd'], slot: 2, table: 5 },
        { clusters: ['a', 'b'], table: 1 },
      ],
    });
    const cd = meeting(3, 5, 'd', 'c');
    expect(onlyViolation(e, [cd, meeting(0, 1, 'a', 'b')])).toEqual({
      rule: 10,
      message:
        'fixed meeting c–d (fixed[0]) must be at slot 2 (14:40–15:00), table 5, but is at slot 3 (15:00–15:20), table 5',
      meetings: [cd],
    });
    const ab = meeting(0, 2, 'a', 'b');
    expect(onlyViolation(e, [meeting(2, 5, 'c', 'd'), ab]).message).toBe(
      'fixed meeting a–b (fixed[1]) must be at table 1, but is at slot 0 (14:00–14:20), table 2',
    );
  });

  it('reports several violations at once, ordered by rule', () => {
    const capped = makeEvent({
      event: { maxMeetingsPerCluster: 1 },
      wishes,
      fixed: [{ clusters: ['c', 'd'] }],
    });
    const rules = rulesOf(capped, [
      meeting(0, 1, 'a', 'b'),
      meeting(0, 1, 'a', 'c'),
      meeting(1, 1, 'b', 'a'),
      meeting(7, 1, 'a', 'b'),
    ]);
    // 1: slot 7; 2: table 1 twice in slot 0; 3: a twice in slot 0; 4: a (3 meetings), b (2); 6: a–b twice; 10: c–d missing
    expect(rules).toEqual([1, 2, 3, 4, 4, 6, 10]);
  });

  it('finds no violation in a schedule made of the fixed meetings of a random valid event', () => {
    fc.assert(
      fc.property(eventFileArbitrary({ maxClusters: 8 }), (e) => {
        // Fixed meetings with a slot first, then the others greedily in a common free slot, on free tables.
        const slots = deriveSlots(e.event);
        const byId = new Map(e.clusters.map((c) => [c.id, c]));
        const busy = new Set<string>();
        const tablesUsed = new Map<number, Set<number>>();
        const meetings: Meeting[] = [];
        const ordered = [
          ...e.fixed.filter((f) => f.slot !== undefined),
          ...e.fixed.filter((f) => f.slot === undefined),
        ];
        for (const f of ordered) {
          const [a, b] = f.clusters;
          const free = (s: number) =>
            !busy.has(`${a}@${s}`) &&
            !busy.has(`${b}@${s}`) &&
            isAvailable(byId.get(a) as Cluster, slots[s]) &&
            isAvailable(byId.get(b) as Cluster, slots[s]);
          const slot = f.slot ?? slots.map((s) => s.index).find(free);
          if (slot === undefined) return; // the greedy order found no room: nothing to check
          const used = tablesUsed.get(slot) ?? new Set<number>();
          const table =
            f.table ?? Array.from({ length: e.event.tables }, (_, t) => t + 1).find((t) => !used.has(t));
          if (table === undefined || used.has(table)) return;
          used.add(table);
          tablesUsed.set(slot, used);
          busy.add(`${a}@${slot}`);
          busy.add(`${b}@${slot}`);
          meetings.push(meeting(slot, table, a, b));
        }
        expect(checkSchedule(e, { meetings }).violations).toEqual([]);
        if (e.fixed.length > 0) expect(checkSchedule(e, { meetings: meetings.slice(1) }).valid).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

describe('parseScheduleFile', () => {
  const event = makeEvent({ wishes: [wish('a', 'b')] });

  it('parses a schedule file and keeps unmetWishes and stats as given', () => {
    const schedule = makeSchedule(event, [meeting(0, 1, 'a', 'b')], {
      unmetWishes: [{ from: 'c', to: 'd', rank: 1, reason: 'd wished nothing', code: 'not-placeable' }],
      stats: { solveSeconds: 1.5, anything: { nested: [1] } },
    });
    expect(parseScheduleFile(toJsonDocument(schedule))).toStrictEqual({ ok: true, value: schedule });
  });

  it('defaults unmetWishes and stats', () => {
    const document = toJsonDocument(makeSchedule(event));
    delete document.unmetWishes;
    delete document.stats;
    const result = parseScheduleFile(document);
    expect(result.ok && result.value).toMatchObject({ unmetWishes: [], stats: {} });
  });

  it('reports every structural problem with its place', () => {
    const document = toJsonDocument(makeSchedule(event, [meeting(0, 1, 'a', 'b')]));
    document.format = 'interclustering-event/1';
    document.extra = true;
    (document.slots as Record<string, unknown>[])[1].start = '2pm';
    document.meetings = [
      { slot: -1, table: 0, clusters: ['a'] },
      { slot: 1.5, table: 2, clusters: ['a', 3], room: 'A' },
      'a-b',
      { table: 1, clusters: ['a', 'b'] },
    ];
    document.stats = [];
    expect(parseScheduleFile(document)).toEqual({
      ok: false,
      errors: [
        { path: 'extra', message: 'unknown field', code: 'unknown-field', params: { field: 'extra' } },
        {
          path: 'format',
          message: 'expected "interclustering-schedule/1", got "interclustering-event/1"',
          code: 'wrong-format',
          params: { expected: 'interclustering-schedule/1', got: 'string', value: 'interclustering-event/1' },
        },
        {
          path: 'slots[1].start',
          message: 'expected a time HH:MM (00:00–23:59), got "2pm"',
          code: 'expected-time',
          params: { got: 'string', value: '2pm' },
        },
        {
          path: 'meetings[0].slot',
          message: '-1 is below the minimum 0',
          code: 'below-min',
          params: { value: -1, min: 0 },
        },
        {
          path: 'meetings[0].table',
          message: '0 is below the minimum 1',
          code: 'below-min',
          params: { value: 0, min: 1 },
        },
        {
          path: 'meetings[0].clusters',
          message: 'expected a pair of two cluster ids ["a", "b"], got an array',
          code: 'expected-pair',
          params: { got: 'array', count: 1 },
        },
        {
          path: 'meetings[1].room',
          message: 'unknown field',
          code: 'unknown-field',
          params: { field: 'room' },
        },
        {
          path: 'meetings[1].slot',
          message: 'expected an integer, got 1.5',
          code: 'expected-integer',
          params: { got: 'number', value: 1.5 },
        },
        {
          path: 'meetings[1].clusters[1]',
          message: 'expected a cluster id, got 3',
          code: 'expected-cluster-id',
          params: { got: 'number', value: 3 },
        },
        {
          path: 'meetings[2]',
          message: 'expected an object, got "a-b"',
          code: 'expected-object',
          params: { got: 'string', value: 'a-b' },
        },
        { path: 'meetings[3].slot', message: 'is required', code: 'required' },
        {
          path: 'stats',
          message: 'expected an object, got an array',
          code: 'expected-object',
          params: { got: 'array' },
        },
      ],
    });
  });

  it('requires the format, event, slots and meetings', () => {
    expect(parseScheduleFile({})).toEqual({
      ok: false,
      errors: [
        {
          path: 'format',
          message: 'is required: "interclustering-schedule/1"',
          code: 'wrong-format',
          params: { expected: 'interclustering-schedule/1', got: 'nothing' },
        },
        { path: 'event', message: 'is required', code: 'required' },
        { path: 'slots', message: 'is required', code: 'required' },
        { path: 'meetings', message: 'is required', code: 'required' },
      ],
    });
    expect(parseScheduleFile('x')).toEqual({
      ok: false,
      errors: [
        {
          path: '(root)',
          message: 'expected a schedule file (a JSON object), got "x"',
          code: 'expected-schedule-file',
          params: { got: 'string', value: 'x' },
        },
      ],
    });
  });

  it('never throws on garbage', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({
            format: fc.constant('interclustering-schedule/1'),
            meetings: fc.anything(),
            slots: fc.anything(),
          }),
        ),
        (input) => {
          const result = parseScheduleFile(input);
          if (!result.ok) for (const e of result.errors) expect(e.path.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
