import cluster, { type Worker } from 'node:cluster';
import type { AppConfig } from '@app/config/config';

/**
 * Delays before replacing API processes that died: `baseMs` for a death after a calm period, then
 * doubled for each death that follows the previous replacement within `calmMs` of its start, up
 * to `maxMs`. A process that dies at once again and again is replaced less and less often (one
 * every `maxMs` at most), never in a storm; once a replacement has lived `calmMs`, the delay is
 * back to `baseMs`.
 */
export class RestartBackoff {
  private streak = 0;
  /** When the last replacement started (ms), if any. */
  private lastStart?: number;

  constructor(
    private readonly baseMs = 500,
    private readonly maxMs = 30_000,
    private readonly calmMs = 60_000,
  ) {}

  /** Records a death at `now` (ms) and returns the delay before its replacement starts. */
  next(now: number): number {
    const calm = this.lastStart === undefined || now - this.lastStart >= this.calmMs;
    this.streak = calm ? 1 : this.streak + 1;
    const delay = Math.min(this.maxMs, this.baseMs * 2 ** (this.streak - 1));
    this.lastStart = now + delay;
    return delay;
  }
}

/** How long the processes get to finish their requests and close after SIGTERM, before SIGKILL. */
const STOP_GRACE_MS = 30_000;

/**
 * The primary of API_PROCESSES > 1 (node:cluster; it loads no Nest): forks the API processes,
 * which share the port; says "API listening on port N" once they
 * all listen; replaces one that dies unexpectedly after a backoff (logged); on SIGTERM / SIGINT
 * sends SIGTERM to each (Nest's shutdown hooks run there) and exits once they have all ended.
 * A process that dies before the API first answered (a wrong database URL, a port in use) stops
 * the whole API with exit code 1, as a single process would.
 */
export function runPrimary(config: AppConfig): void {
  const size = config.apiProcesses;
  // The processes accept connections themselves (the kernel picks one), unless
  // NODE_CLUSTER_SCHED_POLICY says otherwise. Node's default on Linux (rr: the primary accepts and
  // hands each connection over, one at a time per process, each waiting for that process's event
  // loop) made bursts of new connections wait: in the deadline rush (100 connections opened at
  // once), p99 720 ms with rr against 368 ms without (medians of 12 rounds each, alternated).
  if (!process.env.NODE_CLUSTER_SCHED_POLICY) cluster.schedulingPolicy = cluster.SCHED_NONE;
  // One secret for every process: a token signed by one must be accepted by the others.
  const env = config.jwtSecretGenerated ? { JWT_SECRET: config.jwtSecret } : {};
  if (config.jwtSecretGenerated) {
    console.warn(
      'JWT_SECRET is not set: using a random secret for this start, shared by the API processes (tokens end with it).',
    );
  }

  const workers = new Map<number, Worker>();
  const listening = new Set<number>();
  const restarts = new Set<NodeJS.Timeout>();
  const backoff = new RestartBackoff();
  let up = false;
  let stopping = false;
  let exitCode = 0;

  const fork = (replacing?: number): void => {
    const worker = cluster.fork(env);
    workers.set(worker.id, worker);
    const pid = worker.process.pid;
    console.log(
      replacing === undefined
        ? `API process ${pid} started`
        : `API process ${pid} started, replacing ${replacing}`,
    );
    worker.on('listening', () => {
      listening.add(worker.id);
      if (up) {
        console.log(`API process ${pid} listening`);
      } else if (listening.size === size) {
        up = true;
        console.log(
          `API listening on port ${config.port} (docs at /api/docs), ${size} processes (primary ${process.pid})`,
        );
      }
    });
    worker.on('exit', (code, signal) => {
      workers.delete(worker.id);
      listening.delete(worker.id);
      const how = signal ?? `exit code ${code}`;
      if (stopping) {
        if (workers.size === 0) process.exit(exitCode);
        return;
      }
      if (!up) {
        console.error(`API process ${pid} ended (${how}) before the API was up: stopping.`);
        stop(1);
        return;
      }
      const delay = backoff.next(Date.now());
      console.error(`API process ${pid} ended unexpectedly (${how}); replacing it in ${delay} ms.`);
      const timer = setTimeout(() => {
        restarts.delete(timer);
        if (!stopping) fork(pid);
      }, delay);
      restarts.add(timer);
    });
  };

  const stop = (code: number): void => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    for (const timer of restarts) clearTimeout(timer);
    restarts.clear();
    if (workers.size === 0) process.exit(exitCode);
    for (const worker of workers.values()) worker.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of workers.values()) {
        exitCode = 1;
        console.error(`API process ${worker.process.pid} did not stop in time: killing it.`);
        worker.process.kill('SIGKILL');
      }
    }, STOP_GRACE_MS).unref();
  };

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (!stopping) console.log(`${signal}: stopping the ${workers.size} API processes.`);
      stop(0);
    });
  }
  for (let i = 0; i < size; i++) fork();
}
