import type { Cluster } from '@app/scheduling';
import type { WishListContext } from '../ports/repositories';

/** A wish-list context kept in memory, with an index of its participants. */
export interface CachedWishListContext extends WishListContext {
  /** Participant id → position in `clusters` (registration order). */
  indexOf: ReadonlyMap<string, number>;
}

/**
 * The contexts wish lists are validated against (event status, settings, every participant), kept
 * in memory per event, so that a list is validated without reading the event again: in the deadline
 * rush every manager of an event validates against the same context. A copy is never trusted
 * blindly: the list is written only if the event's context revision is still the copy's (checked in
 * the writing statement), else the copy is forgotten and the list validated again. One load at a time
 * per event (the first requests of a rush wait for the same query); at most `capacity` events, the
 * least recently used forgotten first.
 */
export class WishListContexts {
  private readonly entries = new Map<string, Promise<CachedWishListContext | null>>();

  constructor(
    private readonly load: (eventId: string) => Promise<WishListContext | null>,
    private readonly capacity = 32,
  ) {}

  /** The event's context (null: no such event, not kept). */
  get(eventId: string): Promise<CachedWishListContext | null> {
    const kept = this.entries.get(eventId);
    if (kept) {
      // Most recently used last (a Map keeps insertion order).
      this.entries.delete(eventId);
      this.entries.set(eventId, kept);
      return kept;
    }
    const loading = this.load(eventId).then(
      (context) => {
        if (!context) this.drop(eventId, loading);
        return context && withIndex(context);
      },
      (error: unknown) => {
        this.drop(eventId, loading);
        throw error;
      },
    );
    this.entries.set(eventId, loading);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return loading;
  }

  /** Forgets the event's copy if it is still of `revision` (a newer copy stays). */
  async forget(eventId: string, revision: string): Promise<void> {
    const kept = this.entries.get(eventId);
    if (!kept) return;
    const context = await kept.catch(() => null);
    if (this.entries.get(eventId) === kept && (!context || context.revision === revision)) {
      this.entries.delete(eventId);
    }
  }

  private drop(eventId: string, entry: Promise<unknown>): void {
    if (this.entries.get(eventId) === entry) this.entries.delete(eventId);
  }
}

function withIndex(context: WishListContext): CachedWishListContext {
  const indexOf = new Map<string, number>();
  context.clusters.forEach((cluster, i) => indexOf.set(cluster.id, i));
  return { ...context, indexOf };
}

/** The participants among `ids`, in registration order, each once (unknown ids left out). */
export function participantsAmong(context: CachedWishListContext, ids: readonly string[]): Cluster[] {
  const positions = new Set<number>();
  for (const id of ids) {
    const position = context.indexOf.get(id);
    if (position !== undefined) positions.add(position);
  }
  return [...positions].sort((a, b) => a - b).map((position) => context.clusters[position]);
}
