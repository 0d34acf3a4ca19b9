import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidationError } from '@nestjs/common';
import { DomainError } from '@app/core';
import {
  EVENT_FORMAT,
  VALIDATION_CODES,
  parseEventFile,
  parseScheduleFile,
  validateWishList,
  type ValidationIssue,
} from '@app/scheduling';
import { bodyParserError } from './error-response';
import { PositiveIntPipe, parseIfMatch } from './pipes';
import { validationIssues } from './validation-issues';

/*
 * The web pages translate the server's field errors by code (apps/api/public/i18n.mjs). The module is
 * plain browser ESM: it is evaluated here as a function body (its `export` keywords dropped), with a
 * stand-in localStorage choosing the language.
 */

type Translate = (params: Record<string, unknown>) => string;
interface I18n {
  DICTIONARIES: Record<'fr' | 'en', { validation: Record<string, Translate> }>;
  issueText: (issue: ValidationIssue) => string;
  issueLine: (issue: ValidationIssue) => string;
}

function loadI18n(lang: 'fr' | 'en'): I18n {
  const source = readFileSync(join(__dirname, '../../public/i18n.mjs'), 'utf8');
  expect(source).not.toMatch(/^\s*import\s/m);
  const body = `${source.replace(/^export /gm, '')}\nreturn { DICTIONARIES, issueText, issueLine };`;
  const storage = { getItem: () => lang, setItem: () => undefined };
  return new Function('localStorage', body)(storage) as I18n;
}

const fr = loadI18n('fr');
const en = loadI18n('en');

// ---------------------------------------------------------------------------------------------
// Every code the parser, the validators and the HTTP layer emit, from real calls.

const settings = () => ({
  name: 'Day',
  date: '2015-07-09',
  sessions: [{ start: '14:00', end: '16:00' }],
  meetingMinutes: 20,
  tables: 2,
});
const clusters = (...ids: string[]) => ids.map((id) => ({ id, name: id.toUpperCase() }));

function issuesOfEvent(document: unknown): ValidationIssue[] {
  const result = parseEventFile(document);
  return result.ok ? [] : result.errors;
}

function thrownIssues(run: () => unknown): ValidationIssue[] {
  try {
    run();
  } catch (error) {
    return (error as DomainError).issues ?? [];
  }
  return [];
}

function emittedIssues(): ValidationIssue[] {
  const event = parseEventFile({ format: EVENT_FORMAT, event: settings(), clusters: clusters('a', 'b') });
  const constraint = (name: string, text: string, value: unknown): ValidationError => ({
    property: 'field',
    value,
    constraints: { [name]: `field ${text}` },
    children: [],
  });
  return [
    ...issuesOfEvent(42),
    ...issuesOfEvent({ event: undefined, clusters: 'x' }),
    ...issuesOfEvent({
      format: 'x',
      extra: 1,
      event: {
        ...settings(),
        name: '',
        venue: 'v'.repeat(201),
        date: '2015-02-30',
        timezone: 'europe/paris',
        sessions: [{ start: '15:00', end: '14:00' }],
        meetingMinutes: '20',
        tables: 0,
        maxWishesPerCluster: 2 ** 60,
        pairing: 'none',
      },
      clusters: [
        { id: 'A B', name: 'X' },
        { id: 'c', name: 'X\u0000' },
        { id: 'b', name: 'x' },
        { id: 'b', name: 'Y', availability: 'all' },
        5,
      ],
    }),
    ...issuesOfEvent({
      format: EVENT_FORMAT,
      event: { ...settings(), timezone: 'Mars/Olympus', sessions: [], tables: 20000 },
      clusters: [],
    }),
    ...issuesOfEvent({
      format: EVENT_FORMAT,
      event: {
        ...settings(),
        sessions: [
          { start: '14:00', end: '16:00' },
          { start: '15:00', end: '17:00' },
        ],
      },
      clusters: [],
    }),
    ...issuesOfEvent({
      format: EVENT_FORMAT,
      event: { ...settings(), sessions: [{ start: 'nine', end: '18:00' }] },
      clusters: [],
    }),
    ...issuesOfEvent({
      format: EVENT_FORMAT,
      event: { ...settings(), pairing: 'cross-region', maxWishesPerCluster: 3 },
      clusters: [
        { id: 'a', name: 'A', region: 'Auvergne' },
        { id: 'b', name: 'B', region: 'auvergne' },
        { id: 'c', name: 'C', region: 'Rhône' },
        { id: 'd', name: 'D' },
        { id: 'e', name: 'E', region: ' ' },
      ],
      wishes: [
        { from: 'a', to: 'a', rank: 1 },
        { from: 'a', to: 'c', rank: 1 },
        { from: 'a', to: 'c', rank: 2 },
        { from: 'a', to: 'b', rank: 2 },
        { from: 'c', to: 'a', rank: 9 },
        { from: 'c', to: 'zz', rank: 1 },
        { from: 7, to: 'a', rank: 2 },
      ],
      avoid: [{ from: 'a', to: 'a' }],
      alreadyMet: [['a'], 'a-c'],
    }),
    ...issuesOfEvent({
      format: EVENT_FORMAT,
      event: { ...settings(), maxMeetingsPerCluster: 1, tables: 1 },
      clusters: [
        ...clusters('a', 'b', 'c', 'd'),
        { id: 'e', name: 'E', availability: [{ start: '15:00', end: '16:00' }] },
        { id: 'f', name: 'F', availability: [{ start: '14:00', end: '14:40' }] },
      ],
      fixed: [
        { clusters: ['a', 'b'], slot: 0, table: 1 },
        { clusters: ['a', 'b'], slot: 0, table: 1 },
        { clusters: ['c', 'd'], slot: 0, table: 2 },
        { clusters: ['c', 'e'], slot: 0 },
        { clusters: ['c', 'd'], slot: 99 },
        { clusters: ['e', 'f'] },
      ],
    }),
    ...(() => {
      if (!event.ok) return event.errors;
      const result = validateWishList(event.value, 'a', {});
      return result.ok ? [] : result.errors;
    })(),
    ...(() => {
      const result = parseScheduleFile('x');
      return result.ok ? [] : result.errors;
    })(),
    ...thrownIssues(() => new PositiveIntPipe('version').transform('x')),
    ...thrownIssues(() => parseIfMatch('abc')),
    ...(bodyParserError({ type: 'entity.parse.failed', status: 400 })?.errors ?? []),
    ...validationIssues([
      constraint('isString', 'must be a string', 3),
      constraint('minLength', 'must be longer than or equal to 8 characters', 'short'),
      constraint('isIn', 'must be one of a, b', 'c'),
      constraint('isEmail', 'must be an email', 'x'),
      constraint('whitelistValidation', 'should not exist', 1),
    ]),
  ];
}

