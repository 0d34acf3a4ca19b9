import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { parseEventFile, timeZoneProblem, validateWishList } from './event-file';
import type { EventFile, ValidationIssue } from './model';
import { VALIDATION_CODES } from './validation-codes';
import {
  eventFileArbitrary,
  makeCluster,
  makeEvent,
  mutualWish,
  parseValidEvent,
  toJsonDocument,
  wish,
  wishList,
  type EventOverrides,
} from './testing';

type Raw = Record<string, unknown>;
type Mutation = (raw: Raw & { event: Raw; clusters: Raw[] }) => void;

/** A valid event as a raw JSON document, changed by `mutate`. */
function raw(overrides: EventOverrides = {}, mutate?: Mutation): Raw {
  const document = toJsonDocument(makeEvent(overrides)) as Raw & { event: Raw; clusters: Raw[] };
  mutate?.(document);
  return document;
}

function errorsOf(input: unknown): string[] {
  const result = parseEventFile(input);
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
}

function expectOk(input: unknown): EventFile {
  const result = parseEventFile(input);
  if (!result.ok) throw new Error(`expected a valid event, got:\n${errorsOf(input).join('\n')}`);
  return result.value;
}

/** Exactly one error, at `place`, whose message contains `text`. */
function expectOneError(input: unknown, place: string, text: string | RegExp): void {
  const errors = errorsOf(input);
  expect(errors).toHaveLength(1);
  expect(errors[0].startsWith(`${place}: `)).toBe(true);
  expect(errors[0].slice(place.length + 2)).toMatch(text);
}

const crossRegion = (more: EventOverrides = {}): EventOverrides => ({
  event: { pairing: 'cross-region' },
  clusters: [
    { id: 'a', region: 'Auvergne' },
    { id: 'b', region: ' auvergne ' },
    { id: 'c', region: 'Rhône-Alpes' },
    { id: 'd', region: 'Bourgogne' },
  ],
  ...more,
});

describe('parseEventFile: the sample events', () => {
  it.each(['clermont-2015', 'lyon-2015'])('parses examples/%s.event.json', (name) => {
    const file = path.join(__dirname, '../../../examples', `${name}.event.json`);
    const value = expectOk(JSON.parse(fs.readFileSync(file, 'utf8')));
    expect(value.clusters).toHaveLength(40);
    expect(value.wishes.length).toBeGreaterThan(100);
  });
});

