import { EXIT, type CliIo } from '../io';

// Placeholder until the print command lands (another part of the work replaces this file).
export const usage = 'Usage: interclustering print …\n';

export async function run(_args: string[], io: CliIo): Promise<number> {
  io.stderr('interclustering print: not available yet\n');
  return EXIT.usage;
}
