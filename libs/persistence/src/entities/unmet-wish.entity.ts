import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'unmet_wish' })
export class UnmetWishEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'schedule_version_id', type: 'uuid' })
  scheduleVersionId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ name: 'from_cluster', type: 'varchar', length: 64 })
  fromCluster: string;

  @Column({ name: 'to_cluster', type: 'varchar', length: 64 })
  toCluster: string;

  @Column({ type: 'int' })
  rank: number;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  code: string | null;
}
