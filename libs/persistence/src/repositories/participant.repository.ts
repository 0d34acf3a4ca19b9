import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DirectoryCluster,
  DomainError,
  InviteOwner,
  Participant,
  ParticipantRepository,
  WishInput,
  WishList,
  WishListContextChanged,
} from '@app/core';
import type { TimeWindow } from '@app/scheduling';
import { DataSource, EntityManager } from 'typeorm';
import { ClusterEntity, EventEntity, ParticipationEntity } from '../entities';
import { foreignKeyViolation, notNullViolation } from '../errors';
import { Mappers } from '../mappers';
import { findEventForUpdate, lockEvent } from './event-lock';
import { hotQuery } from './hot-query';
import { isUuid } from './event.repository';

@Injectable()
export class TypeOrmParticipantRepository extends ParticipantRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async list(eventId: string): Promise<Participant[]> {
    if (!isUuid(eventId)) return [];
    const entities = await this.db.getRepository(ParticipationEntity).find({
      where: { eventId },
      relations: { cluster: true },
      order: { position: 'ASC' },
    });
    return entities.map(Mappers.participant);
  }

  async get(eventId: string, clusterId: string): Promise<Participant | null> {
    if (!isUuid(eventId)) return null;
    const entity = await this.db
      .getRepository(ParticipationEntity)
      .findOne({ where: { eventId, clusterId }, relations: { cluster: true } });
    return entity ? Mappers.participant(entity) : null;
  }

  async register(
    eventId: string,
    clusterIds: string[],
    create: DirectoryCluster[],
  ): Promise<{ registered: string[]; skipped: string[] }> {
    return this.db.transaction(async (manager) => {
      await lockEvent(manager, eventId);
      if (create.length > 0) {
        await manager.createQueryBuilder().insert().into(ClusterEntity).values(create).orIgnore().execute();
      }
      const existing = await manager.getRepository(ParticipationEntity).find({ where: { eventId } });
      const taken = new Set(existing.map((p) => p.clusterId));
      let position = existing.reduce((max, p) => Math.max(max, p.position), -1);
      const registered: string[] = [];
      const skipped: string[] = [];
      const rows: Partial<ParticipationEntity>[] = [];
      for (const clusterId of clusterIds) {
        if (taken.has(clusterId)) {
          if (!skipped.includes(clusterId)) skipped.push(clusterId);
          continue;
        }
        taken.add(clusterId);
        registered.push(clusterId);
        rows.push({ eventId, clusterId, position: ++position, availability: null, version: 0 });
      }
      if (rows.length > 0) await manager.getRepository(ParticipationEntity).insert(rows);
      return { registered, skipped };
    });
  }

  async unregister(eventId: string, clusterId: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const event = await lockEvent(manager, eventId);
      const participation = await manager
        .getRepository(ParticipationEntity)
        .findOneBy({ eventId, clusterId });
      if (!participation) return;
      // Those who wished this cluster see their list change: bump their version.
      await manager.query(
        `UPDATE participation SET version = version + 1
         WHERE id IN (SELECT participation_id FROM wish WHERE to_participation_id = $1)`,
        [participation.id],
      );
      await manager.getRepository(ParticipationEntity).delete({ id: participation.id });
      const fixed = event.fixed.filter((f) => !f.clusters.includes(clusterId));
      if (fixed.length !== event.fixed.length)
        await manager.getRepository(EventEntity).update({ id: eventId }, { fixed });
    });
  }

  async setAvailability(
    eventId: string,
    clusterId: string,
    availability: TimeWindow[] | null,
    expectedVersion?: number,
  ): Promise<number> {
    return this.db.transaction(async (manager) => {
      // The event row first, as a wish list replacement does (REPLACE_WISHES): a trigger updates
      // it when the availability changes, and locking the participation first could deadlock.
      await findEventForUpdate(manager, eventId, 'for_no_key_update');
      const participation = await lockParticipation(manager, eventId, clusterId, expectedVersion);
      const version = participation.version + 1;
      await manager
        .getRepository(ParticipationEntity)
        .update({ id: participation.id }, { availability, version });
      return version;
    });
  }

  async getWishes(eventId: string, clusterId: string): Promise<WishList | null> {
    if (!isUuid(eventId)) return null;
    // One statement, one snapshot: the version and the wishes it numbers, in one round trip.
    const [row] = await hotQuery<{ version: number; wishes: { to: string; rank: number }[] }>(
      this.db,
      'get-wishes',
      `SELECT p.version, COALESCE((
         SELECT json_agg(json_build_object('to', t.cluster_id, 'rank', w.rank) ORDER BY w.rank)
         FROM wish w JOIN participation t ON t.id = w.to_participation_id
         WHERE w.participation_id = p.id
       ), '[]'::json) AS wishes
       FROM participation p WHERE p.event_id = $1 AND p.cluster_id = $2`,
      [eventId, clusterId],
    );
    if (!row) return null;
    return {
      wishes: row.wishes.map((w) => ({ to: w.to, rank: Number(w.rank) })),
      version: row.version,
    };
  }

  async replaceWishes(
    eventId: string,
    clusterId: string,
    wishes: WishInput[],
    expectedVersion?: number,
    contextRevision?: string,
    inviteTokenHash?: Buffer,
  ): Promise<number> {
    if (!isUuid(eventId)) throw participantNotFound(clusterId);
    const to = wishes.map((w) => w.to);
    const ranks = wishes.map((w) => w.rank);
    for (let attempt = 1; ; attempt++) {
      let rows: ReplaceRow[];
      try {
        rows = await hotQuery<ReplaceRow>(this.db, 'replace-wishes', REPLACE_WISHES, [
          eventId,
          clusterId,
          expectedVersion ?? null,
          to,
          ranks,
          contextRevision ?? null,
          inviteTokenHash ?? null,
        ]);
      } catch (error) {
        // A named cluster left the event meanwhile: its id joined to nothing (NOT NULL), or its
        // participation went before the commit (foreign key). The statement did nothing.
        if (notNullViolation(error) === 'to_participation_id' || foreignKeyViolation(error)) {
          throw await this.unknownTargets(eventId, wishes);
        }
        throw error;
      }
      const [row] = rows;
      if (!row) throw participantNotFound(clusterId);
      if (row.version !== null) return row.version;
      if (contextRevision !== undefined && row.revision !== contextRevision) {
        throw new WishListContextChanged(eventId);
      }
      if (expectedVersion !== undefined && row.seen !== expectedVersion) {
        throw new DomainError(
          'VERSION_MISMATCH',
          `The list changed meanwhile: version ${row.seen}, not ${expectedVersion}. Reload and try again.`,
        );
      }
      // Another replacement of this list committed between this statement's snapshot and its row
      // lock: nothing was written; again, with a fresh snapshot (a writer waits for the lock only
      // while another writer of the same list is in flight, so this ends).
      if (attempt >= 100) throw new Error(`the wish list of ${clusterId} kept changing; try again`);
    }
  }

  /** VALIDATION_FAILED naming the wishes whose target does not take part in the event (any more). */
  private async unknownTargets(eventId: string, wishes: WishInput[]): Promise<DomainError> {
    const present: { cluster_id: string }[] = await this.db.query(
      'SELECT cluster_id FROM participation WHERE event_id = $1 AND cluster_id = ANY($2::varchar[])',
      [eventId, wishes.map((w) => w.to)],
    );
    const known = new Set(present.map((p) => p.cluster_id));
    return new DomainError(
      'VALIDATION_FAILED',
      'The wish list is not valid.',
      wishes
        .map((w, i) => ({ w, i }))
        .filter(({ w }) => !known.has(w.to))
        .map(({ w, i }) => ({
          path: `wishes[${i}].to`,
          message: `${JSON.stringify(w.to)} does not take part in the event`,
        })),
    );
  }

  async setInviteHash(participantId: string, tokenHash: Buffer | null): Promise<void> {
    await this.db
      .getRepository(ParticipationEntity)
      .update(
        { id: participantId },
        { inviteTokenHash: tokenHash, inviteIssuedAt: tokenHash ? new Date() : null },
      );
  }

  async findByInviteHash(tokenHash: Buffer): Promise<InviteOwner | null> {
    // Raw SQL: on every request of a manager (deadline rush), one indexed look-up.
    const rows = await hotQuery<{
      id: string;
      event_id: string;
      cluster_id: string;
      invite_token_hash: Buffer;
    }>(
      this.db,
      'find-by-invite-hash',
      'SELECT id, event_id, cluster_id, invite_token_hash FROM participation WHERE invite_token_hash = $1',
      [tokenHash],
    );
    const [row] = rows;
    if (!row) return null;
    return {
      participantId: row.id,
      eventId: row.event_id,
      clusterId: row.cluster_id,
      tokenHash: row.invite_token_hash,
    };
  }
}

