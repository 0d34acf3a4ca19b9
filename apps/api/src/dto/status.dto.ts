import { ApiProperty } from '@nestjs/swagger';
import { EVENT_STATUSES, type EventStatus } from '@app/core';
import { IsIn } from 'class-validator';

export class ChangeStatusDto {
  @ApiProperty({ enum: EVENT_STATUSES, example: 'open' })
  @IsIn([...EVENT_STATUSES], {
    message: `status must be one of ${EVENT_STATUSES.join(', ')}`,
    context: { allowed: [...EVENT_STATUSES] },
  })
  status: EventStatus;
}
