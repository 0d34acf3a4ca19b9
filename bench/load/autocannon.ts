/** The part of autocannon (no type declarations) the load benchmark uses. */
export interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  /** `context`: an object of the connection's own, kept across its requests. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  setupRequest?: (request: AutocannonRequest, context: any) => AutocannonRequest;
  /** Called with each answer on the connection, one request in flight per connection. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  onResponse?: (status: number, body: string, context: any) => void;
}

export interface AutocannonResult {
  duration: number;
  requests: { average: number; total: number; sent: number };
  latency: { p50: number; p90: number; p99: number; max: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
  /**
   * Seconds from the start to the last response. autocannon's own `duration` counts whole seconds
   * (it ends a run on its 1-second tick), too coarse for a run of one or two seconds.
   */
  elapsed: number;
}

export interface AutocannonOptions {
  url: string;
  connections: number;
  amount: number;
  timeout?: number;
  requests: AutocannonRequest[];
}

interface AutocannonInstance {
  on(event: 'response', listener: () => void): void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (
  options: AutocannonOptions,
  done: (error: Error | null, result: Omit<AutocannonResult, 'elapsed'>) => void,
) => AutocannonInstance;

export function runAutocannon(options: AutocannonOptions): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let last = started;
    const instance = autocannon(options, (error, result) => {
      if (error) reject(error);
      else resolve({ ...result, elapsed: (last - started) / 1000 });
    });
    instance.on('response', () => (last = performance.now()));
  });
}
