/**
 * Money acts of a generated case: voluntary payment, coercion (account debit, income garnishment, seizure and
 * auction), collections per obligation item, payouts within 10 days (Art. 47) and settlement (Art. 52(1)). Every
 * collection stays within what is owed on its item and every payout within what was collected, as the decider demands.
 */
import {
  addWorkingDays,
  isWorkingDay,
  type CoercionMeasure,
  type CollectionSource,
  type LocalDate,
} from '@thads/domain';
import {
  DoesNotFit,
  laterDay,
  laterWorkingDay,
  outstandingTotal,
  owedItems,
  record,
  type CaseScript,
} from './case-script';
import { UNNUMBERED } from './script-acts';

/** How a fully enforced case was paid. */
export type MoneyPath = 'voluntary' | 'accountDebit' | 'garnishment' | 'auction';

/** Pays in full during the voluntary period (Art. 45(1)), in one or two instalments, then payout and settlement. */
export function settleVoluntarily(script: CaseScript): void {
  const voluntaryEnd = script.voluntaryPeriodEndsOn;
  if (voluntaryEnd === undefined || script.date > voluntaryEnd) throw new DoesNotFit('the voluntary period is over');
  const instalments = outstandingTotal(script) > 20_000_000n && script.random.chance(0.4) ? 2 : 1;
  for (let n = 1; n <= instalments; n += 1) {
    const date = laterDay(script, 0, 4);
    if (date > voluntaryEnd) throw new DoesNotFit('the voluntary period is over');
    collect(script, n === instalments ? outstandingTotal(script) : outstandingTotal(script) / 2n, 'VOLUNTARY', date);
  }
  payOutAndSettle(script);
}

/**
 * Coercion after verification (Art. 46, 70–71): decided on a working day after the voluntary period, carried out by
 * day on a working day, then the money comes in by the chosen measure; a case owing nothing (returning a thing) is
 * settled after a compelled handover.
 */
export function settleByCoercion(script: CaseScript, path: Exclude<MoneyPath, 'voluntary'>): void {
  const owesMoney = outstandingTotal(script) > 0n;
  const measure: CoercionMeasure = !owesMoney
    ? 'COMPEL_HANDOVER'
    : path === 'accountDebit'
      ? 'ACCOUNT_DEBIT'
      : path === 'garnishment'
        ? 'INCOME_GARNISHMENT'
        : 'SEIZE_AND_SELL';
  if (measure === 'ACCOUNT_DEBIT' && script.random.chance(0.3)) freezeAccount(script);
  const scheduledOn = decideCoercion(script, measure);
  if (measure === 'ACCOUNT_DEBIT') collect(script, outstandingTotal(script), 'COERCION', scheduledOn);
  if (measure === 'INCOME_GARNISHMENT') garnishIncome(script);
  if (measure === 'SEIZE_AND_SELL') seizeAndSell(script, scheduledOn);
  payOutAndSettle(script);
}

/** Some money comes in on a case that stays open; it is paid out, and is not completed money (docs/statistics.md). */
export function collectPart(script: CaseScript, source: CollectionSource): void {
  const owed = outstandingTotal(script);
  if (owed < 10n) return;
  const part = (owed * BigInt(script.random.integer(5, 60))) / 100n;
  collect(script, part > 0n ? part : 1n, source, laterDay(script, 1, 60));
  payOut(script);
}

/** Collects exactly `amount` (less than what is owed) within 60 days, and pays it out. */
export function collectExactly(script: CaseScript, amount: bigint, source: CollectionSource): void {
  collect(script, amount, source, laterDay(script, 1, 60));
  payOut(script);
}

