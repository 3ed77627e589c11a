import {
  CASE_DATES,
  CASE_FIXTURE,
  caseDecided,
  caseInEnforcement,
  caseNotEnforceable,
  caseReceived,
  caseWithSeizeAndSellCoercion,
  caseWithSeizedAsset,
  caseWithValuedAsset,
  deciderSpec,
  eventsAfter,
  stateAfter,
} from '@thads/testing';
import type {
  CaseCommand,
  CoercionMeasure,
  DecideCoercion,
  RecordAuctionResult,
  ReduceAuctionPrice,
} from './case-commands';
import { caseDecider } from './case-decider';

const spec = deciderSpec(caseDecider);
const base = { caseId: CASE_FIXTURE.caseId, officeId: CASE_FIXTURE.officeId, ruleSet: 'LAW_2008_2014' as const };
const { assetId } = CASE_FIXTURE;

function coercion(
  effectiveDate: string,
  scheduledAt: string,
  measure: CoercionMeasure = 'SEIZE_AND_SELL',
): DecideCoercion {
  return { type: 'DecideCoercion', data: { decisionNumber: '7/QĐ-CCTHA', measure, scheduledAt, effectiveDate } };
}
function seize(effectiveDate: string, id = assetId): CaseCommand {
  return { type: 'SeizeAsset', data: { assetId: id, kind: 'REAL_ESTATE', description: 'House', effectiveDate } };
}
function auction(effectiveDate: string, outcome: 'SOLD' | 'FAILED', price?: bigint): RecordAuctionResult {
  return { type: 'RecordAuctionResult', data: { assetId, outcome, price, effectiveDate } };
}
function reduce(effectiveDate: string, newPrice: bigint): ReduceAuctionPrice {
  return { type: 'ReduceAuctionPrice', data: { assetId, newPrice, effectiveDate } };
}
const postpone: CaseCommand = {
  type: 'PostponeEnforcement',
  data: { decisionNumber: 'H-1', ground: 'PARTIES_AGREE', effectiveDate: '2025-06-18' },
};
const suspend: CaseCommand = {
  type: 'SuspendEnforcement',
  data: { decisionNumber: 'T-1', ground: 'CASSATION_PROTEST', effectiveDate: '2025-06-18' },
};
/** Verified enforceable on 10 June, inside the voluntary period that ends on 16 June. */
const verifiedEarly = () =>
  eventsAfter(caseDecided(), [
    { type: 'RecordVerification', data: { result: 'ENFORCEABLE', findings: 'House', effectiveDate: '2025-06-10' } },
  ]);
const failedAuction = () => eventsAfter(caseWithValuedAsset(), [auction('2025-08-05', 'FAILED')]);

describe('case: ApplySecurityMeasure', () => {
  const measure = (measureId: string, effectiveDate: string): CaseCommand => ({
    type: 'ApplySecurityMeasure',
    data: { measureId, kind: 'ACCOUNT_FREEZE', description: 'Freeze account 0123', effectiveDate },
  });

  it('applies at any time after the decision, the voluntary period included (Art. 45(2), 66)', () => {
    spec
      .given(caseDecided())
      .when(measure('m-1', '2025-06-05'))
      .then([
        {
          type: 'SecurityMeasureApplied',
          data: {
            ...base,
            effectiveDate: '2025-06-05',
            measureId: 'm-1',
            kind: 'ACCOUNT_FREEZE',
            description: 'Freeze account 0123',
          },
        },
      ]);
    spec
      .given(eventsAfter(caseInEnforcement(), [postpone]))
      .when(measure('m-1', '2025-06-19'))
      .thenEvents((events) => expect(events).toHaveLength(1));
  });

  it('waits for the decision', () => {
    spec
      .given(caseReceived())
      .when(measure('m-1', '2025-06-03'))
      .thenThrows('INVALID_STATE_TRANSITION', { status: 'intake' });
  });

  it('applies a measure once', () => {
    spec
      .given(eventsAfter(caseDecided(), [measure('m-1', '2025-06-05')]))
      .when(measure('m-1', '2025-06-06'))
      .thenThrows('DUPLICATE_MEASURE_ID', { measureId: 'm-1' });
  });
});