describe('field errors in French and in English', () => {
  const issues = emittedIssues();

  it('has a sentence in both languages for every code, and no other', () => {
    for (const dictionary of [fr.DICTIONARIES.fr, fr.DICTIONARIES.en]) {
      expect(Object.keys(dictionary.validation).sort()).toEqual([...VALIDATION_CODES].sort());
      for (const code of VALIDATION_CODES) expect(typeof dictionary.validation[code]).toBe('function');
    }
  });

  it('documents every code in docs/service.md', () => {
    const docs = readFileSync(join(__dirname, '../../../../docs/service.md'), 'utf8');
    expect(VALIDATION_CODES.filter((code) => !docs.includes(`\`${code}\``))).toEqual([]);
  });

  it('is fed by real calls that emit every code', () => {
    const emitted = new Set(issues.map((issue) => issue.code));
    expect([...VALIDATION_CODES].filter((code) => !emitted.has(code))).toEqual([]);
    expect(issues.filter((issue) => issue.code === undefined)).toEqual([]);
  });

  it.each([
    ['fr', fr],
    ['en', en],
  ] as const)('turns every emitted issue into a finished %s sentence', (_lang, i18n) => {
    for (const issue of issues) {
      const text = i18n.issueText(issue);
      expect({ issue, text }).toEqual({ issue, text: expect.stringMatching(/^\S.*[.?]$/) });
      expect({ issue, text }).toEqual({
        issue,
        text: expect.not.stringMatching(/undefined|NaN|\[object|\{/),
      });
      expect(text).not.toBe(issue.message);
    }
  });

  it('reads as the brief asks, with the params', () => {
    const rank = {
      path: 'wishes[2].rank',
      message: '7 is above maxWishesPerCluster 5',
      code: 'rank-above-max' as const,
      params: { value: 7, max: 5 },
    };
    expect(fr.issueText(rank)).toBe('Le rang 7 dépasse la limite de 5 souhaits.');
    expect(en.issueText(rank)).toBe('Rank 7 is beyond the limit of 5 wishes.');
    const unknown = {
      path: 'wishes[4].to',
      message: 'unknown cluster "x"',
      code: 'unknown-cluster' as const,
      params: { id: 'x' },
    };
    expect(fr.issueText(unknown)).toBe('Cluster inconnu : « x » ne participe pas (ou plus) à l’événement.');
    expect(fr.issueLine(unknown)).toBe(
      'wishes[4].to : Cluster inconnu : « x » ne participe pas (ou plus) à l’événement.',
    );
    expect(en.issueLine(unknown)).toBe(
      'wishes[4].to: Unknown cluster: "x" is not (or no longer) taking part in the event.',
    );
  });

  it('falls back to the English message for an unknown or missing code', () => {
    for (const i18n of [fr, en]) {
      expect(
        i18n.issueText({ path: 'csv', message: 'expected a header line', code: 'not-a-code' as never }),
      ).toBe('expected a header line');
      expect(i18n.issueText({ path: 'email', message: 'not an email address' })).toBe('not an email address');
    }
  });
});
