/**
 * Telling a poison event from a sick database. A projection that throws on an event is halted with a dead letter;
 * but a locked, full or vanished database says nothing about the event, so the runner retries instead of blaming it.
 */
const INFRASTRUCTURE_CODES = ['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_IOERR', 'SQLITE_FULL', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_NOMEM', 'SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_PROTOCOL'];

/** Whether the error comes from the database or its connection rather than from the projection's logic. */
export function isInfrastructureError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && INFRASTRUCTURE_CODES.some((prefix) => code.startsWith(prefix))) return true;
  // better-sqlite3 throws a TypeError on a closed connection; the event store its own unavailability error.
  return /database connection is not open/i.test(error.message) || error.name === 'EventStoreUnavailable';
}
