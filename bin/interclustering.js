#!/usr/bin/env node
// Entry point of the `interclustering` command (npm run cli -- …); runs the compiled CLI.
require('../dist/apps/cli/src/main.js');
