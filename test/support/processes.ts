import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const REGISTER = join(__dirname, 'ts-register.js');

/** A child `node` process running a TypeScript entry point of the repository from its sources. */
export interface ChildNode {
  process: ChildProcess;
  /** Everything written on stdout and stderr so far. */
  output(): string;
  /** Resolves when the output matches `pattern`; rejects when the process exits first or after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL: no clean-up of any kind (a crashed machine). */
  kill(): Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
}

/**
 * Runs `entry` (e.g. apps/worker/src/main.ts) with `env` added to this process's environment,
 * without a build: test/support/ts-register.js transpiles the sources on the fly.
 */
export function runTypeScript(entry: string, env: Record<string, string>): ChildNode {
  const child = spawn(process.execPath, ['-r', REGISTER, join(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      for (const listener of listeners) listener();
      resolve({ code, signal });
    });
  });
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    process: child,
    output: () => output,
    exited,
    waitFor: (pattern, timeoutMs = 60_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`Timed out waiting for ${pattern} from ${entry}. Output:\n${output}`));
        }, timeoutMs);
        const check = () => {
          if (pattern.test(output)) {
            clearTimeout(timer);
            listeners.delete(check);
            resolve();
          } else if (!running()) {
            clearTimeout(timer);
            listeners.delete(check);
            reject(new Error(`${entry} exited before ${pattern}. Output:\n${output}`));
          }
        };
        listeners.add(check);
        check();
      }),
    kill: async () => {
      if (running()) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (running()) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A solve worker process (`npm run start:worker`, from the sources), ready once it processes the queue. */
export async function startWorkerProcess(env: Record<string, string>): Promise<ChildNode> {
  const worker = runTypeScript('apps/worker/src/main.ts', { ...env, LOG_LEVEL: 'info' });
  await worker.waitFor(/Processing the solve queue/);
  return worker;
}

// Shared with the load benchmark (no dependencies): a free port, a process's children.
export { childrenOf, freePort } from '../../bench/load/processes';
