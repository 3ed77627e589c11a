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

describe('withRetractionsApplied: corrections of corrections', () => {
  const collected = event('e-1', 'FundsCollected', { amount: '100', effectiveDate: '2025-06-01' });
  const fix = (id: string, target: string, correctedData?: Record<string, string>) =>
    event(id, 'FactRetracted', {
      retractedEventId: target,
      ...(correctedData ? { correctedData } : {}),
      effectiveDate: '2025-06-01',
    });
  const amountOf = (events: readonly StoredEvent[]) => events.find((e) => e.id === 'e-1')?.data.amount ?? null;

  it('retracting a correction restores the fact as it was recorded; retracting that retraction reinstates it', () => {
    const first = fix('r-1', 'e-1', { amount: '90' });
    const undo = fix('r-2', 'r-1');
    expect(amountOf(withRetractionsApplied([collected, first]))).toBe('90');
    const undone = withRetractionsApplied([collected, first, undo]);
    expect(undone.map((e) => e.id)).toEqual(['e-1', 'r-2']);
    expect(amountOf(undone)).toBe('100');
    expect(amountOf(withRetractionsApplied([collected, first, undo, fix('r-3', 'r-2')]))).toBe('90');
  });

  it('a second correction of the same event supersedes the first, laid over the event as recorded', () => {
    const first = fix('r-1', 'e-1', { amount: '90' });
    const second = fix('r-2', 'e-1', { amount: '80' });
    expect(amountOf(withRetractionsApplied([collected, first, second]))).toBe('80');
    // Retracting the superseding one brings back the one before it, not the recorded fact.
    expect(amountOf(withRetractionsApplied([collected, first, second, fix('r-3', 'r-2')]))).toBe('90');
    // An outright retraction superseded by a correction: the event counts again, corrected.
    expect(amountOf(withRetractionsApplied([collected, fix('r-1', 'e-1'), second]))).toBe('80');
    expect(amountOf(withRetractionsApplied([collected, second, fix('r-4', 'e-1')]))).toBeNull();
  });

  it('lists only the standing retractions', () => {
    const first = fix('r-1', 'e-1', { amount: '90' });
    expect([...retractionsOf([collected, first, fix('r-2', 'r-1')])]).toEqual([['r-1', null]]);
  });
});
