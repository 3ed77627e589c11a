import { NotAcceptableException } from '@nestjs/common';
import Negotiator from 'negotiator';

/**
 * The media type to answer with, chosen from `offered` by the request's Accept header (RFC 9110 §12.5.1: q-values,
 * wildcards, specificity; no header means any). An Accept that admits none of them is a 406 naming what is offered:
 * a client asking for a spreadsheet never gets JSON it did not ask for.
 */
export function negotiateMediaType<T extends string>(accept: string | undefined, offered: readonly T[]): T {
  const chosen = new Negotiator({ headers: { accept } }).mediaType([...offered]);
  if (chosen === undefined)
    throw new NotAcceptableException(
      `This resource is available as ${offered.join(', ')}; the Accept header "${accept ?? ''}" admits none of them`,
    );
  return chosen as T;
}