/** A coercion decision with its scheduled date-time: never 22:00–06:00, never a rest day or holiday (Art. 46(2)). */
export function decideCoercion(script: CaseScript, measure: CoercionMeasure): LocalDate {
  const decidedOn = laterDay(script, 1, 20, script.voluntaryPeriodEndsOn);
  const latest = script.tempo === 'hurried' ? 0 : script.random.integer(0, 5);
  let scheduledOn = latest === 0 ? decidedOn : addWorkingDays(decidedOn, latest);
  if (scheduledOn > script.limit) scheduledOn = decidedOn;
  if (!isWorkingDay(scheduledOn)) throw new Error(`coercion scheduled on a non-working day ${scheduledOn}`);
  const minutes = 7 * 60 + 30 + 15 * script.random.integer(0, 34); // 07:30 to 16:00, on the quarter hour
  const scheduledAt = `${scheduledOn}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  record(script, 'officer', {
    type: 'DecideCoercion',
    data: { decisionNumber: UNNUMBERED, measure, scheduledAt, effectiveDate: decidedOn },
  });
  return scheduledOn;
}

/** Collects `amount` over the owed items in case order, one collection per item touched. */
export function collect(script: CaseScript, amount: bigint, source: CollectionSource, date: LocalDate): void {
  let left = amount;
  for (const item of owedItems(script)) {
    if (left === 0n) break;
    const part = item.amount - item.collected < left ? item.amount - item.collected : left;
    const collectionId = `thu-${script.nextIds.collection++}`;
    record(script, 'officer', {
      type: 'RecordCollection',
      data: {
        collectionId,
        itemId: item.itemId,
        amount: part,
        source,
        receiptNumber: `BL-${collectionId}`,
        effectiveDate: date,
      },
    });
    item.collected += part;
    left -= part;
  }
}

/** Pays out everything held, item by item, within the 10 days of Art. 47: to the creditor, or to the state budget. */
export function payOut(script: CaseScript): void {
  const held = script.items.filter((item) => item.collected > item.disbursed);
  if (held.length === 0) return;
  const date = laterDay(script, 1, 9);
  for (const item of held) {
    const amount = item.collected - item.disbursed;
    const payee =
      item.toStateBudget || script.creditorPartyId === undefined ? {} : { payeePartyId: script.creditorPartyId };
    record(script, 'officer', {
      type: 'DisburseFunds',
      data: {
        disbursementId: `chi-${script.nextIds.disbursement++}`,
        itemId: item.itemId,
        amount,
        ...payee,
        effectiveDate: date,
      },
    });
    item.disbursed += amount;
  }
}

/** Payout of what is held, then thi hành xong. */
function payOutAndSettle(script: CaseScript): void {
  payOut(script);
  record(script, 'officer', { type: 'Settle', data: { effectiveDate: laterWorkingDay(script, 0, 3) } });
  script.status = 'closed';
}

function freezeAccount(script: CaseScript): void {
  const measureId = `bpbd-${script.nextIds.measure++}`;
  record(script, 'officer', {
    type: 'ApplySecurityMeasure',
    data: {
      measureId,
      kind: 'ACCOUNT_FREEZE',
      description: 'Phong tỏa tài khoản của người phải thi hành án tại ngân hàng',
      effectiveDate: laterDay(script, 0, 5),
    },
  });
}

/** Monthly deductions from wages or pension (Art. 78), two to four of them. */
function garnishIncome(script: CaseScript): void {
  const instalments = script.random.integer(2, 4);
  const each = outstandingTotal(script) / BigInt(instalments);
  for (let n = 1; n <= instalments; n += 1) {
    const date = laterDay(script, 25, 35);
    collect(script, n === instalments || each === 0n ? outstandingTotal(script) : each, 'COERCION', date);
    if (outstandingTotal(script) === 0n) return;
  }
}

/**
 * Seizure, valuation, auctions (a failed one is followed by a cut of at most 10%, Art. 104), and the buyer's payment
 * within 30 days. The valuation is set high enough above the debt that two cuts still cover it.
 */
function seizeAndSell(script: CaseScript, scheduledOn: LocalDate): void {
  const assetId = `ts-${script.nextIds.asset++}`;
  const kind = script.random.weighted<'REAL_ESTATE' | 'VEHICLE' | 'SHARES'>([
    ['REAL_ESTATE', 6],
    ['VEHICLE', 3],
    ['SHARES', 1],
  ]);
  const description =
    kind === 'REAL_ESTATE'
      ? 'Quyền sử dụng đất và nhà ở gắn liền với đất'
      : kind === 'VEHICLE'
        ? 'Xe ô tô tải'
        : 'Cổ phần tại công ty cổ phần';
  record(script, 'officer', { type: 'SeizeAsset', data: { assetId, kind, description, effectiveDate: scheduledOn } });
  let price = (outstandingTotal(script) * BigInt(script.random.integer(125, 250)) + 99n) / 100n;
  record(script, 'officer', {
    type: 'RecordValuation',
    data: {
      assetId,
      value: price,
      valuer: 'Công ty Cổ phần Thẩm định giá và Dịch vụ tài chính',
      effectiveDate: laterDay(script, 10, 30),
    },
  });
  const failures =
    script.tempo === 'hurried'
      ? 0
      : script.random.weighted([
          [0, 5],
          [1, 3],
          [2, 2],
        ]);
  for (let n = 0; n < failures; n += 1) {
    record(script, 'officer', {
      type: 'RecordAuctionResult',
      data: { assetId, outcome: 'FAILED', effectiveDate: laterDay(script, 20, 45) },
    });
    const reduced = (price * BigInt(script.random.integer(90, 95)) + 99n) / 100n;
    if (reduced >= price) break;
    price = reduced;
    record(script, 'officer', {
      type: 'ReduceAuctionPrice',
      data: { assetId, newPrice: price, effectiveDate: laterWorkingDay(script, 2, 5) },
    });
  }
  const soldFor = (price * BigInt(script.random.integer(100, 115))) / 100n;
  record(script, 'officer', {
    type: 'RecordAuctionResult',
    data: {
      assetId,
      outcome: 'SOLD',
      price: soldFor < price ? price : soldFor,
      effectiveDate: laterDay(script, 15, 45),
    },
  });
  collect(script, outstandingTotal(script), 'AUCTION_PROCEEDS', laterDay(script, 3, 30));
}
