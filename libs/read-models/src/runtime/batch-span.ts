import { type Link, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { appendSpanOf, type RecordedEvent } from '@thads/event-store';

const tracer = trace.getTracer('thads-engine');

/** OpenTelemetry advises against unbounded links and attributes: a batch may hold hundreds of commands. */
const MOST_LINKS = 128;
const MOST_CORRELATION_IDS = 32;

/**
 * Runs the projection of one batch inside a span `projection batch` (OpenTelemetry API only: a no-op unless the
 * process started the SDK). A batch applies the events of many commands, so it is not any one command's child: it
 * links to the append spans of its events that this process traced (append-spans.ts in @thads/event-store) and
 * names the batch's correlation ids, so a trace search by correlation id finds it in any process.
 */
export function inBatchSpan<T>(batch: readonly RecordedEvent[], work: () => Promise<T>): Promise<T> {
  const links: Link[] = [];
  const seen = new Set<string>();
  const correlationIds = new Set<string>();
  for (const event of batch) {
    const correlationId = (event.metadata as { correlationId?: unknown }).correlationId;
    if (typeof correlationId === 'string' && correlationIds.size < MOST_CORRELATION_IDS)
      correlationIds.add(correlationId);
    const append = links.length < MOST_LINKS ? appendSpanOf(event.id) : undefined;
    if (append !== undefined && !seen.has(append.spanId)) {
      seen.add(append.spanId);
      links.push({ context: append });
    }
  }
  const attributes = {
    'thads.position.first': batch[0].position.toString(),
    'thads.position.last': batch[batch.length - 1].position.toString(),
    'thads.events': batch.length,
    'thads.correlation_ids': [...correlationIds],
  };
  return tracer.startActiveSpan('projection batch', { kind: SpanKind.CONSUMER, attributes, links }, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}
