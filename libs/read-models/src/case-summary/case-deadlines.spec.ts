import { closed, earliestDeadline, opened, WHOLE_CASE, type OpenDeadline } from './case-deadlines';

describe('open case deadlines', () => {
  const verification: OpenDeadline = { kind: 'VERIFICATION', subject: WHOLE_CASE, dueOn: '2018-03-26' };

  it('opening a deadline of the same kind and subject replaces it; other subjects stay', () => {
    let deadlines = opened([verification], 'VALUER_CONTRACT', 'car', '2018-04-23');
    deadlines = opened(deadlines, 'VALUER_CONTRACT', 'house', '2018-04-25');
    deadlines = opened(deadlines, 'VALUER_CONTRACT', 'car', '2018-04-24');
    expect(deadlines).toEqual([
      verification,
      { kind: 'VALUER_CONTRACT', subject: 'house', dueOn: '2018-04-25' },
      { kind: 'VALUER_CONTRACT', subject: 'car', dueOn: '2018-04-24' },
    ]);
    expect(closed(deadlines, ['VALUER_CONTRACT'], 'car')).toHaveLength(2);
    expect(closed(deadlines, ['VALUER_CONTRACT'])).toEqual([verification]);
  });

  it('picks the earliest date; on the same day, the kind listed first, then the smaller subject', () => {
    expect(earliestDeadline([])).toBeNull();
    const sameDay: OpenDeadline[] = [
      { kind: 'DISBURSEMENT', subject: 'thu-2', dueOn: '2018-04-12' },
      { kind: 'DISBURSEMENT', subject: 'thu-1', dueOn: '2018-04-12' },
      { kind: 'VALUER_CONTRACT', subject: 'car', dueOn: '2018-04-12' },
    ];
    expect(earliestDeadline(sameDay)).toEqual({ kind: 'VALUER_CONTRACT', subject: 'car', dueOn: '2018-04-12' });
    expect(earliestDeadline(sameDay.slice(0, 2))).toEqual({
      kind: 'DISBURSEMENT',
      subject: 'thu-1',
      dueOn: '2018-04-12',
    });
    expect(earliestDeadline([...sameDay, verification])).toBe(verification);
  });
});
