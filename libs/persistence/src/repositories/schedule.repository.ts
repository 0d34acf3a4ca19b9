import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ClaimResult,
  DomainError,
  EventStatus,
  ScheduleRepository,
  ScheduleVersion,
  statusesScheduledWhenDone,
} from '@app/core';
import {
  SCHEDULE_FORMAT,
  deriveSlots,
  scheduleSlots,
  type EventFile,
  type ScheduleFile,
  type ScheduleStats,
  type UnmetReasonCode,
} from '@app/scheduling';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { EventEntity, MeetingEntity, ScheduleVersionEntity, UnmetWishEntity } from '../entities';
import { Mappers } from '../mappers';
import { findEventForUpdate, lockEvent } from './event-lock';
import { isUuid } from './event.repository';

@Injectable()
export class TypeOrmScheduleRepository extends ScheduleRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async createVersion(eventId: string, snapshot: EventFile): Promise<ScheduleVersion> {
    return this.db.transaction(async (manager) => {
      await lockEvent(manager, eventId);
      const [{ last }]: { last: number | null }[] = await manager.query(
        'SELECT max(version) AS last FROM schedule_version WHERE event_id = $1',
        [eventId],
      );
      const saved = await manager.getRepository(ScheduleVersionEntity).save({
        eventId,
        version: (last ?? 0) + 1,
        state: 'queued',
        progress: 0,
        message: 'queued',
        snapshot,
        attempts: 0,
      });
      return Mappers.scheduleVersion(saved);
    });
  }

  async setJobId(eventId: string, version: number, jobId: string): Promise<void> {
    await this.db.getRepository(ScheduleVersionEntity).update({ eventId, version }, { jobId });
  }

  async getVersion(eventId: string, version: number): Promise<ScheduleVersion | null> {
    if (!isUuid(eventId)) return null;
    const entity = await this.db.getRepository(ScheduleVersionEntity).findOne({
      where: { eventId, version },
      select: versionColumns(),
    });
    return entity ? Mappers.scheduleVersion(entity) : null;
  }

  async listVersions(eventId: string): Promise<ScheduleVersion[]> {
    if (!isUuid(eventId)) return [];
    const entities = await this.db.getRepository(ScheduleVersionEntity).find({
      where: { eventId },
      order: { version: 'ASC' },
      select: versionColumns(),
    });
    return entities.map(Mappers.scheduleVersion);
  }

  async claim(eventId: string, version: number): Promise<ClaimResult> {
    return this.db.transaction(async (manager) => {
      const row = await lockVersion(manager, eventId, version);
      if (!row)
        throw new DomainError(
          'SCHEDULE_NOT_FOUND',
          `Schedule version ${version} of event ${eventId} not found.`,
        );
      if (row.state === 'done' || row.state === 'failed') return { claimed: false, state: row.state };
      const attempts = row.attempts + 1;
      await manager.getRepository(ScheduleVersionEntity).update(
        { id: row.id },
        {
          state: 'running',
          attempts,
          startedAt: new Date(),
          progress: 0,
          message: 'starting',
          failureReason: null,
        },
      );
      return { claimed: true, snapshot: row.snapshot, attempts };
    });
  }

  async reportProgress(eventId: string, version: number, progress: number, message: string): Promise<void> {
    await this.db
      .createQueryBuilder()
      .update(ScheduleVersionEntity)
      .set({ progress: Math.max(0, Math.min(1, progress)), message: message.slice(0, 500) })
      .where('event_id = :eventId AND version = :version AND state = :state', {
        eventId,
        version,
        state: 'running',
      })
      .execute();
  }

  async complete(eventId: string, version: number, schedule: ScheduleFile): Promise<boolean> {
    return this.db.transaction(async (manager) => {
      const row = await lockVersion(manager, eventId, version);
      if (!row)
        throw new DomainError(
          'SCHEDULE_NOT_FOUND',
          `Schedule version ${version} of event ${eventId} not found.`,
        );
      if (row.state === 'done') return false;
      await manager.getRepository(MeetingEntity).delete({ scheduleVersionId: row.id });
      await manager.getRepository(UnmetWishEntity).delete({ scheduleVersionId: row.id });
      if (schedule.meetings.length > 0) {
        await manager.getRepository(MeetingEntity).insert(
          schedule.meetings.map((m) => ({
            scheduleVersionId: row.id,
            slot: m.slot,
            tableNumber: m.table,
            firstCluster: m.clusters[0],
            secondCluster: m.clusters[1],
          })),
        );
      }
      if (schedule.unmetWishes.length > 0) {
        await manager.getRepository(UnmetWishEntity).insert(
          schedule.unmetWishes.map((w, position) => ({
            scheduleVersionId: row.id,
            position,
            fromCluster: w.from,
            toCluster: w.to,
            rank: w.rank,
            reason: w.reason,
            code: w.code ?? null,
          })),
        );
      }
      await manager.getRepository(ScheduleVersionEntity).update(
        { id: row.id },
        {
          state: 'done',
          progress: 1,
          message: 'done',
          failureReason: null,
          stats: schedule.stats as QueryDeepPartialEntity<ScheduleStats>,
          finishedAt: new Date(),
        },
      );
      await manager
        .createQueryBuilder()
        .update(EventEntity)
        .set({ status: 'scheduled' })
        .where('id = :eventId AND status IN (:...from)', { eventId, from: statusesScheduledWhenDone() })
        .execute();
      return true;
    });
  }

  async fail(eventId: string, version: number, reason: string): Promise<void> {
    await this.db
      .createQueryBuilder()
      .update(ScheduleVersionEntity)
      .set({
        state: 'failed',
        failureReason: reason.slice(0, 2000),
        message: 'failed',
        finishedAt: new Date(),
      })
      .where('event_id = :eventId AND version = :version AND state <> :done', {
        eventId,
        version,
        done: 'done',
      })
      .execute();
  }

  async getSchedule(eventId: string, version: number): Promise<ScheduleFile | null> {
    if (!isUuid(eventId)) return null;
    return this.db.transaction('REPEATABLE READ', async (manager) => {
      const row = await manager.getRepository(ScheduleVersionEntity).findOneBy({ eventId, version });
      if (!row || row.state !== 'done') return null;
      const meetings = await manager
        .getRepository(MeetingEntity)
        .find({ where: { scheduleVersionId: row.id }, order: { slot: 'ASC', tableNumber: 'ASC' } });
      const unmet = await manager
        .getRepository(UnmetWishEntity)
        .find({ where: { scheduleVersionId: row.id }, order: { position: 'ASC' } });
      return {
        format: SCHEDULE_FORMAT,
        event: row.snapshot.event.name,
        slots: scheduleSlots(deriveSlots(row.snapshot.event)),
        meetings: meetings.map((m) => ({
          slot: m.slot,
          table: m.tableNumber,
          clusters: [m.firstCluster, m.secondCluster] as [string, string],
        })),
        unmetWishes: unmet.map((w) => ({
          from: w.fromCluster,
          to: w.toCluster,
          rank: w.rank,
          reason: w.reason,
          ...(w.code ? { code: w.code as UnmetReasonCode } : {}),
        })),
        stats: row.stats ?? {},
      };
    });
  }

  async getSnapshot(eventId: string, version: number): Promise<EventFile | null> {
    if (!isUuid(eventId)) return null;
    const row = await this.db
      .getRepository(ScheduleVersionEntity)
      .findOne({ where: { eventId, version }, select: { id: true, snapshot: true } });
    return row?.snapshot ?? null;
  }

  async latestDoneVersion(eventId: string): Promise<number | null> {
    if (!isUuid(eventId)) return null;
    const [{ last }]: { last: number | null }[] = await this.db.query(
      `SELECT max(version) AS last FROM schedule_version WHERE event_id = $1 AND state = 'done'`,
      [eventId],
    );
    return last;
  }

  async publish(eventId: string, version: number, fromStatuses: EventStatus[]): Promise<boolean> {
    return this.db.transaction(async (manager) => {
      const event = await findEventForUpdate(manager, eventId);
      if (!event || !fromStatuses.includes(event.status as EventStatus)) return false;
      const row = await manager.getRepository(ScheduleVersionEntity).findOne({
        where: { eventId, version },
        select: { id: true, state: true },
      });
      if (!row || row.state !== 'done') return false;
      await manager
        .getRepository(EventEntity)
        .update({ id: eventId }, { status: 'published', publishedVersion: version });
      return true;
    });
  }
}

async function lockVersion(
  manager: EntityManager,
  eventId: string,
  version: number,
): Promise<ScheduleVersionEntity | null> {
  return manager
    .getRepository(ScheduleVersionEntity)
    .createQueryBuilder('v')
    .setLock('pessimistic_write')
    .where('v.event_id = :eventId AND v.version = :version', { eventId, version })
    .getOne();
}

/** Every column but the (large) snapshot. */
function versionColumns() {
  return {
    id: true,
    eventId: true,
    version: true,
    state: true,
    progress: true,
    message: true,
    failureReason: true,
    jobId: true,
    attempts: true,
    stats: true,
    createdAt: true,
    startedAt: true,
    finishedAt: true,
  } as const;
}
