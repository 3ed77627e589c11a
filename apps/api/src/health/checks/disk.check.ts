import { statfs } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import { HEALTH_SETTINGS, type HealthSettings } from '../health-settings';
import type { CheckOutcome, ReadinessCheck } from '../readiness-check';

/** DATA_DIR's file system has at least DISK_MIN_FREE_BYTES free: below it, appends will soon fail with a full disk. */
@Injectable()
export class DiskCheck implements ReadinessCheck {
  readonly name = 'disk';

  constructor(@Inject(HEALTH_SETTINGS) private readonly settings: HealthSettings) {}

  async check(): Promise<CheckOutcome> {
    if (this.settings.minFreeBytes === 0) return { status: 'up', reason: 'not checked (DISK_MIN_FREE_BYTES=0)' };
    const stats = await statfs(this.settings.dataDir);
    const freeBytes = Number(stats.bavail) * Number(stats.bsize);
    const details = { freeBytes, minFreeBytes: this.settings.minFreeBytes };
    if (freeBytes < this.settings.minFreeBytes)
      return { status: 'down', reason: 'the data directory is (nearly) full', details };
    return { status: 'up', details };
  }
}
