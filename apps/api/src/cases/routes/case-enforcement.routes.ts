import { CASE_WORK } from '../../auth/policies';
import { commandRoute, type CommandRoute } from '../../http/routes';
import { dated } from '../../http/command-response';
import { vietnamToday } from '@thads/application';
import * as Enforcement from '../dto/case-enforcement.dtos';

/** Measures, seizure, sale and money of a case (Law 2008 Art. 47, 66-104). Money arrives as decimal strings and becomes bigint here. */
export const CASE_ENFORCEMENT_ROUTES: readonly CommandRoute[] = [
  commandRoute({
    handler: 'applySecurityMeasure',
    path: ':caseId/apply-security-measure',
    command: 'ApplySecurityMeasure',
    body: Enforcement.ApplySecurityMeasureDto,
    policy: CASE_WORK,
    summary: 'ApplySecurityMeasure: block an account, temporarily seize or freeze assets to prevent dissipation',
    description: 'Law 2008 Art. 66-69: allowed during the voluntary period.',
  }),
  commandRoute({
    handler: 'decideCoercion',
    path: ':caseId/decide-coercion',
    command: 'DecideCoercion',
    body: Enforcement.DecideCoercionDto,
    policy: CASE_WORK,
    summary: 'DecideCoercion: decide a coercive measure after the voluntary period',
    description:
      'Law 2008 Art. 45(1), 70-71: refused during the voluntary period unless the debtor is dissipating assets.',
  }),
  commandRoute({
    handler: 'seizeAsset',
    path: ':caseId/seize-asset',
    command: 'SeizeAsset',
    body: Enforcement.SeizeAssetDto,
    policy: CASE_WORK,
    summary: 'SeizeAsset: seize an asset of the debtor for sale',
    description: "Law 2008 Art. 87-89; the valuer's contract is due within 5 working days of the seizure (Art. 98).",
  }),
  commandRoute({
    handler: 'recordValuation',
    path: ':caseId/record-valuation',
    command: 'RecordValuation',
    body: Enforcement.RecordValuationDto,
    policy: CASE_WORK,
    summary: 'RecordValuation: the value a valuer set on a seized asset',
    description: 'Law 2008 Art. 98-99; money is whole VND as a decimal string.',
    data: (body: Enforcement.RecordValuationDto) => ({ ...dated(body, vietnamToday()), value: BigInt(body.value) }),
  }),
  commandRoute({
    handler: 'recordAuctionResult',
    path: ':caseId/record-auction-result',
    command: 'RecordAuctionResult',
    body: Enforcement.RecordAuctionResultDto,
    policy: CASE_WORK,
    summary: 'RecordAuctionResult: an auction sold the asset or failed',
    description: 'Law 2008 Art. 101-104; a SOLD result carries its price; the buyer pays within 30 days.',
    data: (body: Enforcement.RecordAuctionResultDto) => {
      const { price, ...rest } = dated(body, vietnamToday());
      return Object.assign({}, rest, price === undefined ? {} : { price: BigInt(price) });
    },
  }),
  commandRoute({
    handler: 'reduceAuctionPrice',
    path: ':caseId/reduce-auction-price',
    command: 'ReduceAuctionPrice',
    body: Enforcement.ReduceAuctionPriceDto,
    policy: CASE_WORK,
    summary: 'ReduceAuctionPrice: lower the starting price after a failed auction',
    description:
      'Law 2008 Art. 104; Decree 62/2015 Art. 27: each cut is at most 10% of the previous price (PRICE_REDUCTION_EXCEEDS_10_PERCENT).',
    data: (body: Enforcement.ReduceAuctionPriceDto) => ({
      ...dated(body, vietnamToday()),
      newPrice: BigInt(body.newPrice),
    }),
  }),
  commandRoute({
    handler: 'recordCollection',
    path: ':caseId/record-collection',
    command: 'RecordCollection',
    body: Enforcement.RecordCollectionDto,
    policy: CASE_WORK,
    summary: 'RecordCollection: money collected for an obligation item',
    description: 'Law 2008 Art. 47; disbursement is due within 10 days of collection.',
    data: (body: Enforcement.RecordCollectionDto) => ({ ...dated(body, vietnamToday()), amount: BigInt(body.amount) }),
  }),
  commandRoute({
    handler: 'disburseFunds',
    path: ':caseId/disburse-funds',
    command: 'DisburseFunds',
    body: Enforcement.DisburseFundsDto,
    policy: CASE_WORK,
    summary: 'DisburseFunds: pay collected money out to a creditor',
    description: 'Law 2008 Art. 47: within 10 days of collection, never more than was collected for the item.',
    data: (body: Enforcement.DisburseFundsDto) => ({ ...dated(body, vietnamToday()), amount: BigInt(body.amount) }),
  }),
];
