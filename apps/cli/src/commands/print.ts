import { promises as fs } from 'fs';
import { checkSchedule } from '@app/scheduling/checker';
import type { EventFile, ScheduleFile } from '@app/scheduling/model';
import { deriveSlots } from '@app/scheduling/slots';
import {
  LANGS,
  PrintInputError,
  renderAgendasPdf,
  renderClusterIcs,
  renderGridPdf,
  renderMeetingsCsv,
  renderTableCardsPdf,
  type Lang,
  type RenderOptions,
} from '@app/printing';
import { planGridPages } from '@app/printing/grid-pdf';
import { parseCommandArgs, type ParsedArgs } from '../args';
import { loadEventFile, loadScheduleFile } from '../documents';
import { UserError } from '../errors';
import { EXIT, type CliIo } from '../io';
import { usageError } from '../usage';

export const usage = `Usage: interclustering print EVENT.json SCHEDULE.json --what agendas|grid|tables|csv|ics
                            [--cluster ID] [--lang fr|en] [--paper A3|A4] [--schedule-version V] --out FILE

Prints the documents of a schedule, in French by default:
  agendas   PDF, A4 portrait, one page per cluster (only --cluster's page when given)
  grid      PDF, landscape master grid (slots × tables), A3 by default, split into pages of whole tables
  tables    PDF, A4, one card per table: its number in large type and each slot's pair
  csv       every meeting (slot, start, end, table, cluster A, cluster B, mutual), UTF-8 with BOM, ";"
  ics       one cluster's meetings as an iCalendar file (needs --cluster); times in UTC

Options:
  -w, --what KIND              the document to make (required)
  -o, --out FILE               where to write it (required for PDFs; csv and ics go to stdout without it)
  -c, --cluster ID             one cluster: its agenda page, or its calendar (ics)
  -l, --lang fr|en             language of the document (default fr)
      --paper A3|A4            paper of the grid (default A3)
      --schedule-version V     version printed in the footers (default: a fingerprint of the meetings)
  -h, --help                   show this help

SOURCE_DATE_EPOCH (seconds), when set, is the "generated" time: the same inputs then give the same
bytes. Exit codes: 0 written, 2 usage or input error, 3 unexpected error.
`;

const KINDS = ['agendas', 'grid', 'tables', 'csv', 'ics'] as const;
type Kind = (typeof KINDS)[number];
const PDF_KINDS: readonly Kind[] = ['agendas', 'grid', 'tables'];

interface PrintRequest {
  what: Kind;
  out?: string;
  cluster?: string;
  lang: Lang;
  paper: 'A3' | 'A4';
  version?: string;
}

