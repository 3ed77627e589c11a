import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { END_STATES } from './scenario';
import { parseScenarioText, ScenarioInvalid, validateScenario } from './scenario-validation';

const SCENARIOS = join(__dirname, '../../../../../scenarios');

/** A small valid scenario; each test breaks one thing. */
function scenario(): Record<string, unknown> {
  return {
    name: 'Test',
    reportingYear: 2018,
    period: '2018-05',
    offices: [
      { id: 'HP', name: 'Cục THADS TP Hải Phòng', tier: 'PROVINCE', target: { cases: '72', money: '32' }, cases: {} },
      {
        id: 'HP-NGO-QUYEN',
        name: 'Chi cục THADS quận Ngô Quyền',
        tier: 'DISTRICT',
        parent: 'HP',
        cases: { fullyEnforced: { count: 3, amount: '300000000', carriedOver: { count: 1, amount: '100000000' } } },
      },
    ],
  };
}

function problemsOf(json: unknown): readonly string[] {
  try {
    validateScenario(json, 'test.json');
  } catch (error) {
    if (error instanceof ScenarioInvalid) return error.problems;
    throw error;
  }
  throw new Error('expected ScenarioInvalid');
}

type Path = readonly (string | number)[];

/** A deep copy of the scenario with the value at each path replaced. */
function withChanges(...changes: readonly (readonly [Path, unknown])[]): Record<string, unknown> {
  const json = structuredClone(scenario());
  for (const [path, value] of changes) {
    const parent = path
      .slice(0, -1)
      .reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, json);
    parent[path[path.length - 1]] = value;
  }
  return json;
}

const FULLY_ENFORCED: Path = ['offices', 1, 'cases', 'fullyEnforced'];

