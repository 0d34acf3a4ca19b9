import fc from 'fast-check';
import { assignTables } from './place-tables';
import { makeState } from './place-testing';

describe('assignTables', () => {
  it('keeps a cluster at its table from one meeting to the next', () => {
    // 0 meets 1, 2, 3 in slots 0, 1, 2; 4–5 and 6–7 are in slots 0 and 1 too.
    const st = makeState({
      clusters: 8,
      slots: 3,
      tables: 3,
      edges: [
        [4, 5, 0],
        [0, 1, 0],
        [0, 2, 1],
        [6, 7, 1],
        [0, 3, 2],
      ],
    });
    const tables = assignTables(st);
    expect(tables[2]).toBe(tables[1]);
    expect(tables[4]).toBe(tables[1]);
  });

  it('re-seats meetings so that more clusters keep their table (augmenting path)', () => {
    // Slot 0: 0–1 at table 1, 2–3 at table 2. Slot 1: 4–1 prefers table 1 only, 0–2 prefers 1 or 2.
    const st = makeState({
      clusters: 5,
      slots: 2,
      tables: 2,
      edges: [
        [0, 1, 0],
        [2, 3, 0],
        [0, 2, 1],
        [1, 4, 1],
      ],
    });
    const tables = assignTables(st);
    expect([tables[0], tables[1]]).toEqual([1, 2]);
    expect(tables[3]).toBe(1);
    expect(tables[2]).toBe(2);
  });

  it('puts pinned meetings at their tables and keeps others off them', () => {
    const st = makeState({
      clusters: 6,
      slots: 2,
      tables: 3,
      edges: [
        [0, 1, 0],
        [2, 3, 1],
        [0, 4, 1],
        [1, 5, 1],
      ],
      pinned: { 1: { table: 1 } },
    });
    const tables = assignTables(st);
    expect(tables[1]).toBe(1);
    expect(tables[0]).toBe(1);
    expect(tables[2]).not.toBe(1);
    expect(tables[3]).not.toBe(1);
    expect(tables[2]).not.toBe(tables[3]);
  });

  it('seats every meeting at a distinct table of 1..T in its slot', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 60 }),
        (slots, tables, raw) => {
          const clusters = 14;
          const busy = new Set<string>();
          const load = new Array<number>(slots).fill(0);
          const edges: [number, number, number][] = [];
          for (const [x, y, z] of raw) {
            const a = x % clusters;
            const b = y % clusters;
            const s = z % slots;
            if (a === b || busy.has(`${a}@${s}`) || busy.has(`${b}@${s}`) || load[s] >= tables) continue;
            busy.add(`${a}@${s}`);
            busy.add(`${b}@${s}`);
            load[s]++;
            edges.push([a, b, s]);
          }
          const st = makeState({ clusters, slots, tables, edges });
          const seat = assignTables(st);
          const seats = new Set<string>();
          edges.forEach(([, , s], e) => {
            expect(seat[e]).toBeGreaterThanOrEqual(1);
            expect(seat[e]).toBeLessThanOrEqual(tables);
            expect(seats.has(`${s}/${seat[e]}`)).toBe(false);
            seats.add(`${s}/${seat[e]}`);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
