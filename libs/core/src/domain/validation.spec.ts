import { EVENT_FORMAT, parseEventFile, type EventFile } from '@app/scheduling';
import { DomainError } from './errors';
import { rebaseIssues, rebasePath, validateSettings, validateWishes } from './validation';

describe('rebasePath', () => {
  it('moves a list-relative path under a field', () => {
    expect(rebasePath('[2].rank', '', 'wishes')).toBe('wishes[2].rank');
    expect(rebasePath('(root)', '', 'wishes')).toBe('wishes');
    expect(rebasePath('from', '', 'wishes')).toBe('wishes.from');
  });

  it('strips a prefix', () => {
    expect(rebasePath('event.tables', 'event', '')).toBe('tables');
    expect(rebasePath('event.sessions[0].start', 'event', '')).toBe('sessions[0].start');
    expect(rebasePath('event', 'event', '')).toBe('(root)');
    expect(rebasePath('wishes[3].rank', 'event', '')).toBe('wishes[3].rank');
    expect(rebasePath('events.x', 'event', '')).toBe('events.x');
  });

  it('renumbers an item', () => {
    expect(rebasePath('clusters[41].name', 'clusters[41]', 'clusters[1]')).toBe('clusters[1].name');
    expect(rebasePath('clusters[4].name', 'clusters[41]', 'clusters[1]')).toBe('clusters[4].name');
  });

  it('keeps the messages', () => {
    expect(rebaseIssues([{ path: '[0].to', message: 'unknown cluster "x"' }], '', 'wishes')).toEqual([
      { path: 'wishes[0].to', message: 'unknown cluster "x"' },
    ]);
  });
});

describe('codes and params through the service checks', () => {
  const event = (() => {
    const result = parseEventFile({
      format: EVENT_FORMAT,
      event: {
        name: 'Day',
        date: '2015-07-09',
        sessions: [{ start: '14:00', end: '16:00' }],
        meetingMinutes: 20,
        tables: 4,
      },
      clusters: ['a', 'b', 'c'].map((id) => ({ id, name: id.toUpperCase() })),
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.value;
  })();

  function issuesOf(run: () => unknown) {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      return (error as DomainError).issues ?? [];
    }
    throw new Error('expected a validation error');
  }

  it('keeps code and params when moving a path', () => {
    const issue = {
      path: '[0].to',
      message: 'unknown cluster "x"',
      code: 'unknown-cluster' as const,
      params: { id: 'x' },
    };
    expect(rebaseIssues([issue], '', 'wishes')).toEqual([{ ...issue, path: 'wishes[0].to' }]);
  });

  it('a wish list: rank above max and duplicate rank, under wishes[i]', () => {
    const issues = issuesOf(() =>
      validateWishes(event as EventFile, 'a', [
        { to: 'b', rank: 7 },
        { to: 'c', rank: 1 },
        { to: 'b', rank: 1 },
      ]),
    );
    expect(issues.map(({ path, code, params }) => ({ path, code, params }))).toEqual([
      { path: 'wishes[0].rank', code: 'rank-above-max', params: { value: 7, max: 5 } },
      { path: 'wishes[2].to', code: 'duplicate-wish', params: { from: 'a', to: 'b', other: 'wishes[0]' } },
      { path: 'wishes[2].rank', code: 'duplicate-rank', params: { from: 'a', rank: 1, other: 'wishes[1]' } },
    ]);
  });

  it('event settings: paths without the event prefix, codes kept', () => {
    const issues = issuesOf(() =>
      validateSettings({ date: '2015-07-09', sessions: [], meetingMinutes: 20, tables: 4 }),
    );
    expect(issues.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: 'name', code: 'required' },
      { path: 'sessions', code: 'no-sessions' },
    ]);
  });
});