interface ReplaceRow {
  /** The list's version in the statement's snapshot. */
  seen: number;
  /** The new version; null when nothing was written (stale If-Match or context, or a concurrent replacement). */
  version: number | null;
  /** The event's context revision in the statement's snapshot. */
  revision: string;
}

/**
 * The whole replacement in one statement, hence one transaction, one round trip: the version moves
 * on, the old list goes, the new one is inserted whole — or nothing at all. The UPDATE takes the row
 * lock FOR NO KEY UPDATE (not FOR UPDATE: wishes inserted by two managers at once reference each
 * other's participation, and the foreign key's FOR KEY SHARE would block FOR UPDATE both ways — a
 * deadlock), and only when the version is still the one of the statement's snapshot: if another
 * replacement committed after the snapshot, the DELETE would not see its wishes, so nothing is
 * written (`version` null) and the caller runs the statement again with a fresh snapshot. The INSERT
 * waits for the DELETE (its uncorrelated sub-query is evaluated first), so that a rank or a partner
 * kept from the old list is no duplicate; a named cluster that does not take part joins to NULL
 * and violates NOT NULL, which cancels the statement. With a context revision ($6), nothing is
 * written either unless it is still the event's: the list was validated against that context.
 * With an invite token hash ($7), only while it is still the participant's (not revoked).
 * The event row is read FOR SHARE, before the participation is locked (`seen` waits for it): a
 * change of the context (closing the wish list, say) that commits after this statement's snapshot
 * is then seen, and one under way waits until the list is written. A plain read would compare with
 * the revision of the snapshot, and a list held back by another writer of it could land after the
 * organiser was told the list was closed.
 */