describe('case: DecideCoercion', () => {
  it('decides coercion on an enforceable case after the voluntary period', () => {
    spec
      .given(caseInEnforcement())
      .when(coercion('2025-06-18', '2025-06-20T08:00'))
      .then([
        {
          type: 'CoercionDecided',
          data: {
            ...base,
            effectiveDate: '2025-06-18',
            decisionNumber: '7/QĐ-CCTHA',
            measure: 'SEIZE_AND_SELL',
            scheduledAt: '2025-06-20T08:00',
          },
        },
      ]);
  });

  it('waits out the voluntary period, its last day included (Art. 45(1))', () => {
    spec
      .given(verifiedEarly())
      .when(coercion('2025-06-16', '2025-06-18T08:00'))
      .thenThrows('VOLUNTARY_PERIOD_RUNNING', { voluntaryPeriodEndsOn: '2025-06-16' });
    spec
      .given(verifiedEarly())
      .when(coercion('2025-06-17', '2025-06-18T08:00'))
      .thenEvents((events) => expect(events).toHaveLength(1));
  });

  it('gives interim measures no voluntary period: coercion on the decision day', () => {
    const interim = eventsAfter(caseDecided({ interimMeasure: true }), [
      {
        type: 'RecordVerification',
        data: { result: 'ENFORCEABLE', findings: 'Account found', effectiveDate: CASE_DATES.decided },
      },
    ]);
    spec
      .given(interim)
      .when(coercion(CASE_DATES.decided, '2025-06-04T09:00', 'ACCOUNT_DEBIT'))
      .thenEvents((events) => expect(events).toHaveLength(1));
  });

  it.each<[string, () => ReturnType<typeof caseDecided>, string]>([
    ['not yet verified', caseDecided, 'CONDITIONS_NOT_VERIFIED'],
    ['not enforceable', caseNotEnforceable, 'CASE_NOT_ENFORCEABLE'],
    [
      'found not enforceable, decision pending',
      () =>
        eventsAfter(caseDecided(), [
          {
            type: 'RecordVerification',
            data: {
              result: 'NOT_ENFORCEABLE',
              ground: 'NO_INCOME_OR_ASSETS',
              findings: '-',
              effectiveDate: '2025-06-17',
            },
          },
        ]),
      'CASE_NOT_ENFORCEABLE',
    ],
    [
      'enforceable but last found run dry',
      () =>
        eventsAfter(caseInEnforcement(), [
          {
            type: 'RecordVerification',
            data: {
              result: 'NOT_ENFORCEABLE',
              ground: 'NO_INCOME_OR_ASSETS',
              findings: '-',
              effectiveDate: '2025-06-18',
            },
          },
        ]),
      'CASE_NOT_ENFORCEABLE',
    ],
    ['postponed', () => eventsAfter(caseInEnforcement(), [postpone]), 'ENFORCEMENT_POSTPONED'],
    ['suspended', () => eventsAfter(caseInEnforcement(), [suspend]), 'ENFORCEMENT_SUSPENDED'],
    ['still in intake', caseReceived, 'INVALID_STATE_TRANSITION'],
  ])('is refused when the case is %s', (_label, history, code) => {
    spec
      .given(history())
      .when(coercion('2025-06-19', '2025-06-20T08:00'))
      .thenThrows(code, { command: 'DecideCoercion' });
  });

  it.each(['2025-06-20T06:00', '2025-06-20T21:59'])('allows %s: daytime on a working day', (scheduledAt) => {
    spec
      .given(caseInEnforcement())
      .when(coercion('2025-06-18', scheduledAt))
      .thenEvents((events) => expect(events).toHaveLength(1));
  });

  it.each(['2025-06-20T22:00', '2025-06-20T05:59', '2025-06-20T00:00'])(
    'refuses %s: night (Art. 46(2))',
    (scheduledAt) => {
      spec
        .given(caseInEnforcement())
        .when(coercion('2025-06-18', scheduledAt))
        .thenThrows('COERCION_AT_NIGHT', { scheduledAt });
    },
  );

  it('refuses a Saturday and a public holiday (Art. 46(2))', () => {
    spec
      .given(caseInEnforcement())
      .when(coercion('2025-06-18', '2025-06-21T08:00'))
      .thenThrows('COERCION_ON_NON_WORKING_DAY', { scheduledAt: '2025-06-21T08:00', holiday: null });
    spec
      .given(caseInEnforcement())
      .when(coercion('2025-08-20', '2025-09-02T08:00'))
      .thenThrows('COERCION_ON_NON_WORKING_DAY', { scheduledAt: '2025-09-02T08:00', holiday: expect.any(String) });
  });

  it('refuses a date before the decision', () => {
    spec
      .given(caseInEnforcement())
      .when(coercion('2025-06-18', '2025-06-17T08:00'))
      .thenThrows('COERCION_SCHEDULED_BEFORE_DECISION', { field: 'scheduledAt' });
  });

  it.each(['2025-06-20 08:00', '2025-06-20T24:00', '2025-06-31T08:00', '2025-06-20T08:60', '2025-06-20'])(
    'refuses the malformed time %s',
    (scheduledAt) => {
      spec
        .given(caseInEnforcement())
        .when(coercion('2025-06-18', scheduledAt))
        .thenThrows('INVALID_DATE', { field: 'scheduledAt' });
    },
  );

  it('needs a decision number', () => {
    spec
      .given(caseInEnforcement())
      .when({
        ...coercion('2025-06-18', '2025-06-20T08:00'),
        data: { ...coercion('2025-06-18', '2025-06-20T08:00').data, decisionNumber: '' },
      })
      .thenThrows('MISSING_FIELD', { field: 'decisionNumber' });
  });
});

