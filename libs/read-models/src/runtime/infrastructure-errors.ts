/**
 * Telling a poison event from a sick database. A projection that throws on an event is halted with a dead letter;
 * but a locked, full or vanished database says nothing about the event, so the runner retries instead of blaming it.
 */
const INFRASTRUCTURE_CODES = [
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_CANTOPEN',
  'SQLITE_READONLY',
  'SQLITE_NOMEM',
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_PROTOCOL',
];

/**
 * PostgreSQL SQLSTATEs (and Node socket codes) that say the same: connection exceptions (08), a deadlock or
 * serialization failure between runners (40001, 40P01: retrying is the fix), lock timeouts (55P03), insufficient
 * resources (53), operator intervention such as a server shutdown (57P), system errors (58).
 */
const POSTGRES_CODES = [
  '08',
  '40001',
  '40P01',
  '55P03',
  '53',
  '57P',
  '58',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
];

/** Whether the error comes from the database or its connection rather than from the projection's logic. */
export function isInfrastructureError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && INFRASTRUCTURE_CODES.some((prefix) => code.startsWith(prefix))) return true;
  if (typeof code === 'string' && POSTGRES_CODES.some((prefix) => code.startsWith(prefix))) return true;
  if (
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
      error.message,
    )
  )
    return true;
  // SQLite rolls a transaction back by itself on SQLITE_FULL (and IOERR, NOMEM); kysely's own ROLLBACK then fails
  // with this message, which hides the cause. It always means the database gave up, never that an event is bad.
  if (/cannot rollback - no transaction is active/i.test(error.message)) return true;
  // better-sqlite3 throws a TypeError on a closed connection; the event store its own unavailability error.
  return /database connection is not open/i.test(error.message) || error.name === 'EventStoreUnavailable';
}

/** Whether the error (or one of its causes) says the disk is full: SQLITE_FULL, ENOSPC, PostgreSQL's 53100. */
export function isStorageFull(error: unknown): boolean {
  for (let current = error, hops = 0; current instanceof Error && hops < 5; hops += 1) {
    const code = (current as { code?: unknown }).code;
    if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === '53100') return true;
    if (/database or disk is full|no space left on device/i.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}
