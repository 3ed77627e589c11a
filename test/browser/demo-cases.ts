/**
 * The cases and complaint of the Hải Phòng demo the browser walk-through works on, found or made over the API with
 * the tokens the walk-through signs in with.
 */
import { join } from 'node:path';
import { tamperWithEventData } from '../e2e/api/tamper-with-event';
import { api } from './console-helpers';

export const OFFICE = 'HP-NGO-QUYEN';

/** A case of Ngô Quyền settled inside a closable month of reporting year 2018, with its settlement and a collection. */
export interface SettledCase {
  readonly caseId: string;
  readonly settledOn: string;
  readonly settledEventId: string;
  readonly collectedEventId: string;
}

/** Settled from October 2017 to April 2018: April is closed before the correction, so it lands as May's adjustment. */
export async function findSettledCase(baseUrl: string, token: string): Promise<SettledCase> {
  const cases = await api(baseUrl, token, `/cases?office=${OFFICE}&status=settled&limit=200`);
  for (const item of cases.body.items as { caseId: string; lastEffectiveDate: string }[]) {
    if (item.lastEffectiveDate < '2017-10-01' || item.lastEffectiveDate > '2018-04-30') continue;
    const history = await api(baseUrl, token, `/cases/${item.caseId}/history`);
    const steps = history.body.steps as { type: string; eventId: string; effectiveDate: string }[];
    const settle = steps.find((step) => step.type === 'CaseSettled');
    const collected = steps.find((step) => step.type === 'FundsCollected');
    if (settle && collected && settle.effectiveDate <= '2018-04-30')
      return {
        caseId: item.caseId,
        settledOn: settle.effectiveDate,
        settledEventId: settle.eventId,
        collectedEventId: collected.eventId,
      };
  }
  throw new Error(`No case of ${OFFICE} settled from October 2017 to April 2018`);
}

/** An open (enforceable) case of Ngô Quyền received before May 2018, for the refused command and the complaint. */
export async function findOpenCase(baseUrl: string, token: string): Promise<string> {
  const open = await api(baseUrl, token, `/cases?office=${OFFICE}&status=enforceable&limit=50`);
  const item = (open.body.items as { caseId: string; receivedOn: string }[]).find((c) => c.receivedOn < '2018-05-01');
  if (!item) throw new Error(`No enforceable case of ${OFFICE} received before May 2018`);
  return item.caseId;
}

/**
 * Alters the first verification findings of a case of Ngô Quyền still not enforceable (no other step uses it) in the
 * world's SQLite event store, as someone with access to the file would, and returns the case and the altered event.
 */
export async function alterStoredEvent(
  baseUrl: string,
  token: string,
  dataDir: string,
): Promise<{ caseId: string; eventId: string; revision: string }> {
  const cases = await api(baseUrl, token, `/cases?office=${OFFICE}&status=not_enforceable&limit=1`);
  const caseId = cases.body.items[0].caseId as string;
  const history = await api(baseUrl, token, `/cases/${caseId}/history`);
  const steps = history.body.steps as { eventId: string; revision: string; data: Record<string, unknown> }[];
  const step = steps.find((candidate) => typeof candidate.data.findings === 'string');
  if (!step) throw new Error(`${caseId} has no verification findings`);
  await tamperWithEventData(`sqlite:${join(dataDir, 'events.db')}`, step.eventId, (data) => ({
    ...data,
    findings: 'Người phải thi hành án có tài sản', // the opposite of what was recorded
  }));
  return { caseId, eventId: step.eventId, revision: step.revision };
}

/**
 * A first complaint against the head's enforcement decision, filed by the officer in May 2018: nobody accepted it, so
 * its acceptance is long overdue on the working-day calendar.
 */
export async function fileOverdueComplaint(baseUrl: string, officerToken: string, caseId: string): Promise<string> {
  const complaintId = `KN-BROWSER-${caseId}`;
  const filed = await api(baseUrl, officerToken, '/complaints', {
    method: 'POST',
    body: JSON.stringify({
      complaintId,
      caseId,
      complainant: { name: 'Nguyễn Văn A', partyId: 'debtor-browser' },
      subject: {
        kind: 'DECISION',
        reference: '201/QĐ-CCTHADS',
        description: 'Quyết định ghi sai số tiền phải thi hành',
      },
      group: 'A',
      respondent: { role: 'OFFICE_HEAD', officeId: OFFICE, officeTier: 'DISTRICT' },
      knownOn: '2018-05-02',
      effectiveDate: '2018-05-07',
    }),
  });
  if (filed.status !== 201) throw new Error(`The complaint was refused: ${JSON.stringify(filed.body)}`);
  // The queue is a projection: wait until it holds the complaint before a page reads it.
  const queue = await api(baseUrl, officerToken, `/complaints?office=${OFFICE}&minPosition=${filed.body.position}`);
  if (queue.status !== 200) throw new Error(`The complaint queue did not catch up: ${JSON.stringify(queue.body)}`);
  return complaintId;
}

/**
 * Closes every month from October 2017 to April 2018, in order, for the city and each district, as an admin would:
 * the report marks `closed` only the months a close names, so each month is closed on its own.
 */
export async function closeUpToApril(baseUrl: string, adminToken: string): Promise<void> {
  const report = await api(baseUrl, adminToken, '/reports/completion?office=HP&period=2018-04');
  const offices = ['HP', ...(report.body.children as { officeId: string }[]).map((row) => row.officeId)];
  const months = ['2017-10', '2017-11', '2017-12', '2018-01', '2018-02', '2018-03', '2018-04'];
  let lastPosition = '';
  for (const period of months)
    for (const office of offices) {
      const closed = await api(baseUrl, adminToken, `/offices/${office}/close-period`, {
        method: 'POST',
        body: JSON.stringify({ period }),
      });
      if (closed.status !== 200) throw new Error(`${office} ${period} was not closed: ${JSON.stringify(closed.body)}`);
      lastPosition = closed.body.position as string;
    }
  // The dashboard reads the report without the admin's last write: wait until the projector has applied the closes.
  const caughtUp = await api(
    baseUrl,
    adminToken,
    `/reports/completion?office=HP&period=2018-04&minPosition=${lastPosition}`,
  );
  if (caughtUp.status !== 200 || !caughtUp.body.rollUp?.closed)
    throw new Error(
      `April 2018 is not shown closed: ${caughtUp.status} ${JSON.stringify(caughtUp.body).slice(0, 300)}`,
    );
}

/**
 * Waits until the audit trail holds everything the log holds now. A refused command answers no position, and the
 * case page reads its rejections with only the console's own last write as `minPosition`; with the projector on its
 * thread (the default) a page opened at once can be ahead of it.
 */
export async function auditCaughtUp(baseUrl: string, auditorToken: string, caseId: string): Promise<void> {
  const ready = await fetch(`${baseUrl}/health/ready`, { headers: { authorization: `Bearer ${auditorToken}` } });
  const head = ((await ready.json()) as { checks: { eventStore: { details: { headPosition: string } } } }).checks
    .eventStore.details.headPosition;
  const audit = await api(baseUrl, auditorToken, `/audit?caseId=${caseId}&type=CommandRejected&minPosition=${head}`);
  if (audit.status !== 200) throw new Error(`The audit trail did not reach ${head}: ${audit.status}`);
}
