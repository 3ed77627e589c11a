/** What the health checks need from the configuration. */
export interface HealthSettings {
  readonly dataDir: string;
  /** DISK_MIN_FREE_BYTES. */
  readonly minFreeBytes: number;
}

export const HEALTH_SETTINGS = Symbol('HEALTH_SETTINGS');
