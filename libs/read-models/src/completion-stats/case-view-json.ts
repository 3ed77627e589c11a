/**
 * A case's statistics view as stored JSON and back: amounts as decimal strings. Deterministic, so a rebuild writes the
 * same bytes and two versions compare by their text.
 */
import type { CaseStatisticsView } from '@thads/domain';

export function encodeStatisticsView(view: CaseStatisticsView): string {
  return JSON.stringify(view, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

type StoredView = Omit<CaseStatisticsView, 'items' | 'collections'> & {
  readonly items: readonly (Omit<CaseStatisticsView['items'][number], 'amount'> & { readonly amount: string })[];
  readonly collections: readonly (Omit<CaseStatisticsView['collections'][number], 'amount'> & {
    readonly amount: string;
  })[];
};

export function decodeStatisticsView(json: string): CaseStatisticsView {
  const stored = JSON.parse(json) as StoredView;
  return {
    ...stored,
    items: stored.items.map((item) => ({ ...item, amount: BigInt(item.amount) })),
    collections: stored.collections.map((collection) => ({ ...collection, amount: BigInt(collection.amount) })),
  };
}
