import type { ValidationError } from '@nestjs/common';
import { gotParams, type ValidationCode, type ValidationIssue, type ValidationParams } from '@app/scheduling';

/**
 * class-validator errors (the DTOs of ../dto) → `{path, message, code, params}`: the English message
 * without the repeated property name, and the code of the same rule in the event-file parser.
 * A decorator may add params with its `context` option (`@IsIn(list, { context: { allowed } })`).
 */
export function validationIssues(errors: ValidationError[], parent = ''): ValidationIssue[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, text]) => {
      const message = text.startsWith(`${error.property} `) ? text.slice(error.property.length + 1) : text;
      const context = error.contexts?.[constraint] as ValidationParams | undefined;
      return { path, message, ...codeOf(constraint, error, message, context) };
    });
    return [...own, ...validationIssues(error.children ?? [], path)];
  });
}

function codeOf(
  constraint: string,
  error: ValidationError,
  message: string,
  context: ValidationParams | undefined,
): { code: ValidationCode; params?: ValidationParams } {
  const { value } = error;
  if (constraint === 'whitelistValidation')
    return { code: 'unknown-field', params: { field: error.property } };
  if (value === undefined || value === null) return { code: 'required' };
  switch (constraint) {
    case 'isString':
      return { code: 'expected-string', params: gotParams(value) };
    case 'maxLength': {
      const max = Number(/(\d+)/.exec(message)?.[1]);
      const length = typeof value === 'string' ? [...value].length : undefined;
      return {
        code: 'too-long',
        params: { ...(length !== undefined ? { length } : {}), ...(Number.isFinite(max) ? { max } : {}) },
      };
    }
    case 'minLength': {
      const min = Number(/(\d+)/.exec(message)?.[1]);
      return { code: 'too-short', params: Number.isFinite(min) ? { min } : {} };
    }
    case 'isIn':
      return { code: 'value-not-allowed', params: { ...gotParams(value), ...context } };
    default:
      return { code: 'invalid-value', params: { ...gotParams(value), ...context } };
  }
}
