/**
 * The month-by-month completion rates of a reporting year as an inline SVG line chart: by cases and by money, each
 * against its target (dashed). A filled marker is a closed month, a hollow one an open month; a ringed one carries an
 * adjustment. Drawn here, not by a chart library: a few dozen elements, styled by the console's stylesheet.
 */
import { svg } from '../dom.js';
import { formatPercent, formatPeriod, type Lang } from '../format.js';
import { t } from '../i18n.js';

export interface TrendPoint {
  readonly period: string;
  readonly cases: string | null;
  readonly money: string | null;
  readonly targetCases: string | null;
  readonly targetMoney: string | null;
  readonly closed: boolean;
  readonly adjusted: boolean;
}

const WIDTH = 720;
const HEIGHT = 300;
const LEFT = 52;
const RIGHT = 44;
const TOP = 16;
const BOTTOM = 64;

export function trendChart(points: readonly TrendPoint[], lang: Lang): SVGElement {
  const x = (index: number) =>
    points.length === 1
      ? LEFT + (WIDTH - LEFT - RIGHT) / 2
      : LEFT + (index * (WIDTH - LEFT - RIGHT)) / (points.length - 1);
  const y = (rate: string) => TOP + ((100 - Math.min(100, Math.max(0, Number(rate)))) * (HEIGHT - TOP - BOTTOM)) / 100;
  const line = (values: (string | null)[], className: string) => {
    const coordinates = values.flatMap((value, index) => (value === null ? [] : [`${x(index)},${y(value)}`]));
    return coordinates.length ? svg('polyline', { class: className, points: coordinates.join(' ') }) : null;
  };
  const grid = [0, 25, 50, 75, 100].map((rate) => [
    svg('line', { class: 'grid', x1: LEFT, x2: WIDTH - RIGHT, y1: y(String(rate)), y2: y(String(rate)) }),
    svg('text', { class: 'axis', x: LEFT - 8, y: y(String(rate)) + 4, 'text-anchor': 'end' }, `${rate}%`),
  ]);
  const months = points.map((point, index) =>
    svg(
      'text',
      { class: 'axis', x: x(index), y: HEIGHT - BOTTOM + 18, 'text-anchor': 'middle' },
      formatPeriod(point.period),
    ),
  );
  const markers = (measure: 'cases' | 'money') =>
    points.map((point, index) => {
      const rate = point[measure];
      if (rate === null) return null;
      const state = `${point.closed ? t('common.closed') : t('common.open')}${point.adjusted ? `, ${t('common.adjustment')}` : ''}`;
      return svg(
        'circle',
        {
          class: `marker ${measure} ${point.closed ? 'closed' : 'open'}${point.adjusted ? ' adjusted' : ''}`,
          cx: x(index),
          cy: y(rate),
          r: point.adjusted ? 6 : 4,
        },
        svg(
          'title',
          {},
          `${formatPeriod(point.period)}: ${formatPercent(rate, lang)} (${t(`dash.${measure}`)}; ${state})`,
        ),
      );
    });
  const legendY = HEIGHT - 18;
  const legend = [
    ['cases', t('dash.byCases')],
    ['money', t('dash.byMoney')],
    ['target', `${t('dash.target')} (- -)`],
  ].map(([className, text], index) => [
    svg('line', {
      class: `legend ${className}`,
      x1: LEFT + index * 200,
      x2: LEFT + index * 200 + 24,
      y1: legendY,
      y2: legendY,
    }),
    svg('text', { class: 'axis', x: LEFT + index * 200 + 30, y: legendY + 4 }, text),
  ]);
  const summary = points
    .map(
      (point) =>
        `${formatPeriod(point.period)}: ${formatPercent(point.cases, lang)} / ${formatPercent(point.money, lang)}`,
    )
    .join('; ');
  return svg(
    'svg',
    {
      class: 'trend-chart',
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      role: 'img',
      'aria-labelledby': 'trend-title trend-desc',
    },
    svg('title', { id: 'trend-title' }, t('dash.trend')),
    svg('desc', { id: 'trend-desc' }, `${t('dash.byCases')} / ${t('dash.byMoney')}: ${summary}`),
    grid,
    months,
    line(
      points.map((point) => point.targetCases),
      'target cases',
    ),
    line(
      points.map((point) => point.targetMoney),
      'target money',
    ),
    line(
      points.map((point) => point.cases),
      'series cases',
    ),
    line(
      points.map((point) => point.money),
      'series money',
    ),
    markers('cases'),
    markers('money'),
    legend,
  );
}
