import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { DomainError, ErrorCode } from './errors';

function firstProblem(errors: ValidationError[], prefix: string): { field: string; message: string } | null {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const message = error.constraints && Object.values(error.constraints)[0];
    if (message) return { field, message };
    const nested = firstProblem(error.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

/** A lone surrogate (not valid Unicode, so not valid UTF-8 either) or NUL (which PostgreSQL text cannot hold). */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this must find
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string anywhere in `value` that no column could store, if any. */
export function unstorableText(value: unknown, path: string): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  // As class-validator names fields: a text item of a list as the list (its `each` checks), an object item by index.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableText(value[i], typeof value[i] === 'string' ? path : `${path}.${i}`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = unstorableText(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Refuses text that is not valid Unicode or holds NUL, in any argument (a 500 otherwise: validators and
 * PostgreSQL throw on it). Then validates class-validator-decorated arguments and reports the first problem as BAD_USER_INPUT with
 * the offending field's path (`input.email`).
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Custom parameter decorators (the actor, DataLoaders) carry no client input.
    if (metadata.type === 'custom') return value;
    const unstorable = unstorableText(value, metadata.data ?? '');
    if (unstorable) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'Text must be valid Unicode without NUL characters', unstorable);
    const type = metadata.metatype;
    if (!type || [String, Boolean, Number, Array, Object].includes(type as never) || value === null || value === undefined) return value;
    const instance = plainToInstance(type, value) as object;
    const errors = await validate(instance, { forbidUnknownValues: false, validationError: { target: false, value: false } });
    const problem = firstProblem(errors, metadata.data ?? '');
    if (problem) throw new DomainError(ErrorCode.BAD_USER_INPUT, problem.message, problem.field);
    return instance;
  }
}
