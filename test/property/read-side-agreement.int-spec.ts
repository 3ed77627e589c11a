import { checkReadSideAgreement } from './read-side-agreement';

/**
 * Random decider-driven histories projected through case_summary, deadlines and completion_stats: every row equals
 * the domain's view of the case folded as the command side folds it. PROPERTY_SEED replays a run; PROPERTY_HISTORIES
 * sets its size (`npm run test:property -- --histories 20000`).
 */
const seed = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31));
const histories = Number(process.env.PROPERTY_HISTORIES ?? 1000);

describe('the read side derives from the domain', () => {
  it(`${histories} random histories: rows equal the views of the folded cases, the report equals the folded report (PROPERTY_SEED=${seed})`, async () => {
    const { events, correctionsOfCorrections, takenUp } = await checkReadSideAgreement({ seed, histories });
    expect(events).toBeGreaterThan(histories * 3);
    // The generator reaches retracted corrections and retracted retractions, not only plain corrections.
    if (histories >= 1000) expect(correctionsOfCorrections).toBeGreaterThan(0);
    // …and cases taken up by the provincial office (rút lên).
    if (histories >= 1000) expect(takenUp).toBeGreaterThan(0);
  }, 1_800_000);
});
