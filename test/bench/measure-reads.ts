/**
 * M5 (loading and folding a case; GET /cases/{id}/events) and M3 (HTTP commands under autocannon) against a store
 * seeded with two hot cases: one of about 50 events and one of about 5,000.
 */
import { caseAggregate } from '@thads/application/aggregates/definitions';
import { loadAggregate } from '@thads/application/aggregates/load-aggregate';
import { loadAuthSettings, mintDevelopmentToken } from '@thads/auth';
import { readEngineEnvironment } from '@thads/config';
import { loadStreamState } from '@thads/application/command-handling/stream-states';
import type { EventStore } from '@thads/event-store';
import autocannon from 'autocannon';
import type { ApiProcess } from './api-process';
import type { ReadClient } from './read-client-process';
import { percentile } from './stats';

/** Latencies in ms of `runs` sequential calls, after `warmup` unmeasured ones. */
export async function latencies(call: () => Promise<unknown>, runs: number, warmup = 20): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await call();
    samples.push(performance.now() - started);
  }
  return samples;
}

/** The command path's load of one case (cached folded state plus the events after it: stream-states.ts). */
export function loadCase(store: EventStore, caseId: string): Promise<unknown> {
  return loadStreamState(store, caseAggregate, `case-${caseId}`);
}

/** A cold load: read the whole stream and fold it (retractions applied), as GET /cases/{id} and a fresh process do. */
export function foldCaseCold(store: EventStore, caseId: string): Promise<unknown> {
  return loadAggregate(store, caseAggregate, caseId);
}

/** A token for the bench's officer and head of every office, signed with the API's development secret. */
export function benchToken(dataDir: string, offices: readonly string[]): string {
  const settings = loadAuthSettings(readEngineEnvironment({ DATA_DIR: dataDir }, 'cli'), dataDir);
  return mintDevelopmentToken(settings, {
    subject: 'bench',
    roles: ['officer', 'head', 'auditor'],
    offices: [...offices],
    ttlSeconds: 3600,
    now: Date.now(),
  });
}

/**
 * p-th percentile latency of GET /api/v1/cases/{id}/events over `runs` sequential requests, sent by `client` (a child
 * process, so the bench's own collections stay out of the figure) or, without one, by the bench process itself.
 */
export async function getEventsLatency(
  api: ApiProcess,
  token: string,
  caseId: string,
  runs: number,
  p: number,
  client?: ReadClient,
) {
  const url = `${api.baseUrl}/api/v1/cases/${caseId}/events`;
  if (client) return percentile(await client.latencies(url, token, runs), p);
  const call = async () => {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`GET events of ${caseId}: ${response.status}`);
    await response.arrayBuffer();
  };
  return percentile(await latencies(call, runs), p);
}

export interface HttpLoad {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly errors: number;
}

/** POST /api/v1/cases (ReceiveCase, a new case each time) from 64 connections for `seconds`. */
export async function httpCommandLoad(api: ApiProcess, token: string, seconds: number, tag: string): Promise<HttpLoad> {
  let n = 0;
  const result = await autocannon({
    url: `${api.baseUrl}/api/v1/cases`,
    connections: 64,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({
          ...request,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(receiveCaseBody(`HP-B${tag}-${n++}`)),
        }),
      },
    ],
  });
  const errors = result.errors + result.non2xx;
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors,
  };
}

export function receiveCaseBody(caseId: string) {
  return {
    caseId,
    officeId: 'HP-NGO-QUYEN',
    source: 'REQUEST',
    mode: 'ON_REQUEST',
    judgment: {
      number: '12/2017/DS-PT',
      court: 'Tòa án nhân dân thành phố Hải Phòng',
      issuedOn: '2017-11-20',
      legallyEffectiveOn: '2017-11-20',
    },
    parties: [
      { partyId: 'creditor-1', role: 'CREDITOR', kind: 'ORGANISATION', name: 'Ngân hàng TMCP Hàng Hải' },
      { partyId: 'debtor-1', role: 'DEBTOR', kind: 'PERSON', name: 'Nguyễn Văn A', address: 'Ngô Quyền, Hải Phòng' },
    ],
    obligations: [{ itemId: 'debt', kind: 'DEBT', description: 'Repay the loan and interest', amount: '850000000' }],
    effectiveDate: '2018-03-01',
  };
}
