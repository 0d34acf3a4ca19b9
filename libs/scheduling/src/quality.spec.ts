import fc from 'fast-check';
import type { Meeting } from './model';
import { compareFigures, qualityFigures } from './quality';
import { deriveSlots } from './slots';
import { eventFileArbitrary, makeEvent, meeting, mutualWish, wish } from './testing';

// Default factory event: 6 slots (14:00, 14:20, … 15:40), K = 5, clusters a, b, c, d.

describe('qualityFigures', () => {
  const event = makeEvent({
    wishes: [wish('a', 'b', 1), wish('a', 'c', 2), wish('b', 'a', 3), wish('c', 'd', 1)],
  });

  it('is all zeros without meetings', () => {
    expect(qualityFigures(event, [])).toEqual({ servedClusters: 0, wishScore: 0, idleSlots: 0 });
  });

  it('computes the three figures of a small schedule (by hand)', () => {
    const meetings = [meeting(0, 1, 'a', 'b'), meeting(3, 1, 'a', 'c'), meeting(1, 2, 'c', 'd')];
    // served: a (a→b), b (b→a), c (c→d); d made no wish → 3
    // score: a→b 5 + a→c 4 + b→a 3 + c→d 5 = 17
    // idle: a meets in 0 and 3 → 1, 2 idle; c meets in 1 and 3 → 2 idle; b and d once → 3
    expect(qualityFigures(event, meetings)).toEqual({ servedClusters: 3, wishScore: 17, idleSlots: 3 });
  });

  it('counts a mutual wish from both sides, with K − r + 1 weights', () => {
    const k3 = makeEvent({ event: { maxWishesPerCluster: 3 }, wishes: mutualWish('a', 'b', 1, 3) });
    expect(qualityFigures(k3, [meeting(0, 1, 'b', 'a')])).toEqual({
      servedClusters: 2,
      wishScore: 3 + 1,
      idleSlots: 0,
    });
  });

  it('serves only clusters whose own wish is met', () => {
    // b is wished by a but wished nothing itself; c wished d, not met
    const e = makeEvent({ wishes: [wish('a', 'b', 2), wish('c', 'd', 1)] });
    expect(qualityFigures(e, [meeting(0, 1, 'a', 'b'), meeting(0, 2, 'c', 'b')])).toEqual({
      servedClusters: 1,
      wishScore: 4,
      idleSlots: 0,
    });
  });

  it('does not count idle slots in which the cluster is unavailable', () => {
    const e = makeEvent({
      clusters: [
        {
          id: 'a',
          availability: [
            { start: '14:00', end: '14:20' },
            { start: '14:40', end: '16:00' },
          ],
        },
        'b',
        'c',
      ],
      wishes: [wish('a', 'b'), wish('a', 'c', 2)],
    });
    // a meets in slots 0 and 4; slot 1 (14:20–14:40) unavailable; 2 and 3 idle
    expect(qualityFigures(e, [meeting(0, 1, 'a', 'b'), meeting(4, 1, 'a', 'c')]).idleSlots).toBe(2);
  });

  it('counts a repeated pair once and ignores unknown clusters and slots', () => {
    const meetings: Meeting[] = [
      meeting(0, 1, 'a', 'b'),
      meeting(1, 1, 'a', 'b'),
      meeting(2, 1, 'a', 'zz'),
      meeting(99, 1, 'c', 'd'),
    ];
    // a→b 5 + b→a 3 once; c–d met (slot 99 ignored for idle) → c→d 5
    expect(qualityFigures(event, meetings)).toEqual({ servedClusters: 3, wishScore: 13, idleSlots: 0 });
  });

  it('spans idle slots across sessions', () => {
    const e = makeEvent({
      event: {
        sessions: [
          { start: '09:00', end: '10:00' },
          { start: '14:00', end: '15:00' },
        ],
      },
      wishes: [wish('a', 'b'), wish('a', 'c', 2)],
    });
    expect(deriveSlots(e.event)).toHaveLength(6);
    // a meets in slot 1 (09:20) and slot 4 (14:20): slots 2 and 3 are idle
    expect(qualityFigures(e, [meeting(1, 1, 'a', 'b'), meeting(4, 1, 'a', 'c')]).idleSlots).toBe(2);
  });

  it('stays within its bounds on random events and meetings', () => {
    fc.assert(
      fc.property(
        eventFileArbitrary({ maxClusters: 6 }).chain((e) => {
          const ids = e.clusters.map((c) => c.id).concat('unknown');
          const m = fc.record({
            slot: fc.integer({ min: -1, max: 12 }),
            table: fc.integer({ min: 1, max: 3 }),
            clusters: fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids)),
          });
          return fc.tuple(fc.constant(e), fc.array(m, { maxLength: 12 }));
        }),
        ([e, meetings]) => {
          const figures = qualityFigures(e, meetings);
          const K = e.event.maxWishesPerCluster;
          const wishers = new Set(e.wishes.map((w) => w.from));
          expect(figures.servedClusters).toBeLessThanOrEqual(wishers.size);
          expect(figures.wishScore).toBeLessThanOrEqual(e.wishes.reduce((sum, w) => sum + K - w.rank + 1, 0));
          expect(figures.idleSlots).toBeGreaterThanOrEqual(0);
          expect(qualityFigures(e, [...meetings].reverse())).toEqual(figures);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('compareFigures', () => {
  const f = (servedClusters: number, wishScore: number, idleSlots: number) => ({
    servedClusters,
    wishScore,
    idleSlots,
  });

  it('compares served clusters first, then wish score, then idle slots (fewer is better)', () => {
    expect(compareFigures(f(5, 10, 9), f(4, 99, 0))).toBeLessThan(0);
    expect(compareFigures(f(5, 10, 9), f(5, 11, 0))).toBeGreaterThan(0);
    expect(compareFigures(f(5, 10, 1), f(5, 10, 2))).toBeLessThan(0);
    expect(compareFigures(f(5, 10, 2), f(5, 10, 2))).toBe(0);
  });
});
