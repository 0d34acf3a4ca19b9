import { UserError } from './errors';
import { EXIT, type CliIo } from './io';

/** Reports a usage mistake (the message, then the command's usage) and returns exit code 2. */
export function usageError(command: string, error: UserError, usage: string, io: CliIo): number {
  io.stderr(`interclustering ${command}: ${error.message}\n\n${usage}`);
  return EXIT.usage;
}
