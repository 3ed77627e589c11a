/**
 * Every call the console makes to the API, in one place, through the typed client of libs/api-client: the paths,
 * parameters and bodies below are checked against docs/openapi.json when the console is type-checked, so a change to
 * the API that the console no longer fits fails `npm run typecheck`. Same origin, bearer token from the session,
 * problem+json errors as ApiError (the client's ApiProblemError: status, code, detail).
 *
 * The client is imported by its path in the repository: tsc compiles the console from the repository root
 * (apps/console/tsconfig.json), so the same relative path holds in dist/console, where the browser loads it unbundled.
 */
import {
  ApiProblemError,
  createApiClient,
  type ApiPathWith,
  type GetRequest,
} from '../../../libs/api-client/src/index.js';
import { currentToken } from './token.js';

export { ApiProblemError as ApiError };

/**
 * Queries that wait for this tab's last write may answer 503 READ_MODEL_BEHIND while the read models catch up; the
 * client asks again after each Retry-After, this many times.
 */
const BEHIND_RETRIES = 60;

const client = createApiClient({ baseUrl: '', token: () => currentToken() ?? '', retryAttempts: BEHIND_RETRIES });

/** The log position of this tab's last accepted command: read-model queries wait for it (read your writes). */
let lastWrite: string | undefined;

/** The corrective commands the correction form sends (docs/corrections.md); each is a POST route of the document. */
const CORRECTIVE_ROUTES = [
  'withdraw-decision',
  'amend-decision',
  'annul-decision',
  'correct-recorded-fact',
  'reassign-officer',
  'reopen-case',
] as const;
type CorrectiveRoute = (typeof CORRECTIVE_ROUTES)[number];
type CorrectivePath = `/api/v1/cases/{caseId}/${CorrectiveRoute}` & ApiPathWith<'post'>;

function correctivePath(route: string): CorrectivePath {
  if (!(CORRECTIVE_ROUTES as readonly string[]).includes(route)) throw new Error(`Not a corrective command: ${route}`);
  return `/api/v1/cases/{caseId}/${route as CorrectiveRoute}`;
}

/** The complaint queue's filters as the complaints view holds them (text from the address bar). */
export interface ComplaintFilters {
  readonly office?: string;
  readonly status?: string;
  readonly overdue?: 'true' | 'false';
  readonly asOf?: string;
  readonly limit?: string;
}

type ComplaintQuery = NonNullable<GetRequest<'/api/v1/complaints'>['query']>;

