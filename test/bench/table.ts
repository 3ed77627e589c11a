import type { MetricResult } from './stats';

/** The metrics as a fixed-width table for the terminal. */
export function formatTable(metrics: Readonly<Record<string, MetricResult>>): string {
  const rows = Object.entries(metrics).map(([name, m]) => [
    name,
    m.description,
    `${m.value} ${m.unit}`,
    m.baseline === null ? '' : String(m.baseline),
    m.ratio === null ? '' : `${m.ratio}×`,
    m.target,
    m.pass ? 'PASS' : 'FAIL',
  ]);
  const header = ['metric', 'what', 'value', 'baseline', 'ratio', 'target', ''];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
