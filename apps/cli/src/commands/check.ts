import { RULE_TITLES, checkSchedule, type CheckReport } from '@app/scheduling/checker';
import type { EventFile } from '@app/scheduling/model';
import { deriveSlots, scheduleSlots } from '@app/scheduling/slots';
import { parseCommandArgs, type ParsedArgs } from '../args';
import { loadEventFile, loadScheduleFile, toJson } from '../documents';
import { UserError } from '../errors';
import { EXIT, type CliIo } from '../io';
import { usageError } from '../usage';

export const usage = `Usage: interclustering check EVENT.json SCHEDULE.json [--json]

Checks a schedule file against its event file: the ten rules of a valid schedule, then the three
quality figures (served clusters, wish score, idle slots).

Options:
  --json      print the report as JSON: { "valid", "violations": [{ "rule", "message", "meetings" }], "figures" }
  -h, --help  show this help

Exit codes: 0 valid, 1 invalid (at least one rule broken), 2 usage or input error.
`;

/** The report for people: the verdict, one line per violation, then the figures. */
export function formatReport(report: CheckReport, event: EventFile, meetingCount: number): string {
  const lines: string[] = [];
  const n = report.violations.length;
  lines.push(
    report.valid
      ? `Valid: the ${meetingCount} meeting${meetingCount === 1 ? '' : 's'} follow the 10 rules.`
      : `Invalid: ${n} violation${n === 1 ? '' : 's'}.`,
  );
  for (const violation of report.violations) {
    lines.push(`  rule ${violation.rule} (${RULE_TITLES[violation.rule]}): ${violation.message}`);
  }
  const wishers = new Set(event.wishes.map((w) => w.from)).size;
  const { servedClusters, wishScore, idleSlots } = report.figures;
  lines.push('');
  lines.push(
    `Served clusters: ${servedClusters} of ${wishers} cluster${wishers === 1 ? '' : 's'} with wishes`,
  );
  lines.push(`Wish score:      ${wishScore}`);
  lines.push(`Idle slots:      ${idleSlots}`);
  return `${lines.join('\n')}\n`;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  let parsed: ParsedArgs;
  try {
    parsed = parseCommandArgs(
      args,
      { json: { type: 'boolean' } },
      { min: 2, max: 2, names: 'EVENT.json and SCHEDULE.json' },
    );
  } catch (error) {
    if (error instanceof UserError) return usageError('check', error, usage, io);
    throw error;
  }
  if (parsed.values.help) {
    io.stdout(usage);
    return EXIT.ok;
  }
  const [eventPath, schedulePath] = parsed.positionals;
  const event = await loadEventFile(io, eventPath);
  const schedule = await loadScheduleFile(io, schedulePath);
  if (schedule.event !== event.event.name) {
    io.stderr(
      `interclustering check: note: ${schedulePath} is a schedule of ${JSON.stringify(schedule.event)}, ` +
        `the event file is ${JSON.stringify(event.event.name)}\n`,
    );
  }
  const expected = scheduleSlots(deriveSlots(event.event));
  if (JSON.stringify(schedule.slots) !== JSON.stringify(expected)) {
    io.stderr(
      `interclustering check: note: the slots listed in ${schedulePath} are not the ${expected.length} slots of the event ` +
        `(the meetings are checked against the event's slots)\n`,
    );
  }
  const report = checkSchedule(event, schedule);
  io.stdout(parsed.values.json ? toJson(report) : formatReport(report, event, schedule.meetings.length));
  return report.valid ? EXIT.ok : EXIT.invalid;
}