function oneOf<T extends string>(
  option: string,
  value: string | boolean | undefined,
  allowed: readonly T[],
): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new UserError(`--${option} expects one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value as T;
}

function readRequest(parsed: ParsedArgs): PrintRequest {
  const { values } = parsed;
  if (values.what === undefined) throw new UserError(`--what is required: one of ${KINDS.join(', ')}`);
  const what = oneOf('what', values.what, KINDS);
  const out = typeof values.out === 'string' ? values.out : undefined;
  if (out !== undefined && out.trim() === '') throw new UserError('--out expects a file name');
  if (!out && PDF_KINDS.includes(what))
    throw new UserError(`--out FILE is required for --what ${what} (a PDF)`);
  const cluster = typeof values.cluster === 'string' ? values.cluster : undefined;
  if (what === 'ics' && !cluster)
    throw new UserError('--cluster ID is required for --what ics (one calendar per cluster)');
  if (cluster !== undefined && what !== 'agendas' && what !== 'ics') {
    throw new UserError(`--cluster applies to --what agendas and ics, not ${what}`);
  }
  if (values.paper !== undefined && what !== 'grid')
    throw new UserError(`--paper applies to --what grid only`);
  const version =
    typeof values['schedule-version'] === 'string' ? values['schedule-version'].trim() : undefined;
  if (version !== undefined && (version === '' || version.length > 40)) {
    throw new UserError('--schedule-version expects 1 to 40 characters');
  }
  return {
    what,
    out,
    cluster,
    lang: values.lang === undefined ? 'fr' : oneOf('lang', values.lang, LANGS),
    paper: values.paper === undefined ? 'A3' : oneOf('paper', values.paper, ['A3', 'A4'] as const),
    version,
  };
}

/** SOURCE_DATE_EPOCH (reproducible builds) when set, else now. */
function generatedAt(io: CliIo): Date {
  const epoch = io.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return new Date();
  if (!/^\d{1,12}$/.test(epoch)) {
    throw new UserError(`SOURCE_DATE_EPOCH expects whole seconds since 1970, got ${JSON.stringify(epoch)}`);
  }
  return new Date(Number(epoch) * 1000);
}

/** A CliIo may offer a binary writer; without one, bytes go to the file system directly. */
type BytesIo = CliIo & { writeBytes?: (path: string, data: Uint8Array) => Promise<void> };

async function writeOutput(io: BytesIo, path: string, data: Buffer | string): Promise<void> {
  try {
    if (typeof data === 'string') await io.writeFile(path, data);
    else if (io.writeBytes) await io.writeBytes(path, data);
    else await fs.writeFile(path, data);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason =
      code === 'ENOENT'
        ? 'no such directory'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a directory'
            : error instanceof Error
              ? error.message
              : String(error);
    throw new UserError(`cannot write the document to ${path}: ${reason}`);
  }
}

async function render(
  request: PrintRequest,
  event: EventFile,
  schedule: ScheduleFile,
  options: RenderOptions,
): Promise<{ data: Buffer | string; description: string }> {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  switch (request.what) {
    case 'agendas': {
      const pages = request.cluster ? 1 : event.clusters.length;
      return {
        data: await renderAgendasPdf(event, schedule, options),
        description: request.cluster
          ? `the agenda of ${request.cluster} (1 page)`
          : `${plural(pages, 'agenda page')}`,
      };
    }
    case 'grid': {
      const pages = planGridPages(event.event.tables, deriveSlots(event.event).length, request.paper).length;
      return {
        data: await renderGridPdf(event, schedule, { ...options, paper: request.paper }),
        description: `the grid (${request.paper} landscape, ${plural(Math.max(1, pages), 'page')})`,
      };
    }
    case 'tables':
      return {
        data: await renderTableCardsPdf(event, schedule, options),
        description: plural(event.event.tables, 'table card'),
      };
    case 'csv':
      return {
        data: renderMeetingsCsv(event, schedule, options),
        description: plural(schedule.meetings.length, 'meeting'),
      };
    case 'ics': {
      const count = schedule.meetings.filter((m) => m.clusters.includes(request.cluster!)).length;
      return {
        data: renderClusterIcs(event, schedule, options),
        description: `the calendar of ${request.cluster} (${plural(count, 'meeting')})`,
      };
    }
  }
}

export async function run(args: string[], io: CliIo): Promise<number> {
  let parsed: ParsedArgs;
  let request: PrintRequest;
  try {
    parsed = parseCommandArgs(
      args,
      {
        what: { type: 'string', short: 'w' },
        out: { type: 'string', short: 'o' },
        cluster: { type: 'string', short: 'c' },
        lang: { type: 'string', short: 'l' },
        paper: { type: 'string' },
        'schedule-version': { type: 'string' },
      },
      { min: 2, max: 2, names: 'EVENT.json and SCHEDULE.json' },
    );
    if (parsed.values.help) {
      io.stdout(usage);
      return EXIT.ok;
    }
    request = readRequest(parsed);
  } catch (error) {
    if (error instanceof UserError) return usageError('print', error, usage, io);
    throw error;
  }

  const [eventPath, schedulePath] = parsed.positionals;
  const event = await loadEventFile(io, eventPath);
  const schedule = await loadScheduleFile(io, schedulePath);
  if (request.cluster !== undefined && !event.clusters.some((c) => c.id === request.cluster)) {
    throw new UserError(`--cluster: ${eventPath} has no cluster ${JSON.stringify(request.cluster)}`);
  }
  if (schedule.event !== event.event.name) {
    io.stderr(
      `interclustering print: note: ${schedulePath} is a schedule of ${JSON.stringify(schedule.event)}, ` +
        `the event file is ${JSON.stringify(event.event.name)}\n`,
    );
  }

  const options: RenderOptions = {
    lang: request.lang,
    clusterId: request.cluster,
    version: request.version,
    generatedAt: generatedAt(io),
  };
  let output: { data: Buffer | string; description: string };
  try {
    output = await render(request, event, schedule, options);
  } catch (error) {
    if (error instanceof PrintInputError) {
      throw new UserError(`${schedulePath} does not fit the event file ${eventPath}:`, [error.message]);
    }
    throw error;
  }

  const report = checkSchedule(event, schedule);
  if (!report.valid) {
    const n = report.violations.length;
    io.stderr(
      `interclustering print: warning: the schedule breaks the rules (${n} violation${n === 1 ? '' : 's'}); ` +
        `printed as is — run "interclustering check" for the details\n`,
    );
  }

  if (request.out) {
    await writeOutput(io, request.out, output.data);
    io.stderr(`interclustering print: wrote ${output.description} to ${request.out}\n`);
  } else {
    io.stdout(typeof output.data === 'string' ? output.data : output.data.toString('utf8'));
  }
  return EXIT.ok;
}
