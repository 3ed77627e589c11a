/**
 * Completion dashboard: an office and a reporting period, by cases and by money, rate against target
 * with the gap, the month-by-month trend of the reporting year, the offices below ranked and drillable to their cases;
 * closed periods and adjustments marked.
 */
import { api, XLSX, type CompletionReport, type Figures, type ReportRow } from '../api.js';
import { branches, isAdjusted, rankByOf, type RankBy } from './branches.js';
import { h, replace } from '../dom.js';
import {
  formatCount,
  formatDate,
  formatGap,
  formatMoney,
  formatPercent,
  formatPeriod,
  periodRange,
  periodsOfYearUpTo,
} from '../format.js';
import { currentLang, t } from '../i18n.js';
import { navigate } from '../router.js';
import { can, ownOffices } from '../session.js';
import { trendChart, type TrendPoint } from './trend-chart.js';
import { errorBox, loading } from './messages.js';

export async function renderDashboard(main: HTMLElement, params: URLSearchParams): Promise<void> {
  if (!can('completion')) {
    replace(main, h('p', {}, t('common.notAllowed')));
    return;
  }
  const office = params.get('office') ?? ownOffices()[0] ?? '';
  const period = params.get('period') ?? previousMonth();
  const body = h('div', {}, loading());
  replace(main, h('h1', {}, t('dash.title')), filterForm(office, period, rankByOf(params)), body);
  const report = await api.completion(office || undefined, period);
  replace(
    body,
    summary(report),
    exports(report),
    h('section', { class: 'trend' }, loading()),
    branches(report, rankByOf(params)),
  );
  const trend = body.querySelector('.trend') as HTMLElement;
  trendOf(office || undefined, period).then(
    (points) => replace(trend, h('h2', {}, t('dash.trend')), trendChart(points, currentLang())),
    (error: unknown) => replace(trend, errorBox(error)),
  );
}

function filterForm(office: string, period: string, rankBy: RankBy): HTMLElement {
  const officeInput = h('input', { id: 'office', name: 'office', value: office, list: 'own-offices', size: 18 });
  const periodInput = h('input', { id: 'period', name: 'period', type: 'month', value: period, required: true });
  return h(
    'form',
    {
      class: 'filters',
      onSubmit: (event: Event) => {
        event.preventDefault();
        // The ranking chosen below stays when the office or the period changes.
        navigate('dashboard', [], {
          office: officeInput.value.trim(),
          period: periodInput.value,
          rank: rankBy === 'money' ? 'money' : undefined,
        });
      },
    },
    h('label', { for: 'office' }, t('common.office')),
    officeInput,
    h(
      'datalist',
      { id: 'own-offices' },
      ownOffices().map((id) => h('option', { value: id })),
    ),
    h('label', { for: 'period' }, t('common.period')),
    periodInput,
    h('button', { type: 'submit' }, t('common.show')),
  );
}

function summary(report: CompletionReport): HTMLElement {
  const row = report.rollUp;
  const lang = currentLang();
  const name = row.name ?? row.officeId ?? t('dash.country');
  const [from, to] = periodRange(report.period);
  return h(
    'section',
    { class: 'summary', 'aria-labelledby': 'summary-title' },
    h('h2', { id: 'summary-title' }, `${name} · ${t('common.period')} ${formatPeriod(report.period)}`),
    h(
      'p',
      { class: 'meta', 'data-testid': 'period-range' },
      `${t('dash.from')} ${formatDate(from)} ${t('dash.to')} ${formatDate(to)}`,
    ),
    h(
      'p',
      { class: 'meta' },
      `${t('dash.regime')}: ${report.regime.basis} · ${t('dash.position')} ${formatCount(report.position, lang)} · `,
      closedBadge(row.closed),
    ),
    h('div', { class: 'cards' }, card('cases', row), card('money', row)),
    isAdjusted(row) && adjustmentNote(row),
  );
}

