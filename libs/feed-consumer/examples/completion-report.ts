/**
 * GET /reports/completion for the example mirror, through the typed client (@thads/api-client): a renamed path or
 * parameter in docs/openapi.json stops this file from type-checking. A `503 READ_MODEL_BEHIND` (the report has not
 * reached `minPosition` yet) is asked again after its `Retry-After` by the client.
 */
import type { ApiClient, components } from '@thads/api-client';

/** A completion report as docs/openapi.json declares it: counts and VND as decimal strings, rates as "56.87". */
export type CompletionReport = components['schemas']['CompletionReportResponseDto'];

/** One report line: an office's own cases, or an office with everything under it. */
export type ReportRow = components['schemas']['CompletionReportRowDto'];

export async function fetchCompletionReport(
  api: ApiClient,
  query: { readonly period: string; readonly office?: string; readonly minPosition: string },
): Promise<CompletionReport> {
  return await api.get('/api/v1/reports/completion', { query });
}
