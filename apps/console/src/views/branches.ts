/**
 * The offices below the dashboard's office, ranked by their completion rate by cases or by money (the `rank` route
 * parameter), each linking to its cases; closed periods and adjustments marked per row.
 */
import type { CompletionReport, ReportRow } from '../api.js';
import { h } from '../dom.js';
import { formatCount, formatGap, formatMoney, formatPercent } from '../format.js';
import { currentLang, t } from '../i18n.js';
import { href } from '../router.js';
import { can } from '../session.js';

export type RankBy = 'cases' | 'money';

/**
 * The row carries a non-zero adjustment to its previous closed period: once a month is closed the report sends the next
 * month's adjustments even when nothing changed (all zeros), which is not worth a mark.
 */
export function isAdjusted(row: ReportRow): boolean {
  // Figures nest (by mode of enforcement); rates are null in an adjustment.
  const nonZero = (figures: unknown): boolean =>
    typeof figures === 'string'
      ? figures !== '0'
      : typeof figures === 'object' && figures !== null && Object.values(figures).some(nonZero);
  return row.adjustments !== null && (nonZero(row.adjustments.cases) || nonZero(row.adjustments.money));
}

export function rankByOf(params: URLSearchParams): RankBy {
  return params.get('rank') === 'money' ? 'money' : 'cases';
}

export function branches(report: CompletionReport, rankBy: RankBy): HTMLElement {
  // Offices without an enforceable case have no rate: ranked last, in the order the report lists them.
  const rate = (row: ReportRow) => Number(row[rankBy].completionRate ?? -1);
  const ranked = [...report.children].sort((a, b) => rate(b) - rate(a));
  const office = report.officeId ?? undefined;
  const switchTo = (measure: RankBy) =>
    h(
      'a',
      {
        href: href('dashboard', [], { office, period: report.period, rank: measure === 'money' ? 'money' : undefined }),
        'aria-current': measure === rankBy ? 'true' : undefined,
        'data-testid': `rank-by-${measure}`,
      },
      t(measure === 'cases' ? 'dash.byCases' : 'dash.byMoney'),
    );
  const headings = [
    t('dash.rank'),
    t('common.office'),
    `${t('dash.completed')} / ${t('dash.enforceable')} (${t('dash.cases').toLowerCase()})`,
    `${t('dash.rate')} (${t('dash.cases').toLowerCase()})`,
    t('dash.gap'),
    `${t('dash.completed')} (${t('dash.money').toLowerCase()})`,
    `${t('dash.rate')} (${t('dash.money').toLowerCase()})`,
    t('dash.gap'),
    t('common.status'),
  ];
  return h(
    'section',
    { class: 'branches', 'data-rank': rankBy },
    h('h2', {}, t(rankBy === 'money' ? 'dash.branchesMoney' : 'dash.branches')),
    h('p', { class: 'rank-by no-print' }, `${t('dash.rankBy')}: `, switchTo('cases'), ' · ', switchTo('money')),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          headings.map((text) => h('th', { scope: 'col' }, text)),
        ),
      ),
      h(
        'tbody',
        {},
        report.office &&
          line(report, report.office, '', `${report.office.name ?? report.office.officeId} (${t('dash.ownCases')})`),
        ranked.map((row, index) => line(report, row, String(index + 1), row.name ?? row.officeId ?? '')),
      ),
    ),
  );
}

function line(report: CompletionReport, row: ReportRow, rank: string, name: string): HTMLElement {
  const lang = currentLang();
  const drillable = row.officeId !== null && can('list', row.officeId);
  return h(
    'tr',
    { 'data-office': row.officeId ?? '' },
    h('td', { class: 'num' }, rank),
    h(
      'th',
      { scope: 'row' },
      drillable
        ? h(
            'a',
            {
              href: href('cases', [], { office: row.officeId ?? undefined, period: report.period }),
              'data-operation': 'list',
            },
            name,
          )
        : name,
    ),
    h(
      'td',
      { class: 'num' },
      `${formatCount(row.cases.completed, lang)} / ${formatCount(row.cases.enforceable, lang)}`,
    ),
    h('td', { class: 'num', 'data-measure': 'cases' }, formatPercent(row.cases.completionRate, lang)),
    h('td', { class: 'num' }, formatGap(row.gap?.cases, lang)),
    h('td', { class: 'num' }, formatMoney(row.money.completed, lang)),
    h('td', { class: 'num', 'data-measure': 'money' }, formatPercent(row.money.completionRate, lang)),
    h('td', { class: 'num' }, formatGap(row.gap?.money, lang)),
    h(
      'td',
      {},
      h('span', { class: row.closed ? 'badge closed' : 'badge open' }, t(row.closed ? 'common.closed' : 'common.open')),
      isAdjusted(row) && h('span', { class: 'badge adjust' }, t('common.adjustment')),
    ),
  );
}
