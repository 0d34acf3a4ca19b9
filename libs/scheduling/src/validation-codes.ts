/**
 * The stable machine codes of `ValidationIssue.code` (kebab-case), for translations: the web pages
 * turn `{code, params}` into a sentence in the reader's language; `message` stays the English text.
 * Listed once here; docs/service.md has the table of what each means and its params.
 */
export const VALIDATION_CODES = [
  // The shape of a field (any document)
  'unknown-field',
  'required',
  'expected-string',
  'empty',
  'too-short',
  'too-long',
  'nul-character',
  'expected-integer',
  'below-min',
  'above-max',
  'rank-above-max',
  'table-above-max',
  'too-large',
  'expected-array',
  'expected-object',
  'expected-time',
  'expected-pair',
  'expected-cluster-id',
  'expected-event-file',
  'expected-schedule-file',
  'expected-wish-list',
  'wrong-format',
  // Event settings
  'end-not-after-start',
  'invalid-date',
  'invalid-timezone',
  'timezone-suggestion',
  'no-sessions',
  'sessions-overlap',
  'invalid-pairing',
  // Clusters
  'invalid-cluster-id',
  'duplicate-cluster-id',
  'duplicate-cluster-name',
  'region-required',
  'region-blank',
  'unknown-cluster',
  // Wishes, avoid, alreadyMet
  'self-wish',
  'duplicate-wish',
  'duplicate-rank',
  'same-region',
  'same-cluster-twice',
  // Fixed meetings
  'slot-not-found',
  'duplicate-fixed-pair',
  'fixed-over-cap',
  'unavailable-in-slot',
  'busy-in-slot',
  'table-taken',
  'slot-over-tables',
  'no-common-slot',
  // The HTTP layer (apps/api)
  'invalid-json',
  'expected-positive-integer',
  'invalid-etag',
  'value-not-allowed',
  'invalid-value',
] as const;

export type ValidationCode = (typeof VALIDATION_CODES)[number];

/** What a translation may use: plain JSON values (numbers, short texts, lists of texts). */
export type ValidationParams = Record<string, string | number | boolean | string[]>;

export function isValidationCode(value: unknown): value is ValidationCode {
  return typeof value === 'string' && (VALIDATION_CODES as readonly string[]).includes(value);
}

/**
 * Params naming a wrong value without English words: `got` is its kind (`string`, `number`,
 * `boolean`, `null`, `nothing`, `array`, `object`, …) and `value` the value itself when it is a
 * string (shortened to 40 characters), a number or a boolean.
 */
export function gotParams(value: unknown): ValidationParams {
  if (value === null) return { got: 'null' };
  if (value === undefined) return { got: 'nothing' };
  if (Array.isArray(value)) return { got: 'array' };
  switch (typeof value) {
    case 'string': {
      const chars = [...value];
      return { got: 'string', value: chars.length <= 40 ? value : `${chars.slice(0, 40).join('')}…` };
    }
    case 'number':
      return { got: 'number', value: Number.isFinite(value) ? value : String(value) };
    case 'boolean':
      return { got: 'boolean', value };
    default:
      return { got: typeof value };
  }
}
