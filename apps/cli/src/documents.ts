import { parseScheduleFile } from '@app/scheduling/checker';
import { parseEventFile } from '@app/scheduling/event-file';
import type { EventFile, ScheduleFile } from '@app/scheduling/model';
import { invalidDocument } from './errors';
import { readJsonFile } from './files';
import type { CliIo } from './io';

/** Reads, parses and validates an event file; any problem is a UserError listing every issue. */
export async function loadEventFile(io: CliIo, path: string): Promise<EventFile> {
  const result = parseEventFile(await readJsonFile(io, path, 'event file'));
  if (!result.ok) throw invalidDocument('event file', path, result.errors);
  return result.value;
}

/** Reads and parses a schedule file (structure only); any problem is a UserError listing every issue. */
export async function loadScheduleFile(io: CliIo, path: string): Promise<ScheduleFile> {
  const result = parseScheduleFile(await readJsonFile(io, path, 'schedule file'));
  if (!result.ok) throw invalidDocument('schedule file', path, result.errors);
  return result.value;
}

/** The pretty JSON of a document, as written on stdout or to a file. */
export function toJson(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
