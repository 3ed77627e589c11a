import { END_STATES, type Scenario } from '../scenario/scenario';
import { assertHeapFitsScenario, PLANNED_CASE_BYTES } from './demo-memory';

const MB = 1024 * 1024;

/** A scenario whose one office has `count` cases in progress and none in any other state. */
function scenarioOf(count: number): Scenario {
  const cases = Object.fromEntries(
    END_STATES.map((state) => [state, { count: state === 'inProgress' ? count : 0, amount: 0n }]),
  );
  return { offices: [{ id: 'HP', cases }] } as unknown as Scenario;
}

describe('the demo refuses a scenario its heap cannot plan', () => {
  it('given a scenario that fits, then nothing is said', () => {
    expect(() => assertHeapFitsScenario(scenarioOf(12_212), 304 * MB)).not.toThrow();
  });

  it('given one whose plans exceed the heap limit, then the refusal names the cases, both sizes and the setting', () => {
    const cases = Math.ceil((304 * MB) / PLANNED_CASE_BYTES);
    expect(() => assertHeapFitsScenario(scenarioOf(cases), 304 * MB)).toThrow(
      new RegExp(
        `${cases} cases: .* about \\d+ MB, and this process may use 304 MB\\. Nothing was written\\. .*NODE_OPTIONS=--max-old-space-size=\\d+`,
      ),
    );
  });
});
