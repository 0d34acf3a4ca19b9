import fc from 'fast-check';
import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads rows with their line numbers, skipping blank lines', () => {
    expect(parseCsv('name,region\r\nAvia,Auvergne\n\nMinalogic,Rhône-Alpes\n')).toEqual([
      { line: 1, cells: ['name', 'region'] },
      { line: 2, cells: ['Avia', 'Auvergne'] },
      { line: 4, cells: ['Minalogic', 'Rhône-Alpes'] },
    ]);
  });

  it('reads quoted fields with separators, quotes and line breaks', () => {
    expect(parseCsv('a,b\n"x, y","say ""hi""\nthere"\nlast,1')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"\nthere'] },
      { line: 4, cells: ['last', '1'] },
    ]);
  });

  it('detects semicolons from the header and strips a BOM', () => {
    expect(parseCsv('\uFEFFname;contact email\nA, B;a@b.org')).toEqual([
      { line: 1, cells: ['name', 'contact email'] },
      { line: 2, cells: ['A, B', 'a@b.org'] },
    ]);
  });

  it('reads back what a writer quoting every cell wrote (property)', () => {
    const cell = fc.string({ maxLength: 12 });
    const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(table, (rows) => {
        const text = ['h1,h2', ...rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(','))].join(
          '\n',
        );
        const parsed = parseCsv(text)
          .slice(1)
          .map((row) => row.cells);
        return JSON.stringify(parsed) === JSON.stringify(rows);
      }),
    );
  });
});
