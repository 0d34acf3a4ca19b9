import { slugify, uniqueSlug } from './slug';

describe('slugify', () => {
  it('makes event-file ids from names', () => {
    expect(slugify('Pôle Céramique')).toBe('pole-ceramique');
    expect(slugify("Analyse & Surveillance de l'Environnement")).toBe(
      'analyse-surveillance-de-l-environnement',
    );
    expect(slugify('  --  ')).toBe('cluster');
    expect(slugify('x'.repeat(100))).toHaveLength(64);
  });

  it('finds a free id', () => {
    const taken = new Set(['avia', 'avia-2']);
    expect(uniqueSlug('avia', (id) => taken.has(id))).toBe('avia-3');
    expect(uniqueSlug('minalogic', (id) => taken.has(id))).toBe('minalogic');
    expect(uniqueSlug('a'.repeat(64), (id) => id === 'a'.repeat(64))).toBe(`${'a'.repeat(62)}-2`);
  });
});
