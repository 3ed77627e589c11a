/** METRICS_TOKEN, or undefined when only auditor and admin tokens may scrape. */
export const METRICS_TOKEN = Symbol('METRICS_TOKEN');
