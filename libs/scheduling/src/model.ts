/**
 * The exchange formats of ../../shared/docs/event-format.md as TypeScript types.
 * `EventFile` is what the parser returns: defaults filled in, arrays always present.
 */

import type { ValidationCode, ValidationParams } from './validation-codes';

export const EVENT_FORMAT = 'interclustering-event/1' as const;
export const SCHEDULE_FORMAT = 'interclustering-schedule/1' as const;

/** Local wall-clock time `HH:MM` (24 h) in the event's time zone. */
export type ClockTime = string;

export interface TimeWindow {
  start: ClockTime;
  end: ClockTime;
}

export type PairingPolicy = 'any' | 'cross-region';

export interface EventSettings {
  name: string;
  venue?: string;
  /** `YYYY-MM-DD` */
  date: string;
  /** IANA zone name, default `Europe/Paris`. */
  timezone: string;
  sessions: TimeWindow[];
  meetingMinutes: number;
  changeoverMinutes: number;
  tables: number;
  maxMeetingsPerCluster: number;
  maxWishesPerCluster: number;
  pairing: PairingPolicy;
}

export interface Cluster {
  id: string;
  name: string;
  region?: string;
  kind?: string;
  /** Absent: available for every slot of the event. */
  availability?: TimeWindow[];
}

export interface Wish {
  from: string;
  to: string;
  /** 1 = most wanted. Weighs maxWishesPerCluster − rank + 1. */
  rank: number;
}

export interface AvoidPair {
  from: string;
  to: string;
}

export interface FixedMeeting {
  clusters: [string, string];
  /** 0-based slot index; when given, the meeting must be exactly there. */
  slot?: number;
  /** 1-based table number; when given, the meeting must be exactly there. */
  table?: number;
}

export interface EventFile {
  format: typeof EVENT_FORMAT;
  event: EventSettings;
  clusters: Cluster[];
  wishes: Wish[];
  avoid: AvoidPair[];
  alreadyMet: [string, string][];
  fixed: FixedMeeting[];
}

export interface Slot {
  /** 0-based, across all sessions in order. */
  index: number;
  start: ClockTime;
  end: ClockTime;
  /** 0-based index of the session the slot belongs to (not part of the schedule file). */
  session?: number;
}

export interface Meeting {
  slot: number;
  /** 1..tables */
  table: number;
  clusters: [string, string];
}

/** Why a wish is not met; `code` is stable (for translations), `reason` is for people (English). */
export type UnmetReasonCode =
  | 'excluded-avoid'
  | 'excluded-already-met'
  | 'excluded-same-region'
  | 'no-common-slot'
  | 'wisher-at-cap'
  | 'partner-at-cap'
  | 'both-at-cap'
  | 'no-table-capacity'
  | 'not-placeable'
  | 'unknown-cluster';

export interface UnmetWish {
  from: string;
  to: string;
  rank: number;
  reason: string;
  code?: UnmetReasonCode;
}

export interface QualityFigures {
  /** Clusters that made at least one wish and have at least one of their own wishes met. */
  servedClusters: number;
  /** Sum of the weights of all met wishes (a mutual wish counts from both sides). */
  wishScore: number;
  /** Available but empty slots between each cluster's first and last meeting, summed. */
  idleSlots: number;
}

export interface QualityBound {
  servedClusters: number;
  wishScore: number;
  /** `mip`: exact optimum of the pair choice; `lp`: its LP relaxation; `combinatorial`: a simple count. */
  source: 'mip' | 'lp' | 'combinatorial';
}

export interface ScheduleStats extends Partial<QualityFigures> {
  clusters?: number;
  wishes?: number;
  wishers?: number;
  meetings?: number;
  metWishes?: number;
  bound?: QualityBound;
  solveSeconds?: number;
  /** True when served clusters and wish score are proven equal to the bound. */
  optimal?: boolean;
  method?: string;
  [key: string]: unknown;
}

export interface ScheduleFile {
  format: typeof SCHEDULE_FORMAT;
  /** The event's name. */
  event: string;
  slots: Slot[];
  meetings: Meeting[];
  unmetWishes: UnmetWish[];
  stats: ScheduleStats;
}

/**
 * One problem found in a submitted document: where (`wishes[12].rank`) and what (`message`, English);
 * `code` and `params` say the same for translations (./validation-codes.ts).
 */
export interface ValidationIssue {
  path: string;
  message: string;
  code?: ValidationCode;
  params?: ValidationParams;
}
