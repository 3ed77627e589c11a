import type { KeyObject } from 'node:crypto';

/** A token whose header and signature were found good, and what they were checked against. */
export interface VerifiedSignature {
  readonly payload: Readonly<Record<string, unknown>>;
  /** The header's kid (RS256): with a JWKS the entry counts only while the key set still gives `key` for it. */
  readonly kid: string | undefined;
  /** The key the signature held against: the process's fixed key, or the key a JWKS gave for `kid`. */
  readonly key: KeyObject;
}

/**
 * Tokens whose header and signature were found good, by their exact text. A client sends the same token on every
 * request until it expires, and checking it again (decode and HMAC or RSA) was about 4% of a command request's CPU
 * (docs/performance.md, change 32). Only the signature is remembered: time, issuer and audience are judged on every
 * request. Bounded: the oldest entry goes first.
 */
export class VerifiedSignatures {
  private readonly entries = new Map<string, VerifiedSignature>();

  // About 1 KB an entry: 2,000 holds every active caller of an office-sized deployment in a few MB (M7 budget).
  constructor(private readonly capacity = 2_000) {}

  get(token: string): VerifiedSignature | undefined {
    return this.entries.get(token);
  }

  remember(token: string, verified: VerifiedSignature): void {
    if (this.entries.size >= this.capacity && !this.entries.has(token))
      this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(token, verified);
  }
}
