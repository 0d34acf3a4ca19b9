import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventRecord, EventRepository, EventStatus, type WishListContext } from '@app/core';
import {
  EVENT_FORMAT,
  type Cluster,
  type EventFile,
  type EventSettings,
  type FixedMeeting,
  type TimeWindow,
} from '@app/scheduling';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  ClusterEntity,
  EventEntity,
  PairExclusionEntity,
  ParticipationEntity,
  WishEntity,
} from '../entities';
import { Mappers } from '../mappers';
import { hotQuery } from './hot-query';

@Injectable()
export class TypeOrmEventRepository extends EventRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async create(settings: EventSettings): Promise<EventRecord> {
    const saved = await this.db
      .getRepository(EventEntity)
      .save({ status: 'draft', settings, fixed: [], publishedVersion: null });
    return (await this.get(saved.id)) as EventRecord;
  }

  async get(id: string): Promise<EventRecord | null> {
    if (!isUuid(id)) return null;
    const entity = await this.db.getRepository(EventEntity).findOneBy({ id });
    if (!entity) return null;
    const count = await this.db.getRepository(ParticipationEntity).countBy({ eventId: id });
    return Mappers.event(entity, count);
  }

  async list(): Promise<EventRecord[]> {
    const entities = await this.db
      .getRepository(EventEntity)
      .find({ order: { createdAt: 'DESC', id: 'ASC' } });
    const counts: { event_id: string; count: string }[] = await this.db.query(
      'SELECT event_id, count(*) AS count FROM participation GROUP BY event_id',
    );
    const byEvent = new Map(counts.map((row) => [row.event_id, Number(row.count)]));
    return entities.map((entity) => Mappers.event(entity, byEvent.get(entity.id) ?? 0));
  }

  async updateSettings(id: string, settings: EventSettings, fixed: FixedMeeting[]): Promise<EventRecord> {
    await this.db.getRepository(EventEntity).update({ id }, { settings, fixed });
    return (await this.get(id)) as EventRecord;
  }

  async changeStatus(id: string, from: EventStatus, to: EventStatus): Promise<boolean> {
    const result = await this.db
      .createQueryBuilder()
      .update(EventEntity)
      .set({ status: to })
      .where('id = :id AND status = :from', { id, from })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async importEvent(file: EventFile): Promise<string> {
    return this.db.transaction(async (manager) => {
      const event = await manager.getRepository(EventEntity).save({
        status: 'draft',
        settings: file.event,
        fixed: file.fixed,
        publishedVersion: null,
      });
      await upsertClusters(
        manager,
        file.clusters.map((c) => ({
          id: c.id,
          name: c.name,
          region: c.region ?? null,
          kind: c.kind ?? null,
        })),
      );
      const participations = await manager.getRepository(ParticipationEntity).save(
        file.clusters.map((cluster, position) => ({
          eventId: event.id,
          clusterId: cluster.id,
          position,
          availability: cluster.availability ?? null,
          version: 0,
          inviteTokenHash: null,
          inviteIssuedAt: null,
        })),
        { chunk: 500 },
      );
      const idOf = new Map(participations.map((p) => [p.clusterId, p.id]));
      const wishes = file.wishes.map((w) => ({
        participationId: idOf.get(w.from) as string,
        toParticipationId: idOf.get(w.to) as string,
        rank: w.rank,
      }));
      if (wishes.length > 0) await manager.getRepository(WishEntity).insert(wishes);
      const pairs = [
        ...file.avoid.map((p, position) => ({ kind: 'avoid' as const, a: p.from, b: p.to, position })),
        ...file.alreadyMet.map(([a, b], position) => ({ kind: 'already-met' as const, a, b, position })),
      ].map((p) => ({
        eventId: event.id,
        kind: p.kind,
        firstParticipationId: idOf.get(p.a) as string,
        secondParticipationId: idOf.get(p.b) as string,
        position: p.position,
      }));
      if (pairs.length > 0) await manager.getRepository(PairExclusionEntity).insert(pairs);
      return event.id;
    });
  }

  async loadEventFile(id: string): Promise<EventFile | null> {
    if (!isUuid(id)) return null;
    return this.db.transaction('REPEATABLE READ', async (manager) => {
      const event = await manager.getRepository(EventEntity).findOneBy({ id });
      if (!event) return null;
      const participations = await manager.getRepository(ParticipationEntity).find({
        where: { eventId: id },
        relations: { cluster: true },
        order: { position: 'ASC' },
      });
      const clusterOf = new Map(participations.map((p) => [p.id, p.clusterId]));
      const positionOf = new Map(participations.map((p) => [p.id, p.position]));
      const ids = participations.map((p) => p.id);
      const wishes =
        ids.length === 0 ? [] : await manager.getRepository(WishEntity).findBy({ participationId: In(ids) });
      wishes.sort(
        (a, b) =>
          (positionOf.get(a.participationId) as number) - (positionOf.get(b.participationId) as number) ||
          a.rank - b.rank,
      );
      const pairs = await manager
        .getRepository(PairExclusionEntity)
        .find({ where: { eventId: id }, order: { kind: 'ASC', position: 'ASC' } });
      const settings = Mappers.settings(event.settings);
      return {
        format: EVENT_FORMAT,
        event: settings,
        clusters: participations.map(Mappers.fileCluster),
        wishes: wishes.map((w) => ({
          from: clusterOf.get(w.participationId) as string,
          to: clusterOf.get(w.toParticipationId) as string,
          rank: w.rank,
        })),
        avoid: pairs
          .filter((p) => p.kind === 'avoid')
          .map((p) => ({
            from: clusterOf.get(p.firstParticipationId) as string,
            to: clusterOf.get(p.secondParticipationId) as string,
          })),
        alreadyMet: pairs
          .filter((p) => p.kind === 'already-met')
          .map(
            (p) =>
              [clusterOf.get(p.firstParticipationId), clusterOf.get(p.secondParticipationId)] as [
                string,
                string,
              ],
          ),
        fixed: Mappers.fixed(event.fixed),
      };
    });
  }

  async wishListContext(id: string): Promise<WishListContext | null> {
    if (!isUuid(id)) return null;
    // One round trip: the event's status, settings and context revision with all its participants as
    // one JSON array. One statement, one snapshot: the revision is that of exactly these data.
    const rows = await hotQuery<{
      status: EventStatus;
      settings: EventSettings;
      revision: string;
      clusters: ClusterRow[];
    }>(
      this.db,
      'wish-list-context',
      `SELECT e.status, e.settings, e.context_revision::text AS revision, COALESCE((
         SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'region', c.region, 'kind', c.kind,
                                           'availability', p.availability) ORDER BY p.position)
         FROM participation p JOIN cluster c ON c.id = p.cluster_id
         WHERE p.event_id = e.id
       ), '[]'::json) AS clusters
       FROM event e WHERE e.id = $1`,
      [id],
    );
    const [row] = rows;
    if (!row) return null;
    return {
      status: row.status,
      settings: Mappers.settings(row.settings),
      revision: row.revision,
      clusters: row.clusters.map((c) => {
        const cluster: Cluster = { id: c.id, name: c.name };
        if (c.region !== null) cluster.region = c.region;
        if (c.kind !== null) cluster.kind = c.kind;
        if (c.availability) cluster.availability = Mappers.windows(c.availability);
        return cluster;
      }),
    };
  }

  async contextRevision(id: string): Promise<string | null> {
    if (!isUuid(id)) return null;
    const [row] = await hotQuery<{ revision: string }>(
      this.db,
      'context-revision',
      'SELECT context_revision::text AS revision FROM event WHERE id = $1',
      [id],
    );
    return row ? row.revision : null;
  }
}

interface ClusterRow {
  id: string;
  name: string;
  region: string | null;
  kind: string | null;
  availability: TimeWindow[] | null;
}

/** Inserts the clusters missing from the directory and updates the others (name, region, kind). */
export async function upsertClusters(
  manager: EntityManager,
  clusters: Pick<ClusterEntity, 'id' | 'name' | 'region' | 'kind'>[],
): Promise<void> {
  if (clusters.length === 0) return;
  await manager
    .createQueryBuilder()
    .insert()
    .into(ClusterEntity)
    .values(clusters)
    .orUpdate(['name', 'region', 'kind', 'updated_at'], ['id'])
    .execute();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
