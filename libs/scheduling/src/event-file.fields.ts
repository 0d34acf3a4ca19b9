import type { ValidationIssue } from './model';
import { gotParams, type ValidationCode, type ValidationParams } from './validation-codes';

export { gotParams };

/**
 * Small helpers shared by the event-file and schedule-file parsers: they read one field of an
 * untrusted JSON value, record an issue naming its place when it is wrong, and never throw.
 */

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: ValidationIssue[] };

/** The place of an issue about the document as a whole (not an object, …). */
export const ROOT_PATH = '(root)';

export type JsonObject = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

/** `parent.key`, or `parent["odd key"]` when the key is not a plain identifier. */
export function fieldPath(parent: string, key: string): string {
  if (IDENTIFIER.test(key) && key.length <= 64) return parent ? `${parent}.${key}` : key;
  return `${parent}[${JSON.stringify(shorten(key, 64))}]`;
}

export function itemPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

/** A short, safe description of any value for messages: `"abc"`, `12`, `null`, `an array`. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(shorten(value, 40));
    case 'number':
      return String(value);
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

/** A text shortened as `quote` does, for params. */
export function shortText(text: string): string {
  return shorten(text, 64);
}

/** Quoted for messages, shortened: `"aei"`. */
export function quote(text: string): string {
  return JSON.stringify(shorten(text, 64));
}

export function characterCount(text: string): number {
  let count = 0;
  for (const _char of text) count++;
  return count;
}

export class Issues {
  readonly list: ValidationIssue[] = [];

  /** An issue at `path`: the English `message`, and the same as a `code` with its `params`. */
  add(path: string, message: string, code: ValidationCode, params?: ValidationParams): void {
    this.list.push({ path: path || ROOT_PATH, message, code, ...(params ? { params } : {}) });
  }

  get count(): number {
    return this.list.length;
  }

  /** Rejects every key of `object` not in `allowed`, naming it. */
  unknownFields(object: JsonObject, allowed: readonly string[], path: string): void {
    for (const key of Object.keys(object)) {
      if (!allowed.includes(key))
        this.add(fieldPath(path, key), 'unknown field', 'unknown-field', { field: shortText(key) });
    }
  }

  result<T>(value: () => T): ParseResult<T> {
    return this.list.length === 0 ? { ok: true, value: value() } : { ok: false, errors: this.list };
  }
}

export function isPresent(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key) && object[key] !== undefined;
}

export interface StringRule {
  required?: boolean;
  min?: number;
  max?: number;
}

/** A string field; returns undefined (and records why) when absent or wrong. */
export function readString(
  object: JsonObject,
  key: string,
  path: string,
  issues: Issues,
  rule: StringRule = {},
): string | undefined {
  const place = fieldPath(path, key);
  if (!isPresent(object, key)) {
    if (rule.required) issues.add(place, 'is required', 'required');
    return undefined;
  }
  const value = object[key];
  if (typeof value !== 'string') {
    issues.add(place, `expected a string, got ${describe(value)}`, 'expected-string', gotParams(value));
    return undefined;
  }
  if (value.includes('\u0000')) {
    // JSON may carry it, but it is no text: PostgreSQL cannot store it, nor a printer print it.
    issues.add(place, 'contains a NUL character (U+0000), which is not text', 'nul-character');
    return undefined;
  }
  const length = characterCount(value);
  if (rule.min !== undefined && length < rule.min) {
    if (rule.min === 1) issues.add(place, 'must not be empty', 'empty');
    else
      issues.add(place, `must have at least ${rule.min} characters`, 'too-short', { length, min: rule.min });
    return undefined;
  }
  if (rule.max !== undefined && length > rule.max) {
    issues.add(place, `has ${length} characters, at most ${rule.max} allowed`, 'too-long', {
      length,
      max: rule.max,
    });
    return undefined;
  }
  return value;
}

export interface IntegerRule {
  required?: boolean;
  min?: number;
  max?: number;
  /** How the maximum is called in the message (`maxWishesPerCluster`). */
  maxName?: string;
  /** The code when above the maximum (`rank-above-max`); `above-max` by default. */
  maxCode?: ValidationCode;
}

/** An integer field (a safe integer), within [min, max]. */
export function readInteger(
  object: JsonObject,
  key: string,
  path: string,
  issues: Issues,
  rule: IntegerRule = {},
): number | undefined {
  const place = fieldPath(path, key);
  if (!isPresent(object, key)) {
    if (rule.required) issues.add(place, 'is required', 'required');
    return undefined;
  }
  return checkInteger(object[key], place, issues, rule);
}

export function checkInteger(value: unknown, place: string, issues: Issues, rule: IntegerRule = {}) {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    issues.add(place, `expected an integer, got ${describe(value)}`, 'expected-integer', gotParams(value));
    return undefined;
  }
  if (rule.min !== undefined && value < rule.min) {
    issues.add(place, `${value} is below the minimum ${rule.min}`, 'below-min', { value, min: rule.min });
    return undefined;
  }
  if (rule.max !== undefined && value > rule.max) {
    issues.add(
      place,
      `${value} is above ${rule.maxName ?? 'the maximum'} ${rule.max}`,
      rule.maxCode ?? 'above-max',
      {
        value,
        max: rule.max,
      },
    );
    return undefined;
  }
  if (!Number.isSafeInteger(value)) {
    issues.add(place, `${value} is too large`, 'too-large', { value });
    return undefined;
  }
  return value;
}

/** An array field; returns undefined (and records why) when absent or not an array. */
export function readArray(
  object: JsonObject,
  key: string,
  path: string,
  issues: Issues,
  required: boolean,
): unknown[] | undefined {
  const place = fieldPath(path, key);
  if (!isPresent(object, key)) {
    if (required) issues.add(place, 'is required', 'required');
    return undefined;
  }
  const value = object[key];
  if (!Array.isArray(value)) {
    issues.add(place, `expected an array, got ${describe(value)}`, 'expected-array', gotParams(value));
    return undefined;
  }
  return value;
}

/** An object at `place`, or undefined (with an issue). */
export function expectRecord(value: unknown, place: string, issues: Issues): JsonObject | undefined {
  if (isRecord(value)) return value;
  issues.add(place, `expected an object, got ${describe(value)}`, 'expected-object', gotParams(value));
  return undefined;
}

/** What tells one exchange document from another at its root. */
export interface DocumentKind {
  /** For people: "an event file", "a schedule file". */
  name: string;
  /** The code of "not a JSON object". */
  notAnObject: ValidationCode;
  format: string;
  keys: readonly string[];
}

/**
 * Checks a document's root: a JSON object with only `kind.keys`, whose `format` is `kind.format`.
 * Returns the object (problems with its fields added to `issues`), or undefined when it is none.
 */
export function readDocumentRoot(input: unknown, kind: DocumentKind, issues: Issues): JsonObject | undefined {
  if (!isRecord(input)) {
    issues.add(
      '',
      `expected ${kind.name} (a JSON object), got ${describe(input)}`,
      kind.notAnObject,
      gotParams(input),
    );
    return undefined;
  }
  issues.unknownFields(input, kind.keys, '');
  if (!isPresent(input, 'format')) {
    issues.add('format', `is required: "${kind.format}"`, 'wrong-format', {
      expected: kind.format,
      ...gotParams(undefined),
    });
  } else if (input.format !== kind.format) {
    issues.add('format', `expected "${kind.format}", got ${describe(input.format)}`, 'wrong-format', {
      expected: kind.format,
      ...gotParams(input.format),
    });
  }
  return input;
}
