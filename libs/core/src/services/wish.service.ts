import { Injectable } from '@nestjs/common';
import { CLUSTER_ID_PATTERN } from '@app/scheduling';
import { DomainError } from '../domain/errors';
import type { Actor, WishInput, WishList } from '../domain/model';
import { validateWishes } from '../domain/validation';
import { ParticipantRepository, WishListContextChanged } from '../ports/repositories';
import { assertClusterAccess } from './access';
import { EventService } from './event.service';
import { ParticipantService } from './participant.service';

@Injectable()
export class WishService {
  constructor(
    private readonly participants: ParticipantRepository,
    private readonly participantService: ParticipantService,
    private readonly events: EventService,
  ) {}

  async get(actor: Actor, eventId: string, clusterId: string): Promise<WishList> {
    assertClusterAccess(actor, eventId, clusterId);
    const list = await this.participants.getWishes(eventId, clusterId);
    if (list) return list;
    // Which is missing: the event (EVENT_NOT_FOUND) or the participant (PARTICIPANT_NOT_FOUND).
    await this.participantService.require(eventId, clusterId);
    throw new DomainError(
      'PARTICIPANT_NOT_FOUND',
      `Cluster ${JSON.stringify(clusterId)} does not take part in this event.`,
    );
  }

  /**
   * Replaces the whole ranked list at once, validated with the event-file rules. With
   * `expectedVersion` (If-Match), a stale version is refused (VERSION_MISMATCH); without, the last write wins.
   */
  async replace(
    actor: Actor,
    eventId: string,
    clusterId: string,
    wishes: unknown,
    expectedVersion?: number,
  ): Promise<WishList> {
    assertClusterAccess(actor, eventId, clusterId);
    const remembered = actor.kind === 'manager' ? actor.rememberedTokenHash : undefined;
    try {
      return await this.validateAndReplace(actor, eventId, clusterId, wishes, expectedVersion, remembered);
    } catch (refusal) {
      // An invite recognised from memory is verified before any refusal is told: a revoked link
      // learns nothing but 401.
      if (remembered) await this.participantService.verifyInviteHash(remembered);
      throw refusal;
    }
  }

  private async validateAndReplace(
    actor: Actor,
    eventId: string,
    clusterId: string,
    wishes: unknown,
    expectedVersion: number | undefined,
    inviteTokenHash: Buffer | undefined,
  ): Promise<WishList> {
    // Validated against the settings and the clusters the list names, from the event's context kept
    // in memory (a list is replaced in one statement whatever the size of the event: deadline rush);
    // the statement writes only if that context is still current, else it is read again.
    const named = [clusterId, ...namedClusters(wishes)];
    for (let attempt = 1; ; attempt++) {
      const { status, file, revision } = await this.events.wishListFile(eventId, named);
      let list: WishInput[];
      try {
        this.participantService.assertWritable(actor, status);
        if (!file.clusters.some((cluster) => cluster.id === clusterId)) {
          throw new DomainError(
            'PARTICIPANT_NOT_FOUND',
            `Cluster ${JSON.stringify(clusterId)} does not take part in this event.`,
          );
        }
        list = validateWishes(file, clusterId, wishes);
      } catch (refusal) {
        // A refusal must not come from a stale copy (a cluster registered, the event re-opened
        // meanwhile by another API process): answered only once the copy is known current.
        if (
          attempt < MAX_CONTEXT_ATTEMPTS &&
          !(await this.events.isWishListContextCurrent(eventId, revision))
        )
          continue;
        throw refusal;
      }
      try {
        const version = await this.participants.replaceWishes(
          eventId,
          clusterId,
          list,
          expectedVersion,
          revision,
          inviteTokenHash,
        );
        return { wishes: [...list].sort((a, b) => a.rank - b.rank), version };
      } catch (error) {
        if (!(error instanceof WishListContextChanged) || attempt >= MAX_CONTEXT_ATTEMPTS) throw error;
        await this.events.forgetWishListContext(eventId, revision);
      }
    }
  }
}

/** Attempts at validating and writing one list while the event's context keeps changing. */
const MAX_CONTEXT_ATTEMPTS = 5;

/**
 * The distinct `to` fields of a would-be wish list that could be cluster ids (CLUSTER_ID_PATTERN):
 * anything else names no participant, is reported by the validator, and never reaches a query.
 */
export function namedClusters(wishes: unknown): string[] {
  if (!Array.isArray(wishes)) return [];
  const ids = new Set<string>();
  for (const item of wishes) {
    const to = typeof item === 'object' && item !== null ? (item as { to?: unknown }).to : undefined;
    if (typeof to === 'string' && CLUSTER_ID_PATTERN.test(to)) ids.add(to);
  }
  return [...ids];
}
