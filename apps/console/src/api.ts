/**
 * Every call the console makes to the API, in one place, so moving to the typed client of libs/ is a
 * change of this file only. Same origin, bearer token from the session, problem+json errors turned into ApiError.
 */
import { currentToken } from './token.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
  ) {
    super(`${status} ${code}: ${detail}`);
  }
}

const BASE = '/api/v1';
type Params = Record<string, string | undefined>;

function url(path: string, params: Params = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const search = query.toString();
  return `${BASE}${path}${search ? `?${search}` : ''}`;
}

/** How often a query that waits for this tab's last write is retried while the read models catch up. */
const BEHIND_RETRIES = 60;

async function send(path: string, init: RequestInit & { params?: Params } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${currentToken() ?? ''}`);
  let response = await fetch(url(path, init.params), { ...init, headers });
  // 503 READ_MODEL_BEHIND: the projector has not reached our write yet; wait as Retry-After says, then ask again.
  for (let attempt = 0; response.status === 503 && attempt < BEHIND_RETRIES && init.method !== 'POST'; attempt++) {
    const seconds = Number(response.headers.get('retry-after') ?? '1') || 1;
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    response = await fetch(url(path, init.params), { ...init, headers });
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new ApiError(
      response.status,
      problem.code ?? `HTTP_${response.status}`,
      problem.detail ?? response.statusText,
    );
  }
  return response;
}

export const get = async <T>(path: string, params?: Params): Promise<T> => (await send(path, { params })).json();

/** The log position of this tab's last accepted command: read-model queries wait for it (read your writes). */
let lastWrite: string | undefined;

export async function post<T extends { position?: string }>(path: string, body: unknown): Promise<T> {
  const headers = { 'content-type': 'application/json' };
  const answer: T = await (await send(path, { method: 'POST', headers, body: JSON.stringify(body) })).json();
  if (answer.position !== undefined) lastWrite = answer.position;
  return answer;
}

/** A read-model query (they all take minPosition), waiting for this tab's last write. */
const read = <T>(path: string, params: Params): Promise<T> => get<T>(path, { ...params, minPosition: lastWrite });

/** Fetches a file with the bearer token and hands it to the browser as a download. */
export async function download(path: string, params: Params, accept: string, fallbackName: string): Promise<void> {
  const response = await send(path, { params, headers: { accept } });
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
  session: () => get<Session>('/session'),
  completion: (office: string | undefined, period: string) =>
    read<CompletionReport>('/reports/completion', { office, period }),
  cases: (office: string, cursor?: string) => read<Page<CaseItem>>('/cases', { office, cursor, limit: '50' }),
  history: (caseId: string, asOf?: string, asKnownAt?: string) =>
    get<CaseHistory>(`/cases/${encodeURIComponent(caseId)}/history`, { asOf, asKnownAt }),
  verify: (caseId: string) => get<ChainCheck>(`/cases/${encodeURIComponent(caseId)}/verify`),
  rejections: (caseId: string) =>
    read<{ items: readonly AuditEntry[] }>('/audit', { caseId, type: 'CommandRejected', limit: '200' }),
  complaints: (params: Params) => read<Page<ComplaintItem>>('/complaints', params),
  correct: (caseId: string, command: string, body: unknown) =>
    post<{ position: string }>(`/cases/${encodeURIComponent(caseId)}/${command}`, body),
  evidence: (caseId: string, asOf?: string, asKnownAt?: string) =>
    download(
      `/cases/${encodeURIComponent(caseId)}/evidence`,
      { asOf, asKnownAt },
      'application/json',
      `case-${caseId}-evidence.json`,
    ),
  reportFile: (office: string | undefined, period: string, accept: string, lang?: string) =>
    download(
      '/reports/completion',
      { office, period, lang, minPosition: lastWrite },
      accept,
      `completion-${office ?? 'country'}-${period}`,
    ),
};