describe('parseEventFile: the document', () => {
  it('accepts the factory event and returns it unchanged', () => {
    const event = makeEvent({ wishes: wishList('a', 'b', 'c') });
    expect(parseEventFile(toJsonDocument(event))).toStrictEqual({ ok: true, value: event });
  });

  it.each([null, 42, 'text', [], true])('rejects a document that is not an object: %p', (input) => {
    expect(errorsOf(input)).toEqual([expect.stringMatching(/^\(root\): expected an event file/)]);
  });

  it('requires the format and its exact value', () => {
    expectOneError(
      raw({}, (r) => delete r.format),
      'format',
      'is required',
    );
    expectOneError(
      raw({}, (r) => (r.format = 'interclustering-event/2')),
      'format',
      'expected "interclustering-event/1", got "interclustering-event/2"',
    );
  });

  it('requires event and clusters', () => {
    expect(
      errorsOf(
        raw({}, (r) => {
          delete (r as Raw).event;
          delete (r as Raw).clusters;
        }),
      ),
    ).toEqual(['event: is required', 'clusters: is required']);
    expectOneError(
      raw({}, (r) => ((r as Raw).event = [])),
      'event',
      'expected an object, got an array',
    );
    expectOneError(
      raw({}, (r) => ((r as Raw).clusters = {})),
      'clusters',
      'expected an array, got an object',
    );
  });

  it('rejects unknown fields everywhere, naming them', () => {
    const input = raw(
      {
        clusters: [{ id: 'a', availability: [{ start: '14:00', end: '15:00' }] }, 'b', 'c', 'd'],
        wishes: [wish('a', 'b')],
        avoid: [{ from: 'a', to: 'c' }],
        fixed: [{ clusters: ['c', 'd'] }],
      },
      (r) => {
        r.colour = 'red';
        r.event.room = 'A';
        r.clusters[3].colour = 'blue';
        (r.clusters[0].availability as Raw[])[0].why = 'lunch';
        (r.wishes as Raw[])[0].weight = 3;
        (r.avoid as Raw[])[0].reason = 'rivals';
        (r.fixed as Raw[])[0]['two words'] = true;
      },
    );
    expect(errorsOf(input)).toEqual([
      'colour: unknown field',
      'event.room: unknown field',
      'clusters[0].availability[0].why: unknown field',
      'clusters[3].colour: unknown field',
      'wishes[0].weight: unknown field',
      'avoid[0].reason: unknown field',
      'fixed[0]["two words"]: unknown field',
    ]);
  });

  it('reports every error at once, each with its place', () => {
    const input = raw({ wishes: [wish('a', 'b')] }, (r) => {
      r.event.tables = 0;
      r.event.date = '2015-02-30';
      r.clusters[1].id = 'B';
      r.clusters[2].name = '';
      (r.wishes as Raw[]).push({ from: 'a', to: 'zz', rank: 9 });
    });
    expect(errorsOf(input)).toEqual([
      'event.date: "2015-02-30" is not a real calendar date YYYY-MM-DD',
      'event.tables: 0 is below the minimum 1',
      'clusters[1].id: "B" is not a valid id: lowercase letters, digits and "-", starting with a letter or digit, at most 64 characters',
      'clusters[2].name: must not be empty',
      // b has no valid id any more, so the first wish names an unknown cluster too
      'wishes[0].to: unknown cluster "b"',
      'wishes[1].to: unknown cluster "zz"',
      'wishes[1].rank: 9 is above maxWishesPerCluster 5',
    ]);
  });

  it('refuses text holding a NUL character, in any string field, naming it', () => {
    const input = raw({}, (r) => {
      r.event.name = 'Journée\u0000';
      r.clusters[0].name = '\u0000';
      r.clusters[1].kind = 'pôle\u0000';
    });
    expect(errorsOf(input)).toEqual([
      'event.name: contains a NUL character (U+0000), which is not text',
      'clusters[0].name: contains a NUL character (U+0000), which is not text',
      'clusters[1].kind: contains a NUL character (U+0000), which is not text',
    ]);
    const result = parseEventFile(input);
    expect(!result.ok && result.errors.every((e) => e.code === 'nul-character')).toBe(true);
  });

  it('fills the defaults and keeps strings as given', () => {
    const input = raw({ clusters: [{ id: 'a', name: '  Avia  ' }, 'b'] }, (r) => {
      for (const key of [
        'timezone',
        'changeoverMinutes',
        'maxMeetingsPerCluster',
        'maxWishesPerCluster',
        'pairing',
      ]) {
        delete r.event[key];
      }
      delete r.wishes;
      delete r.avoid;
      delete r.alreadyMet;
      delete r.fixed;
    });
    const value = expectOk(input);
    expect(value.event).toMatchObject({
      timezone: 'Europe/Paris',
      changeoverMinutes: 0,
      maxMeetingsPerCluster: 3,
      maxWishesPerCluster: 5,
      pairing: 'any',
    });
    expect(value).toMatchObject({ wishes: [], avoid: [], alreadyMet: [], fixed: [] });
    expect(value.clusters[0].name).toBe('  Avia  ');
    expect('venue' in value.event).toBe(false);
    expect(Object.keys(value.clusters[1])).toEqual(['id', 'name']);
  });

  it('does not mutate its input and shares nothing with it', () => {
    const input = raw({
      clusters: [{ id: 'a', availability: [{ start: '14:00', end: '15:00' }] }, 'b'],
      wishes: [wish('a', 'b')],
      alreadyMet: [['a', 'b']],
      fixed: [{ clusters: ['a', 'b'], slot: 1 }],
    });
    const before = JSON.stringify(input);
    const deepFreeze = (value: unknown): void => {
      if (value && typeof value === 'object') {
        Object.freeze(value);
        Object.values(value).forEach(deepFreeze);
      }
    };
    deepFreeze(input);
    const value = expectOk(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(value.clusters[0].availability).not.toBe((input.clusters as Raw[])[0].availability);
    expect(value.alreadyMet[0]).not.toBe((input.alreadyMet as unknown[])[0]);
    expect(value.fixed[0].clusters).not.toBe((input.fixed as Raw[])[0].clusters);
  });
});

describe('parseEventFile: event settings', () => {
  const withSettings = (settings: Raw) => raw({}, (r) => Object.assign(r.event, settings));

  it('checks the name: required, 1–200 characters (counted as characters, not UTF-16 units)', () => {
    expectOneError(
      raw({}, (r) => delete r.event.name),
      'event.name',
      'is required',
    );
    expectOneError(withSettings({ name: '' }), 'event.name', 'must not be empty');
    expectOneError(
      withSettings({ name: 'x'.repeat(201) }),
      'event.name',
      'has 201 characters, at most 200 allowed',
    );
    expectOneError(withSettings({ name: 12 }), 'event.name', 'expected a string, got 12');
    expectOk(withSettings({ name: 'x'.repeat(200) }));
    expectOk(withSettings({ name: '🤝'.repeat(200) }));
  });

  it('checks the venue: optional, up to 200 characters', () => {
    expectOk(withSettings({ venue: '' }));
    expect(expectOk(withSettings({ venue: 'Hôtel de Région' })).event.venue).toBe('Hôtel de Région');
    expectOneError(withSettings({ venue: 'v'.repeat(201) }), 'event.venue', 'at most 200');
    expectOneError(withSettings({ venue: null }), 'event.venue', 'expected a string, got null');
  });

  it.each(['2016-02-29', '2000-02-29', '2015-12-31', '0001-01-01'])('accepts the real date %s', (date) => {
    expectOk(withSettings({ date }));
  });

  it.each([
    '2015-02-29',
    '1900-02-29',
    '2015-04-31',
    '2015-13-01',
    '2015-00-10',
    '2015-7-9',
    '09/07/2015',
    '',
  ])('rejects the date %p', (date) => {
    expectOneError(withSettings({ date }), 'event.date', 'is not a real calendar date');
  });

  it('requires the date', () => {
    expectOneError(
      raw({}, (r) => delete r.event.date),
      'event.date',
      'is required',
    );
  });

  it.each(['Europe/Paris', 'UTC', 'America/Argentina/Buenos_Aires', 'Etc/GMT+1', 'Asia/Kolkata'])(
    'accepts the time zone %s',
    (timezone) => {
      expect(expectOk(withSettings({ timezone })).event.timezone).toBe(timezone);
    },
  );

  it('rejects what is not an IANA zone name, suggesting the right spelling', () => {
    expectOneError(
      withSettings({ timezone: 'Mars/Olympus' }),
      'event.timezone',
      'is not an IANA time zone name',
    );
    expectOneError(withSettings({ timezone: '+01:00' }), 'event.timezone', 'is not an IANA time zone name');
    expectOneError(
      withSettings({ timezone: 'Europe/Paris ' }),
      'event.timezone',
      'is not an IANA time zone name',
    );
    expectOneError(
      withSettings({ timezone: 'europe/paris' }),
      'event.timezone',
      'did you mean "Europe/Paris"?',
    );
    expectOneError(withSettings({ timezone: 1 }), 'event.timezone', 'expected a string, got 1');
    expect(timeZoneProblem('Europe/Paris')).toBeUndefined();
  });

  it('requires 1 or more sessions with valid HH:MM times, start < end', () => {
    expectOneError(
      raw({}, (r) => delete r.event.sessions),
      'event.sessions',
      'is required',
    );
    expectOneError(withSettings({ sessions: [] }), 'event.sessions', 'needs at least one session');
    expectOneError(withSettings({ sessions: {} }), 'event.sessions', 'expected an array, got an object');
    expectOneError(
      withSettings({ sessions: [{ start: '9:00', end: '12:00' }] }),
      'event.sessions[0].start',
      'expected a time HH:MM (00:00–23:59), got "9:00"',
    );
    expectOneError(
      withSettings({ sessions: [{ start: '14:00', end: '24:00' }] }),
      'event.sessions[0].end',
      'got "24:00"',
    );
    expectOneError(withSettings({ sessions: [{ start: '14:00' }] }), 'event.sessions[0].end', 'is required');
    expectOneError(
      withSettings({ sessions: [{ start: '14:00', end: '14:00' }] }),
      'event.sessions[0].end',
      '14:00 is not after start 14:00',
    );
    expectOneError(withSettings({ sessions: ['14:00-16:00'] }), 'event.sessions[0]', 'expected an object');
  });

  it('requires sessions in time order, not overlapping (touching is fine)', () => {
    expectOk(
      withSettings({
        sessions: [
          { start: '09:00', end: '12:00' },
          { start: '12:00', end: '13:00' },
        ],
      }),
    );
    expectOneError(
      withSettings({
        sessions: [
          { start: '09:00', end: '12:00' },
          { start: '11:30', end: '13:00' },
        ],
      }),
      'event.sessions[1].start',
      '11:30 is before the end of session 0 (12:00)',
    );
    expectOneError(
      withSettings({
        sessions: [
          { start: '14:00', end: '17:00' },
          { start: '09:00', end: '12:00' },
        ],
      }),
      'event.sessions[1].start',
      'in time order',
    );
  });

  it.each([
    ['meetingMinutes', 4, '4 is below the minimum 5'],
    ['meetingMinutes', 181, '181 is above the maximum 180'],
    ['meetingMinutes', 20.5, 'expected an integer, got 20.5'],
    ['meetingMinutes', '20', 'expected an integer, got "20"'],
    ['changeoverMinutes', -1, '-1 is below the minimum 0'],
    ['changeoverMinutes', 61, '61 is above the maximum 60'],
    ['tables', 0, '0 is below the minimum 1'],
    ['tables', 10001, '10001 is above the maximum 10000'],
    ['tables', 1e300, '1e+300 is above the maximum 10000'],
    ['maxMeetingsPerCluster', 0, '0 is below the minimum 1'],
    ['maxMeetingsPerCluster', 1e20, '100000000000000000000 is too large'],
    ['maxWishesPerCluster', 0, '0 is below the minimum 1'],
    ['maxWishesPerCluster', null, 'expected an integer, got null'],
  ])('rejects %s = %p', (key, value, message) => {
    expectOneError(withSettings({ [key]: value }), `event.${key}`, message);
  });

  it.each([
    ['meetingMinutes', 5],
    ['meetingMinutes', 180],
    ['changeoverMinutes', 0],
    ['changeoverMinutes', 60],
    ['tables', 1],
    ['tables', 10000],
    ['maxMeetingsPerCluster', 1],
    ['maxMeetingsPerCluster', 40],
    ['maxWishesPerCluster', 1],
  ])('accepts %s = %p', (key, value) => {
    expect(expectOk(withSettings({ [key]: value })).event).toMatchObject({ [key]: value });
  });

  it('requires meetingMinutes and tables', () => {
    expect(
      errorsOf(
        raw({}, (r) => {
          delete r.event.meetingMinutes;
          delete r.event.tables;
        }),
      ),
    ).toEqual(['event.meetingMinutes: is required', 'event.tables: is required']);
  });

  it('accepts the pairing any or cross-region only', () => {
    expectOk(withSettings({ pairing: 'any' }));
    expectOneError(
      withSettings({ pairing: 'cross' }),
      'event.pairing',
      'expected "any" or "cross-region", got "cross"',
    );
  });
});

describe('parseEventFile: clusters', () => {
  it.each(['a', '0', 'aei', 'mont-blanc-2', `a${'b'.repeat(63)}`])('accepts the id %p', (id) => {
    expectOk(raw({ clusters: [id] }));
  });

  it.each(['', 'A', 'Aei', '-aei', 'ae i', 'aéi', `a${'b'.repeat(64)}`, 'a_b'])('rejects the id %p', (id) => {
    expectOneError(raw({ clusters: [id] }), 'clusters[0].id', 'is not a valid id');
  });

  it('requires ids, of type string, unique', () => {
    expectOneError(
      raw({ clusters: ['a'] }, (r) => delete r.clusters[0].id),
      'clusters[0].id',
      'is required',
    );
    expectOneError(
      raw({ clusters: ['a'] }, (r) => (r.clusters[0].id = 7)),
      'clusters[0].id',
      'expected a string, got 7',
    );
    expectOneError(
      raw({ clusters: ['a', 'b', { id: 'a', name: 'Other' }] }),
      'clusters[2].id',
      '"a" is already used by clusters[0]',
    );
  });

  it('requires names of 1–200 characters, unique ignoring case, not trimmed', () => {
    expectOneError(raw({ clusters: [{ id: 'a', name: '' }] }), 'clusters[0].name', 'must not be empty');
    expectOneError(
      raw({ clusters: ['a'] }, (r) => delete r.clusters[0].name),
      'clusters[0].name',
      'is required',
    );
    expectOneError(
      raw({ clusters: [{ id: 'a', name: 'n'.repeat(201) }] }),
      'clusters[0].name',
      'at most 200',
    );
    expectOneError(
      raw({
        clusters: [
          { id: 'a', name: 'Avia' },
          { id: 'b', name: 'AVIA' },
        ],
      }),
      'clusters[1].name',
      '"AVIA" is already used by clusters[0] ("Avia"); names must be unique, ignoring case',
    );
    expectOneError(
      raw({
        clusters: [
          { id: 'a', name: 'Pôle Éco' },
          { id: 'b', name: 'PÔLE ÉCO' },
        ],
      }),
      'clusters[1].name',
      'already used',
    );
    expectOk(
      raw({
        clusters: [
          { id: 'a', name: 'Avia' },
          { id: 'b', name: 'Avia ' },
        ],
      }),
    );
  });

  it('requires a non-blank region under cross-region pairing only', () => {
    expectOk(raw({ clusters: ['a', 'b'] }));
    expectOk(raw(crossRegion()));
    expectOneError(
      raw(crossRegion(), (r) => delete r.clusters[2].region),
      'clusters[2].region',
      'is required when event.pairing is "cross-region"',
    );
    expectOneError(
      raw(crossRegion(), (r) => (r.clusters[2].region = '  ')),
      'clusters[2].region',
      'must not be blank',
    );
    expectOneError(
      raw(crossRegion(), (r) => (r.clusters[2].region = 3)),
      'clusters[2].region',
      'expected a string, got 3',
    );
  });

  it('keeps region and kind as free text', () => {
    const value = expectOk(
      raw({ clusters: [{ id: 'a', region: ' Auvergne ', kind: 'pôle de compétitivité' }] }),
    );
    expect(value.clusters[0]).toEqual({
      id: 'a',
      name: 'Cluster a',
      region: ' Auvergne ',
      kind: 'pôle de compétitivité',
    });
    expectOneError(
      raw({ clusters: ['a'] }, (r) => (r.clusters[0].kind = ['x'])),
      'clusters[0].kind',
      'expected a string, got an array',
    );
  });

  it('checks availability windows: an array of {start, end}, start < end', () => {
    expectOk(raw({ clusters: [{ id: 'a', availability: [] }] }));
    expectOk(
      raw({
        clusters: [
          {
            id: 'a',
            availability: [
              { start: '14:00', end: '15:00' },
              { start: '15:30', end: '16:00' },
            ],
          },
        ],
      }),
    );
    expectOneError(
      raw({ clusters: [{ id: 'a', availability: [{ start: '15:00', end: '14:00' }] }] }),
      'clusters[0].availability[0].end',
      '14:00 is not after start 15:00',
    );
    expectOneError(
      raw({ clusters: [{ id: 'a', availability: [{ start: '14:00', end: '25:00' }] }] }),
      'clusters[0].availability[0].end',
      'expected a time HH:MM',
    );
    expectOneError(
      raw({ clusters: ['a'] }, (r) => (r.clusters[0].availability = { start: '14:00', end: '15:00' })),
      'clusters[0].availability',
      'expected an array, got an object',
    );
  });

  it('accepts an empty cluster list', () => {
    expect(expectOk(raw({ clusters: [] })).clusters).toEqual([]);
  });
});

describe('parseEventFile: wishes', () => {
  it('accepts ranked wishes, the same rank used by different clusters, mutual wishes', () => {
    const value = expectOk(
      raw({ wishes: [...wishList('a', 'b', 'c'), ...mutualWish('c', 'd'), wish('b', 'a', 5)] }),
    );
    expect(value.wishes).toHaveLength(5);
  });

  it('names the place: wishes[12].rank: 7 is above maxWishesPerCluster 5', () => {
    const ids = Array.from({ length: 14 }, (_, i) => `c${i}`);
    const wishes = ids.slice(1).map((to, i) => wish(ids[i], to, 1));
    wishes[12] = wish('c12', 'c13', 7);
    expect(errorsOf(raw({ clusters: ids, wishes }))).toEqual([
      'wishes[12].rank: 7 is above maxWishesPerCluster 5',
    ]);
  });

  it('checks the rank: integer 1..maxWishesPerCluster', () => {
    expectOneError(raw({ wishes: [wish('a', 'b', 0)] }), 'wishes[0].rank', '0 is below the minimum 1');
    expectOneError(raw({ wishes: [wish('a', 'b', 1.5)] }), 'wishes[0].rank', 'expected an integer, got 1.5');
    expectOneError(
      raw({ event: { maxWishesPerCluster: 2 }, wishes: [wish('a', 'b', 3)] }),
      'wishes[0].rank',
      '3 is above maxWishesPerCluster 2',
    );
    expectOneError(
      raw({ wishes: [wish('a', 'b')] }, (r) => delete (r.wishes as Raw[])[0].rank),
      'wishes[0].rank',
      'is required',
    );
  });

  it('requires from ≠ to, both known ids', () => {
    expectOneError(raw({ wishes: [wish('a', 'a')] }), 'wishes[0].to', 'a cluster cannot wish itself ("a")');
    expectOneError(raw({ wishes: [wish('zz', 'a')] }), 'wishes[0].from', 'unknown cluster "zz"');
    expectOneError(raw({ wishes: [wish('a', 'zz')] }), 'wishes[0].to', 'unknown cluster "zz"');
    expectOneError(
      raw({ wishes: [wish('a', 'b')] }, (r) => ((r.wishes as Raw[])[0].from = 1)),
      'wishes[0].from',
      'expected a cluster id, got 1',
    );
    expectOneError(
      raw({ wishes: [wish('a', 'b')] }, (r) => delete (r.wishes as Raw[])[0].to),
      'wishes[0].to',
      'is required',
    );
  });

  it('lets a cluster use each rank once', () => {
    expectOneError(
      raw({ wishes: [wish('a', 'b', 2), wish('a', 'c', 1), wish('a', 'd', 2)] }),
      'wishes[2].rank',
      '"a" already uses rank 2 in wishes[0]',
    );
  });

  it('lets a cluster name each partner once', () => {
    expectOneError(
      raw({ wishes: [wish('a', 'b', 1), wish('a', 'b', 2)] }),
      'wishes[1].to',
      '"a" already wishes "b" in wishes[0]',
    );
  });

  it('rejects a wish for a cluster of the same region under cross-region (case and spaces ignored)', () => {
    expectOk(raw(crossRegion({ wishes: [wish('a', 'c'), wish('b', 'd')] })));
    expectOneError(
      raw(crossRegion({ wishes: [wish('a', 'b')] })),
      'wishes[0].to',
      '"a" and "b" are both in region "Auvergne"; event.pairing is "cross-region"',
    );
    expectOk(raw({ ...crossRegion({ wishes: [wish('a', 'b')] }), event: { pairing: 'any' } }));
  });

  it('requires wishes to be a list of objects', () => {
    expectOneError(
      raw({}, (r) => (r.wishes = {})),
      'wishes',
      'expected an array, got an object',
    );
    expectOneError(
      raw({}, (r) => (r.wishes = ['a>b'])),
      'wishes[0]',
      'expected an object, got "a>b"',
    );
  });
});

describe('parseEventFile: avoid and alreadyMet', () => {
  it('accepts pairs of two known, different clusters', () => {
    const value = expectOk(raw({ avoid: [{ from: 'a', to: 'b' }], alreadyMet: [['c', 'd']] }));
    expect(value.avoid).toEqual([{ from: 'a', to: 'b' }]);
    expect(value.alreadyMet).toEqual([['c', 'd']]);
  });

  it('rejects unknown ids and a cluster paired with itself', () => {
    expectOneError(raw({ avoid: [{ from: 'a', to: 'zz' }] }), 'avoid[0].to', 'unknown cluster "zz"');
    expectOneError(raw({ avoid: [{ from: 'a', to: 'a' }] }), 'avoid[0].to', 'names the same cluster twice');
    expectOneError(
      raw({ avoid: [{ from: 'a', to: 'b' }] }, (r) => delete (r.avoid as Raw[])[0].from),
      'avoid[0].from',
      'is required',
    );
    expectOneError(raw({ alreadyMet: [['a', 'zz']] }), 'alreadyMet[0][1]', 'unknown cluster "zz"');
    expectOneError(raw({ alreadyMet: [['b', 'b']] }), 'alreadyMet[0][1]', 'names the same cluster twice');
  });

  it('requires alreadyMet entries to be pairs', () => {
    expectOneError(
      raw({}, (r) => (r.alreadyMet = [['a', 'b', 'c']])),
      'alreadyMet[0]',
      'expected a pair of two cluster ids, got 3 items',
    );
    expectOneError(
      raw({}, (r) => (r.alreadyMet = [{ from: 'a', to: 'b' }])),
      'alreadyMet[0]',
      'expected a pair of two cluster ids ["a", "b"], got an object',
    );
    expectOneError(
      raw({}, (r) => (r.alreadyMet = [['a', 5]])),
      'alreadyMet[0][1]',
      'expected a cluster id, got 5',
    );
  });
});

describe('parseEventFile: fixed meetings', () => {
  it('accepts fixed meetings with or without slot and table', () => {
    const fixed = [
      { clusters: ['a', 'b'] as [string, string], slot: 2, table: 7 },
      { clusters: ['c', 'd'] as [string, string] },
    ];
    expect(expectOk(raw({ fixed })).fixed).toEqual(fixed);
  });

  it('requires a pair of known, different clusters', () => {
    expectOneError(
      raw({ fixed: [{ clusters: ['a', 'zz'] }] }),
      'fixed[0].clusters[1]',
      'unknown cluster "zz"',
    );
    expectOneError(
      raw({ fixed: [{ clusters: ['a', 'a'] }] }),
      'fixed[0].clusters[1]',
      'names the same cluster twice',
    );
    expectOneError(
      raw({}, (r) => (r.fixed = [{ slot: 1 }])),
      'fixed[0].clusters',
      'is required',
    );
    expectOneError(
      raw({}, (r) => (r.fixed = [{ clusters: ['a'] }])),
      'fixed[0].clusters',
      'expected a pair of two cluster ids, got 1 item',
    );
  });

  it('requires an existing slot (an integer) and a table in 1..tables', () => {
    expectOneError(
      raw({ fixed: [{ clusters: ['a', 'b'], slot: 6 }] }),
      'fixed[0].slot',
      'slot 6 does not exist: the event has 6 slots, 0–5',
    );
    expectOneError(
      raw({ fixed: [{ clusters: ['a', 'b'], slot: -1 }] }),
      'fixed[0].slot',
      '-1 is below the minimum 0',
    );
    expectOneError(
      raw({ fixed: [{ clusters: ['a', 'b'], slot: 0.5 }] }),
      'fixed[0].slot',
      'expected an integer',
    );
    expectOneError(
      raw({ fixed: [{ clusters: ['a', 'b'], table: 0 }] }),
      'fixed[0].table',
      '0 is below the minimum 1',
    );
    expectOneError(
      raw({ fixed: [{ clusters: ['a', 'b'], table: 11 }] }),
      'fixed[0].table',
      '11 is above tables 10',
    );
  });

  it('rule 3 among fixed meetings: a cluster twice in one slot', () => {
    expectOneError(
      raw({
        fixed: [
          { clusters: ['a', 'b'], slot: 1 },
          { clusters: ['c', 'a'], slot: 1 },
        ],
      }),
      'fixed[1].slot',
      '"a" is already in fixed[0] at slot 1 (14:20–14:40)',
    );
  });

  it('rule 2 among fixed meetings: a table taken twice in one slot', () => {
    expectOneError(
      raw({
        fixed: [
          { clusters: ['a', 'b'], slot: 1, table: 3 },
          { clusters: ['c', 'd'], slot: 1, table: 3 },
        ],
      }),
      'fixed[1].table',
      'table 3 in slot 1 (14:20–14:40) is already taken by fixed[0]',
    );
    expectOk(
      raw({
        fixed: [
          { clusters: ['a', 'b'], slot: 1, table: 3 },
          { clusters: ['c', 'd'], slot: 2, table: 3 },
        ],
      }),
    );
  });

  it('rule 2 among fixed meetings: more fixed meetings in a slot than tables', () => {
    expectOneError(
      raw({
        event: { tables: 1 },
        fixed: [
          { clusters: ['a', 'b'], slot: 1 },
          { clusters: ['c', 'd'], slot: 1 },
        ],
      }),
      'fixed[1].slot',
      'slot 1 (14:20–14:40) has more fixed meetings than tables (1)',
    );
  });

  it('rule 4 among fixed meetings: a cluster over its cap', () => {
    expectOneError(
      raw({
        event: { maxMeetingsPerCluster: 2 },
        fixed: [{ clusters: ['a', 'b'] }, { clusters: ['a', 'c'] }, { clusters: ['d', 'a'] }],
      }),
      'fixed[2].clusters',
      '"a" has more fixed meetings (fixed[0], fixed[1], fixed[2]) than maxMeetingsPerCluster 2',
    );
  });

  it('rule 5 among fixed meetings: an unavailable slot, or no common slot at all', () => {
    const clusters = [
      { id: 'a', availability: [{ start: '14:00', end: '14:40' }] },
      'b',
      { id: 'c', availability: [{ start: '15:00', end: '16:00' }] },
    ];
    expectOk(raw({ clusters, fixed: [{ clusters: ['a', 'b'], slot: 1 }] }));
    expectOneError(
      raw({ clusters, fixed: [{ clusters: ['b', 'a'], slot: 2 }] }),
      'fixed[0].slot',
      '"a" is not available in slot 2 (14:40–15:00)',
    );
    expectOneError(
      raw({ clusters, fixed: [{ clusters: ['a', 'c'] }] }),
      'fixed[0].clusters',
      '"a" and "c" share no slot in which both are available',
    );
  });

  it('rule 6 among fixed meetings: a repeated pair (in either order)', () => {
    expectOneError(
      raw({ fixed: [{ clusters: ['a', 'b'] }, { clusters: ['b', 'a'], slot: 3 }] }),
      'fixed[1].clusters',
      '"b" and "a" are already fixed to meet in fixed[0]',
    );
  });

  it('rule 7 among fixed meetings: a same-region pair under cross-region', () => {
    expectOk(raw(crossRegion({ fixed: [{ clusters: ['a', 'c'] }] })));
    expectOneError(
      raw(crossRegion({ fixed: [{ clusters: ['a', 'b'] }] })),
      'fixed[0].clusters',
      '"a" and "b" are both in region "Auvergne"',
    );
  });

  it('lets fixed meetings override avoid and alreadyMet', () => {
    expectOk(
      raw({
        avoid: [{ from: 'a', to: 'b' }],
        alreadyMet: [['c', 'd']],
        fixed: [{ clusters: ['a', 'b'] }, { clusters: ['c', 'd'] }],
      }),
    );
  });
});

describe('validateWishList', () => {
  const event = makeEvent({
    event: { pairing: 'cross-region', maxWishesPerCluster: 3 },
    clusters: [
      { id: 'a', region: 'North' },
      { id: 'b', region: 'South' },
      { id: 'c', region: 'south' },
      { id: 'd', region: 'North' },
    ],
  });

  it('returns a valid list unchanged', () => {
    const list = [
      { to: 'b', rank: 2 },
      { to: 'c', rank: 1 },
    ];
    expect(validateWishList(event, 'a', list)).toEqual({ ok: true, value: list });
    expect(validateWishList(event, 'a', [])).toEqual({ ok: true, value: [] });
  });

  it('reports every problem with a path relative to the list', () => {
    const result = validateWishList(event, 'a', [
      { to: 'b', rank: 1 },
      { to: 'a', rank: 2 },
      { to: 'c', rank: 1 },
      { to: 'b', rank: 3 },
      { to: 'd', rank: 4 },
      { to: 'zz', rank: 2, from: 'a' },
      'c',
    ]);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toEqual<ValidationIssue[]>([
      {
        path: '[1].to',
        message: 'a cluster cannot wish itself ("a")',
        code: 'self-wish',
        params: { id: 'a' },
      },
      {
        path: '[2].rank',
        message: '"a" already uses rank 1 in [0]',
        code: 'duplicate-rank',
        params: { from: 'a', rank: 1, other: '[0]' },
      },
      {
        path: '[3].to',
        message: '"a" already wishes "b" in [0]',
        code: 'duplicate-wish',
        params: { from: 'a', to: 'b', other: '[0]' },
      },
      {
        path: '[4].to',
        message: '"a" and "d" are both in region "North"; event.pairing is "cross-region"',
        code: 'same-region',
        params: { from: 'a', to: 'd', region: 'North' },
      },
      {
        path: '[4].rank',
        message: '4 is above maxWishesPerCluster 3',
        code: 'rank-above-max',
        params: { value: 4, max: 3 },
      },
      { path: '[5].from', message: 'unknown field', code: 'unknown-field', params: { field: 'from' } },
      { path: '[5].to', message: 'unknown cluster "zz"', code: 'unknown-cluster', params: { id: 'zz' } },
      {
        path: '[5].rank',
        message: '"a" already uses rank 2 in [1]',
        code: 'duplicate-rank',
        params: { from: 'a', rank: 2, other: '[1]' },
      },
      {
        path: '[6]',
        message: 'expected an object, got "c"',
        code: 'expected-object',
        params: { got: 'string', value: 'c' },
      },
    ]);
  });

  it('rejects what is not a list, and an unknown wisher', () => {
    expect(validateWishList(event, 'a', { to: 'b', rank: 1 })).toEqual({
      ok: false,
      errors: [
        {
          path: '(root)',
          message: expect.stringContaining('expected a list of wishes'),
          code: 'expected-wish-list',
          params: { got: 'object' },
        },
      ],
    });
    expect(validateWishList(event, 'nobody', [])).toEqual({
      ok: false,
      errors: [
        {
          path: 'from',
          message: 'unknown cluster "nobody"',
          code: 'unknown-cluster',
          params: { id: 'nobody' },
        },
      ],
    });
  });
});

describe('parseEventFile: codes and params for translations', () => {
  /** The issues as `{path, code, params}` (the English message is checked elsewhere). */
  function codesOf(input: unknown) {
    const result = parseEventFile(input);
    return result.ok ? [] : result.errors.map(({ path, code, params }) => ({ path, code, params }));
  }

  it('rank above max: the value and the maximum', () => {
    expect(codesOf(raw({ wishes: [wish('a', 'b', 7)] }))).toEqual([
      { path: 'wishes[0].rank', code: 'rank-above-max', params: { value: 7, max: 5 } },
    ]);
  });

  it('duplicate rank: the wisher, the rank and the earlier wish', () => {
    expect(codesOf(raw({ wishes: [wish('a', 'b', 2), wish('a', 'c', 2)] }))).toEqual([
      { path: 'wishes[1].rank', code: 'duplicate-rank', params: { from: 'a', rank: 2, other: 'wishes[0]' } },
    ]);
  });

  it('unknown field: its name, at every level', () => {
    expect(
      codesOf(
        raw({}, (r) => {
          r.colour = 'red';
          r.event.tablez = 3;
          r.clusters[1]['odd key'] = 1;
        }),
      ),
    ).toEqual([
      { path: 'colour', code: 'unknown-field', params: { field: 'colour' } },
      { path: 'event.tablez', code: 'unknown-field', params: { field: 'tablez' } },
      { path: 'clusters[1]["odd key"]', code: 'unknown-field', params: { field: 'odd key' } },
    ]);
  });

  it('same-region wish under cross-region pairing: both clusters and the region as written', () => {
    expect(codesOf(raw(crossRegion({ wishes: [wish('a', 'b', 1)] })))).toEqual([
      { path: 'wishes[0].to', code: 'same-region', params: { from: 'a', to: 'b', region: 'Auvergne' } },
    ]);
  });

  it('wrong values: their kind and the value itself, never English words', () => {
    expect(
      codesOf(
        raw({}, (r) => {
          r.event.tables = 'ten';
          r.event.meetingMinutes = null;
          r.event.date = '2015-02-30';
          r.event.pairing = ['any'];
        }),
      ),
    ).toEqual([
      { path: 'event.date', code: 'invalid-date', params: { value: '2015-02-30' } },
      { path: 'event.meetingMinutes', code: 'expected-integer', params: { got: 'null' } },
      { path: 'event.tables', code: 'expected-integer', params: { got: 'string', value: 'ten' } },
      { path: 'event.pairing', code: 'invalid-pairing', params: { got: 'array' } },
    ]);
  });

  it('fixed meetings: slot and table facts as numbers and times', () => {
    const issues = codesOf(
      raw({
        event: { tables: 2 },
        clusters: ['a', 'b', 'c', 'd', { id: 'e', availability: [{ start: '15:00', end: '17:30' }] }],
        fixed: [
          { clusters: ['a', 'b'], slot: 0, table: 1 },
          { clusters: ['c', 'd'], slot: 0, table: 1 },
          { clusters: ['a', 'e'], slot: 1, table: 3 },
          { clusters: ['c', 'd'], slot: 99 },
        ],
      }),
    );
    expect(issues).toEqual([
      {
        path: 'fixed[1].table',
        code: 'table-taken',
        params: { table: 1, other: 'fixed[0]', slot: 0, start: '14:00', end: '14:20' },
      },
      { path: 'fixed[2].table', code: 'table-above-max', params: { value: 3, max: 2 } },
      {
        path: 'fixed[2].slot',
        code: 'unavailable-in-slot',
        params: { id: 'e', slot: 1, start: '14:20', end: '14:40' },
      },
      { path: 'fixed[3].slot', code: 'slot-not-found', params: { slot: 99, slots: 6 } },
      {
        path: 'fixed[3].clusters',
        code: 'duplicate-fixed-pair',
        params: { a: 'c', b: 'd', other: 'fixed[1]' },
      },
    ]);
  });
});

describe('parseEventFile: properties', () => {
  it('parses every random valid event and round-trips it through JSON', () => {
    fc.assert(
      fc.property(eventFileArbitrary(), (event) => {
        const result = parseEventFile(JSON.parse(JSON.stringify(event)));
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        expect(result.value).toStrictEqual(event);
      }),
      { numRuns: 120 },
    );
  });

  it('parses random cross-region events with fixed meetings', () => {
    fc.assert(
      fc.property(eventFileArbitrary({ pairing: 'cross-region', maxClusters: 12 }), (event) => {
        expect(parseEventFile(toJsonDocument(event))).toStrictEqual({ ok: true, value: event });
      }),
      { numRuns: 60 },
    );
  });

  const garbage = fc.oneof(
    fc.anything({ withNullPrototype: true, withBoxedValues: true, withSparseArray: true }),
    fc.constantFrom(null, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, NaN, Infinity, '', [], {}),
    fc.string({ unit: 'binary', maxLength: 2000 }),
    fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'),
    fc.array(fc.jsonValue(), { maxLength: 5 }),
  );

  /** Replaces one random node of the document (found by walking random keys) with garbage. */
  function mutate(
    document: unknown,
    steps: number[],
    replacement: unknown,
    newKey: string | undefined,
  ): unknown {
    const copy = JSON.parse(JSON.stringify(document)) as unknown;
    if (steps.length === 0) return replacement;
    let node = copy as Record<string, unknown>;
    for (let i = 0; i < steps.length; i++) {
      const keys = Object.keys(node);
      if (keys.length === 0) break;
      const key = keys[steps[i] % keys.length];
      const child = node[key];
      if (i === steps.length - 1 || child === null || typeof child !== 'object') {
        // defineProperty: an own property even for "__proto__", as JSON.parse makes it
        Object.defineProperty(node, newKey ?? key, {
          value: replacement,
          enumerable: true,
          writable: true,
          configurable: true,
        });
        break;
      }
      node = child as Record<string, unknown>;
    }
    return copy;
  }

  it('never throws on mutated or garbage documents: ok, or errors that all name a place', () => {
    fc.assert(
      fc.property(
        eventFileArbitrary({ maxClusters: 5 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        garbage,
        fc.option(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor')), { nil: undefined }),
        (event, steps, replacement, newKey) => {
          const input = mutate(event, steps, replacement, newKey);
          const result = parseEventFile(input);
          if (!result.ok) {
            expect(result.errors.length).toBeGreaterThan(0);
            for (const error of result.errors) {
              expect(typeof error.path).toBe('string');
              expect(error.path.length).toBeGreaterThan(0);
              expect(error.message.length).toBeGreaterThan(0);
              expect(VALIDATION_CODES).toContain(error.code);
              for (const value of Object.values(error.params ?? {})) {
                const items: unknown[] = Array.isArray(value) ? value : [value];
                for (const item of items) expect(['string', 'number', 'boolean']).toContain(typeof item);
              }
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never throws on arbitrary values', () => {
    fc.assert(
      fc.property(garbage, (input) => {
        const result = parseEventFile(input);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on wish lists made of garbage', () => {
    const event = parseValidEvent(toJsonDocument(makeEvent({ clusters: ['a', 'b', makeCluster('c')] })));
    fc.assert(
      fc.property(fc.oneof(garbage, fc.array(garbage, { maxLength: 5 })), (wishes) => {
        const result = validateWishList(event, 'a', wishes);
        if (!result.ok)
          for (const error of result.errors) {
            expect(error.path.length).toBeGreaterThan(0);
            expect(VALIDATION_CODES).toContain(error.code);
          }
      }),
      { numRuns: 300 },
    );
  });
});
