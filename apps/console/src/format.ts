/**
 * Vietnamese-first number and date formats: 1.234.567 ₫, 56,87%, 31/05/2018. Pure, no DOM: unit-tested
 * in apps/console/test. Figures arrive as decimal strings (exact VND, bigint-safe) and are never turned into floats.
 */
export type Lang = 'vi' | 'en';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

/** A whole number with the language's thousands separator: 1.234.567 (vi), 1,234,567 (en). */
export function formatCount(value: string | number | bigint | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '—';
  return new Intl.NumberFormat(LOCALE[lang]).format(BigInt(value));
}

/** Whole VND: 1.234.567 ₫. */
export function formatMoney(value: string | number | bigint | null | undefined, lang: Lang): string {
  const count = formatCount(value, lang);
  return count === '—' ? count : `${count} ₫`;
}

/** A rate or target written "56.87" (two decimals, as the API sends it): 56,87% (vi), 56.87% (en). */
export function formatPercent(rate: string | null | undefined, lang: Lang): string {
  if (rate === null || rate === undefined) return '—';
  return `${decimal(rate, lang)}%`;
}

/** A gap in percentage points with its sign: −15,13 (vi), −15.13 (en); +3,00 when above the target. */
export function formatGap(gap: string | null | undefined, lang: Lang): string {
  if (gap === null || gap === undefined) return '—';
  const negative = gap.startsWith('-');
  return `${negative ? '−' : '+'}${decimal(gap.replace(/^[-+]/, ''), lang)}`;
}

/** A local date YYYY-MM-DD as dd/mm/yyyy, the form both Vietnamese and British readers expect. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  const [year, month, day] = date.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** A recorded instant in Vietnam's time: 31/05/2018 14:03:07. */
export function formatDateTime(instant: string | null | undefined, lang: Lang): string {
  if (!instant) return '—';
  const parts = new Intl.DateTimeFormat(LOCALE[lang], {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

/** The legal texts the engine cites (libs/domain writes them in English) as Vietnamese readers name them. */
const LEGAL_TEXTS_VI: readonly [RegExp, string][] = [
  [/\bLaw 2008\b/g, 'Luật THADS 2008'],
  [/\bLaw 106\/2025\b/g, 'Luật THADS 106/2025'],
  [/\bDecree (\d+\/\d{4})\b/g, 'Nghị định $1'],
  [/\bTT (\d+\/\d{4})\b/g, 'Thông tư $1'],
  [/\bArt\. /g, 'Điều '],
];

/** A legal basis such as "Law 2008 Art. 44(2)": in Vietnamese "Luật THADS 2008 Điều 44(2)", in English as it is. */
export function formatLegalBasis(text: string | null | undefined, lang: Lang): string {
  if (!text) return '';
  if (lang === 'en') return text;
  return LEGAL_TEXTS_VI.reduce((result, [pattern, words]) => result.replace(pattern, words), text);
}

/** A reporting period YYYY-MM as mm/yyyy. */
export function formatPeriod(period: string): string {
  const [year, month] = period.split('-');
  return `${month}/${year}`;
}

/**
 * The days a cumulative period covers, as local dates: from 1 October that opens its reporting year to the last day of
 * its month. 2018-05 → 2017-10-01 … 2018-05-31.
 */
export function periodRange(period: string): [string, string] {
  const [year, month] = period.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return [`${month >= 10 ? year : year - 1}-10-01`, `${period}-${String(lastDay).padStart(2, '0')}`];
}

/** The months of a reporting year from October up to `period`, oldest first: 2018-05 → 2017-10 … 2018-05. */
export function periodsOfYearUpTo(period: string): string[] {
  const [year, month] = period.split('-').map(Number);
  const periods: string[] = [];
  let y = month >= 10 ? year : year - 1;
  let m = 10;
  for (;;) {
    periods.push(`${y}-${String(m).padStart(2, '0')}`);
    if (y === year && m === month) return periods;
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
}

function decimal(text: string, lang: Lang): string {
  const [whole, fraction] = text.split('.');
  const grouped = formatCount(whole, lang);
  return fraction === undefined ? grouped : `${grouped}${lang === 'vi' ? ',' : '.'}${fraction}`;
}
