import { caseEventCodec } from './case-event-codec';
import { caseInEnforcement, deciderSpec, eventsAfter, retractionOf, stateAfter } from '@thads/testing';
import { caseDecider } from './case-decider';
import type { CaseCommand } from './case-commands';
import type { CaseEvent } from './case-events';

/** A mistaken correction can itself be retracted or superseded by an admin with a reason (docs/corrections.md). */
const spec = deciderSpec(caseDecider);
const collect: CaseCommand = {
  type: 'RecordCollection',
  data: {
    collectionId: 'thu-1',
    itemId: 'item-debt',
    amount: 8_000_000n,
    source: 'VOLUNTARY',
    effectiveDate: '2025-06-18',
  },
};
const collected = eventsAfter(caseInEnforcement(), [collect]);
const correctTo = (history: readonly CaseEvent[], amount: string) =>
  retractionOf(history, 'FundsCollected', { effectiveDate: '2025-06-18', correctedData: { amount } });
/** A CorrectRecordedFact of the last FactRetracted of `history`, named `eventId` (pure fixtures carry no ids). */
const retractCorrection = (history: readonly CaseEvent[], eventId: string, extra: object = {}): CaseCommand => {
  const correction = [...history].reverse().find((event) => event.type === 'FactRetracted')!;
  return {
    type: 'CorrectRecordedFact',
    data: {
      eventId,
      target: { type: 'FactRetracted', data: caseEventCodec.encode(correction).data },
      reason: 'The correction itself was wrong',
      ...extra,
    },
  };
};

describe('case: corrections can be corrected', () => {
  it('a second correction of the same event supersedes the first instead of 409 EVENT_ALREADY_RETRACTED', () => {
    const once = eventsAfter(collected, [correctTo(collected, '3000000')]);
    spec
      .given(once)
      .when(correctTo(collected, '5000000'))
      .thenEvents(([event]) =>
        expect(event).toMatchObject({
          type: 'FactRetracted',
          data: { retractedEventId: 'ev-9', correctedData: { amount: '5000000' }, effectiveDate: '2025-06-18' },
        }),
      );
  });

  it('an event retracted outright counts again when corrected; retracting it outright again is 409', () => {
    const outright = eventsAfter(collected, [
      retractionOf(collected, 'FundsCollected', { effectiveDate: '2025-06-18' }),
    ]);
    expect(stateAfter(caseDecider, outright)).toMatchObject({ facts: { retractedOutright: ['ev-9'] } });
    spec
      .given(outright)
      .when(retractionOf(collected, 'FundsCollected', { effectiveDate: '2025-06-18' }))
      .thenThrows('EVENT_ALREADY_RETRACTED', { eventId: 'ev-9' });
    const corrected = eventsAfter(outright, [correctTo(collected, '3000000')]);
    expect(stateAfter(caseDecider, corrected)).toMatchObject({ facts: { retractedOutright: [] } });
  });

  it('retracts a correction, dated at it by default, carrying what it undoes', () => {
    const once = eventsAfter(collected, [correctTo(collected, '3000000')]);
    spec
      .given(once)
      .when(retractCorrection(once, 'ev-10'))
      .thenEvents(([event]) =>
        expect(event).toMatchObject({
          type: 'FactRetracted',
          data: {
            retractedEventId: 'ev-10',
            retractedType: 'FactRetracted',
            effectiveDate: '2025-06-18',
            retractedData: { retractedEventId: 'ev-9', correctedData: { amount: '3000000' } },
          },
        }),
      );
  });

  it('refuses correctedData on a correction (correct the event again instead) and a second retraction of it', () => {
    const once = eventsAfter(collected, [correctTo(collected, '3000000')]);
    spec
      .given(once)
      .when(retractCorrection(once, 'ev-10', { correctedData: { correctedData: { amount: '4000000' } } }))
      .thenThrows('INVALID_CORRECTED_DATA', { field: 'correctedData' });
    const undone = eventsAfter(once, [retractCorrection(once, 'ev-10')]);
    spec
      .given(undone)
      .when(retractCorrection(once, 'ev-10'))
      .thenThrows('EVENT_ALREADY_RETRACTED', { eventId: 'ev-10' });
  });
});
