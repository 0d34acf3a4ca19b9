import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DomainError } from '@app/core';
import { isDatabaseUnavailable, isUnstorableText } from '@app/persistence';
import type { Response } from 'express';
import { STATUS_OF, bodyParserError, errorBody, type ErrorBody } from './error-response';

/** The one global exception filter: domain errors and HTTP errors → JSON, never framework internals. */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.code === 'DATABASE_UNAVAILABLE') {
      this.logger.warn(`PostgreSQL unavailable: ${exception instanceof Error ? exception.message : ''}`);
    } else if (body.statusCode >= 500 && body.code !== 'QUEUE_UNAVAILABLE') {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return errorBody(STATUS_OF[exception.code] ?? 500, exception.message, exception.code, exception.issues);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const cause = (exception as { cause?: unknown }).cause;
      const parsed = bodyParserError(cause);
      if (parsed) return parsed;
      let message = exception.message;
      if (typeof response === 'object' && response !== null && 'message' in response) {
        const raw = (response as { message: unknown }).message;
        message = Array.isArray(raw) ? raw.join('; ') : String(raw);
      }
      if (status === 429) message = 'Too many requests; try again in a minute.';
      if (status >= 500) message = 'Internal server error.';
      return errorBody(status, message);
    }
    const parsed = bodyParserError(exception);
    if (parsed) return parsed;
    if (isDatabaseUnavailable(exception)) {
      return errorBody(503, 'The database is unavailable; try again in a moment.', 'DATABASE_UNAVAILABLE');
    }
    if (isUnstorableText(exception)) {
      // A safety net: inputs are validated before they are stored, but text with a NUL character or
      // invalid UTF-8 is the request's fault wherever it slipped through, never a 500.
      return errorBody(
        400,
        'The request contains text that cannot be stored (a NUL character?).',
        'INVALID_TEXT',
      );
    }
    return errorBody(500, 'Internal server error.');
  }
}
