/** Splits `count` items into the fewest chunks of at most `max`, sizes differing by at most one. */
export function balancedChunks(count: number, max: number): { first: number; last: number }[] {
  if (count <= 0) return [];
  const chunks = Math.ceil(count / Math.max(1, max));
  const base = Math.floor(count / chunks);
  const extra = count % chunks;
  const out: { first: number; last: number }[] = [];
  let first = 0;
  for (let i = 0; i < chunks; i++) {
    const size = base + (i < extra ? 1 : 0);
    out.push({ first, last: first + size - 1 });
    first += size;
  }
  return out;
}
