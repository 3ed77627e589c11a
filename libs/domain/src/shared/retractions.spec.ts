import { retractionsOf, withRetractionsApplied, type StoredEvent } from './retractions';

const event = (id: string, type: string, data: Record<string, string | Record<string, string>>): StoredEvent => ({
  id,
  type,
  data,
});

describe('withRetractionsApplied', () => {
  const collected = event('e-1', 'FundsCollected', { amount: '100', effectiveDate: '2025-06-01' });
  const settled = event('e-2', 'CaseSettled', { effectiveDate: '2025-06-02' });

  it('leaves a stream without retractions as it is', () => {
    const events = [collected, settled];
    expect(withRetractionsApplied(events)).toBe(events);
  });

  it('drops a retracted event but keeps the retraction, in stream order', () => {
    const retraction = event('e-3', 'FactRetracted', { retractedEventId: 'e-2', effectiveDate: '2025-06-03' });
    expect(withRetractionsApplied([collected, settled, retraction]).map((e) => e.id)).toEqual(['e-1', 'e-3']);
    expect([...retractionsOf([collected, settled, retraction])]).toEqual([['e-2', null]]);
  });

  it('lays corrected data over the retracted event in its place', () => {
    const retraction = event('e-3', 'FactRetracted', {
      retractedEventId: 'e-1',
      correctedData: { amount: '90' },
      effectiveDate: '2025-06-03',
    });
    const folded = withRetractionsApplied([collected, settled, retraction]);
    expect(folded.map((e) => e.id)).toEqual(['e-1', 'e-2', 'e-3']);
    expect(folded[0].data).toEqual({ amount: '90', effectiveDate: '2025-06-01' });
    expect(collected.data).toEqual({ amount: '100', effectiveDate: '2025-06-01' });
  });
});
