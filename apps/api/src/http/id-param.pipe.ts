import { type PipeTransform } from '@nestjs/common';
import { RequestValidationFailed } from '../problem/request-validation-failed';

const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._:]{0,99}$/;

/** Validates a path id (case or complaint): the same alphabet as client-chosen ids in bodies. */
export class IdParamPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!IDENTIFIER.test(value)) {
      throw new RequestValidationFailed([{ field: this.name, messages: [`${this.name} must start with a letter or digit and use only letters, digits, . _ : (at most 100 characters)`] }]);
    }
    return value;
  }
}
