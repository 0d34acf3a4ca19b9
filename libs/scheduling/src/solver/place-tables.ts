/**
 * Tables, slot by slot: pinned tables first, then as many meetings as possible at the table one of
 * their clusters sat at in its previous meeting (a maximum bipartite matching meetings × preferred
 * tables, each meeting having at most two), then the lowest free tables.
 */
import type { PlacementState } from './place-state';

/** tableOf[e] (1-based) for every placed edge, 0 for the others. */
export function assignTables(st: PlacementState): Int32Array {
  const { S, T } = st;
  const tableOf = new Int32Array(st.m);
  const lastTable = new Int32Array(st.n);
  const usedStamp = new Int32Array(T + 1);
  const owner = new Int32Array(T + 1).fill(-1);
  const ownerStamp = new Int32Array(T + 1);
  const visitStamp = new Int32Array(T + 1);
  let visit = 0;

  for (let s = 0; s < S; s++) {
    const stamp = s + 1;
    const edges = st.slotEdges[s].slice().sort((x, y) => x - y);
    const loose: number[] = [];
    for (const e of edges) {
      const t = st.pinnedTable[e];
      if (t > 0) {
        tableOf[e] = t;
        usedStamp[t] = stamp;
      } else loose.push(e);
    }
    const preferred = (e: number): number[] => {
      const result: number[] = [];
      for (const c of [st.ea[e], st.eb[e]]) {
        const t = lastTable[c];
        if (t > 0 && usedStamp[t] !== stamp && !result.includes(t)) result.push(t);
      }
      return result;
    };
    const ownerOf = (t: number): number => (ownerStamp[t] === stamp ? owner[t] : -1);
    // Kuhn's augmenting paths; each meeting has at most two preferred tables.
    const augment = (e: number): boolean => {
      for (const t of preferred(e)) {
        if (visitStamp[t] === visit) continue;
        visitStamp[t] = visit;
        const holder = ownerOf(t);
        if (holder === -1 || augment(holder)) {
          owner[t] = e;
          ownerStamp[t] = stamp;
          tableOf[e] = t;
          return true;
        }
      }
      return false;
    };
    for (const e of loose) {
      tableOf[e] = 0;
      visit++;
      augment(e);
    }
    // The matching may have re-seated meetings: read the final owners back.
    for (const e of loose) {
      const t = tableOf[e];
      if (t > 0 && ownerOf(t) !== e) tableOf[e] = 0;
    }
    for (const e of loose) if (tableOf[e] > 0) usedStamp[tableOf[e]] = stamp;
    let next = 1;
    for (const e of loose) {
      if (tableOf[e] > 0) continue;
      while (next <= T && (usedStamp[next] === stamp || ownerOf(next) !== -1)) next++;
      tableOf[e] = next;
      usedStamp[next] = stamp;
      next++;
    }
    for (const e of edges) {
      lastTable[st.ea[e]] = tableOf[e];
      lastTable[st.eb[e]] = tableOf[e];
    }
  }
  return tableOf;
}
