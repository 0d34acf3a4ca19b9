import {
  EVENT_FORMAT,
  type EventFile,
  type ValidationIssue,
  parseEventFile,
  validateWishList,
} from '@app/scheduling';
import { validationFailed } from './errors';

/*
 * The rules of the event file live in libs/scheduling; these helpers only put a partial document
 * (settings, one cluster, one wish list) into an event file, call the parser, and move the issues'
 * paths to where the caller sent the data.
 */

const ROOT = '(root)';

/**
 * Moves issues under `from` (`clusters[3]`) to `to` (`clusters[0]`, or '' for the root); the place
 * an issue's params point to (`params.other`) moves with it, the English message stays as written.
 */
export function rebaseIssues(issues: ValidationIssue[], from: string, to: string): ValidationIssue[] {
  return issues.map((issue) => {
    const moved = { ...issue, path: rebasePath(issue.path, from, to) };
    const other = issue.params?.other;
    if (typeof other === 'string') moved.params = { ...issue.params, other: rebasePath(other, from, to) };
    return moved;
  });
}

export function rebasePath(path: string, from: string, to: string): string {
  if (from === '' && (path === ROOT || path === '')) return to || ROOT;
  if (from === '') return to ? (path.startsWith('[') ? `${to}${path}` : `${to}.${path}`) : path;
  if (path === from) return to || ROOT;
  if (path.startsWith(`${from}.`) || path.startsWith(`${from}[`)) {
    const rest = path.slice(from.length);
    if (to) return `${to}${rest}`;
    return rest.startsWith('.') ? rest.slice(1) : rest;
  }
  return path;
}

/** Parses an event file or throws VALIDATION_FAILED with every issue. */
export function parseOrThrow(document: unknown, message = 'The event file is not valid.'): EventFile {
  const result = parseEventFile(document);
  if (!result.ok) throw validationFailed(result.errors, message);
  return result.value;
}

/** The event as an untyped document (for re-validation with changed parts). */
export function asDocument(file: EventFile): Record<string, unknown> {
  return JSON.parse(JSON.stringify(file)) as Record<string, unknown>;
}

/** Validates event settings sent alone (`{name, date, …}`) against the event's current content. */
export function validateSettings(settings: unknown, current?: EventFile): EventFile {
  const document = current ? asDocument(current) : { format: EVENT_FORMAT, clusters: [] };
  document.event = settings;
  const result = parseEventFile(document);
  if (!result.ok) {
    throw validationFailed(rebaseIssues(result.errors, 'event', ''), 'The event settings are not valid.');
  }
  return result.value;
}

const PLACEHOLDER_SETTINGS = {
  name: 'directory',
  date: '2000-01-01',
  sessions: [{ start: '09:00', end: '10:00' }],
  meetingMinutes: 30,
  tables: 1,
};

/** Validates the event-file fields of one cluster (`id`, `name`, `region`, `kind`) with the parser's rules. */
export function clusterFieldIssues(cluster: Record<string, unknown>, path: string): ValidationIssue[] {
  const result = parseEventFile({ format: EVENT_FORMAT, event: PLACEHOLDER_SETTINGS, clusters: [cluster] });
  return result.ok ? [] : rebaseIssues(result.errors, 'clusters[0]', path);
}

/** Validates a ranked wish list of `from` against the event; paths start at `wishes`. */
export function validateWishes(
  event: EventFile,
  from: string,
  wishes: unknown,
): { to: string; rank: number }[] {
  const result = validateWishList(event, from, wishes);
  if (!result.ok) {
    throw validationFailed(rebaseIssues(result.errors, '', 'wishes'), 'The wish list is not valid.');
  }
  return result.value;
}
