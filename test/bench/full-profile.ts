import type { ProfileOutcome } from './quick-profile';

export async function runFullProfile(_dir: string, _log: (line: string) => void): Promise<ProfileOutcome> {
  throw new Error('the full profile is not written yet');
}
