import { parseArgs } from 'util';
import { UserError } from './errors';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
}

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

/**
 * Strict parsing of a command's arguments: unknown options and a wrong number of operands are
 * UserErrors that name the problem (the command's usage is appended by the caller).
 */
export function parseCommandArgs(
  args: string[],
  options: Record<string, OptionSpec>,
  operands: { min: number; max: number; names: string },
): ParsedArgs {
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UserError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) return parsed;
  const count = parsed.positionals.length;
  if (count < operands.min) throw new UserError(`missing ${operands.names}`);
  if (count > operands.max)
    throw new UserError(`unexpected argument ${JSON.stringify(parsed.positionals[operands.max])}`);
  return parsed;
}
