/**
 * What a role sees in the console against what the route policies let it do. Every console control names the
 * operation (route handler) that permits it in `data-operation`; the expected set is computed here from the app's own
 * route table (the `@Access` policies the guard enforces), never from a second list of rights.
 */
import type { Page } from 'playwright-core';
import type { RouteAccess } from '../../apps/api/src/auth/route-table';
import type { BrowserWorld } from './browser-world';
import { api, WAIT } from './console-helpers';

/** The operations the console has controls for: a new kind of control must be added here to pass. */
export const CONSOLE_OPERATIONS = [
  'completion',
  'list',
  'queue',
  'history',
  'evidence',
  'correctRecordedFact',
  'withdrawDecision',
  'amendDecision',
  'annulDecision',
  'reassignOfficer',
  'reopenCase',
] as const;

/** The operations the policies let `role` call (officers and heads for an office of theirs). */
export function allowedOperations(routes: readonly RouteAccess[], role: string): Set<string> {
  return new Set(
    routes
      .filter((route) => route.policy && (route.policy.public || route.policy.roles.includes(role as never)))
      .map((route) => route.handler),
  );
}

/** Opens a console route in the tab and waits until its view has drawn its controls (main's aria-busy). */
export async function openScreen(page: Page, baseUrl: string, hash: string): Promise<void> {
  await page.goto(`${baseUrl}/${hash}`);
  await page.waitForSelector(`main#main[aria-busy="false"][data-route=${JSON.stringify(hash)}]`, WAIT);
}

/**
 * The operations of every control (link, button, option of a command list) on the screens, header included;
 * `onScreen` runs on each screen once drawn (the suite's screenshot and accessibility check).
 */
export async function operationsShown(
  page: Page,
  baseUrl: string,
  hashes: readonly string[],
  onScreen: (index: number) => Promise<void>,
): Promise<Set<string>> {
  const shown = new Set<string>();
  for (const [index, hash] of hashes.entries()) {
    await openScreen(page, baseUrl, hash);
    await onScreen(index);
    const operations = await page.$$eval('[data-operation]', (elements) =>
      elements.map((element) => element.getAttribute('data-operation') ?? ''),
    );
    operations.forEach((operation) => shown.add(operation));
  }
  return shown;
}

/**
 * Sends every route the role's policy does not allow, with the role's token and real ids in the path, and returns
 * those not refused with 403 FORBIDDEN_ROLE (the guard runs before validation, so an empty body is enough).
 */
export async function notRefused(
  baseUrl: string,
  token: string,
  routes: readonly RouteAccess[],
  role: string,
  ids: { caseId: string; complaintId: string; officeId: string; period: string },
): Promise<string[]> {
  const allowed = allowedOperations(routes, role);
  const denied = routes.filter((route) => route.policy && !allowed.has(route.handler));
  const answers: string[] = [];
  for (const route of denied) {
    const path = route.path
      .replace('/api/v1', '')
      .replace(':caseId', ids.caseId)
      .replace(':complaintId', ids.complaintId)
      .replace(':officeId', ids.officeId);
    const query = route.method === 'GET' ? `?office=${ids.officeId}&period=${ids.period}` : '';
    const init = route.method === 'GET' ? {} : { method: route.method, body: '{}' };
    const answer = await api(baseUrl, token, `${path}${query}`, init);
    if (answer.status !== 403 || answer.body?.code !== 'FORBIDDEN_ROLE')
      answers.push(`${route.method} ${route.path}: ${answer.status} ${answer.body?.code}`);
  }
  return answers;
}

/** What one role saw and was answered: the walk-through's expectations are on these. */
export interface RoleCheck {
  /** The operations of the controls shown, sorted. */
  readonly shown: readonly string[];
  /** The console's operations the role's policies allow, sorted: what `shown` must equal. */
  readonly expected: readonly string[];
  /** Operations shown that CONSOLE_OPERATIONS does not list (a new kind of control). */
  readonly unknown: readonly string[];
  /** Routes the role may not call that were not refused with 403 FORBIDDEN_ROLE. */
  readonly notRefused: readonly string[];
  /** How many routes the role may not call. */
  readonly denied: number;
}

/**
 * Signs the role in (officers and heads for `ids.officeId`) in a tab of its own, opens each screen, then sends every
 * route its policies deny; `onScreen` runs on each screen once drawn.
 */
export async function checkRole(
  world: BrowserWorld,
  role: string,
  screens: readonly string[],
  ids: { caseId: string; complaintId: string; officeId: string; period: string },
  onScreen: (tab: Page, index: number) => Promise<void>,
): Promise<RoleCheck> {
  const bound = role === 'officer' || role === 'head';
  const signedIn = await world.signIn(role, { office: bound ? ids.officeId : undefined, sub: `roles-${role}` });
  const own = await world.browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  try {
    const tab = await own.newPage();
    await tab.goto(signedIn.link);
    await tab.waitForSelector('[data-testid=who]', WAIT);
    const shown = [...(await operationsShown(tab, world.baseUrl, screens, (index) => onScreen(tab, index)))].sort();
    const allowed = allowedOperations(world.routes, role);
    const known: readonly string[] = CONSOLE_OPERATIONS;
    return {
      shown,
      expected: known.filter((operation) => allowed.has(operation)).sort(),
      unknown: shown.filter((operation) => !known.includes(operation)),
      notRefused: await notRefused(world.baseUrl, signedIn.token, world.routes, role, ids),
      denied: world.routes.filter((route) => route.policy && !allowed.has(route.handler)).length,
    };
  } finally {
    await own.close();
  }
}