function card(measure: 'cases' | 'money', row: ReportRow): HTMLElement {
  const lang = currentLang();
  const figures = row[measure];
  const amount = (value: string | null) => (measure === 'money' ? formatMoney(value, lang) : formatCount(value, lang));
  const gap = row.gap?.[measure] ?? null;
  return h(
    'article',
    { class: 'card', 'data-testid': `card-${measure}` },
    h('h3', {}, t(measure === 'cases' ? 'dash.byCases' : 'dash.byMoney')),
    h('p', { class: 'rate', 'data-testid': `rate-${measure}` }, formatPercent(figures.completionRate, lang)),
    h(
      'p',
      { class: 'versus' },
      `${t('dash.target')} ${formatPercent(row.target?.[measure], lang)} · `,
      h(
        'span',
        { class: gap?.startsWith('-') ? 'gap below' : 'gap', 'data-testid': `gap-${measure}` },
        formatGap(gap, lang),
      ),
      ` ${t('dash.gap').replace(/^.*\(/, '(')}`,
    ),
    h(
      'dl',
      {},
      h('dt', {}, t('dash.completed')),
      h('dd', { 'data-testid': `completed-${measure}` }, amount(figures.completed)),
      h('dt', {}, t('dash.enforceable')),
      h('dd', { 'data-testid': `enforceable-${measure}` }, amount(figures.enforceable)),
      h('dt', {}, t('dash.toEnforce')),
      h('dd', {}, amount(figures.toEnforce)),
      h('dt', {}, t('dash.notEnforceable')),
      h('dd', {}, amount(figures.notEnforceable)),
      h('dt', {}, t('dash.carriedToNext')),
      h('dd', {}, amount(figures.carriedToNext)),
    ),
  );
}

function adjustmentNote(row: ReportRow): HTMLElement {
  const lang = currentLang();
  const adjustments = row.adjustments!;
  const delta = (figures: Figures, money: boolean) => {
    const value = figures.completed ?? '0';
    const text = money ? formatMoney(value.replace('-', ''), lang) : formatCount(value.replace('-', ''), lang);
    return `${value.startsWith('-') ? '−' : '+'}${text}`;
  };
  return h(
    'p',
    { class: 'adjustment', 'data-testid': 'adjustment' },
    h('span', { class: 'badge adjust' }, t('common.adjustment')),
    ` ${t('dash.adjustmentOf')} ${formatPeriod(adjustments.appliesToPeriod)}: ${t('dash.completed').toLowerCase()} `,
    `${delta(adjustments.cases, false)} ${t('dash.cases').toLowerCase()}, ${delta(adjustments.money, true)}`,
  );
}

function closedBadge(closed: boolean): HTMLElement {
  return h('span', { class: closed ? 'badge closed' : 'badge open' }, t(closed ? 'common.closed' : 'common.open'));
}

function exports(report: CompletionReport): HTMLElement {
  const office = report.officeId ?? undefined;
  return h(
    'p',
    { class: 'exports' },
    h(
      'button',
      {
        type: 'button',
        'data-operation': 'completion',
        onClick: () => void api.reportFile(office, report.period, XLSX),
      },
      t('dash.exportXlsx'),
    ),
    h(
      'button',
      {
        type: 'button',
        'data-operation': 'completion',
        onClick: () => void api.reportFile(office, report.period, 'text/csv', 'vi'),
      },
      t('dash.exportCsv'),
    ),
  );
}

async function trendOf(office: string | undefined, period: string): Promise<TrendPoint[]> {
  const reports = await Promise.all(periodsOfYearUpTo(period).map((month) => api.completion(office, month)));
  return reports.map((report) => ({
    period: report.period,
    cases: report.rollUp.cases.completionRate,
    money: report.rollUp.money.completionRate,
    targetCases: report.rollUp.target?.cases ?? null,
    targetMoney: report.rollUp.target?.money ?? null,
    closed: report.rollUp.closed,
    adjusted: isAdjusted(report.rollUp),
  }));
}

function previousMonth(): string {
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return month.toISOString().slice(0, 7);
}
