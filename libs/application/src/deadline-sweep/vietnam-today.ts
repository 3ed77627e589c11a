/**
 * One formatter for the process: building an Intl.DateTimeFormat loads time-zone and locale data and cost about a
 * tenth of a command request's CPU when it was built per call (docs/performance.md). en-CA formats as YYYY-MM-DD.
 */
const HO_CHI_MINH_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The last minute formatted: every command and every case request asks for today's date (the access guard judges
 * who acts on the case on it), and formatting cost about 1% of a GET's CPU. A zone's offset is whole minutes, so the
 * date cannot change within a minute of UTC.
 */
let lastMinute = Number.NaN;
let lastDate = '';

/**
 * Today's date in Asia/Ho_Chi_Minh as YYYY-MM-DD: legal dates are local dates, and a command's default effective
 * date. Read at the edge (API, CLI, sweeps), never in the domain.
 */
export function vietnamToday(now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastDate = HO_CHI_MINH_DATE.format(now);
    lastMinute = minute;
  }
  return lastDate;
}