describe('scenario validation', () => {
  it('accepts the shipped scenarios', () => {
    for (const file of ['hai-phong-2018.json', 'formula-traps.json', 'law-106-2026.json', 'merger-2025.json']) {
      const parsed = parseScenarioText(readFileSync(join(SCENARIOS, file), 'utf8'), file);
      expect(parsed.offices.filter((office) => office.parent === undefined)).toHaveLength(1);
    }
  });

  it('checks where cases go: an entrustment to another office of the scenario, a taking up under a province, a send-back under Law 106/2025', () => {
    const cases = ['offices', 1, 'cases'];
    const one = { count: 1, amount: '5000000', carriedOver: { count: 1, amount: '5000000' } };
    expect(problemsOf(withChanges([[...cases, 'entrustedOut'], { ...one, to: 'HN' }]))).toEqual([
      'offices[1].cases.entrustedOut.to must name another office of the scenario, got "HN"',
    ]);
    expect(problemsOf(withChanges([[...cases, 'fullyEnforced', 'to'], 'HP']))).toEqual([
      'offices[1].cases.fullyEnforced.to is allowed on entrustedOut only (where the entrusted cases go)',
    ]);
    expect(problemsOf(withChanges([['offices', 0, 'cases', 'takenUp'], one]))).toEqual([
      'offices[0].cases.takenUp needs a DISTRICT or REGIONAL office with a PROVINCE office above it in the scenario: the province takes the case up',
    ]);
    expect(validateScenario(withChanges([[...cases, 'takenUp'], one])).offices[1].cases.takenUp.count).toBe(1);
    expect(problemsOf(withChanges([[...cases, 'sentBack'], one]))).toEqual([
      'offices[1].cases.sentBack needs a period ending on or after 2026-07-01: a request is sent back only under Law 106/2025',
    ]);
    expect(
      problemsOf(
        withChanges(
          [['reportingYear'], 2026],
          [['period'], '2026-09'],
          [[...cases, 'sentBack'], { count: 1, amount: '5000000' }],
        ),
      ),
    ).toEqual([
      'offices[1].cases.sentBack.carriedOver.count must equal the count: a case received in the year cannot be sent back within it (2 years after the not-enforceable decision, Decree 152/2026 Art. 22(2))',
    ]);
  });

  it('reads the ex officio part of a state, in whole cases', () => {
    const part = { count: 1, amount: '100000000', carriedOver: { count: 1, amount: '100000000' } };
    expect(
      validateScenario(withChanges([[...FULLY_ENFORCED, 'exOfficio'], part])).offices[1].cases.fullyEnforced,
    ).toMatchObject({
      exOfficio: { count: 1, amount: 100_000_000n, carriedOver: { count: 1, amount: 100_000_000n } },
    });
    expect(problemsOf(withChanges([[...FULLY_ENFORCED, 'exOfficio'], { count: 3, amount: '200000000' }]))).toEqual([
      'offices[1].cases.fullyEnforced.exOfficio leaves the on request received cases at -1 with 0 VND: each part needs whole cases',
    ]);
  });

  it('reads collections on in-progress cases only, less than they owe', () => {
    const inProgress = ['offices', 1, 'cases', 'inProgress'];
    const owed = { count: 2, amount: '200000000' };
    expect(
      validateScenario(withChanges([inProgress, { ...owed, collected: { count: 1, amount: '5000000' } }])).offices[1]
        .cases.inProgress.collected,
    ).toEqual({ count: 1, amount: 5_000_000n });
    expect(problemsOf(withChanges([inProgress, { ...owed, collected: { count: 3, amount: '5000000' } }]))).toEqual([
      'offices[1].cases.inProgress.collected must collect on at most 2 cases, at least 1 VND each and less than the 200000000 VND they owe',
    ]);
    expect(problemsOf(withChanges([[...FULLY_ENFORCED, 'collected'], { count: 1, amount: '1' }]))).toEqual([
      'offices[1].cases.fullyEnforced.collected is allowed on inProgress only (money collected on cases still open)',
    ]);
  });

  it('checks mergers and offices set up inside the year', () => {
    const act = { number: '1898/QĐ-BTP', issuedOn: '2018-02-20', issuedBy: 'Bộ Tư pháp' };
    const merger = { predecessors: ['HP-NGO-QUYEN'], successor: 'HP-KV1', effectiveDate: '2018-03-01', legalAct: act };
    const kv1 = { id: 'HP-KV1', name: 'Phòng THADS khu vực 1', tier: 'REGIONAL', parent: 'HP', cases: {} };
    const valid = withChanges([['offices', 2], { ...kv1, registeredOn: '2018-03-01' }], [['successions'], [merger]]);
    expect(validateScenario(valid).successions).toEqual([merger]);
    expect(
      problemsOf(
        withChanges(
          [
            ['offices', 2],
            {
              ...kv1,
              registeredOn: '2018-03-02',
              cases: { inProgress: { count: 1, amount: '1', carriedOver: { count: 1, amount: '1' } } },
            },
          ],
          [['successions'], [merger, { ...merger, successor: 'HN', effectiveDate: '2019-01-01' }]],
        ),
      ),
    ).toEqual([
      'offices[2].cases.inProgress.carriedOver must be 0: the office is registered on 2018-03-02, inside the year',
      'successions[0].successor is registered on 2018-03-02, after the merger',
      'successions[1].effectiveDate must be a date YYYY-MM-DD from 2017-10-01 to 2018-05-31',
      'successions[1] names HN, which is not an office of the scenario',
      'successions[1] HP-NGO-QUYEN is succeeded twice',
    ]);
  });

  it('reads figures as exact bigint VND, fills the states left out with 0 and defaults seed and area', () => {
    const parsed = validateScenario(scenario());
    expect(parsed.seed).toBe('Test');
    const district = parsed.offices[1];
    expect(district.area).toBe('Chi cục THADS quận Ngô Quyền');
    expect(district.cases.fullyEnforced).toEqual({
      count: 3,
      amount: 300_000_000n,
      carriedOver: { count: 1, amount: 100_000_000n },
    });
    for (const state of END_STATES.filter((state) => state !== 'fullyEnforced')) {
      expect(district.cases[state]).toEqual({ count: 0, amount: 0n, carriedOver: { count: 0, amount: 0n } });
    }
  });

  it.each([
    [
      'a JSON number',
      300000000,
      'offices[1].cases.fullyEnforced.amount must be a decimal string of whole VND, e.g. "442000000000"',
    ],
    [
      'a fraction',
      '300000000.5',
      'offices[1].cases.fullyEnforced.amount must be a decimal string of whole VND, e.g. "442000000000"',
    ],
    [
      'a negative amount',
      '-1',
      'offices[1].cases.fullyEnforced.amount must be a decimal string of whole VND, e.g. "442000000000"',
    ],
  ])('names the field of an amount that is %s', (_what, amount, message) => {
    expect(problemsOf(withChanges([[...FULLY_ENFORCED, 'amount'], amount]))).toEqual([message]);
  });

  it('refuses rates: a scenario never states them', () => {
    const problems = problemsOf(withChanges([['offices', 1, 'cases', 'completionRate'], '56.87']));
    expect(problems).toEqual([
      'offices[1].cases.completionRate is not allowed: a scenario never states rates, the projection computes every rate from the events',
    ]);
  });

  it('refuses a misspelt key instead of counting it as 0 cases', () => {
    const problems = problemsOf(withChanges([['offices', 1, 'cases', 'fullyEnforce'], { count: 1, amount: '1' }]));
    expect(problems[0]).toMatch(
      /^offices\[1\]\.cases\.fullyEnforce is not a known field; expected one of inProgress, fullyEnforced, /,
    );
  });

  it.each([
    [
      'more carried over than there are',
      [...FULLY_ENFORCED, 'carriedOver', 'count'],
      4,
      'offices[1].cases.fullyEnforced.carriedOver.count must not exceed offices[1].cases.fullyEnforced.count (3)',
    ],
    [
      'more carried-over VND than in total',
      [...FULLY_ENFORCED, 'carriedOver', 'amount'],
      '300000001',
      'offices[1].cases.fullyEnforced.carriedOver.amount must not exceed offices[1].cases.fullyEnforced.amount (300000000)',
    ],
    [
      'VND without cases',
      ['offices', 0, 'cases', 'terminated'],
      { count: 0, amount: '5' },
      'offices[0].cases.terminated.amount must be "0" when count is 0',
    ],
    [
      'a fractional count',
      [...FULLY_ENFORCED, 'count'],
      2.5,
      'offices[1].cases.fullyEnforced.count must be a whole number from 0 to 1000000',
    ],
  ] as const)('refuses %s', (_what, path, value, message) => {
    expect(problemsOf(withChanges([path, value]))).toEqual([message]);
  });

  it('refuses VND left for received cases when every case is carried over', () => {
    const problems = problemsOf(withChanges([[...FULLY_ENFORCED, 'carriedOver'], { count: 3, amount: '200000000' }]));
    expect(problems).toEqual([
      'offices[1].cases.fullyEnforced.amount leaves VND for the cases received in the period, but none are: every received case is carried over',
    ]);
  });

  it('refuses received cases in the separate register: they cannot get there within the year', () => {
    const problems = problemsOf(
      withChanges([
        ['offices', 1, 'cases', 'movedToSeparateRegister'],
        { count: 2, amount: '20000000', carriedOver: { count: 1, amount: '10000000' } },
      ]),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^offices\[1\]\.cases\.movedToSeparateRegister\.carriedOver\.count must equal the count: a case received in the year cannot reach the separate register/,
    );
  });

  it('checks the hierarchy: ids, parents listed first, one root', () => {
    const [province, district] = scenario().offices as unknown[];
    const problems = problemsOf(
      withChanges([
        ['offices'],
        [
          district,
          province,
          { id: 'HP', name: 'Again', tier: 'PROVINCE', cases: {} },
          { id: 'bad id', name: 'X', tier: 'DISTRICT', parent: 'HP', cases: {} },
        ],
      ]),
    );
    expect(problems).toEqual([
      'offices[0].parent must name an office listed before this one (parents are registered first), got "HP"',
      'offices[2].id repeats office HP',
      'offices[3].id must start with a letter or digit and use only letters, digits, . _ : - (at most 60 characters)',
      'offices must form one tree: exactly one office without a parent, found 2 (HP, HP)',
    ]);
  });

  it('checks the period, the year, the tier and the targets', () => {
    const problems = problemsOf(
      withChanges(
        [['period'], '2018-11'],
        [['offices', 0, 'tier'], 'CITY'],
        [['offices', 0, 'target'], { cases: '72.125', money: 32 }],
      ),
    );
    expect(problems).toEqual([
      'period must be a month of reporting year 2018 (October 2017 to September 2018)',
      'offices[0].tier must be one of MINISTRY, GENERAL_DEPARTMENT, PROVINCE, DISTRICT, REGIONAL',
      'offices[0].target.cases must be a percentage from 0 to 100 with at most 2 decimals written as a string, e.g. "72" or "72.50"',
      'offices[0].target.money must be a percentage from 0 to 100 with at most 2 decimals written as a string, e.g. "72" or "72.50"',
    ]);
    expect(problemsOf(withChanges([['reportingYear'], 2016]))).toEqual([
      'reportingYear must be a whole number from 2017 to 2030',
    ]);
  });

  it('reports every problem of a file at once, in a message that lists them', () => {
    const json = withChanges(
      [['name'], ''],
      [[...FULLY_ENFORCED, 'amount'], 1],
      [['offices', 1, 'cases', 'terminated'], { count: -1, amount: '0' }],
    );
    expect(() => validateScenario(json, 'broken.json')).toThrow(
      'broken.json is not a valid scenario:\n' +
        '  - name must be a non-empty string\n' +
        '  - offices[1].cases.fullyEnforced.amount must be a decimal string of whole VND, e.g. "442000000000"\n' +
        '  - offices[1].cases.terminated.count must be a whole number from 0 to 1000000',
    );
  });

  it('says so when the file is not JSON', () => {
    expect(() => parseScenarioText('{ "name": ', 'x.json')).toThrow(
      /^x\.json is not a valid scenario:\n {2}- \(file\) is not valid JSON: /,
    );
  });
});
