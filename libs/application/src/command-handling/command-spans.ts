import { type Attributes, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { DomainError } from '@thads/domain';
import { noteAppendSpan, WrongExpectedRevision } from '@thads/event-store';
import type { CommandContext } from './command-context';
import { ConcurrencyConflict, IdempotencyKeyReused, RevisionMismatch } from './command-errors';

/**
 * Spans of the command path (OpenTelemetry API only: no-ops unless the process started the SDK, which the apps do
 * when the OTEL_* variables ask for traces). Under the API's request span: `command <Type>` → `append <stream>`.
 */
const tracer = trace.getTracer('thads-engine');

/** Runs a command inside its span, named after the command type, with its ids and actor as attributes. */
export function inCommandSpan<T>(
  aggregate: string,
  aggregateId: string,
  commandType: string,
  context: CommandContext,
  work: () => Promise<T>,
): Promise<T> {
  const attributes: Attributes = {
    'thads.command.type': commandType,
    'thads.command.id': context.commandId,
    'thads.correlation_id': context.correlationId,
    'thads.aggregate': aggregate,
    'thads.aggregate.id': aggregateId,
    'thads.actor.id': context.actor.id,
    'thads.actor.role': context.actor.role,
    ...(context.actor.officeId !== undefined ? { 'thads.actor.office_id': context.actor.officeId } : {}),
  };
  return inSpan(`command ${commandType}`, attributes, work);
}

/** Runs an append inside its span and remembers it for the projector of this process (append-spans.ts). */
export function inAppendSpan<T extends { readonly position: bigint }>(
  streamName: string,
  eventIds: readonly string[],
  correlationId: string,
  work: () => Promise<T>,
): Promise<T> {
  const attributes = {
    'thads.stream': streamName,
    'thads.events': eventIds.length,
    'thads.correlation_id': correlationId,
  };
  return inSpan(`append ${streamName}`, attributes, async (span) => {
    const appended = await work();
    span.setAttribute('thads.position', appended.position.toString());
    if (span.isRecording()) noteAppendSpan(eventIds, span.spanContext());
    return appended;
  });
}

function inSpan<T>(name: string, attributes: Attributes, work: (span: Span) => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { kind: SpanKind.INTERNAL, attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      if (isRefusal(error)) {
        // The engine answered as designed: a refusal is an outcome, not an error of the span.
        span.setAttribute('thads.refused', (error as { code?: string }).code ?? (error as Error).name);
      } else {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      }
      throw error;
    } finally {
      span.end();
    }
  });
}

function isRefusal(error: unknown): boolean {
  return (
    error instanceof DomainError ||
    error instanceof RevisionMismatch ||
    error instanceof IdempotencyKeyReused ||
    error instanceof ConcurrencyConflict ||
    // A lost race: the command path reloads and decides again.
    error instanceof WrongExpectedRevision
  );
}
