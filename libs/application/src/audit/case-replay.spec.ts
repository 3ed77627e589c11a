import type { RecordedEvent } from '@thads/event-store';

describe('replayCase with a late correction', () => {
  it('drops a retracted settlement only as known after the retraction was recorded', async () => {
    const { replayCase } = await import('./case-replay');
    const base = { caseId: 'c', officeId: 'o', ruleSet: 'LAW_2008_2014' };
    const at = (
      id: string,
      type: string,
      data: Record<string, unknown>,
      revision: number,
      recordedAt: string,
    ): RecordedEvent =>
      ({
        id,
        type,
        data: { ...base, ...data },
        stream: 'case-c',
        revision: BigInt(revision),
        position: BigInt(revision),
        metadata: { recordedAt },
      }) as unknown as RecordedEvent;
    const received = at(
      'e-0',
      'CaseReceived',
      {
        source: 'JUDGMENT',
        mode: 'EX_OFFICIO',
        interimMeasure: false,
        decisionDueOn: '2025-06-09',
        effectiveDate: '2025-06-02',
        judgment: { number: '1', court: 'c', issuedOn: '2025-05-01', legallyEffectiveOn: '2025-05-01' },
        parties: [],
        obligations: [{ itemId: 'i', kind: 'DEBT', description: 'd', amount: '0' }],
      },
      0,
      '2025-06-02T01:00:00.000Z',
    );
    const decided = at(
      'e-1',
      'EnforcementDecisionIssued',
      {
        decisionNumber: 'd',
        servedOn: '2025-06-04',
        voluntaryPeriodEndsOn: '2025-06-16',
        verificationDueOn: '2025-06-26',
        issuedLate: false,
        effectiveDate: '2025-06-04',
      },
      1,
      '2025-06-04T01:00:00.000Z',
    );
    const settled = at(
      'e-2',
      'CaseSettled',
      { enforcedItemIds: ['i'], effectiveDate: '2025-06-05' },
      2,
      '2025-06-05T01:00:00.000Z',
    );
    const retraction = at(
      'e-3',
      'FactRetracted',
      {
        retractedEventId: 'e-2',
        retractedType: 'CaseSettled',
        retractedEffectiveDate: '2025-06-05',
        effectiveDate: '2025-07-01',
      },
      3,
      '2025-07-01T01:00:00.000Z',
    );
    const events = [received, decided, settled, retraction];
    expect(replayCase('c', events, {}).state.status).toBe('decided');
    expect(replayCase('c', events, { asKnownAt: '2025-06-30T00:00:00.000Z' }).state.status).toBe('settled');
  });
});
