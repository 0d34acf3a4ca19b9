import { EventEmitter } from 'node:events';
import type { NextFunction, Request, Response } from 'express';
import { requestLog, type RequestLogSink } from './request-log';

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

function makeSink(level: string) {
  const lines: { level: string; entry: Record<string, unknown>; message: string }[] = [];
  const enabled = (l: string) => level !== 'silent' && LEVELS.indexOf(l) >= LEVELS.indexOf(level);
  const sink: RequestLogSink = {
    isLevelEnabled: enabled,
    info: (entry, message) => lines.push({ level: 'info', entry: entry as Record<string, unknown>, message }),
    warn: (entry, message) => lines.push({ level: 'warn', entry: entry as Record<string, unknown>, message }),
    error: (entry, message) =>
      lines.push({ level: 'error', entry: entry as Record<string, unknown>, message }),
  };
  return { sink, lines };
}

/** Sends one request through the middleware and answers it with `status`. */
function serve(
  sink: RequestLogSink,
  status: number,
  overrides: { url?: string; headers?: Record<string, string> } = {},
): { nextCalled: boolean } {
  const request = {
    method: 'PUT',
    originalUrl: overrides.url ?? '/api/events/e/participants/a/wishes',
    headers: overrides.headers ?? {},
    socket: { remoteAddress: '127.0.0.1' },
  } as unknown as Request;
  const response = Object.assign(new EventEmitter(), { statusCode: status }) as unknown as Response;
  let nextCalled = false;
  requestLog(sink)(request, response, (() => (nextCalled = true)) as NextFunction);
  response.emit('finish');
  return { nextCalled };
}

describe('requestLog', () => {
  it('writes one line per answered request with method, URL, status and time, secrets redacted', () => {
    const { sink, lines } = makeSink('info');
    const { nextCalled } = serve(sink, 200, {
      headers: {
        authorization: 'Bearer inv_secret',
        cookie: 'session=jwt',
        'content-type': 'application/json',
      },
    });
    expect(nextCalled).toBe(true);
    expect(lines).toHaveLength(1);
    const { entry, level } = lines[0];
    expect(level).toBe('info');
    expect(entry.req).toMatchObject({
      method: 'PUT',
      url: '/api/events/e/participants/a/wishes',
      headers: { authorization: '[Redacted]', cookie: '[Redacted]', 'content-type': 'application/json' },
    });
    expect(entry.res).toEqual({ statusCode: 200 });
    expect(typeof entry.responseTime).toBe('number');
    expect(JSON.stringify(lines)).not.toContain('inv_secret');
    expect(JSON.stringify(lines)).not.toContain('jwt');
  });

  it('logs refusals as warn and failures as error, so that LOG_LEVEL=warn still shows them', () => {
    const { sink, lines } = makeSink('warn');
    serve(sink, 200);
    serve(sink, 412);
    serve(sink, 503);
    expect(lines.map((l) => [l.level, (l.entry.res as { statusCode: number }).statusCode])).toEqual([
      ['warn', 412],
      ['error', 503],
    ]);
    expect(lines[1].message).toBe('request failed');
  });

  it('writes nothing when silent, and nothing for the health check', () => {
    const silent = makeSink('silent');
    expect(serve(silent.sink, 500).nextCalled).toBe(true);
    expect(silent.lines).toEqual([]);
    const info = makeSink('info');
    serve(info.sink, 200, { url: '/api/health?probe=1' });
    expect(info.lines).toEqual([]);
  });
});
