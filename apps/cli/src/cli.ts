import { reportError } from './errors';
import { EXIT, type CliIo, type Command } from './io';

/**
 * The `interclustering` command line: `run(argv, io)` dispatches to one command, loaded only when
 * it is used (so that `solve` or `check` never load the HTTP, database or printing code), and
 * returns the exit code. Every command module exports `run: Command` and `usage: string`.
 */

interface CommandEntry {
  summary: string;
  load: () => Promise<{ run: Command }>;
}

const COMMANDS: Record<string, CommandEntry> = {
  solve: {
    summary: 'solve EVENT.json [--out FILE] [--time-limit SECONDS]   compute the schedule of an event',
    load: () => import('./commands/solve'),
  },
  check: {
    summary:
      'check EVENT.json SCHEDULE.json [--json]                check a schedule: rules and quality figures',
    load: () => import('./commands/check'),
  },
  print: {
    summary: 'print …                                                print the documents of a schedule',
    load: () => import('./commands/print'),
  },
  'create-organiser': {
    summary: 'create-organiser …                                     create an organiser account',
    load: () => import('./commands/create-organiser'),
  },
};

export const USAGE = `Usage: interclustering <command> [arguments]

Commands:
${Object.values(COMMANDS)
  .map((entry) => `  ${entry.summary}\n`)
  .join('')}
Run "interclustering <command> --help" for the details of a command.
The schedule or report is printed on stdout; progress, summaries and errors on stderr.
Exit codes: 0 done, 1 invalid schedule (check), 2 usage or input error, 3 unexpected error
(set DEBUG=interclustering to see its stack trace).
`;

export async function run(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  if (name === undefined) {
    io.stderr(`interclustering: missing command\n\n${USAGE}`);
    return EXIT.usage;
  }
  const entry = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    io.stderr(`interclustering: unknown command ${JSON.stringify(name)}\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    const command = await entry.load();
    return await command.run(rest, io);
  } catch (error) {
    return reportError(name, error, io);
  }
}
