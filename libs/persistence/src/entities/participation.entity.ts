import type { TimeWindow } from '@app/scheduling';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ClusterEntity } from './cluster.entity';

/** A cluster taking part in an event: availability, wish-list version, invite. */
@Entity({ name: 'participation' })
export class ParticipationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'cluster_id', type: 'varchar', length: 64 })
  clusterId: string;

  @ManyToOne(() => ClusterEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cluster_id' })
  cluster?: ClusterEntity;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'jsonb', nullable: true })
  availability: TimeWindow[] | null;

  @Column({ type: 'int', default: 0 })
  version: number;

  @Column({ name: 'invite_token_hash', type: 'bytea', nullable: true })
  inviteTokenHash: Buffer | null;

  @Column({ name: 'invite_issued_at', type: 'timestamptz', nullable: true })
  inviteIssuedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
