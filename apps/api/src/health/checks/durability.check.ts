import { Inject, Injectable } from '@nestjs/common';
import type { DurabilityReport } from '@thads/config';
import { DURABILITY_REPORT } from '../../durability/durability.provider';
import type { CheckOutcome, ReadinessCheck } from '../readiness-check';

/**
 * The start-up durability verdict. Unsafe settings stop the process before it serves, so this is `up` once running;
 * with ALLOW_UNSAFE_DURABILITY=true it says so. Connection URLs are never shown (they may hold credentials).
 */
@Injectable()
export class DurabilityCheck implements ReadinessCheck {
  readonly name = 'durability';

  constructor(@Inject(DURABILITY_REPORT) private readonly report: DurabilityReport) {}

  async check(): Promise<CheckOutcome> {
    const { outcome, stores } = this.report;
    return {
      status: 'up',
      ...(outcome === 'unsafe-allowed' ? { reason: 'unsafe durability allowed by ALLOW_UNSAFE_DURABILITY=true' } : {}),
      details: {
        status: outcome,
        ...(outcome === 'unsafe-allowed' ? { warning: this.report.message } : {}),
        stores: stores.map(({ variable, role, engine, verdict, settings }) => ({
          variable,
          role,
          engine,
          verdict,
          settings,
        })),
      },
    };
  }
}
