import { Injectable } from '@nestjs/common';
import { SolveJobQueue } from '../ports/queue';
import { DatabaseHealth } from '../ports/repositories';

export interface HealthReport {
  status: 'ok' | 'error';
  checks: { postgres: 'ok' | 'error'; redis: 'ok' | 'error' };
}

const TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    private readonly database: DatabaseHealth,
    private readonly queue: SolveJobQueue,
  ) {}

  async check(): Promise<HealthReport> {
    const [postgres, redis] = await Promise.all([
      probe(() => this.database.check()),
      probe(() => this.queue.check()),
    ]);
    return { status: postgres === 'ok' && redis === 'ok' ? 'ok' : 'error', checks: { postgres, redis } };
  }
}

async function probe(check: () => Promise<void>): Promise<'ok' | 'error'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS);
      }),
    ]);
    return 'ok';
  } catch {
    return 'error';
  } finally {
    clearTimeout(timer);
  }
}