const REPLACE_WISHES = `
  WITH context AS (
    SELECT context_revision FROM event WHERE id = $1 FOR SHARE
  ), seen AS (
    SELECT id, version FROM participation
    WHERE event_id = $1 AND cluster_id = $2 AND ($7::bytea IS NULL OR invite_token_hash = $7::bytea)
      AND EXISTS (SELECT 1 FROM context)
  ), bumped AS (
    UPDATE participation p SET version = p.version + 1
    FROM seen s
    WHERE p.id = s.id AND p.version = s.version AND ($3::int IS NULL OR s.version = $3)
      AND ($6::bigint IS NULL OR (SELECT context_revision FROM context) = $6::bigint)
    RETURNING p.id, p.version
  ), removed AS (
    DELETE FROM wish w USING bumped b WHERE w.participation_id = b.id RETURNING 1
  ), added AS (
    INSERT INTO wish (participation_id, to_participation_id, rank)
    SELECT b.id, t.id, x.rank
    FROM bumped b
    CROSS JOIN unnest($4::varchar[], $5::int[]) AS x(cluster_id, rank)
    LEFT JOIN participation t ON t.event_id = $1 AND t.cluster_id = x.cluster_id
    WHERE (SELECT count(*) FROM removed) >= 0
    RETURNING 1
  )
  SELECT s.version AS seen, (SELECT version FROM bumped) AS version,
         (SELECT context_revision::text FROM context) AS revision
  FROM seen s`;

function participantNotFound(clusterId: string): DomainError {
  return new DomainError(
    'PARTICIPANT_NOT_FOUND',
    `Cluster ${JSON.stringify(clusterId)} does not take part in this event.`,
  );
}

/**
 * Locks a participation row; VERSION_MISMATCH when `expectedVersion` is given and stale.
 * FOR NO KEY UPDATE, not FOR UPDATE: the wishes inserted by two managers at once reference each
 * other's participation (a foreign key takes FOR KEY SHARE on it), which FOR UPDATE would block
 * both ways — a deadlock.
 */
async function lockParticipation(
  manager: EntityManager,
  eventId: string,
  clusterId: string,
  expectedVersion?: number,
): Promise<ParticipationEntity> {
  const participation = await manager
    .getRepository(ParticipationEntity)
    .createQueryBuilder('p')
    .setLock('for_no_key_update')
    .where('p.event_id = :eventId AND p.cluster_id = :clusterId', { eventId, clusterId })
    .getOne();
  if (!participation) {
    throw new DomainError(
      'PARTICIPANT_NOT_FOUND',
      `Cluster ${JSON.stringify(clusterId)} does not take part in this event.`,
    );
  }
  if (expectedVersion !== undefined && participation.version !== expectedVersion) {
    throw new DomainError(
      'VERSION_MISMATCH',
      `The list changed meanwhile: version ${participation.version}, not ${expectedVersion}. Reload and try again.`,
    );
  }
  return participation;
}
