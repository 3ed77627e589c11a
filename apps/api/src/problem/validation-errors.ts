import type { ValidationError } from 'class-validator';
import { RequestValidationFailed, type FieldError } from './request-validation-failed';

/** ValidationPipe's exceptionFactory: flattens nested class-validator errors into field paths. */
export function toRequestValidationFailed(errors: ValidationError[]): RequestValidationFailed {
  return new RequestValidationFailed(flatten(errors, ''));
}

function flatten(errors: readonly ValidationError[], prefix: string): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
