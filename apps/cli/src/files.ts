import { UserError } from './errors';
import type { CliIo } from './io';

function reason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** `line L, column C` of a character offset in a text. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** Reads and parses a JSON file; a missing/unreadable file or bad JSON is a UserError naming the file. */
export async function readJsonFile(io: CliIo, path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    throw new UserError(`cannot read the ${what} ${path}: ${reason(error)}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    const where = position ? ` (${lineAndColumn(text, Number(position[1]))})` : '';
    throw new UserError(`the ${what} ${path} is not valid JSON${where}: ${message}`);
  }
}

export async function writeTextFile(io: CliIo, path: string, text: string, what: string): Promise<void> {
  try {
    await io.writeFile(path, text);
  } catch (error) {
    throw new UserError(`cannot write the ${what} to ${path}: ${reason(error)}`);
  }
}
