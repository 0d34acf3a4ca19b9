import { Injectable } from '@nestjs/common';
import {
  LANGS,
  renderAgendaHtml,
  renderAgendasPdf,
  renderClusterIcs,
  renderGridHtml,
  renderGridPdf,
  renderMeetingsCsv,
  renderTableCardsPdf,
  type Lang,
} from '@app/printing';
import type { EventFile, ScheduleFile } from '@app/scheduling';
import { DomainError, invalidField } from '../domain/errors';
import type { Actor } from '../domain/model';
import { ScheduleRepository } from '../ports/repositories';
import { assertClusterAccess, assertOrganiser } from './access';
import { EventService } from './event.service';
import { ScheduleService } from './schedule.service';

/** What can be downloaded: the printing library's products. */
export type PrintKind =
  'agendas-pdf' | 'grid-pdf' | 'tables-pdf' | 'meetings-csv' | 'agenda-html' | 'grid-html' | 'calendar-ics';

export const PRINT_MEDIA_TYPES: Record<PrintKind, string> = {
  'agendas-pdf': 'application/pdf',
  'grid-pdf': 'application/pdf',
  'tables-pdf': 'application/pdf',
  'meetings-csv': 'text/csv; charset=utf-8',
  'agenda-html': 'text/html; charset=utf-8',
  'grid-html': 'text/html; charset=utf-8',
  'calendar-ics': 'text/calendar; charset=utf-8',
};

/** A request for a document, as the API receives it (query values still raw text). */
export interface PrintRequest {
  kind: PrintKind;
  /** A done version (organisers); absent: see {@link PrintingService.render}. */
  version?: number;
  /** One cluster: its agenda page, its calendar (required for `calendar-ics`). */
  clusterId?: string;
  /** `fr` (default) or `en`. */
  lang?: string;
  /** Grid PDF paper: `a3` (default) or `a4`, any case. */
  paper?: string;
  /** When the document is made (footer, PDF date, DTSTAMP); default now. */
  now?: Date;
}

/** A rendered document, ready to send as a download. */
export interface PrintedDocument {
  body: Buffer;
  /** The media type with its charset for text. */
  mediaType: string;
  /** A safe ASCII file name: the event date and the kind (`2015-07-09-agendas.pdf`). */
  fileName: string;
  /** The schedule version printed. */
  version: number;
}

/** `?lang=`: fr (default) or en; anything else is refused naming `lang`. */
export function parsePrintLang(value: string | undefined): Lang {
  if (value === undefined) return 'fr';
  if ((LANGS as readonly string[]).includes(value)) return value as Lang;
  throw invalidField('lang', `expected one of ${LANGS.join(', ')}, got ${JSON.stringify(value)}`);
}

/** `?paper=`: a3 (default) or a4, in any case. */
export function parsePaper(value: string | undefined): 'A3' | 'A4' {
  if (value === undefined) return 'A3';
  const upper = value.toUpperCase();
  if (upper === 'A3' || upper === 'A4') return upper;
  throw invalidField('paper', `expected a3 or a4, got ${JSON.stringify(value)}`);
}

/** Only letters, digits, dot, hyphen and underscore: safe in a Content-Disposition header and on any disk. */
export function safeFileName(...parts: string[]): string {
  return (
    parts
      .map((part) =>
        part
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .replace(/[^A-Za-z0-9._-]+/g, '-')
          .replace(/^[-.]+|-+$/g, ''),
      )
      .filter(Boolean)
      .join('-') || 'document'
  );
}

/** The file name of a document: `<event date>-<kind>[-<cluster>].<extension>`. */
export function printFileName(date: string, kind: PrintKind, clusterId?: string): string {
  const [what, extension] = {
    'agendas-pdf': [clusterId ? 'agenda' : 'agendas', 'pdf'],
    'grid-pdf': ['grid', 'pdf'],
    'tables-pdf': ['tables', 'pdf'],
    'meetings-csv': ['meetings', 'csv'],
    'agenda-html': [clusterId ? 'agenda' : 'agendas', 'html'],
    'grid-html': ['grid', 'html'],
    'calendar-ics': ['calendar', 'ics'],
  }[kind];
  return `${safeFileName(date, what, clusterId ?? '')}.${extension}`;
}

