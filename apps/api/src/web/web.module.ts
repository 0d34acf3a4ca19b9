import { Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where the pages live, relative to the repository root (tsc compiles TypeScript only). */
const PUBLIC_FROM_ROOT = join('apps', 'api', 'public');

/**
 * The folder of the web pages: `apps/api/public`, found by walking up from this file, so that it
 * works from the sources (ts-jest, ts-node) and from the build (`dist/apps/api/src/web`).
 * `WEB_PUBLIC_DIR` overrides it (a deployment that copies the pages elsewhere).
 */
export function findPublicDirectory(
  start = __dirname,
  override = process.env.WEB_PUBLIC_DIR,
): string | undefined {
  if (override) return existsSync(join(override, 'index.html')) ? override : undefined;
  let directory = start;
  for (;;) {
    const candidate = join(directory, PUBLIC_FROM_ROOT);
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

/** True for requests the single-page app answers with index.html: GET/HEAD of a page, not of the API or a file. */
export function isPageRequest(method: string, path: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (path === '/api' || path.startsWith('/api/')) return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.');
}

/**
 * Serves the web pages (a small single-page app without build step, `apps/api/public`) from the API's
 * own origin: the files themselves, and index.html for every page path (`/events/…`, `/invite`,
 * `/m/<token>`). Registered when the module initialises, i.e. after the API routes and before the
 * final 404 handler, so `/api/**` is never shadowed.
 */
@Module({})
export class WebModule implements OnModuleInit {
  private readonly logger = new Logger(WebModule.name);

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const directory = findPublicDirectory();
    if (!directory) {
      this.logger.warn(`No web pages found (${PUBLIC_FROM_ROOT}); only the API is served.`);
      return;
    }
    const app = this.adapterHost.httpAdapter.getInstance<express.Express>();
    // No build step, so no hashed file names: browsers revalidate every file (ETag, 304).
    app.use(
      express.static(directory, {
        index: false,
        redirect: false,
        setHeaders: (response) => response.setHeader('Cache-Control', 'no-cache'),
      }),
    );
    const index = join(directory, 'index.html');
    app.use((request: Request, response: Response, next: NextFunction) => {
      if (!isPageRequest(request.method, request.path)) return next();
      response.setHeader('Cache-Control', 'no-cache');
      // An invite token in the path (`/m/<token>`) must not leak to other sites through Referer.
      response.setHeader('Referrer-Policy', 'no-referrer');
      response.sendFile(index);
    });
  }
}
