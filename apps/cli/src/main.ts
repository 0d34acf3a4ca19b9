import { run } from './cli';
import { nodeIo } from './io';

// Entry point (bin/interclustering.js): run the command, then let Node exit on its own with the
// code, so that stdout is fully flushed.
void run(process.argv.slice(2), nodeIo()).then((code) => {
  process.exitCode = code;
});
