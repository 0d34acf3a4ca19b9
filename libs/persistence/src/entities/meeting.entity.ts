import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'meeting' })
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'schedule_version_id', type: 'uuid' })
  scheduleVersionId: string;

  @Column({ type: 'int' })
  slot: number;

  @Column({ name: 'table_number', type: 'int' })
  tableNumber: number;

  @Column({ name: 'first_cluster', type: 'varchar', length: 64 })
  firstCluster: string;

  @Column({ name: 'second_cluster', type: 'varchar', length: 64 })
  secondCluster: string;
}
