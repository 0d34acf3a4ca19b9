import { EXIT, type CliIo } from '../io';

// Placeholder until the create-organiser command lands (another part of the work replaces this file).
export const usage = 'Usage: interclustering create-organiser …\n';

export async function run(_args: string[], io: CliIo): Promise<number> {
  io.stderr('interclustering create-organiser: not available yet\n');
  return EXIT.usage;
}
