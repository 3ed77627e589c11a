import { REPLAY_WINDOW_ERROR_KINDS } from '@thads/application';
import { errorKindOf, type DomainErrorKind } from '@thads/domain';
import { COMPLETION_REPORT_ERROR_KINDS } from '@thads/read-models';

/** The HTTP status of each kind of refusal the domain declares beside its codes (libs/domain shared/error-kind.ts). */
export const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  malformed: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  stored_data: 500,
};

/** The queries' codes, declared beside them in the application and the read side. */
const QUERY_ERROR_KINDS: Readonly<Record<string, DomainErrorKind>> = Object.assign({}, COMPLETION_REPORT_ERROR_KINDS, {
  ...REPLAY_WINDOW_ERROR_KINDS,
});

/** HTTP status of a DomainError code, from its declared kind; an undeclared code is a server defect (500). */
export function statusOfDomainCode(code: string): number {
  const kind = errorKindOf(code) ?? (Object.hasOwn(QUERY_ERROR_KINDS, code) ? QUERY_ERROR_KINDS[code] : undefined);
  return kind === undefined ? 500 : STATUS_OF_KIND[kind];
}
