import { checkSchedule, qualityFigures, solve, FixedMeetingsError } from '@app/scheduling';
import type { EventFile, FixedMeeting, ScheduleFile } from '@app/scheduling';
import { parseCommandArgs, type ParsedArgs } from '../args';
import { loadEventFile, toJson } from '../documents';
import { UserError } from '../errors';
import { writeTextFile } from '../files';
import { EXIT, type CliIo } from '../io';
import { usageError } from '../usage';

export const DEFAULT_TIME_LIMIT_SECONDS = 30;
const MAX_TIME_LIMIT_SECONDS = 24 * 3600;

export const usage = `Usage: interclustering solve EVENT.json [--out FILE] [--time-limit SECONDS]

Computes the schedule of an event file and prints the schedule file (JSON) on stdout, or writes it
to FILE. Progress and a one-line summary (quality figures against their upper bound, seconds) go to
stderr.

Options:
  -o, --out FILE              write the schedule file to FILE instead of stdout
  -t, --time-limit SECONDS    time budget of the solver (default ${DEFAULT_TIME_LIMIT_SECONDS})
  -h, --help                  show this help

Exit codes: 0 solved, 2 usage or input error (including fixed meetings that cannot all be placed),
3 unexpected error.
`;

function timeLimit(value: string | boolean | undefined): number {
  if (value === undefined) return DEFAULT_TIME_LIMIT_SECONDS;
  const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_TIME_LIMIT_SECONDS) {
    throw new UserError(
      `--time-limit expects a number of seconds above 0 and at most ${MAX_TIME_LIMIT_SECONDS}, got ${JSON.stringify(value)}`,
    );
  }
  return seconds;
}

function describeFixed(event: EventFile, fixed: FixedMeeting): string {
  const index = event.fixed.findIndex(
    (f) =>
      f.clusters[0] === fixed.clusters[0] && f.clusters[1] === fixed.clusters[1] && f.slot === fixed.slot,
  );
  const where = [
    fixed.slot !== undefined ? `slot ${fixed.slot}` : '',
    fixed.table !== undefined ? `table ${fixed.table}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${index >= 0 ? `fixed[${index}]: ` : ''}${fixed.clusters[0]}–${fixed.clusters[1]}${where ? ` (${where})` : ''}`;
}

/** `served clusters 38 (bound 39), wish score 250 (bound 262, mip), idle slots 5` */
export function summary(event: EventFile, schedule: ScheduleFile, seconds: number): string {
  const figures = qualityFigures(event, schedule.meetings);
  const bound = schedule.stats?.bound;
  const meetings = schedule.meetings.length;
  const parts = [
    `${meetings} meeting${meetings === 1 ? '' : 's'}`,
    `served clusters ${figures.servedClusters}${bound ? ` (bound ${bound.servedClusters})` : ''}`,
    `wish score ${figures.wishScore}${bound ? ` (bound ${bound.wishScore}, ${bound.source})` : ''}`,
    `idle slots ${figures.idleSlots}`,
  ];
  if (schedule.stats?.optimal) parts.push('proven optimal');
  return `${parts.join(', ')}; ${seconds.toFixed(1)} s`;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  let parsed: ParsedArgs;
  let seconds: number;
  try {
    parsed = parseCommandArgs(
      args,
      { out: { type: 'string', short: 'o' }, 'time-limit': { type: 'string', short: 't' } },
      { min: 1, max: 1, names: 'EVENT.json' },
    );
    seconds = timeLimit(parsed.values['time-limit']);
  } catch (error) {
    if (error instanceof UserError) return usageError('solve', error, usage, io);
    throw error;
  }
  if (parsed.values.help) {
    io.stdout(usage);
    return EXIT.ok;
  }
  const [eventPath] = parsed.positionals;
  const out = parsed.values.out as string | undefined;
  const event = await loadEventFile(io, eventPath);

  const started = Date.now();
  let lastMessage = '';
  let schedule: ScheduleFile;
  try {
    schedule = await solve(event, {
      timeLimitSeconds: seconds,
      onProgress: (fraction, message) => {
        if (message === lastMessage) return;
        lastMessage = message;
        const percent = String(Math.round(Math.min(1, Math.max(0, fraction)) * 100)).padStart(3);
        io.stderr(`[${percent}%] ${message}\n`);
      },
    });
  } catch (error) {
    if (error instanceof FixedMeetingsError) {
      throw new UserError(
        `the fixed meetings of ${eventPath} cannot all be placed (${error.message}); change or remove:`,
        error.fixed.map((fixed) => describeFixed(event, fixed)),
      );
    }
    throw error;
  }
  const elapsed = (Date.now() - started) / 1000;

  const text = toJson(schedule);
  if (out !== undefined) {
    await writeTextFile(io, out, text, 'schedule file');
  } else {
    io.stdout(text);
  }
  io.stderr(
    `interclustering solve: ${summary(event, schedule, elapsed)}${out !== undefined ? `; written to ${out}` : ''}\n`,
  );

  // The solver's output must be valid; a violation here is a bug, reported as such.
  const report = checkSchedule(event, schedule);
  if (!report.valid) {
    io.stderr(
      `interclustering solve: unexpected error: the schedule breaks ${report.violations.length} rule(s):\n` +
        report.violations.map((v) => `  rule ${v.rule}: ${v.message}\n`).join(''),
    );
    return EXIT.internal;
  }
  return EXIT.ok;
}
