import type {
  Cluster,
  EventFile,
  EventSettings,
  FixedMeeting,
  ScheduleFile,
  TimeWindow,
} from '@app/scheduling';
import type { EventStatus } from '../domain/event-status';
import type {
  DirectoryCluster,
  EventRecord,
  Organiser,
  Participant,
  ScheduleVersion,
  WishInput,
  WishList,
} from '../domain/model';

/*
 * Repository interfaces: abstract classes used as DI tokens, implemented in libs/persistence.
 * Methods that must be atomic are atomic inside the implementation (one transaction each).
 */

export abstract class OrganiserRepository {
  abstract count(): Promise<number>;
  abstract findByEmail(email: string): Promise<(Organiser & { passwordHash: string }) | null>;
  abstract findById(id: string): Promise<Organiser | null>;
  /** Throws ORGANISER_EXISTS when the email is taken. */
  abstract create(email: string, passwordHash: string): Promise<Organiser>;
}

export abstract class ClusterRepository {
  abstract list(): Promise<DirectoryCluster[]>;
  abstract get(id: string): Promise<DirectoryCluster | null>;
  abstract findByName(name: string): Promise<DirectoryCluster | null>;
  /** Throws CLUSTER_EXISTS when the id is taken. */
  abstract create(cluster: DirectoryCluster): Promise<DirectoryCluster>;
  abstract update(cluster: DirectoryCluster): Promise<DirectoryCluster>;
  /** Throws CLUSTER_IN_USE when the cluster takes part in an event. */
  abstract delete(id: string): Promise<void>;
}

export abstract class EventRepository {
  abstract create(settings: EventSettings): Promise<EventRecord>;
  abstract get(id: string): Promise<EventRecord | null>;
  abstract list(): Promise<EventRecord[]>;
  abstract updateSettings(id: string, settings: EventSettings, fixed: FixedMeeting[]): Promise<EventRecord>;
  /** Compare-and-set: false when the status is no longer `from`. */
  abstract changeStatus(id: string, from: EventStatus, to: EventStatus): Promise<boolean>;
  /**
   * Creates the event, upserts its clusters in the directory, its participations, wishes and
   * exclusions, all in one transaction. Returns the new event id.
   */
  abstract importEvent(file: EventFile): Promise<string>;
  /** The event as an event file (clusters in registration order, wishes by cluster then rank). */
  abstract loadEventFile(id: string): Promise<EventFile | null>;
  /**
   * The event's status, settings and context revision with all its participants as event-file
   * clusters, in registration order, in one query: what a wish list is validated against (kept in
   * memory by EventService). Null when there is no such event.
   */
  abstract wishListContext(id: string): Promise<WishListContext | null>;
  /** The event's current context revision (see WishListContext); null when there is no such event. */
  abstract contextRevision(id: string): Promise<string | null>;
}

export interface WishListContext {
  status: EventStatus;
  settings: EventSettings;
  /**
   * Moves on whenever the status, the settings or a participant (added, removed, its availability,
   * name, region or kind) changes: a copy of the context is current while its revision is.
   */
  revision: string;
  clusters: Cluster[];
}

/**
 * Thrown by ParticipantRepository.replaceWishes when the event's context revision is no longer the
 * one the list was validated against: nothing was written; validate again with a fresh context.
 */
export class WishListContextChanged extends Error {
  constructor(readonly eventId: string) {
    super(`The event ${eventId} changed while a wish list was being validated.`);
    this.name = 'WishListContextChanged';
  }
}

export interface InviteOwner {
  participantId: string;
  eventId: string;
  clusterId: string;
  tokenHash: Buffer;
}

export abstract class ParticipantRepository {
  abstract list(eventId: string): Promise<Participant[]>;
  abstract get(eventId: string, clusterId: string): Promise<Participant | null>;
  /**
   * Registers directory clusters in an event in one transaction: creates the directory entries of
   * `create` first; clusters already registered are returned in `skipped`.
   */
  abstract register(
    eventId: string,
    clusterIds: string[],
    create: DirectoryCluster[],
  ): Promise<{ registered: string[]; skipped: string[] }>;
  /** Removes the participation with its wishes, the wishes for it, its exclusions and fixed meetings. */
  abstract unregister(eventId: string, clusterId: string): Promise<void>;
  /** Throws VERSION_MISMATCH when `expectedVersion` is given and stale; returns the new version. */
  abstract setAvailability(
    eventId: string,
    clusterId: string,
    availability: TimeWindow[] | null,
    expectedVersion?: number,
  ): Promise<number>;
  abstract getWishes(eventId: string, clusterId: string): Promise<WishList | null>;
  /**
   * Replaces the whole wish list atomically (never half a list). Throws VERSION_MISMATCH when
   * `expectedVersion` is given and stale, WishListContextChanged when `contextRevision` is given and
   * is no longer the event's, PARTICIPANT_NOT_FOUND when there is no such participant or, with
   * `inviteTokenHash`, when its invite token is no longer that one (in all these cases nothing is
   * written); returns the new version.
   */
  abstract replaceWishes(
    eventId: string,
    clusterId: string,
    wishes: WishInput[],
    expectedVersion?: number,
    contextRevision?: string,
    inviteTokenHash?: Buffer,
  ): Promise<number>;
  abstract setInviteHash(participantId: string, tokenHash: Buffer | null): Promise<void>;
  abstract findByInviteHash(tokenHash: Buffer): Promise<InviteOwner | null>;
}

export type ClaimResult =
  | { claimed: true; snapshot: EventFile; attempts: number }
  | { claimed: false; state: ScheduleVersion['state'] };

export abstract class ScheduleRepository {
  /** Numbers the version (1, 2, …) per event under a lock on the event; state `queued`. */
  abstract createVersion(eventId: string, snapshot: EventFile): Promise<ScheduleVersion>;
  abstract setJobId(eventId: string, version: number, jobId: string): Promise<void>;
  abstract getVersion(eventId: string, version: number): Promise<ScheduleVersion | null>;
  abstract listVersions(eventId: string): Promise<ScheduleVersion[]>;
  /** Locks the version row; claims it (state `running`) unless it is already `done` or `failed`. */
  abstract claim(eventId: string, version: number): Promise<ClaimResult>;
  abstract reportProgress(eventId: string, version: number, progress: number, message: string): Promise<void>;
  /**
   * In one transaction, under a lock on the version: unless already `done`, writes the meetings,
   * unmet wishes and stats, marks the version `done`, and moves a `closed` event to `scheduled`.
   * Returns false when the version was already done (nothing written).
   */
  abstract complete(eventId: string, version: number, schedule: ScheduleFile): Promise<boolean>;
  /** Marks the version failed with a reason for people, unless it is done. */
  abstract fail(eventId: string, version: number, reason: string): Promise<void>;
  /** A done version as a schedule file. */
  abstract getSchedule(eventId: string, version: number): Promise<ScheduleFile | null>;
  /** The event file the version was solved from (its snapshot), whatever the version's state. */
  abstract getSnapshot(eventId: string, version: number): Promise<EventFile | null>;
  abstract latestDoneVersion(eventId: string): Promise<number | null>;
  /**
   * In one transaction: checks the version is done and the event in one of `fromStatuses`, then sets
   * the event's published version and status `published`. Returns false when the event's status changed.
   */
  abstract publish(eventId: string, version: number, fromStatuses: EventStatus[]): Promise<boolean>;
}

/** Liveness of the database, for /api/health. */
export abstract class DatabaseHealth {
  abstract check(): Promise<void>;
}
