import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@app/config';
import { json, text, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { bodyParserError } from './http/error-response';
import { REQUEST_LOG_SINK, requestLog, type RequestLogSink } from './http/request-log';

/** Paths whose bodies may be large (event files, CSV lists). */
export const IMPORT_PATHS = ['/api/events/import', '/api/events/:id/participants/csv'];

/**
 * Everything around the routes, shared by main.ts and the tests: global prefix, logger, helmet,
 * CORS, body size limits (413) and JSON parse errors (400) answered as JSON, OpenAPI.
 * The app must be created with `{ bodyParser: false, bufferLogs: true }`.
 */
export function configureApp(app: INestApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.use(requestLog(app.get<RequestLogSink>(REQUEST_LOG_SINK)));
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  app.use(helmet());
  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: config.corsOrigins.includes('*') ? true : config.corsOrigins });
  }
  for (const path of IMPORT_PATHS) {
    app.use(path, safely(json({ limit: config.bodyLimitImport })));
    app.use(path, safely(text({ type: ['text/csv', 'text/plain'], limit: config.bodyLimitImport })));
  }
  app.use(safely(json({ limit: config.bodyLimit })));
  app.use(safely(text({ type: ['text/csv', 'text/plain'], limit: config.bodyLimit })));

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Interclustering API')
      .setDescription(
        'Schedules B2B speed-meeting days between business clusters. Organisers log in (POST /api/auth/login) ' +
          'and send `Authorization: Bearer <accessToken>`; cluster managers send their invite token (`inv_…`).',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

/** Runs a body parser and answers its errors (too large, bad JSON) as JSON error bodies. */
function safely(parser: RequestHandler): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    parser(request, response, (error?: unknown) => {
      if (!error) return next();
      const body = bodyParserError(error) ?? {
        statusCode: 400,
        code: 'BAD_REQUEST',
        message: 'The request body could not be read.',
      };
      response.status(body.statusCode).json(body);
    });
  };
}
