import type { DomainError } from '@thads/domain';
import type { OfficeSource } from './access-policy';
import { AccessRefused } from './access-refused';
import { caseNotFound, complaintNotFound, type RequestParts } from './office-resolution';

/**
 * A refusal answered as "not found". To a caller without rights to the office that owns a case or complaint, its
 * existence is itself information (an id that exists, and which office holds it), so the answer is exactly the one an
 * unknown id gets: same status, code, detail and details. The real refusal is kept for the rejection log, where
 * auditors read why the command was refused.
 */
export class ConcealedRefusal extends Error {
  override readonly name = 'ConcealedRefusal';

  constructor(
    /** What the log of refused commands records. */
    readonly refusal: AccessRefused,
    /** What the caller is told: the not-found answer of an unknown id. */
    readonly answer: DomainError,
  ) {
    super(answer.message);
  }
}

/**
 * The error the caller sees for a refusal under `source`: FORBIDDEN_OFFICE on a stored case or complaint becomes its
 * not-found answer; every other refusal is told as it is (an office id in a query or body is not a secret, and a
 * FORBIDDEN_ROLE is decided before the stored record is looked at, so it says the same for any id).
 */
export function concealOwner(error: unknown, source: OfficeSource | undefined, request: RequestParts): unknown {
  if (!(error instanceof AccessRefused) || error.code !== 'FORBIDDEN_OFFICE') return error;
  const answer = notFoundAnswer(source, request);
  return answer === undefined ? error : new ConcealedRefusal(error, answer);
}

function notFoundAnswer(source: OfficeSource | undefined, request: RequestParts): DomainError | undefined {
  switch (source) {
    case 'case-in-path':
      return caseNotFound(String(field(request.params, 'caseId')));
    case 'case-in-body':
      return caseNotFound(String(field(request.body, 'caseId')));
    case 'complaint-in-path':
      return complaintNotFound(String(field(request.params, 'complaintId')));
    default:
      return undefined;
  }
}

function field(container: unknown, name: string): unknown {
  return typeof container === 'object' && container !== null ? (container as Record<string, unknown>)[name] : undefined;
}
