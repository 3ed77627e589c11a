/** One formatter for the process: building an Intl.DateTimeFormat per call is costly (docs/performance.md). */
const HO_CHI_MINH_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Asia/Ho_Chi_Minh as YYYY-MM-DD: legal dates are local dates. Read at the edge, never in the domain. */
export function vietnamToday(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return HO_CHI_MINH_DATE.format(now);
}
