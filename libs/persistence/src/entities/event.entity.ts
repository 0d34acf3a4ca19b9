import type { EventSettings, FixedMeeting } from '@app/scheduling';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'event' })
export class EventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ type: 'jsonb' })
  settings: EventSettings;

  @Column({ type: 'jsonb' })
  fixed: FixedMeeting[];

  @Column({ name: 'published_version', type: 'int', nullable: true })
  publishedVersion: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