/** Fetches a file with the bearer token and hands it to the browser as a download. */
async function saveDownload(response: Response, fallbackName: string): Promise<void> {
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

// --- The answers the console reads (the fields it uses; the API sends more).

export interface Operation {
  readonly operation: string;
  readonly method: string;
  readonly path: string;
  readonly roles: readonly string[];
  readonly offices: 'any' | readonly string[];
}
export interface Session {
  readonly subject: string;
  readonly roles: readonly string[];
  readonly offices: readonly string[];
  readonly expiresAt: string;
  readonly operations: readonly Operation[];
}
export type Figures = Record<string, string | null>;
export interface ReportRow {
  readonly officeId: string | null;
  readonly name: string | null;
  readonly scope: 'OFFICE' | 'ROLL_UP';
  readonly closed: boolean;
  readonly cases: Figures;
  readonly money: Figures;
  readonly target: { cases: string; money: string } | null;
  readonly gap: { cases: string | null; money: string | null } | null;
  readonly adjustments: { appliesToPeriod: string; cases: Figures; money: Figures } | null;
}
export interface CompletionReport {
  readonly officeId: string | null;
  readonly period: string;
  readonly reportingYear: number;
  readonly regime: { id: string; basis: string };
  readonly position: string;
  readonly closed: boolean;
  readonly office: ReportRow | null;
  readonly children: readonly ReportRow[];
  readonly rollUp: ReportRow;
}
export interface CaseItem {
  readonly caseId: string;
  readonly officeId: string;
  readonly status: string;
  readonly officerId: string | null;
  readonly owed: string;
  readonly collected: string;
  readonly receivedOn: string;
  readonly nextDueOn: string | null;
}
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}
export interface ReplayStep {
  readonly revision: string;
  readonly eventId: string;
  readonly type: string;
  readonly effectiveDate: string | null;
  readonly recordedAt: string;
  readonly actor: { id: string; role: string; officeId?: string };
  readonly commandId: string;
  readonly reason: string | null;
  readonly legalBasis: string | null;
  readonly data: Record<string, unknown>;
}
export interface CaseHistory {
  readonly caseId: string;
  readonly steps: readonly ReplayStep[];
  readonly state: { status: string; officeId?: string } & Record<string, unknown>;
}
export interface ChainCheck {
  readonly ok: boolean;
  readonly events: number;
  readonly brokenAt?: { revision: string; eventId: string; kind: string };
}
export interface AuditEntry {
  readonly eventId: string;
  readonly eventType: string;
  readonly actorId: string;
  readonly actorRole: string;
  readonly reason: string | null;
  readonly recordedAt: string;
}
export interface ComplaintItem {
  readonly complaintId: string;
  readonly caseId: string;
  readonly officeId: string;
  readonly level: number;
  readonly status: string;
  readonly decidingAuthority: string;
  readonly acceptanceDueOn: string;
  readonly resolutionDueOn: string | null;
  readonly overdue: boolean;
  readonly overdueStep: string | null;
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const api = {
  session: async () => (await client.get('/api/v1/session')) as Session,
  completion: async (office: string | undefined, period: string) =>
    (await client.get('/api/v1/reports/completion', {
      query: { office, period, minPosition: lastWrite },
    })) as CompletionReport,
  cases: async (office: string, cursor?: string) =>
    (await client.get('/api/v1/cases', {
      query: { office, cursor, limit: 50, minPosition: lastWrite },
    })) as Page<CaseItem>,
  history: async (caseId: string, asOf?: string, asKnownAt?: string) =>
    (await client.get('/api/v1/cases/{caseId}/history', {
      path: { caseId },
      query: { asOf, asKnownAt },
    })) as CaseHistory,
  verify: async (caseId: string) =>
    (await client.get('/api/v1/cases/{caseId}/verify', { path: { caseId } })) as ChainCheck,
  rejections: async (caseId: string) =>
    (await client.get('/api/v1/audit', {
      query: { caseId, type: 'CommandRejected', limit: 200, minPosition: lastWrite },
    })) as { items: readonly AuditEntry[] },
  complaints: async (filters: ComplaintFilters) => {
    const query: ComplaintQuery = {
      office: filters.office,
      // The view offers the statuses the API lists; one typed into the address bar is refused with 400 naming it.
      status: filters.status as ComplaintQuery['status'],
      overdue: filters.overdue === undefined ? undefined : filters.overdue === 'true',
      asOf: filters.asOf,
      limit: filters.limit === undefined ? undefined : Number(filters.limit),
      minPosition: lastWrite,
    };
    return (await client.get('/api/v1/complaints', { query })) as Page<ComplaintItem>;
  },
  correct: async (caseId: string, command: string, body: unknown) => {
    // The form builds each command's body from its own field list; the server validates it (400 names the field).
    const answer = (await client.post(correctivePath(command), { path: { caseId }, body: body as never })) as {
      position: string;
    };
    lastWrite = answer.position;
    return answer;
  },
  evidence: async (caseId: string, asOf?: string, asKnownAt?: string) =>
    saveDownload(
      await client.send('get', '/api/v1/cases/{caseId}/evidence', {
        path: { caseId },
        query: { asOf, asKnownAt },
        headers: { accept: 'application/json' },
      }),
      `case-${caseId}-evidence.json`,
    ),
  reportFile: async (office: string | undefined, period: string, accept: string, lang?: 'en' | 'vi') =>
    saveDownload(
      await client.send('get', '/api/v1/reports/completion', {
        query: { office, period, lang, minPosition: lastWrite },
        headers: { accept },
      }),
      `completion-${office ?? 'country'}-${period}`,
    ),
};