describe('case: SeizeAsset', () => {
  it('seizes on Friday; the valuer is due 5 working days later, next Friday (Art. 98)', () => {
    spec
      .given(caseWithSeizeAndSellCoercion())
      .when(seize(CASE_DATES.seized))
      .then([
        {
          type: 'AssetSeized',
          data: {
            ...base,
            effectiveDate: '2025-06-20',
            assetId,
            kind: 'REAL_ESTATE',
            description: 'House',
            valuerContractDueOn: '2025-06-27',
          },
        },
      ]);
  });

  it('needs a SEIZE_AND_SELL coercion decision (Art. 71)', () => {
    spec
      .given(caseInEnforcement())
      .when(seize('2025-06-20'))
      .thenThrows('COERCION_NOT_DECIDED', { coercionMeasures: [] });
    const debit = eventsAfter(caseInEnforcement(), [coercion('2025-06-18', '2025-06-20T08:00', 'ACCOUNT_DEBIT')]);
    spec
      .given(debit)
      .when(seize('2025-06-20'))
      .thenThrows('COERCION_NOT_DECIDED', { coercionMeasures: ['ACCOUNT_DEBIT'] });
  });

  it('waits out the voluntary period', () => {
    spec.given(verifiedEarly()).when(seize('2025-06-12')).thenThrows('VOLUNTARY_PERIOD_RUNNING');
  });

  it('stops while suspended', () => {
    spec
      .given(eventsAfter(caseWithSeizeAndSellCoercion(), [suspend]))
      .when(seize('2025-06-20'))
      .thenThrows('ENFORCEMENT_SUSPENDED');
  });

  it('seizes an asset once', () => {
    spec.given(caseWithSeizedAsset()).when(seize('2025-06-23')).thenThrows('ASSET_ALREADY_SEIZED', { assetId });
    spec
      .given(caseWithSeizedAsset())
      .when(seize('2025-06-23', 'asset-car'))
      .thenEvents((events) => expect(events).toHaveLength(1));
  });

  it('needs an asset id', () => {
    spec
      .given(caseWithSeizeAndSellCoercion())
      .when(seize('2025-06-20', ''))
      .thenThrows('MISSING_FIELD', { field: 'assetId' });
  });
});

