import { createSecretKey } from 'node:crypto';
import { VerifiedSignatures } from './verified-signatures';

describe('verified signatures', () => {
  const key = createSecretKey(Buffer.from('a-test-secret'));
  const entry = (sub: string) => ({ payload: { sub }, kid: undefined, key });

  it('keeps at most its capacity, dropping the oldest token first', () => {
    const signatures = new VerifiedSignatures(2);
    signatures.remember('t1', entry('a'));
    signatures.remember('t2', entry('b'));
    signatures.remember('t1', entry('a')); // seen again: still one entry
    signatures.remember('t3', entry('c'));
    expect(signatures.get('t1')).toBeUndefined();
    expect(signatures.get('t2')?.payload).toEqual({ sub: 'b' });
    expect(signatures.get('t3')?.payload).toEqual({ sub: 'c' });
  });
});
