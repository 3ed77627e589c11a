import type { NodeSDK as NodeSdk } from '@opentelemetry/sdk-node';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Whether the standard OTEL_* variables ask for traces. Off unless an exporter or an OTLP endpoint is named, so a
 * process started with no configuration sends nothing anywhere (OpenTelemetry's own default would export to
 * localhost:4318); OTEL_SDK_DISABLED=true and OTEL_TRACES_EXPORTER=none keep them off whatever else is set.
 */
export function tracesRequested(env: Env): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (exporters.includes('none')) return false;
  return exporters.length > 0 || Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

export interface Tracing {
  /** Flushes the spans still queued and stops exporting. */
  shutdown(): Promise<void>;
}

/**
 * Starts OpenTelemetry's Node SDK for traces when the environment asks for them (tracesRequested), else returns
 * undefined and the engine's spans (@opentelemetry/api) stay no-ops. The SDK reads the exporter, endpoint, headers,
 * sampler and resource from the standard OTEL_* variables; metrics and logs are not exported through it (Prometheus
 * at /metrics and the JSON log do that). No auto-instrumentation: the spans are the engine's own (HTTP request,
 * command, append, projection batch), see docs/operations.md.
 */
export function startTracing(env: Env, defaultServiceName: string): Tracing | undefined {
  if (!tracesRequested(env)) return undefined;
  // Loaded only when traces are on: the SDK and its exporters cost every other start a third of a second.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load
  const { NodeSDK } = require('@opentelemetry/sdk-node') as { NodeSDK: typeof NodeSdk };
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME?.trim() || defaultServiceName,
    instrumentations: [],
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}
