import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One ranked wish of a participation for another participation of the same event. */
@Entity({ name: 'wish' })
export class WishEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'participation_id', type: 'uuid' })
  participationId: string;

  @Column({ name: 'to_participation_id', type: 'uuid' })
  toParticipationId: string;

  @Column({ type: 'int' })
  rank: number;
}
