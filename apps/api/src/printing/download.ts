import { StreamableFile, applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiQuery } from '@nestjs/swagger';
import type { PrintedDocument } from '@app/core';
import type { Response } from 'express';
import { PositiveIntPipe } from '../http/pipes';

/** `?version=N` when given: a positive integer, else VALIDATION_FAILED naming `version`. */
export function versionQuery(value: string | undefined): number | undefined {
  return value === undefined ? undefined : new PositiveIntPipe('version').transform(value);
}

/**
 * Sends a printed document as a download: its media type, `Content-Disposition: attachment` with
 * its ASCII file name, never cached by a shared cache, the schedule version in `X-Schedule-Version`.
 */
export function download(response: Response, document: PrintedDocument): StreamableFile {
  response.setHeader('Cache-Control', 'private, no-store');
  response.setHeader('X-Schedule-Version', String(document.version));
  return new StreamableFile(document.body, {
    type: document.mediaType,
    disposition: `attachment; filename="${document.fileName}"`,
    length: document.body.length,
  });
}

/** OpenAPI: the media type of the answer, a binary body, and `?lang=`. */
export function ApiDownload(mediaType: string, description: string) {
  const bare = mediaType.split(';')[0];
  return applyDecorators(
    ApiProduces(bare),
    ApiOkResponse({
      description: `${description}, as an attachment (Content-Disposition with a file name)`,
      content: { [bare]: { schema: { type: 'string', format: 'binary' } } },
    }),
    ApiQuery({
      name: 'lang',
      required: false,
      enum: ['fr', 'en'],
      description: 'Language of every printed word (default fr)',
    }),
  );
}
