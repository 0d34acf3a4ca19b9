import { promises as fs } from 'fs';

/**
 * Everything a command touches outside itself, injected so that commands run in-process in tests:
 * output streams, files and the environment.
 */
export interface CliIo {
  /** Standard output: only the document a command produces. */
  stdout(text: string): void;
  /** Standard error: progress, summaries, notes and errors for people. */
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
  writeFile(path: string, text: string): Promise<void>;
  env: Record<string, string | undefined>;
}

/** A command: runs with its own arguments (after the command name) and returns the exit code. */
export type Command = (args: string[], io: CliIo) => Promise<number>;

/** Exit codes of every command. */
export const EXIT = {
  ok: 0,
  /** `check`: the schedule breaks at least one rule. */
  invalid: 1,
  /** A user's mistake: usage, missing or unreadable file, bad JSON, invalid document. */
  usage: 2,
  /** An unexpected failure (a bug); the stack is shown with DEBUG=interclustering. */
  internal: 3,
} as const;

export function nodeIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => fs.readFile(path, 'utf8'),
    writeFile: (path, text) => fs.writeFile(path, text, 'utf8'),
    env: process.env,
  };
}
