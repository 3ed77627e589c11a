/** Today's date in Asia/Ho_Chi_Minh as YYYY-MM-DD: legal dates are local dates. Read at the edge, never in the domain. */
export function vietnamToday(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
