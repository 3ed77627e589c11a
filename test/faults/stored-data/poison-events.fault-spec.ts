import { join } from 'node:path';
import Database from 'better-sqlite3';
import { verifyAllStreams } from '@thads/application';
import { receiveCaseBody } from '../../e2e/api/case-fixtures';
import { startTestApp, type TestApp } from '../../e2e/api/test-app';
import { FaultLog } from '../support/fault-log';

interface Health {
  status: string;
  headPosition: string;
  projections: {
    name: string;
    status: string;
    position: string;
    deadLetters?: { eventId: string; reason: string }[];
  }[];
}

type Poison = 'unparsable JSON' | 'unknown type' | 'future schema version' | 'invalid money';
const POISONS: Poison[] = ['unparsable JSON', 'unknown type', 'future schema version', 'invalid money'];

/**
 * A poison event in the store (written behind the engine's back, or by a newer build): the case fails closed with a
 * 5xx stored-data error, never a client error; the projector dead-letters the event and halts only the projections
 * it breaks, /health shows it, and `verify --all` names a damaged event and goes on.
 */
describe('poison stored events', () => {
  it.each(POISONS)(
    '%s',
    async (poison) => {
      const log = new FaultLog(`poison stored event: ${poison}`);
      const t = await startTestApp();
      try {
        const caseId = `HP-POISON-${log.between(1, 9999)}`;
        await t.http.post('/api/v1/cases').send(receiveCaseBody(caseId)).expect(201);
        await t.http.post('/api/v1/complaints').send(complaintBody(caseId)).expect(201);
        const eventId = await plantPoison(t, `case-${caseId}`, poison);

        const command = await t.http
          .post(`/api/v1/cases/${caseId}/issue-enforcement-decision`)
          .send({ decisionNumber: '1/QĐ', servedOn: '2018-03-06', effectiveDate: '2018-03-05' });
        expect(command.status).toBe(500);
        expect(command.body).toMatchObject({ code: 'STORED_EVENT_INVALID', eventId });
        const read = await t.http.get(`/api/v1/cases/${caseId}`);
        expect(read.status).toBe(500);
        expect(read.body.code).toBe('STORED_EVENT_INVALID');

        const health = await settledHealth(t);
        const halted = health.projections.filter((projection) => projection.status === 'halted');
        // A type no projection knows is passed over by design (case_summary: "until it learns it"); the command side
        // is what must not guess, and it fails closed above. Every other poison breaks the case's projections.
        if (poison === 'unknown type') expect(halted).toEqual([]);
        else expect(halted.map((projection) => projection.name)).toContain('case_summary');
        for (const projection of halted)
          expect(projection.deadLetters?.map((letter) => letter.eventId)).toContain(eventId);
        // complaint_queue never reads case streams: it carries on past the poison, to the head.
        const queue = health.projections.find((projection) => projection.name === 'complaint_queue');
        expect(queue).toMatchObject({ status: 'running', position: health.headPosition });
        expect(health.status).toBe(halted.length ? 'down' : 'up');

        const verification = await verifyAllStreams(t.store);
        const named = verification.broken.map((report) => report.stream);
        if (poison === 'unparsable JSON') expect(named).toEqual([`case-${caseId}`]);
        else expect(verification.ok).toBe(true); // well-formed and chained: only the engine cannot read it
        expect(verification.streams).toBeGreaterThanOrEqual(2);
        log.outcome(
          `command ${command.status} ${command.body.code}, read ${read.status}; halted ${halted.map((p) => p.name).join(', ') || 'none'} ` +
            `with the dead letter, others running to the head; /health ${health.status}; verify --all ${verification.ok ? 'ok' : `names ${named.join(', ')}`} over ${verification.streams} streams`,
        );
      } finally {
        await t.close();
      }
    },
    120_000,
  );
});

/** Writes the poison as the next event of the stream; returns its id. */
async function plantPoison(t: TestApp, stream: string, poison: Poison): Promise<string> {
  const [last] = await t.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
  const metadata = {
    actor: { id: 'intruder', role: 'officer' },
    commandId: `poison-${poison}`,
    correlationId: 'c',
    causationId: 'c',
    schemaVersion: 1,
  };
  const id = '00000000-0000-4000-8000-00000000beef';
  if (poison === 'unparsable JSON') {
    // Behind the engine's back, as a damaged disk or a hand edit would: the only way to store text that is not JSON.
    const db = new Database(join(t.dataDir, 'events.db'));
    db.prepare(
      `INSERT INTO events (id, stream, category, revision, type, data, metadata, recorded_at)
       VALUES (?, ?, 'case', ?, 'EnforcementOfficerAssigned', '{"officerId": "chv-1", ', ?, ?)`,
    ).run(
      id,
      stream,
      last.revision + 1n,
      JSON.stringify({ ...metadata, recordedAt: new Date().toISOString() }),
      new Date().toISOString(),
    );
    db.close();
    return id;
  }
  const event: { type: string; data: Record<string, string> } =
    poison === 'unknown type'
      ? { type: 'CaseTeleported', data: { caseId: stream.slice(5), effectiveDate: '2018-03-02' } }
      : poison === 'future schema version'
        ? {
            type: 'EnforcementOfficerAssigned',
            data: { officerId: 'chv-1', effectiveDate: '2018-03-02', shape: 'v99' },
          }
        : {
            type: 'FundsCollected',
            data: { collectionId: 'c-1', itemId: 'debt', amount: 'lots', effectiveDate: '2018-03-02' },
          };
  await t.store.append(
    stream,
    [{ id, ...event, metadata: { ...metadata, schemaVersion: poison === 'future schema version' ? 99 : 1 } }],
    {
      expectedRevision: last.revision,
    },
  );
  return id;
}

/** /health once the projector has dealt with every event: each projection at the head or halted. */
async function settledHealth(t: TestApp): Promise<Health> {
  for (;;) {
    const health = await readiness(t);
    const head = BigInt(health.headPosition);
    if (health.projections.every((p) => p.status === 'halted' || BigInt(p.position) >= head)) return health;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** /health/ready as an operator sees it (details need an auditor or admin token): status, head and projections. */
async function readiness(t: TestApp): Promise<Health> {
  const body = (await t.http.get('/health/ready')).body as {
    status: string;
    checks: {
      eventStore: { details: { headPosition: string } };
      projections: { details: { projections: Health['projections'] } };
    };
  };
  return {
    status: body.status,
    headPosition: body.checks.eventStore.details.headPosition,
    projections: body.checks.projections.details.projections,
  };
}

function complaintBody(caseId: string) {
  return {
    complaintId: `KN-${caseId}`,
    caseId,
    complainant: { name: 'Nguyễn Văn A', partyId: 'debtor-1' },
    subject: { kind: 'DECISION', reference: '101/QĐ-CCTHADS', description: 'Wrong amount' },
    group: 'A',
    respondent: { role: 'OFFICE_HEAD', officeId: 'HP-NGO-QUYEN', officeTier: 'DISTRICT' },
    knownOn: '2018-03-06',
    effectiveDate: '2018-03-12',
  };
}
