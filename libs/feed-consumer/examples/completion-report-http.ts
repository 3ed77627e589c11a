/**
 * GET /reports/completion for the example mirror, with the two waits a reader of a read model meets: the query may
 * answer 503 READ_MODEL_BEHIND (the report has not reached `minPosition` yet) with Retry-After, which is waited out.
 */

/** The figures of one measure, as the API writes them: counts and VND as decimal strings, rates as "56.87". */
export interface ReportFigures {
  readonly enforceable: string;
  readonly completed: string;
  readonly completionRate: string | null;
  readonly [figure: string]: string | null;
}

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

/** How many times a 503 is waited out before the change fails (and the mirror stops, to resume after a restart). */
const ATTEMPTS = 10;

export async function fetchCompletionReport(
  api: { readonly apiUrl: string; readonly token: string },
  query: { readonly period: string; readonly office?: string; readonly minPosition: string },
): Promise<CompletionReport> {
  const url = new URL(`${api.apiUrl.replace(/\/+$/, '')}/reports/completion`);
  url.searchParams.set('period', query.period);
  if (query.office) url.searchParams.set('office', query.office);
  url.searchParams.set('minPosition', query.minPosition);
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(url, {
      headers: { accept: 'application/json', authorization: `Bearer ${api.token}` },
    });
    if (response.ok) return (await response.json()) as CompletionReport;
    const retryAfter = Number(response.headers.get('retry-after') ?? '1');
    if (response.status !== 503 || attempt === ATTEMPTS)
      throw new Error(`GET ${url.pathname}${url.search} answered ${response.status}: ${await response.text()}`);
    await new Promise((resolve) => setTimeout(resolve, (Number.isFinite(retryAfter) ? retryAfter : 1) * 1000));
  }
}
