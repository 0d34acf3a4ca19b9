#!/usr/bin/env node
// `npm start`: applies the migrations, then runs the API and one solve worker as two child
// processes (built in dist/ by `npm run build`). Ctrl-C / SIGTERM stops both cleanly; if one of
// them dies, the other is stopped too and the exit code is passed on.
const { spawn, spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');
const { setTimeout } = require('node:timers');

const root = path.join(__dirname, '..');
const entry = (file) => path.join(root, 'dist', file);
const MIGRATE = entry('libs/persistence/src/migrate.js');
const API = entry('apps/api/src/main.js');
const WORKER = entry('apps/worker/src/main.js');

for (const file of [MIGRATE, API, WORKER]) {
  if (!existsSync(file)) {
    console.error(`${path.relative(root, file)} is missing: run "npm run build" first.`);
    process.exit(1);
  }
}

const migration = spawnSync(process.execPath, [MIGRATE], { stdio: 'inherit', env: process.env });
if (migration.status !== 0) {
  console.error('Migrations failed: not starting.');
  process.exit(migration.status ?? 1);
}

const children = new Map();
let stopping = false;
let exitCode = 0;

function start(name, file) {
  const child = spawn(process.execPath, [file], { stdio: 'inherit', env: process.env });
  children.set(name, child);
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      console.error(`${name} exited (${signal ?? code}); stopping the others.`);
      exitCode = code || 1;
      stop('SIGTERM');
    }
    if (children.size === 0) process.exit(exitCode);
  });
}

function stop(signal) {
  stopping = true;
  for (const child of children.values()) child.kill(signal);
  // Give them time to finish the current job and close connections.
  setTimeout(() => {
    for (const child of children.values()) child.kill('SIGKILL');
  }, 30_000).unref();
}

process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

start('api', API);
start('worker', WORKER);
