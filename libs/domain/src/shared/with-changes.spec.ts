import { withChanges } from './with-changes';

interface Asset {
  readonly assetId: string;
  readonly status: 'seized' | 'valued';
  readonly startingPrice?: bigint;
}

describe('withChanges', () => {
  const seized: Asset = { assetId: 'a-1', status: 'seized' };

  it('returns a new object with the changes over the original fields, and leaves the original as it was', () => {
    const valued = withChanges(seized, { status: 'valued', startingPrice: 100n });
    expect(valued).toEqual({ assetId: 'a-1', status: 'valued', startingPrice: 100n });
    expect(seized).toEqual({ assetId: 'a-1', status: 'seized' });
    expect(valued).not.toBe(seized);
  });

  it('keeps a field a change sets to undefined, as a spread does', () => {
    const cleared = withChanges({ ...seized, startingPrice: 100n }, { startingPrice: undefined });
    expect(Object.keys(cleared)).toEqual(['assetId', 'status', 'startingPrice']);
    expect(cleared.startingPrice).toBeUndefined();
  });
});
