/**
 * GET /reports/completion for the example mirror, through the typed client (@thads/api-client): a renamed path or
 * parameter in docs/openapi.json stops this file from type-checking. A `503 READ_MODEL_BEHIND` (the report has not
 * reached `minPosition` yet) is asked again after its `Retry-After` by the client.
 */
import type { ApiClient } from '@thads/api-client';

/** The figures of one measure, as the API writes them: counts and VND as decimal strings, rates as "56.87". */
export interface ReportFigures {
  readonly enforceable: string;
  readonly completed: string;
  readonly completionRate: string | null;
  readonly [figure: string]: string | null;
}

/** The members of a report line the mirror keeps in columns (the whole line goes into a jsonb column). */
export interface ReportRow {
  readonly officeId: string | null;
  readonly name: string | null;
  readonly scope: 'OFFICE' | 'ROLL_UP';
  readonly closed: boolean;
  readonly cases: ReportFigures;
  readonly money: ReportFigures;
}

export interface CompletionReport {
  readonly period: string;
  readonly position: string;
  readonly office: ReportRow | null;
  readonly children: readonly ReportRow[];
  readonly rollUp: ReportRow;
}

export async function fetchCompletionReport(
  api: ApiClient,
  query: { readonly period: string; readonly office?: string; readonly minPosition: string },
): Promise<CompletionReport> {
  const report = await api.get('/api/v1/reports/completion', { query });
  return report as CompletionReport;
}
