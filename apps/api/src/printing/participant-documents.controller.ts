import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor, PRINT_MEDIA_TYPES, PrintingService, type PrintKind } from '@app/core';
import type { Response } from 'express';
import { CurrentActor, ManagerAllowed } from '../auth/decorators';
import { EventIdPipe } from '../controllers/events.controller';
import { ApiDownload, download, versionQuery } from './download';

const VERSION_QUERY = {
  name: 'version',
  required: false,
  description:
    'Organisers: a done version (default: the published one, else the latest done). Managers: only the published one',
} as const;

/**
 * One cluster's documents: its agenda (PDF, HTML) and calendar. Its manager (invite link) may
 * download them once the event is published (the published version only); organisers any time.
 */
@ApiTags('printing')
@ApiBearerAuth()
@Controller('events/:id/participants/:clusterId')
export class ParticipantDocumentsController {
  constructor(private readonly printing: PrintingService) {}

  @Get('agenda.pdf')
  @ManagerAllowed()
  @ApiOperation({ summary: "The cluster's agenda: PDF, one A4 page (managers: once published)" })
  @ApiDownload(PRINT_MEDIA_TYPES['agendas-pdf'], 'The agenda')
  @ApiQuery(VERSION_QUERY)
  agendaPdf(
    @CurrentActor() actor: Actor,
    @Param('id', EventIdPipe) id: string,
    @Param('clusterId') clusterId: string,
    @Query('version') version: string | undefined,
    @Query('lang') lang: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return this.send(actor, id, response, { kind: 'agendas-pdf', clusterId, version, lang });
  }

  @Get(['calendar.ics', 'agenda.ics'])
  @ManagerAllowed()
  @ApiOperation({
    summary: "The cluster's meetings as an iCalendar file (managers: once published); agenda.ics is an alias",
  })
  @ApiDownload(PRINT_MEDIA_TYPES['calendar-ics'], 'The calendar')
  @ApiQuery(VERSION_QUERY)
  calendarIcs(
    @CurrentActor() actor: Actor,
    @Param('id', EventIdPipe) id: string,
    @Param('clusterId') clusterId: string,
    @Query('version') version: string | undefined,
    @Query('lang') lang: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return this.send(actor, id, response, { kind: 'calendar-ics', clusterId, version, lang });
  }

  @Get('agenda.html')
  @ManagerAllowed()
  @ApiOperation({ summary: "The cluster's agenda as a printable HTML page (managers: once published)" })
  @ApiDownload(PRINT_MEDIA_TYPES['agenda-html'], 'The agenda page')
  @ApiQuery(VERSION_QUERY)
  agendaHtml(
    @CurrentActor() actor: Actor,
    @Param('id', EventIdPipe) id: string,
    @Param('clusterId') clusterId: string,
    @Query('version') version: string | undefined,
    @Query('lang') lang: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return this.send(actor, id, response, { kind: 'agenda-html', clusterId, version, lang });
  }

  private async send(
    actor: Actor,
    eventId: string,
    response: Response,
    query: { kind: PrintKind; clusterId: string; version?: string; lang?: string },
  ): Promise<StreamableFile> {
    const document = await this.printing.render(
      actor,
      eventId,
      { ...query, version: versionQuery(query.version) },
      true,
    );
    return download(response, document);
  }
}
