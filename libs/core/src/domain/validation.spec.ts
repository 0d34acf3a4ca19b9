import { rebaseIssues, rebasePath } from './validation';

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
