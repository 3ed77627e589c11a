/**
 * What the signed-in person may do, as the API says (GET /session, derived from the route policies the guard
 * enforces). The console shows a control only when `can` says so; the API refuses it anyway when it is not.
 */
import { api, type Session } from './api.js';

let session: Session | null = null;

export async function loadSession(): Promise<Session> {
  session = await api.session();
  return session;
}

export function currentSession(): Session | null {
  return session;
}

export function clearSession(): void {
  session = null;
}

/** The operation (a route handler name) is permitted, for `office` when the route is office-bound. */
export function can(operation: string, office?: string | null): boolean {
  const permitted = session?.operations.find((candidate) => candidate.operation === operation);
  if (!permitted) return false;
  if (permitted.offices === 'any') return true;
  return office === undefined || (office !== null && permitted.offices.includes(office));
}

/** The offices a signed-in officer or head acts for (empty for the cross-office roles). */
export function ownOffices(): readonly string[] {
  return session?.offices ?? [];
}
