import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { IncomingHttpHeaders } from 'node:http';

/** The part of a pino logger the request log uses. */
export interface RequestLogSink {
  isLevelEnabled(level: string): boolean;
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

/** The pino logger requests are logged to (provided by ApiModule). */
export const REQUEST_LOG_SINK = Symbol('REQUEST_LOG_SINK');

/** Headers whose values are secrets: logged as "[Redacted]". */
const SECRET_HEADERS = new Set(['authorization', 'cookie', 'set-cookie', 'proxy-authorization']);
/** Requests not logged (the health check of an orchestrator, every few seconds). */
const QUIET_PATHS = new Set(['/api/health']);

/**
 * One JSON line per request once answered (method, URL, headers with secrets redacted, status,
 * time): `info` below 400, `warn` for 4xx, `error` for 5xx — so that LOG_LEVEL=warn still shows
 * refusals and failures. Costs one level check per request when nothing would be written (the
 * deadline rush at LOG_LEVEL=warn), unlike a per-request child logger.
 */
export function requestLog(sink: RequestLogSink): RequestHandler {
  let lastId = 0;
  return (request: Request, response: Response, next: NextFunction) => {
    // Levels are ordered: below `error` nothing of a request would be written.
    if (!sink.isLevelEnabled('error')) return next();
    const started = process.hrtime.bigint();
    const id = ++lastId;
    response.once('finish', () => {
      const url = request.originalUrl;
      const status = response.statusCode;
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      if (!sink.isLevelEnabled(level) || QUIET_PATHS.has(url.split('?')[0])) return;
      const entry = {
        req: {
          id,
          method: request.method,
          url,
          headers: redacted(request.headers),
          remoteAddress: request.socket.remoteAddress,
        },
        res: { statusCode: status },
        responseTime: Number(process.hrtime.bigint() - started) / 1e6,
      };
      sink[level](entry, status >= 500 ? 'request failed' : 'request completed');
    });
    next();
  };
}

function redacted(headers: IncomingHttpHeaders): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers)) {
    copy[name] = SECRET_HEADERS.has(name) ? '[Redacted]' : value;
  }
  return copy;
}
