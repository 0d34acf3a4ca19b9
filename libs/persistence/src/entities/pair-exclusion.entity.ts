import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type PairKind = 'avoid' | 'already-met';

/** An `avoid` pair or an `alreadyMet` pair of an event, in file order. */
@Entity({ name: 'pair_exclusion' })
export class PairExclusionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: PairKind;

  @Column({ name: 'first_participation_id', type: 'uuid' })
  firstParticipationId: string;

  @Column({ name: 'second_participation_id', type: 'uuid' })
  secondParticipationId: string;

  @Column({ type: 'int' })
  position: number;
}
