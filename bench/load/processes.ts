import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';

/** A TCP port free on 127.0.0.1 at the time of the call. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** Pids of the live children of `pid`, in order (Linux /proc; none elsewhere). */
export function childrenOf(pid: number): number[] {
  const children: number[] = [];
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(ppid) === pid && state !== 'Z') children.push(Number(entry));
      } catch {
        // ended meanwhile
      }
    }
  } catch {
    // no /proc
  }
  return children.sort((a, b) => a - b);
}