describe('case: RecordValuation', () => {
  const value = (amount: bigint, id = assetId): CaseCommand => ({
    type: 'RecordValuation',
    data: { assetId: id, value: amount, valuer: 'Valuer Co.', effectiveDate: '2025-07-01' },
  });

  it('records the first starting price; the auction contract is due within 10 days (Art. 101)', () => {
    spec
      .given(caseWithSeizedAsset())
      .when(value(1_000_000_000n))
      .then([
        {
          type: 'AssetValued',
          data: {
            ...base,
            effectiveDate: '2025-07-01',
            assetId,
            value: 1_000_000_000n,
            valuer: 'Valuer Co.',
            auctionContractDueOn: '2025-07-11',
          },
        },
      ]);
  });

  it('refuses an unknown asset, a second valuation, a sold asset and a zero value', () => {
    spec.given(caseWithSeizedAsset()).when(value(1n, 'asset-x')).thenThrows('ASSET_NOT_FOUND', { assetId: 'asset-x' });
    spec.given(caseWithValuedAsset()).when(value(1n)).thenThrows('ASSET_ALREADY_VALUED', { assetStatus: 'valued' });
    spec
      .given(eventsAfter(caseWithValuedAsset(), [auction('2025-07-01', 'SOLD', 1_000_000_000n)]))
      .when(value(1n))
      .thenThrows('ASSET_ALREADY_SOLD');
    spec.given(caseWithSeizedAsset()).when(value(0n)).thenThrows('INVALID_AMOUNT', { field: 'value', value: '0' });
  });
});

describe('case: RecordAuctionResult', () => {
  it('records a failure at the current starting price', () => {
    spec
      .given(caseWithValuedAsset())
      .when(auction('2025-08-05', 'FAILED'))
      .then([
        {
          type: 'AuctionFailed',
          data: { ...base, effectiveDate: '2025-08-05', assetId, startingPrice: 1_000_000_000n },
        },
      ]);
  });

  it('records a sale; the buyer pays within 30 days (Art. 101)', () => {
    spec
      .given(caseWithValuedAsset())
      .when(auction('2025-08-05', 'SOLD', 1_050_000_000n))
      .then([
        {
          type: 'AssetSoldAtAuction',
          data: {
            ...base,
            effectiveDate: '2025-08-05',
            assetId,
            price: 1_050_000_000n,
            buyerPaymentDueOn: '2025-09-04',
          },
        },
      ]);
  });

  it('needs a positive price, not below the starting price', () => {
    spec
      .given(caseWithValuedAsset())
      .when(auction('2025-08-05', 'SOLD'))
      .thenThrows('AUCTION_PRICE_REQUIRED', { field: 'price' });
    spec
      .given(caseWithValuedAsset())
      .when(auction('2025-08-05', 'SOLD', 0n))
      .thenThrows('INVALID_AMOUNT', { field: 'price' });
    spec
      .given(caseWithValuedAsset())
      .when(auction('2025-08-05', 'SOLD', 999_999_999n))
      .thenThrows('SALE_PRICE_BELOW_STARTING_PRICE', { price: '999999999', startingPrice: '1000000000' });
  });

  it('follows the asset sub-lifecycle', () => {
    spec.given(caseWithSeizedAsset()).when(auction('2025-08-05', 'FAILED')).thenThrows('ASSET_NOT_VALUED', { assetId });
    spec
      .given(failedAuction())
      .when(auction('2025-08-20', 'FAILED'))
      .thenThrows('AUCTION_PRICE_NOT_REDUCED', { assetId });
    spec
      .given(eventsAfter(caseWithValuedAsset(), [auction('2025-08-05', 'SOLD', 1_000_000_000n)]))
      .when(auction('2025-08-20', 'FAILED'))
      .thenThrows('ASSET_ALREADY_SOLD');
    spec
      .given(caseWithValuedAsset())
      .when({
        ...auction('2025-08-05', 'FAILED'),
        data: { ...auction('2025-08-05', 'FAILED').data, assetId: 'asset-x' },
      })
      .thenThrows('ASSET_NOT_FOUND');
  });
});

