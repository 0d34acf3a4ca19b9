import { Injectable } from '@nestjs/common';
import { CLUSTER_ID_PATTERN } from '@app/scheduling';
import { DomainError } from '../domain/errors';
import type { Actor, WishList } from '../domain/model';
import { validateWishes } from '../domain/validation';
import { ParticipantRepository } from '../ports/repositories';
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
    await this.participantService.require(eventId, clusterId);
    const list = await this.participants.getWishes(eventId, clusterId);
    if (!list)
      throw new DomainError(
        'PARTICIPANT_NOT_FOUND',
        `Cluster ${JSON.stringify(clusterId)} does not take part in this event.`,
      );
    return list;
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
    // Validated against the settings and the clusters the list names, not the whole event, read in
    // one query: a list is replaced in a few milliseconds whatever the size of the event (deadline rush).
    const { status, file } = await this.events.wishListFile(eventId, [clusterId, ...namedClusters(wishes)]);
    this.participantService.assertWritable(actor, status);
    if (!file.clusters.some((cluster) => cluster.id === clusterId)) {
      throw new DomainError(
        'PARTICIPANT_NOT_FOUND',
        `Cluster ${JSON.stringify(clusterId)} does not take part in this event.`,
      );
    }
    const list = validateWishes(file, clusterId, wishes);
    const version = await this.participants.replaceWishes(eventId, clusterId, list, expectedVersion);
    return { wishes: [...list].sort((a, b) => a.rank - b.rank), version };
  }
}

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
