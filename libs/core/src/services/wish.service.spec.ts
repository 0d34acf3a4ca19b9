import { namedClusters } from './wish.service';

describe('namedClusters', () => {
  it('lists the distinct string targets of a would-be wish list, in order', () => {
    expect(
      namedClusters([
        { to: 'b', rank: 1 },
        { to: 'c', rank: 2 },
        { to: 'b', rank: 3 },
        { to: 7, rank: 4 },
        null,
        'd',
        { rank: 5 },
        { to: 'x'.repeat(65) },
      ]),
    ).toEqual(['b', 'c']);
  });

  it('keeps only strings that can be cluster ids, so that text PostgreSQL cannot store never reaches a query', () => {
    expect(
      namedClusters([{ to: 'a\u0000b' }, { to: 'Upper' }, { to: ' b' }, { to: 'ok-1' }, { to: '' }]),
    ).toEqual(['ok-1']);
  });

  it('is empty for anything but a list', () => {
    for (const value of [undefined, null, 'b', { to: 'b' }, 3]) expect(namedClusters(value)).toEqual([]);
  });
});
