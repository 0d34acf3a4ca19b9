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
} from '@app/core';
import type { TimeWindow } from '@app/scheduling';
import { DataSource, EntityManager, In } from 'typeorm';
import { ClusterEntity, EventEntity, ParticipationEntity } from '../entities';
import { Mappers } from '../mappers';
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
    return this.db.transaction('REPEATABLE READ', async (manager) => {
      const participation = await manager
        .getRepository(ParticipationEntity)
        .findOneBy({ eventId, clusterId });
      if (!participation) return null;
      const rows: { to: string; rank: number }[] = await manager.query(
        `SELECT p.cluster_id AS "to", w.rank FROM wish w JOIN participation p ON p.id = w.to_participation_id
         WHERE w.participation_id = $1 ORDER BY w.rank`,
        [participation.id],
      );
      return {
        wishes: rows.map((r) => ({ to: r.to, rank: Number(r.rank) })),
        version: participation.version,
      };
    });
  }

  async replaceWishes(
    eventId: string,
    clusterId: string,
    wishes: WishInput[],
    expectedVersion?: number,
  ): Promise<number> {
    // Few round trips, one transaction: the version moves on (row lock FOR NO KEY UPDATE, taken by
    // the UPDATE), the old list goes, the new one is inserted whole; any error rolls all back.
    return this.db.transaction(async (manager) => {
      // (TypeORM answers an UPDATE … RETURNING with [rows, affected count].)
      const [[bumped]]: [{ id: string; version: number }[], number] = await manager.query(
        `UPDATE participation SET version = version + 1
         WHERE event_id = $1 AND cluster_id = $2 AND ($3::int IS NULL OR version = $3)
         RETURNING id, version`,
        [eventId, clusterId, expectedVersion ?? null],
      );
      if (!bumped) {
        // Tells "not taking part" from "stale version" (and throws).
        await lockParticipation(manager, eventId, clusterId, expectedVersion);
        throw new Error('unreachable: the participation exists with the expected version');
      }
      await manager.query('DELETE FROM wish WHERE participation_id = $1', [bumped.id]);
      if (wishes.length > 0) {
        const inserted: { to: string }[] = await manager.query(
          `INSERT INTO wish (participation_id, to_participation_id, rank)
           SELECT $1::uuid, p.id, x.rank
           FROM unnest($3::varchar[], $4::int[]) AS x(cluster_id, rank)
           JOIN participation p ON p.event_id = $2 AND p.cluster_id = x.cluster_id
           RETURNING to_participation_id AS "to"`,
          [bumped.id, eventId, wishes.map((w) => w.to), wishes.map((w) => w.rank)],
        );
        if (inserted.length !== wishes.length) {
          const present = await manager.getRepository(ParticipationEntity).find({
            where: { eventId, clusterId: In(wishes.map((w) => w.to)) },
            select: { clusterId: true },
          });
          const known = new Set(present.map((p) => p.clusterId));
          throw new DomainError(
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
      }
      return bumped.version;
    });
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
    const entity = await this.db.getRepository(ParticipationEntity).findOneBy({ inviteTokenHash: tokenHash });
    if (!entity || !entity.inviteTokenHash) return null;
    return {
      participantId: entity.id,
      eventId: entity.eventId,
      clusterId: entity.clusterId,
      tokenHash: entity.inviteTokenHash,
    };
  }
}

async function lockEvent(manager: EntityManager, eventId: string): Promise<EventEntity> {
  const event = await manager
    .getRepository(EventEntity)
    .createQueryBuilder('e')
    .setLock('pessimistic_write')
    .where('e.id = :eventId', { eventId })
    .getOne();
  if (!event) throw new DomainError('EVENT_NOT_FOUND', `Event ${eventId} not found.`);
  return event;
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
