import { readModelPosition, type ProjectorRuntime } from '@thads/read-models';
import { RequestValidationFailed } from '../problem/request-validation-failed';

const POSITION = /^(0|[1-9]\d{0,18})$/;

/**
 * Read-your-writes for queries: a caller passes the `position` a command answered with as `minPosition`, and the
 * query waits (bounded) until the projections it reads have applied that position. Every answer then states the
 * log position it reflects.
 */
export class ReadYourWrites {
  constructor(
    private readonly runtime: ProjectorRuntime,
    private readonly maxWaitMs: number,
    /** The event store's head: a position past it was never handed out, so waiting for it would only time out. */
    private readonly headPosition: () => Promise<bigint>,
  ) {}

  /** The read-model database of this process. */
  get db() {
    return this.runtime.readModels.db;
  }

  /**
   * Waits until every named projection has reached `minPosition` (when given), then returns the position the
   * slowest of them reflects. Throws ProjectionWaitTimedOut or ProjectionHalted (both 503).
   */
  async reflect(projections: readonly string[], minPosition?: string): Promise<bigint> {
    if (minPosition !== undefined) {
      if (!POSITION.test(minPosition)) {
        throw new RequestValidationFailed([
          { field: 'minPosition', messages: ['minPosition must be a log position: a whole number'] },
        ]);
      }
      if (BigInt(minPosition) > (await this.headPosition())) {
        throw new RequestValidationFailed([
          { field: 'minPosition', messages: ['minPosition is past the end of the event log: no command answered it'] },
        ]);
      }
      await this.runtime.projector.waitForPosition(BigInt(minPosition), this.maxWaitMs, projections);
    }
    const positions = await Promise.all(projections.map((name) => readModelPosition(this.db, name)));
    return positions.reduce((lowest, position) => (position < lowest ? position : lowest));
  }
}
