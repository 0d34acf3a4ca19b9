import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor, PRINT_MEDIA_TYPES, PrintingService, type PrintKind } from '@app/core';
import type { Response } from 'express';
import { CurrentActor } from '../auth/decorators';
import { EventIdPipe } from '../controllers/events.controller';
import { ApiDownload, download, versionQuery } from './download';

const VERSION_QUERY = {
  name: 'version',
  required: false,
  description: 'A done schedule version (default: the latest done one)',
} as const;
const CLUSTER_QUERY = {
  name: 'cluster',
  required: false,
  description: "One cluster's agenda (its id); default: every cluster, one page each",
} as const;

/** The organiser's printed documents and exports of a schedule version (libs/printing). */
@ApiTags('printing')
@ApiBearerAuth()
@Controller('events/:id/print')
export class PrintingController {
  constructor(private readonly printing: PrintingService) {}

  @Get('agendas.pdf')
  @ApiOperation({ summary: 'Per-cluster agendas: PDF, A4, one page per cluster (or one cluster)' })
  @ApiDownload(PRINT_MEDIA_TYPES['agendas-pdf'], 'The agendas')
  @ApiQuery(VERSION_QUERY)
  @ApiQuery(CLUSTER_QUERY)
  agendasPdf(
    @CurrentActor() actor: Actor,
    @Param('id', EventIdPipe) id: string,
    @Query('version') version: string | undefined,
    @Query('lang') lang: string | undefined,
    @Query('cluster') cluster: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return this.send(actor, id, response, { kind: 'agendas-pdf', version, lang, clusterId: cluster });
  }

  @Get('grid.pdf')
  @ApiOperation({ summary: 'Master grid: PDF, A3 landscape (or A4), slots × tables' })
  @ApiDownload(PRINT_MEDIA_TYPES['grid-pdf'], 'The master grid')
  @ApiQuery(VERSION_QUERY)
  @ApiQuery({ name: 'paper', required: false, enum: ['a3', 'a4'], description: 'Paper (default a3)' })
  gridPdf(
    @CurrentActor() actor: Actor,
    @Param('id', EventIdPipe) id: string,
    @Query('version') version: string | undefined,
    @Query('lang') lang: string | undefined,
    @Query('paper') paper: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return this.send(actor, id, response, { kind: 'grid-pdf', version, lang, paper });
  }

  @Get('tables.pdf')
  @ApiOperation({ summary: "Table cards: PDF, A4, one page per table with each slot's pair" })
  @ApiDownload(PRINT_MEDIA_TYPES['tables-pdf'], 'The table cards')
  @ApiQuery(VERSION_QUERY)
  tablesPdf(
    @CurrentActor() actor: Actor,
    @Param('id', EventIdPipe) id: string,
    @Query('version') version: string | undefined,
    @Query('lang') lang: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return this.send(actor, id, response, { kind: 'tables-pdf', version, lang });
  }

  @Get('meetings.csv')
  @ApiOperation({ summary: 'Every meeting as CSV (UTF-8 with BOM, `;`, CRLF) for spreadsheets' })
  @ApiDownload(PRINT_MEDIA_TYPES['meetings-csv'], 'The meetings')
  @ApiQuery(VERSION_QUERY)
  meetingsCsv(
    @CurrentActor() actor: Actor,
    @Param('id', EventIdPipe) id: string,
    @Query('version') version: string | undefined,
    @Query('lang') lang: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return this.send(actor, id, response, { kind: 'meetings-csv', version, lang });
  }

  @Get('agenda.html')
  @ApiOperation({ summary: "Agendas as a printable HTML page (one A4 sheet per cluster, or one cluster's)" })
  @ApiDownload(PRINT_MEDIA_TYPES['agenda-html'], 'The agendas page')
  @ApiQuery(VERSION_QUERY)
  @ApiQuery(CLUSTER_QUERY)
  agendaHtml(
    @CurrentActor() actor: Actor,
    @Param('id', EventIdPipe) id: string,
    @Query('version') version: string | undefined,
    @Query('lang') lang: string | undefined,
    @Query('cluster') cluster: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return this.send(actor, id, response, { kind: 'agenda-html', version, lang, clusterId: cluster });
  }

  @Get('grid.html')
  @ApiOperation({ summary: 'Master grid as a printable HTML page (A3 blocks of at most 8 tables)' })
  @ApiDownload(PRINT_MEDIA_TYPES['grid-html'], 'The grid page')
  @ApiQuery(VERSION_QUERY)
  gridHtml(
    @CurrentActor() actor: Actor,
    @Param('id', EventIdPipe) id: string,
    @Query('version') version: string | undefined,
    @Query('lang') lang: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return this.send(actor, id, response, { kind: 'grid-html', version, lang });
  }

  @Get('clusters/:clusterId/calendar.ics')
  @ApiOperation({ summary: "One cluster's meetings as an iCalendar file (UTC times, stable UIDs)" })
  @ApiDownload(PRINT_MEDIA_TYPES['calendar-ics'], 'The calendar')
  @ApiParam({ name: 'clusterId', description: 'The cluster id' })
  @ApiQuery(VERSION_QUERY)
  calendarIcs(
    @CurrentActor() actor: Actor,
    @Param('id', EventIdPipe) id: string,
    @Param('clusterId') clusterId: string,
    @Query('version') version: string | undefined,
    @Query('lang') lang: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return this.send(actor, id, response, { kind: 'calendar-ics', version, lang, clusterId });
  }

  private async send(
    actor: Actor,
    eventId: string,
    response: Response,
    query: { kind: PrintKind; version?: string; lang?: string; clusterId?: string; paper?: string },
  ): Promise<StreamableFile> {
    const document = await this.printing.render(actor, eventId, {
      ...query,
      version: versionQuery(query.version),
    });
    return download(response, document);
  }
}
