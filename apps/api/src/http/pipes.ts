import { PipeTransform } from '@nestjs/common';
import { validationFailed } from '@app/core';

/** A positive integer path parameter; VALIDATION_FAILED naming it otherwise. */
export class PositiveIntPipe implements PipeTransform<string, number> {
  constructor(private readonly name: string) {}

  transform(value: string): number {
    if (!/^[1-9]\d{0,8}$/.test(value))
      throw validationFailed([
        {
          path: this.name,
          message: `expected a positive integer, got ${JSON.stringify(value)}`,
          code: 'expected-positive-integer',
          params: { value: String(value).slice(0, 64) },
        },
      ]);
    return Number(value);
  }
}

/** `If-Match: "3"` (or W/"3", or 3) → 3; absent or `*` → undefined. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match)
    throw validationFailed([
      {
        path: 'If-Match',
        message: `expected a version ETag like "3", got ${JSON.stringify(header)}`,
        code: 'invalid-etag',
        params: { value: header.slice(0, 64) },
      },
    ]);
  return Number(match[1]);
}

export function etag(version: number): string {
  return `"${version}"`;
}