/**
 * Printed documents and exports of a schedule version: loads the version's schedule file (as
 * `GET /api/events/:id/schedule` does, with its access rules) and the event file it was solved from
 * (the version's snapshot), then renders them with libs/printing.
 */
@Injectable()
export class PrintingService {
  constructor(
    private readonly schedules: ScheduleService,
    private readonly versions: ScheduleRepository,
    private readonly events: EventService,
  ) {}

  /**
   * Organisers, on the event's documents (`forCluster` false): the given done version, else the
   * latest done one. On one cluster's documents (`forCluster` true): the given version, else the
   * published one, else the latest done one. Managers: their own cluster's documents of the published
   * version only (403 before publication, and for another cluster).
   */
  async render(
    actor: Actor,
    eventId: string,
    request: PrintRequest,
    forCluster = false,
  ): Promise<PrintedDocument> {
    const lang = parsePrintLang(request.lang);
    const paper = request.kind === 'grid-pdf' ? parsePaper(request.paper) : undefined;
    const clusterId = request.clusterId;
    if (clusterId !== undefined && clusterId.trim() === '') {
      throw invalidField('cluster', 'expected a cluster id, got an empty value');
    }
    if (request.kind === 'calendar-ics' && clusterId === undefined) {
      throw invalidField('clusterId', 'a calendar is for one cluster: give its id');
    }
    if (forCluster) {
      if (clusterId === undefined) throw invalidField('clusterId', 'expected a cluster id');
      assertClusterAccess(actor, eventId, clusterId);
    } else {
      assertOrganiser(actor);
    }

    const { version, event, schedule } = await this.load(actor, eventId, request.version, forCluster);
    if (clusterId !== undefined && !event.clusters.some((c) => c.id === clusterId)) {
      throw new DomainError(
        'PARTICIPANT_NOT_FOUND',
        `Cluster ${JSON.stringify(clusterId)} does not take part in schedule version ${version} of this event.`,
      );
    }
    const options = { lang, version, generatedAt: request.now ?? new Date(), clusterId };
    const body = await renderDocument(request.kind, event, schedule, { ...options, paper });
    return {
      body,
      mediaType: PRINT_MEDIA_TYPES[request.kind],
      fileName: printFileName(event.event.date, request.kind, clusterId),
      version,
    };
  }

  /** The schedule file (access rules of ScheduleService.getSchedule) and the event file it was solved from. */
  private async load(
    actor: Actor,
    eventId: string,
    wanted: number | undefined,
    forCluster: boolean,
  ): Promise<{ version: number; event: EventFile; schedule: ScheduleFile }> {
    let chosen = wanted;
    if (chosen === undefined && forCluster && actor.kind === 'organiser') {
      chosen = (await this.events.require(eventId)).publishedVersion ?? undefined;
    }
    const { version, schedule } = await this.schedules.getSchedule(actor, eventId, chosen);
    const event = await this.versions.getSnapshot(eventId, version);
    if (!event) throw new DomainError('SCHEDULE_NOT_FOUND', `Schedule version ${version} not found.`);
    return { version, event, schedule };
  }
}

async function renderDocument(
  kind: PrintKind,
  event: EventFile,
  schedule: ScheduleFile,
  options: {
    lang: Lang;
    version: number;
    generatedAt: Date;
    clusterId?: string;
    paper?: 'A3' | 'A4';
  },
): Promise<Buffer> {
  switch (kind) {
    case 'agendas-pdf':
      return renderAgendasPdf(event, schedule, options);
    case 'grid-pdf':
      return renderGridPdf(event, schedule, options);
    case 'tables-pdf':
      return renderTableCardsPdf(event, schedule, options);
    case 'meetings-csv':
      return renderMeetingsCsv(event, schedule, options);
    case 'agenda-html':
      return Buffer.from(renderAgendaHtml(event, schedule, options), 'utf8');
    case 'grid-html':
      return Buffer.from(renderGridHtml(event, schedule, options), 'utf8');
    case 'calendar-ics':
      return Buffer.from(renderClusterIcs(event, schedule, options), 'utf8');
  }
}
