import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, EventService, eventNotFound } from '@app/core';
import { CurrentActor, ManagerAllowed } from '../auth/decorators';
import { EventFileDoc, EventSettingsDoc, FixedDoc } from '../dto/docs.dto';
import { ChangeStatusDto } from '../dto/status.dto';

/** `:id` must be a UUID; anything else is an unknown event (404). */
export const EventIdPipe = new ParseUUIDPipe({ exceptionFactory: () => eventNotFound('(not a UUID)') });

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventService) {}

  @Post()
  @ApiOperation({ summary: 'Create an event (status draft) from its settings' })
  @ApiBody({ type: EventSettingsDoc })
  create(@Body() body: unknown) {
    return this.events.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'List the events, newest first' })
  list(@CurrentActor() actor: Actor) {
    return this.events.list(actor);
  }

  @Post('import')
  @ApiOperation({
    summary:
      'Import an interclustering-event/1 file: event, clusters, wishes and exclusions in one transaction',
  })
  @ApiBody({ type: EventFileDoc })
  async import(@Body() body: unknown): Promise<{ id: string }> {
    return { id: await this.events.importEvent(body) };
  }

  @Get(':id')
  @ManagerAllowed()
  @ApiOperation({ summary: 'Read an event (managers: their own event)' })
  get(@CurrentActor() actor: Actor, @Param('id', EventIdPipe) id: string) {
    return this.events.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change some settings (refused once a schedule is published, unless re-opened)' })
  @ApiBody({ type: EventSettingsDoc })
  update(@Param('id', EventIdPipe) id: string, @Body() body: unknown) {
    return this.events.update(id, body);
  }

  @Put(':id/fixed')
  @ApiOperation({ summary: 'Replace the fixed meetings' })
  @ApiBody({ type: FixedDoc })
  replaceFixed(@Param('id', EventIdPipe) id: string, @Body() body: { fixed?: unknown }) {
    return this.events.replaceFixed(id, body?.fixed);
  }

  @Post(':id/status')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change the status: draft → open → closed; re-open (closed/scheduled/published → open)',
  })
  changeStatus(@Param('id', EventIdPipe) id: string, @Body() body: ChangeStatusDto) {
    return this.events.changeStatus(id, body.status);
  }

  @Get(':id/export')
  @ApiOperation({ summary: 'The event as an interclustering-event/1 file' })
  export(@Param('id', EventIdPipe) id: string) {
    return this.events.exportEvent(id);
  }
}
