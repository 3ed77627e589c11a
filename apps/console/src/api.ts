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
  type components,
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

// --- The answers the console reads, as docs/openapi.json declares them.

type Schemas = components['schemas'];
export type Operation = Schemas['PermittedOperationDto'];
export type Session = Schemas['SessionResponseDto'];
export type Figures = Schemas['CompletionFiguresDto'];
export type ReportRow = Schemas['CompletionReportRowDto'];
export type CompletionReport = Schemas['CompletionReportResponseDto'];
export type CaseItem = Schemas['CaseSummaryItemDto'];
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}
export type ReplayStep = Schemas['ReplayStepDto'];
export type CaseHistory = Schemas['CaseHistoryResponseDto'];
export type ChainCheck = Schemas['ChainVerificationResponseDto'];
export type AuditEntry = Schemas['AuditTrailEntryDto'];
export type ComplaintItem = Schemas['ComplaintQueueItemDto'];

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const api = {
  session: async () => client.get('/api/v1/session'),
  completion: async (office: string | undefined, period: string) =>
    client.get('/api/v1/reports/completion', {
      query: { office, period, minPosition: lastWrite },
    }),
  cases: async (office: string, cursor?: string) =>
    client.get('/api/v1/cases', {
      query: { office, cursor, limit: 50, minPosition: lastWrite },
    }),
  history: async (caseId: string, asOf?: string, asKnownAt?: string) =>
    client.get('/api/v1/cases/{caseId}/history', {
      path: { caseId },
      query: { asOf, asKnownAt },
    }),
  verify: async (caseId: string) => client.get('/api/v1/cases/{caseId}/verify', { path: { caseId } }),
  rejections: async (caseId: string) =>
    client.get('/api/v1/audit', {
      query: { caseId, type: 'CommandRejected', limit: 200, minPosition: lastWrite },
    }),
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
    return await client.get('/api/v1/complaints', { query });
  },
  correct: async (caseId: string, command: string, body: unknown) => {
    // The form builds each command's body from its own field list; the server validates it (400 names the field).
    const answer: Schemas['CommandResponseDto'] = await client.post(correctivePath(command), {
      path: { caseId },
      body: body as never,
    });
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
