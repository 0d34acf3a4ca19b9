import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/*
 * Shapes for the OpenAPI document only. Bodies that carry event-file content are validated by the
 * rules of libs/scheduling (one place), not by class-validator.
 */

export class TimeWindowDoc {
  @ApiProperty({ example: '14:00' }) start: string;
  @ApiProperty({ example: '17:30' }) end: string;
}

export class EventSettingsDoc {
  @ApiProperty({ example: 'Journée Interclustering — Clermont-Ferrand' }) name: string;
  @ApiPropertyOptional() venue?: string;
  @ApiProperty({ example: '2015-07-09' }) date: string;
  @ApiPropertyOptional({ example: 'Europe/Paris' }) timezone?: string;
  @ApiProperty({ type: [TimeWindowDoc] }) sessions: TimeWindowDoc[];
  @ApiProperty({ example: 20 }) meetingMinutes: number;
  @ApiPropertyOptional({ example: 5 }) changeoverMinutes?: number;
  @ApiProperty({ example: 20 }) tables: number;
  @ApiPropertyOptional({ example: 3 }) maxMeetingsPerCluster?: number;
  @ApiPropertyOptional({ example: 5 }) maxWishesPerCluster?: number;
  @ApiPropertyOptional({ enum: ['any', 'cross-region'] }) pairing?: string;
}

export class EventFileDoc {
  @ApiProperty({ example: 'interclustering-event/1' }) format: string;
  @ApiProperty({ type: EventSettingsDoc }) event: EventSettingsDoc;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) clusters: object[];
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } }) wishes?: object[];
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } }) avoid?: object[];
  @ApiPropertyOptional({ type: 'array', items: { type: 'array', items: { type: 'string' } } })
  alreadyMet?: string[][];
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } }) fixed?: object[];
}

export class ClusterDoc {
  @ApiPropertyOptional({ example: 'aei', description: 'Made from the name when absent' }) id?: string;
  @ApiProperty({ example: 'Auvergne Efficience Industrielle' }) name: string;
  @ApiPropertyOptional({ example: 'Auvergne' }) region?: string;
  @ApiPropertyOptional({ example: 'cluster' }) kind?: string;
  @ApiPropertyOptional({ example: 'contact@aei.example.org' }) contactEmail?: string;
}

export class RegisterClustersDoc {
  @ApiProperty({
    type: [ClusterDoc],
    description: '`{id}` of a directory cluster, or a cluster to find or create',
  })
  clusters: ClusterDoc[];
}

export class WishDoc {
  @ApiProperty({ example: 'mbi' }) to: string;
  @ApiProperty({ example: 1 }) rank: number;
}

export class WishListDoc {
  @ApiProperty({ type: [WishDoc] }) wishes: WishDoc[];
}

export class AvailabilityDoc {
  @ApiProperty({ type: [TimeWindowDoc], nullable: true, description: 'null: every slot' })
  availability: TimeWindowDoc[] | null;
}

export class FixedDoc {
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    example: [{ clusters: ['aei', 'mbi'], slot: 2, table: 7 }],
  })
  fixed: object[];
}
