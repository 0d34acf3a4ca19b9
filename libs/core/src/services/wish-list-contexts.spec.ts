import { makeSettings } from '@app/scheduling/testing';
import type { WishListContext } from '../ports/repositories';
import { WishListContexts, participantsAmong } from './wish-list-contexts';

function makeContext(overrides: Partial<WishListContext> = {}): WishListContext {
  return {
    status: 'open',
    settings: makeSettings(),
    revision: '1',
    clusters: ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id.toUpperCase() })),
    ...overrides,
  };
}

/** A loader that counts its calls and answers with the current `next` context. */
function makeLoader(first: WishListContext | null = makeContext()) {
  const loader = {
    calls: [] as string[],
    next: first,
    load: (eventId: string) => {
      loader.calls.push(eventId);
      return Promise.resolve(loader.next);
    },
  };
  return loader;
}

describe('WishListContexts', () => {
  it('reads an event once for every request that follows, even those that arrive during the read', async () => {
    const loader = makeLoader();
    const contexts = new WishListContexts(loader.load);
    const all = await Promise.all([contexts.get('e'), contexts.get('e'), contexts.get('e')]);
    await contexts.get('e');
    expect(loader.calls).toEqual(['e']);
    expect(all.map((c) => c?.revision)).toEqual(['1', '1', '1']);
  });

  it('reads the event again once its copy is forgotten, and keeps a newer copy', async () => {
    const loader = makeLoader();
    const contexts = new WishListContexts(loader.load);
    await contexts.get('e');
    loader.next = makeContext({ revision: '2' });
    await contexts.forget('e', '1');
    expect((await contexts.get('e'))?.revision).toBe('2');
    await contexts.forget('e', '1'); // a request that saw revision 1 late: the copy of 2 stays
    expect((await contexts.get('e'))?.revision).toBe('2');
    expect(loader.calls).toEqual(['e', 'e']);
  });

  it('keeps neither a missing event nor a failed read', async () => {
    const loader = makeLoader(null);
    const contexts = new WishListContexts(loader.load);
    expect(await contexts.get('e')).toBeNull();
    loader.next = makeContext();
    expect(await contexts.get('e')).not.toBeNull();

    let fail = true;
    const flaky = new WishListContexts((id) =>
      fail ? Promise.reject(new Error(`down: ${id}`)) : Promise.resolve(makeContext()),
    );
    await expect(flaky.get('e')).rejects.toThrow('down: e');
    fail = false;
    expect((await flaky.get('e'))?.revision).toBe('1');
  });

  it('keeps at most `capacity` events, forgetting the least recently used', async () => {
    const loader = makeLoader();
    const contexts = new WishListContexts(loader.load, 2);
    await contexts.get('x');
    await contexts.get('y');
    await contexts.get('x'); // y is now the least recently used
    await contexts.get('z');
    await contexts.get('x');
    expect(loader.calls).toEqual(['x', 'y', 'z']);
    await contexts.get('y');
    expect(loader.calls).toEqual(['x', 'y', 'z', 'y']);
  });
});

describe('participantsAmong', () => {
  it('gives the named participants once each, in registration order, without unknown ids', async () => {
    const context = await new WishListContexts(makeLoader().load).get('e');
    expect(participantsAmong(context!, ['d', 'zz', 'b', 'd', 'a']).map((c) => c.id)).toEqual(['a', 'b', 'd']);
    expect(participantsAmong(context!, [])).toEqual([]);
  });
});
