import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { ensureOwnerOnlyFile } from '@thads/event-store';
import { InvalidAuthSettings, MIN_SECRET_LENGTH } from './auth-settings';

/** The development secret and whether this call generated it. */
export interface DevelopmentSecret {
  readonly secret: string;
  readonly created: boolean;
}

/**
 * Reads the development secret from `file`, generating 256 random bits into it first if it does not exist. The file
 * is created exclusively (a second process starting at the same moment reads the first one's secret) and readable by
 * its owner only: whoever reads it can mint tokens for any role.
 */
export function readOrCreateDevelopmentSecret(file: string): DevelopmentSecret {
  // A secret others could read lets them mint tokens for any role: refused, never used silently.
  ensureOwnerOnlyFile(file);
  const existing = readIfPresent(file);
  if (existing !== undefined) return { secret: checked(existing, file), created: false };
  const secret = randomBytes(32).toString('base64url');
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { secret: checked(readFileSync(file, 'utf8'), file), created: false };
  }
  return { secret, created: true };
}

function readIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function checked(content: string, file: string): string {
  const secret = content.trim();
  if (Buffer.byteLength(secret) < MIN_SECRET_LENGTH) {
    throw new InvalidAuthSettings(
      `The development secret in ${file} is shorter than ${MIN_SECRET_LENGTH} bytes; delete the file to generate a new one`,
    );
  }
  return secret;
}
