import { type PipeTransform } from '@nestjs/common';
import { RequestValidationFailed } from '../problem/request-validation-failed';
import { IDENTIFIER, IDENTIFIER_RULE } from './validators';

/** Validates a path id (case or complaint): the same alphabet as client-chosen ids in bodies. */
export class IdParamPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!IDENTIFIER.test(value)) {
      throw new RequestValidationFailed([{ field: this.name, messages: [`${this.name} ${IDENTIFIER_RULE}`] }]);
    }
    return value;
  }
}
