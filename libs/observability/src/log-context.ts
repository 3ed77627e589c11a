import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What every log line written on behalf of one request or command carries: its correlation id, and the command id
 * and actor once they are known. One mutable object per scope, so what a later step learns (the command context is
 * built after authentication) reaches every line written after it, and whoever holds the object (the request log
 * line) reads the final values.
 */
export interface LogFields {
  correlationId?: string;
  requestId?: string;
  commandId?: string;
  actor?: { readonly id: string; readonly role: string; readonly officeId?: string };
  [field: string]: unknown;
}

const storage = new AsyncLocalStorage<LogFields>();

/** Runs `work` in a new log scope holding `fields` (plus the enclosing scope's), and returns what it returns. */
export function withLogContext<T>(fields: LogFields, work: () => T): T {
  return storage.run(Object.assign({}, storage.getStore(), fields), work);
}

/** Adds fields to the current scope (no-op outside one): every later line of the scope carries them. */
export function addToLogContext(fields: LogFields): void {
  const scope = storage.getStore();
  if (scope !== undefined) Object.assign(scope, fields);
}

/** The current scope's fields, the very object (undefined outside a scope). */
export function currentLogContext(): LogFields | undefined {
  return storage.getStore();
}
