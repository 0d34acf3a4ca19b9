import type {
  DirectoryCluster,
  EventRecord,
  EventStatus,
  Organiser,
  Participant,
  ScheduleState,
  ScheduleVersion,
} from '@app/core';
import { EVENT_SETTINGS_KEYS } from '@app/scheduling';
import type { Cluster, EventSettings, FixedMeeting, TimeWindow } from '@app/scheduling';
import type {
  ClusterEntity,
  EventEntity,
  OrganiserEntity,
  ParticipationEntity,
  ScheduleVersionEntity,
} from './entities';

/** Static entity ↔ domain mappers. jsonb does not keep key order: documents are rebuilt in file order. */
export class Mappers {
  static organiser(entity: OrganiserEntity): Organiser {
    return { id: entity.id, email: entity.email, createdAt: entity.createdAt };
  }

  static cluster(entity: ClusterEntity): DirectoryCluster {
    return {
      id: entity.id,
      name: entity.name,
      region: entity.region,
      kind: entity.kind,
      contactEmail: entity.contactEmail,
    };
  }

  static event(entity: EventEntity, participantCount: number): EventRecord {
    return {
      id: entity.id,
      status: entity.status as EventStatus,
      settings: Mappers.settings(entity.settings),
      fixed: Mappers.fixed(entity.fixed),
      publishedVersion: entity.publishedVersion,
      participantCount,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
    };
  }

  static participant(entity: ParticipationEntity): Participant {
    if (!entity.cluster) throw new Error('participation loaded without its cluster');
    return {
      id: entity.id,
      eventId: entity.eventId,
      cluster: Mappers.cluster(entity.cluster),
      position: entity.position,
      availability: entity.availability ? Mappers.windows(entity.availability) : null,
      version: entity.version,
      inviteIssuedAt: entity.inviteIssuedAt,
    };
  }

  /** A participation as a cluster of the event file. */
  static fileCluster(entity: ParticipationEntity): Cluster {
    if (!entity.cluster) throw new Error('participation loaded without its cluster');
    const cluster: Cluster = { id: entity.cluster.id, name: entity.cluster.name };
    if (entity.cluster.region !== null) cluster.region = entity.cluster.region;
    if (entity.cluster.kind !== null) cluster.kind = entity.cluster.kind;
    if (entity.availability) cluster.availability = Mappers.windows(entity.availability);
    return cluster;
  }

  static scheduleVersion(entity: ScheduleVersionEntity): ScheduleVersion {
    return {
      eventId: entity.eventId,
      version: entity.version,
      state: entity.state as ScheduleState,
      progress: entity.progress,
      message: entity.message,
      failureReason: entity.failureReason,
      jobId: entity.jobId,
      attempts: entity.attempts,
      stats: entity.stats,
      createdAt: entity.createdAt,
      startedAt: entity.startedAt,
      finishedAt: entity.finishedAt,
    };
  }

  static settings(stored: EventSettings): EventSettings {
    const settings: Record<string, unknown> = {};
    for (const key of EVENT_SETTINGS_KEYS) {
      if (stored[key] === undefined) continue;
      settings[key] = key === 'sessions' ? Mappers.windows(stored.sessions) : stored[key];
    }
    return settings as unknown as EventSettings;
  }

  static windows(windows: TimeWindow[]): TimeWindow[] {
    return windows.map((w) => ({ start: w.start, end: w.end }));
  }

  static fixed(fixed: FixedMeeting[]): FixedMeeting[] {
    return fixed.map((f) => {
      const meeting: FixedMeeting = { clusters: [f.clusters[0], f.clusters[1]] };
      if (f.slot !== undefined) meeting.slot = f.slot;
      if (f.table !== undefined) meeting.table = f.table;
      return meeting;
    });
  }
}
