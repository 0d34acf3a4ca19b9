import type { EventSettings, FixedMeeting, ScheduleStats, TimeWindow } from '@app/scheduling';
import type { EventStatus } from './event-status';

export interface Organiser {
  id: string;
  email: string;
  createdAt: Date;
}

/** A cluster of the directory: registered once, it takes part in many events. */
export interface DirectoryCluster {
  /** The id used in event files, `^[a-z0-9][a-z0-9-]{0,63}$`. */
  id: string;
  name: string;
  region: string | null;
  kind: string | null;
  contactEmail: string | null;
}

export interface EventRecord {
  id: string;
  status: EventStatus;
  settings: EventSettings;
  fixed: FixedMeeting[];
  publishedVersion: number | null;
  participantCount: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A cluster taking part in an event. */
export interface Participant {
  id: string;
  eventId: string;
  cluster: DirectoryCluster;
  /** Order of the cluster in the event file. */
  position: number;
  /** Null: available for every slot. */
  availability: TimeWindow[] | null;
  /** Bumped at each replacement of the wishes or the availability (the ETag of the wish list). */
  version: number;
  inviteIssuedAt: Date | null;
}

export interface WishInput {
  to: string;
  rank: number;
}

export interface WishList {
  wishes: WishInput[];
  version: number;
}

export type ScheduleState = 'queued' | 'running' | 'done' | 'failed';

export interface ScheduleVersion {
  eventId: string;
  version: number;
  state: ScheduleState;
  /** 0..1 */
  progress: number;
  message: string | null;
  /** Why the version failed, for people. */
  failureReason: string | null;
  jobId: string | null;
  attempts: number;
  stats: ScheduleStats | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** Who is asking: an organiser (JWT) or the manager of one participation (invite link). */
export type Actor =
  | { kind: 'organiser'; organiserId: string }
  | {
      kind: 'manager';
      eventId: string;
      clusterId: string;
      participantId: string;
      /**
       * Set when the invite token was recognised from this process's memory of tokens it verified
       * before, without reading it again: only for the wish-list replacement, whose writing statement
       * checks this hash (a revoked token writes nothing), and which verifies the token before any
       * refusal (WishService.replace).
       */
      rememberedTokenHash?: Buffer;
    };

export const SYSTEM_ACTOR: Actor = { kind: 'organiser', organiserId: 'system' };
