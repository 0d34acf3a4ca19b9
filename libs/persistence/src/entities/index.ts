import { ClusterEntity } from './cluster.entity';
import { EventEntity } from './event.entity';
import { MeetingEntity } from './meeting.entity';
import { OrganiserEntity } from './organiser.entity';
import { PairExclusionEntity } from './pair-exclusion.entity';
import { ParticipationEntity } from './participation.entity';
import { ScheduleVersionEntity } from './schedule-version.entity';
import { UnmetWishEntity } from './unmet-wish.entity';
import { WishEntity } from './wish.entity';

export {
  ClusterEntity,
  EventEntity,
  MeetingEntity,
  OrganiserEntity,
  PairExclusionEntity,
  ParticipationEntity,
  ScheduleVersionEntity,
  UnmetWishEntity,
  WishEntity,
};

/** Every entity, listed explicitly (no globs). Internal to libs/persistence. */
export const ENTITIES = [
  OrganiserEntity,
  ClusterEntity,
  EventEntity,
  ParticipationEntity,
  WishEntity,
  PairExclusionEntity,
  ScheduleVersionEntity,
  MeetingEntity,
  UnmetWishEntity,
];
