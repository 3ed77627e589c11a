/** One invalid input: the field path (e.g. `obligations.0.amount`) and what is wrong with it. */
export interface FieldError {
  readonly field: string;
  readonly messages: readonly string[];
}

/** Bad request input caught at the edge (body, path, headers). Becomes a 400 problem naming every field. */
export class RequestValidationFailed extends Error {
  override readonly name = 'RequestValidationFailed';
  readonly code = 'VALIDATION_FAILED';

  constructor(readonly errors: readonly FieldError[]) {
    super(errors.map((error) => `${error.field}: ${error.messages.join('; ')}`).join(' | '));
  }
}
