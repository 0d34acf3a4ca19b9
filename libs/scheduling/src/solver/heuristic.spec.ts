import { buildProblem } from '../problem';
import { makeEvent, wish, wishList } from '../testing';
import { heuristicChoice } from './heuristic';
import { evaluateChoice, isFeasibleChoice, pairChoiceInput } from './pair-model';
import type { PairChoiceInput } from './pair-model';

const later = () => Date.now() + 10_000;

function run(input: PairChoiceInput, start?: number[]) {
  const indexes = heuristicChoice(input, { deadline: later(), start });
  const pairs = indexes.map((e) => input.candidates[e]);
  return { indexes, pairs, value: evaluateChoice(input, pairs) };
}

describe('heuristicChoice', () => {
  it('serves the wishers with the fewest options first', () => {
    // Cap 1. b is wished by a (its only wish) and by c, which could also meet d.
    const event = makeEvent({
      event: { maxMeetingsPerCluster: 1 },
      wishes: [wish('a', 'b'), ...wishList('c', 'b', 'd')],
    });
    const input = pairChoiceInput(buildProblem(event));
    const { value, pairs } = run(input);
    expect(value.servedClusters).toBe(2);
    expect(pairs.map((p) => `${p.a}-${p.b}`).sort()).toEqual(['0-1', '2-3']);
  });

  it('swaps a meeting away to serve a wisher that has nothing (augmenting)', () => {
    // Cap 1. Start from b–c (mutual, score 10): a, who only wishes b, has nothing. a–b (wished both
    // ways) and c–d serve a, b and c (score 9): more served wins over score.
    const event = makeEvent({
      event: { maxMeetingsPerCluster: 1 },
      wishes: [wish('a', 'b', 3), wish('b', 'c', 1), wish('b', 'a', 2), wish('c', 'b', 1), wish('c', 'd', 4)],
    });
    const input = pairChoiceInput(buildProblem(event));
    const bc = input.candidates.findIndex((p) => p.a === 1 && p.b === 2);
    const { value, pairs } = run(input, [bc]);
    expect(value).toEqual({ servedClusters: 3, wishScore: 9 });
    expect(pairs.map((p) => `${p.a}-${p.b}`).sort()).toEqual(['0-1', '2-3']);
  });

  it('improves on a poor start by local search', () => {
    // Cap 1, all served either way; a–d and b–c (5 + 5 + 5 + 5) beat a–b and c–d (1 + 1).
    const event = makeEvent({
      event: { maxMeetingsPerCluster: 1 },
      wishes: [
        wish('a', 'd', 1),
        wish('a', 'b', 5),
        wish('c', 'b', 1),
        wish('c', 'd', 5),
        wish('d', 'a'),
        wish('b', 'c'),
      ],
    });
    const input = pairChoiceInput(buildProblem(event));
    const ab = input.candidates.findIndex((p) => p.a === 0 && p.b === 1);
    const cd = input.candidates.findIndex((p) => p.a === 2 && p.b === 3);
    const { value } = run(input, [ab, cd]);
    expect(value).toEqual({ servedClusters: 4, wishScore: 20 });
  });

  it('keeps within capacities and the room, and skips infeasible start pairs', () => {
    const event = makeEvent({
      clusters: ['a', 'b', 'c', 'd', 'e', 'f'],
      event: { tables: 1, sessions: [{ start: '14:00', end: '15:00' }], maxMeetingsPerCluster: 2 },
      wishes: [...wishList('a', 'b', 'c', 'd'), ...wishList('e', 'f', 'a'), ...wishList('b', 'c', 'f')],
    });
    const input = pairChoiceInput(buildProblem(event));
    expect(input.roomCapacity).toBe(3);
    const all = input.candidates.map((_, e) => e);
    const { pairs } = run(input, all);
    expect(pairs.length).toBeLessThanOrEqual(3);
    expect(isFeasibleChoice(input, pairs)).toBe(true);
  });

  it('stops at its deadline with a feasible choice', () => {
    const n = 400;
    const ids = Array.from({ length: n }, (_, i) => `c${i}`);
    const event = makeEvent({
      clusters: ids,
      wishes: ids.flatMap((id, i) =>
        wishList(id, ids[(i + 1) % n], ids[(i * 7 + 3) % n], ids[(i * 13 + 5) % n]),
      ),
    });
    const input = pairChoiceInput(buildProblem(event));
    const started = Date.now();
    const indexes = heuristicChoice(input, { deadline: started });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(
      isFeasibleChoice(
        input,
        indexes.map((e) => input.candidates[e]),
      ),
    ).toBe(true);
  });
});
