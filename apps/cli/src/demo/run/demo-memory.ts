/**
 * The demo plans every case of its scenario before it seeds them, so its heap grows with the scenario: about 3 KB a
 * case (measured: Hải Phòng's 12,212 cases hold 34 MB; eight times as many, 261 MB). Under a heap limit (the image's
 * NODE_OPTIONS, docs/operations.md) a large scenario is refused before anything is written, naming the limit to set,
 * instead of ending in V8's out-of-memory abort halfway through the seeding.
 */
import { getHeapStatistics } from 'node:v8';
import { officeCaseCount } from '../generator/case-plans';
import type { Scenario } from '../scenario/scenario';

/** Heap held per planned case. */
export const PLANNED_CASE_BYTES = 3 * 1024;
/** The store, the projector and their caches beside the plans (the Hải Phòng demo runs in a 256 MB heap). */
const ENGINE_BYTES = 100 * 1024 * 1024;
const MB = 1024 * 1024;

/** Throws, naming the scenario's size and the heap it needs, when the plans would not fit this process's heap. */
export function assertHeapFitsScenario(scenario: Scenario, heapLimitBytes = getHeapStatistics().heap_size_limit): void {
  const cases = scenario.offices.reduce((total, office) => total + officeCaseCount(office), 0);
  const needed = cases * PLANNED_CASE_BYTES + ENGINE_BYTES;
  if (needed <= heapLimitBytes) return;
  const suggested = Math.ceil((needed * 1.5) / (64 * MB)) * 64;
  throw new Error(
    `The scenario has ${cases} cases: planning them needs a heap of about ${Math.ceil(needed / MB)} MB, and this ` +
      `process may use ${Math.floor(heapLimitBytes / MB)} MB. Nothing was written. Give the demo a larger heap, ` +
      `e.g. NODE_OPTIONS=--max-old-space-size=${suggested}`,
  );
}