describe('case: ReduceAuctionPrice', () => {
  it('reduces by exactly 10% (Art. 104)', () => {
    spec
      .given(failedAuction())
      .when(reduce('2025-08-12', 900_000_000n))
      .then([
        {
          type: 'AuctionPriceReduced',
          data: {
            ...base,
            effectiveDate: '2025-08-12',
            assetId,
            previousPrice: 1_000_000_000n,
            newPrice: 900_000_000n,
            reductionNumber: 1,
          },
        },
      ]);
  });

  it('refuses a cut of more than 10%', () => {
    spec
      .given(failedAuction())
      .when(reduce('2025-08-12', 899_999_999n))
      .thenThrows('PRICE_REDUCTION_EXCEEDS_10_PERCENT', { lowestAllowed: '900000000', newPrice: '899999999' });
  });

  it('checks the 10% bound in exact integers: 90% of 999,999,999 is 899,999,999.1', () => {
    const odd = eventsAfter(caseWithSeizedAsset(), [
      { type: 'RecordValuation', data: { assetId, value: 999_999_999n, valuer: 'V', effectiveDate: '2025-07-01' } },
      auction('2025-08-05', 'FAILED'),
    ]);
    spec
      .given(odd)
      .when(reduce('2025-08-12', 899_999_999n))
      .thenThrows('PRICE_REDUCTION_EXCEEDS_10_PERCENT', { lowestAllowed: '900000000' });
    spec
      .given(odd)
      .when(reduce('2025-08-12', 900_000_000n))
      .thenEvents((events) => expect(events).toHaveLength(1));
  });

  it('must reduce: the same price, or more, is refused', () => {
    spec
      .given(failedAuction())
      .when(reduce('2025-08-12', 1_000_000_000n))
      .thenThrows('PRICE_NOT_REDUCED', { previousPrice: '1000000000' });
    spec.given(failedAuction()).when(reduce('2025-08-12', 0n)).thenThrows('INVALID_AMOUNT', { field: 'newPrice' });
  });

  it('only after a failed auction', () => {
    spec
      .given(caseWithValuedAsset())
      .when(reduce('2025-08-12', 900_000_000n))
      .thenThrows('AUCTION_NOT_FAILED', { assetStatus: 'valued' });
    spec
      .given(eventsAfter(caseWithValuedAsset(), [auction('2025-08-05', 'SOLD', 1_000_000_000n)]))
      .when(reduce('2025-08-12', 900_000_000n))
      .thenThrows('ASSET_ALREADY_SOLD');
  });

  it('puts the asset up again at the reduced price, counting reductions', () => {
    const reducedTwice = eventsAfter(failedAuction(), [
      reduce('2025-08-12', 900_000_000n),
      auction('2025-09-09', 'FAILED'),
      reduce('2025-09-16', 810_000_000n),
    ]);
    const state = stateAfter(caseDecider, reducedTwice);
    if (state.status === 'none') throw new Error('expected a case');
    expect(state.facts.assets).toEqual([
      {
        assetId,
        kind: 'REAL_ESTATE',
        status: 'valued',
        startingPrice: 810_000_000n,
        priceReductions: 2,
        valuerContractDueOn: '2025-06-27',
      },
    ]);
    spec
      .given(reducedTwice)
      .when(auction('2025-10-07', 'SOLD', 810_000_000n))
      .thenEvents(([event]) => expect(event.type).toBe('AssetSoldAtAuction'));
  });
});
