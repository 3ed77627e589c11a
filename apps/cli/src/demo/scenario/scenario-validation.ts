/**
 * Strict validation of a scenario file (docs/scenarios.md). Every mistake is reported with the path of its field, all
 * at once; nothing is written for an invalid file because validation runs before the data directory is touched.
 */
import {
  DomainError,
  isReportingPeriod,
  LAW_106_2025_EFFECTIVE,
  periodEndsOn,
  reportingYearStartsOn,
  ratePercentToBasisPoints,
  REPORTING_OFFICE_TIERS,
  reportingYearOf,
} from '@thads/domain';
import {
  collectProblems,
  readArray,
  readChoice,
  readInteger,
  readObject,
  readText,
  readVnd,
  type JsonObject,
  type Problems,
} from './json-fields';
import {
  END_STATES,
  type CaseCount,
  type EndState,
  type EndStateFigures,
  type Scenario,
  type ScenarioOffice,
  type ScenarioSuccession,
  type ScenarioTarget,
} from './scenario';
import { checkRegisteredInYear, readDateInYear, readSuccessions } from './scenario-successions';
import { supportedReportingYears } from './scenario-window';

/** A scenario file that cannot be run; `problems` names every field at fault. */
export class ScenarioInvalid extends Error {
  override readonly name = 'ScenarioInvalid';
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`${source} is not a valid scenario:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** The identifier alphabet of the API (apps/api/src/http/validators.ts): office ids end up in case ids and URLs. */
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,59}$/;
/** More cases than this in one figure is a typo, not a province. */
const MAX_CASES = 1_000_000;

const SCENARIO_FIELDS = ['name', 'description', 'seed', 'reportingYear', 'period', 'offices', 'successions'];
const OFFICE_FIELDS = ['id', 'name', 'tier', 'parent', 'area', 'target', 'registeredOn', 'cases'];
const FIGURE_FIELDS = ['count', 'amount', 'carriedOver', 'to'];
/** Tiers a case can be taken up from: a provincial office (or above) has no provincial office over it to take it. */
const TAKEN_UP_FROM = new Set(['DISTRICT', 'REGIONAL']);

/** Parses the text of a scenario file; `source` names it in messages. Throws ScenarioInvalid. */
export function parseScenarioText(text: string, source: string): Scenario {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ScenarioInvalid(source, [
      `(file) is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
  return validateScenario(json, source);
}

/** Validates parsed JSON as a scenario. Throws ScenarioInvalid listing every problem. */
export function validateScenario(json: unknown, source = 'scenario'): Scenario {
  const problems = collectProblems();
  const root = readObject(json, '', SCENARIO_FIELDS, problems);
  if (!root)
    throw new ScenarioInvalid(
      source,
      problems.messages.map((message) => `(file)${message}`),
    );
  const name = readText(root.name, 'name', problems);
  const description = root.description === undefined ? undefined : readText(root.description, 'description', problems);
  const seed = root.seed === undefined ? name : readText(root.seed, 'seed', problems);
  const years = supportedReportingYears();
  const reportingYear = readInteger(root.reportingYear, 'reportingYear', years.first, years.last, problems);
  const period = readPeriod(root.period, reportingYear, problems);
  const offices = readOffices(root.offices, problems);
  checkWhereCasesGo(offices, problems);
  let successions: ScenarioSuccession[] = [];
  if (period !== undefined && reportingYear !== undefined) {
    checkLaw106States(offices, period, problems);
    const window = { yearStartsOn: reportingYearStartsOn(reportingYear), periodEndsOn: periodEndsOn(period) };
    offices.forEach((office, index) => {
      if (office.registeredOn !== undefined)
        readDateInYear(office.registeredOn, `offices[${index}].registeredOn`, window, problems);
    });
    checkRegisteredInYear(offices, window.yearStartsOn, problems);
    successions = readSuccessions(root.successions, offices, window, problems);
  }
  if (problems.messages.length > 0 || !name || !seed || reportingYear === undefined || !period)
    throw new ScenarioInvalid(source, problems.messages);
  return {
    name,
    ...(description !== undefined && { description }),
    seed,
    reportingYear,
    period,
    offices,
    ...(successions.length > 0 && { successions }),
  };
}

function readPeriod(value: unknown, reportingYear: number | undefined, problems: Problems): string | undefined {
  if (!isReportingPeriod(value)) {
    problems.add('period', 'must be the month the cumulative period ends in, written YYYY-MM (e.g. "2018-05")');
    return undefined;
  }
  if (reportingYear !== undefined && reportingYearOf(value) !== reportingYear) {
    problems.add(
      'period',
      `must be a month of reporting year ${reportingYear} (October ${reportingYear - 1} to September ${reportingYear})`,
    );
    return undefined;
  }
  return value;
}

function readOffices(value: unknown, problems: Problems): ScenarioOffice[] {
  const offices: ScenarioOffice[] = [];
  const seen = new Set<string>();
  const roots: string[] = [];
  readArray(value, 'offices', problems, 1).forEach((entry, index) => {
    const office = readOffice(entry, `offices[${index}]`, seen, problems);
    if (office) offices.push(office);
    // The hierarchy is checked on what the entry says even when another of its fields is wrong, so one mistake
    // does not cascade into "unknown parent" for every child.
    const { id, parent } = (typeof entry === 'object' && entry !== null ? entry : {}) as {
      id?: unknown;
      parent?: unknown;
    };
    if (typeof id === 'string') seen.add(id.trim());
    if (parent === undefined) roots.push(typeof id === 'string' ? id : `offices[${index}]`);
  });
  if (roots.length !== 1 && seen.size > 0) {
    problems.add(
      'offices',
      `must form one tree: exactly one office without a parent, found ${roots.length} (${roots.join(', ') || 'none'})`,
    );
  }
  return offices;
}

function readOffice(
  value: unknown,
  path: string,
  earlierIds: ReadonlySet<string>,
  problems: Problems,
): ScenarioOffice | undefined {
  const office = readObject(value, path, OFFICE_FIELDS, problems);
  if (!office) return undefined;
  const id = readText(office.id, `${path}.id`, problems);
  if (id !== undefined && !IDENTIFIER.test(id))
    problems.add(
      `${path}.id`,
      'must start with a letter or digit and use only letters, digits, . _ : - (at most 60 characters)',
    );
  if (id !== undefined && earlierIds.has(id)) problems.add(`${path}.id`, `repeats office ${id}`);
  const name = readText(office.name, `${path}.name`, problems);
  const tier = readChoice(office.tier, `${path}.tier`, REPORTING_OFFICE_TIERS, problems);
  const parent = office.parent === undefined ? undefined : readText(office.parent, `${path}.parent`, problems);
  if (parent !== undefined && !earlierIds.has(parent))
    problems.add(
      `${path}.parent`,
      `must name an office listed before this one (parents are registered first), got "${parent}"`,
    );
  const area = office.area === undefined ? name : readText(office.area, `${path}.area`, problems);
  const target = office.target === undefined ? undefined : readTarget(office.target, `${path}.target`, problems);
  // Checked against the year once the period is read (validateScenario).
  const registeredOn = typeof office.registeredOn === 'string' ? office.registeredOn : undefined;
  if (office.registeredOn !== undefined && registeredOn === undefined)
    problems.add(`${path}.registeredOn`, 'must be a date YYYY-MM-DD');
  const cases = readCases(office.cases, `${path}.cases`, problems);
  if (!id || !name || !tier || !area || !cases) return undefined;
  return {
    id,
    name,
    tier,
    ...(parent !== undefined && { parent }),
    area,
    ...(target && { target }),
    ...(registeredOn !== undefined && { registeredOn }),
    cases,
  };
}

/**
 * Where cases leave to must exist: an entrustment's `to` names another office of the scenario, and a case taken up
 * needs a provincial office above its own (Law 2008 Art. 35(2)), which opens the case.
 */
function checkWhereCasesGo(offices: readonly ScenarioOffice[], problems: Problems): void {
  const byId = new Map(offices.map((office) => [office.id, office]));
  offices.forEach((office, index) => {
    const to = office.cases.entrustedOut.to;
    if (to !== undefined && (to === office.id || !byId.has(to)))
      problems.add(`offices[${index}].cases.entrustedOut.to`, `must name another office of the scenario, got "${to}"`);
    if (office.cases.takenUp.count > 0 && provinceAbove(office, byId) === undefined)
      problems.add(
        `offices[${index}].cases.takenUp`,
        'needs a DISTRICT or REGIONAL office with a PROVINCE office above it in the scenario: the province takes the case up',
      );
  });
}

/** The nearest PROVINCE office above a district or regional office, if the scenario has one. */
export function provinceAbove(
  office: ScenarioOffice,
  byId: ReadonlyMap<string, ScenarioOffice>,
): ScenarioOffice | undefined {
  if (!TAKEN_UP_FROM.has(office.tier)) return undefined;
  for (let next = office.parent; next !== undefined; next = byId.get(next)?.parent) {
    const superior = byId.get(next);
    if (superior?.tier === 'PROVINCE') return superior;
  }
  return undefined;
}

/** A request is sent back only under Law 106/2025 (acts from 1 July 2026): the period must reach that date. */
function checkLaw106States(offices: readonly ScenarioOffice[], period: string, problems: Problems): void {
  if (periodEndsOn(period) >= LAW_106_2025_EFFECTIVE) return;
  offices.forEach((office, index) => {
    if (office.cases.sentBack.count > 0)
      problems.add(
        `offices[${index}].cases.sentBack`,
        'needs a period ending on or after 2026-07-01: a request is sent back only under Law 106/2025',
      );
  });
}

function readTarget(value: unknown, path: string, problems: Problems): ScenarioTarget | undefined {
  const target = readObject(value, path, ['cases', 'money'], problems);
  if (!target) return undefined;
  const cases = readPercent(target.cases, `${path}.cases`, problems);
  const money = readPercent(target.money, `${path}.money`, problems);
  return cases !== undefined && money !== undefined ? { cases, money } : undefined;
}

/** The same rule as SetTarget, so a target the file accepts is one the reporting aggregate accepts. */
function readPercent(value: unknown, path: string, problems: Problems): string | undefined {
  try {
    ratePercentToBasisPoints(value, path);
    return value as string;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    problems.add(
      path,
      'must be a percentage from 0 to 100 with at most 2 decimals written as a string, e.g. "72" or "72.50"',
    );
    return undefined;
  }
}

function readCases(value: unknown, path: string, problems: Problems): Record<EndState, EndStateFigures> | undefined {
  const cases = readObject(value, path, END_STATES, problems);
  if (!cases) return undefined;
  const figures = {} as Record<EndState, EndStateFigures>;
  let complete = true;
  for (const state of END_STATES) {
    const read = cases[state] === undefined ? NO_CASES : readEndState(cases, state, `${path}.${state}`, problems);
    if (read) figures[state] = read;
    else complete = false;
  }
  return complete ? figures : undefined;
}

const NO_CASES: EndStateFigures = { count: 0, amount: 0n, carriedOver: { count: 0, amount: 0n } };

function readEndState(
  cases: JsonObject,
  state: EndState,
  path: string,
  problems: Problems,
): EndStateFigures | undefined {
  const entry = readObject(cases[state], path, FIGURE_FIELDS, problems);
  if (!entry) return undefined;
  const total = readCount(entry, path, problems);
  const carriedOver =
    entry.carriedOver === undefined
      ? { count: 0, amount: 0n }
      : readCarriedOver(entry.carriedOver, `${path}.carriedOver`, problems);
  if (!total || !carriedOver) return undefined;
  if (carriedOver.count > total.count)
    problems.add(`${path}.carriedOver.count`, `must not exceed ${path}.count (${total.count})`);
  else if (carriedOver.amount > total.amount)
    problems.add(`${path}.carriedOver.amount`, `must not exceed ${path}.amount (${total.amount})`);
  else if (total.count - carriedOver.count === 0 && total.amount !== carriedOver.amount) {
    problems.add(
      `${path}.amount`,
      'leaves VND for the cases received in the period, but none are: every received case is carried over',
    );
  }
  // Decree 62 Art. 9(5): a case reaches the separate register a year after its not-enforceable decision at the
  // earliest, and a reporting year is 12 months long, so a case decided inside the year cannot get there by its end.
  if (state === 'movedToSeparateRegister' && carriedOver.count !== total.count) {
    problems.add(
      `${path}.carriedOver.count`,
      'must equal the count: a case received in the year cannot reach the separate register within it (1 year after the not-enforceable decision, Decree 62 Art. 9(5))',
    );
  }
  // Decree 152/2026 Art. 22(2): two years not enforceable before a request is sent back.
  if (state === 'sentBack' && carriedOver.count !== total.count) {
    problems.add(
      `${path}.carriedOver.count`,
      'must equal the count: a case received in the year cannot be sent back within it (2 years after the not-enforceable decision, Decree 152/2026 Art. 22(2))',
    );
  }
  if (entry.to !== undefined && state !== 'entrustedOut') {
    problems.add(`${path}.to`, 'is allowed on entrustedOut only (where the entrusted cases go)');
    return undefined;
  }
  const to = entry.to === undefined ? undefined : readText(entry.to, `${path}.to`, problems);
  return { ...total, carriedOver, ...(to !== undefined && { to }) };
}

function readCarriedOver(value: unknown, path: string, problems: Problems): CaseCount | undefined {
  const entry = readObject(value, path, ['count', 'amount'], problems);
  return entry && readCount(entry, path, problems);
}

/** A count and its amount; VND without cases is refused (whose would it be?). */
function readCount(entry: JsonObject, path: string, problems: Problems): CaseCount | undefined {
  const count = readInteger(entry.count, `${path}.count`, 0, MAX_CASES, problems);
  const amount = readVnd(entry.amount, `${path}.amount`, problems);
  if (count === undefined || amount === undefined) return undefined;
  if (count === 0 && amount !== 0n) {
    problems.add(`${path}.amount`, 'must be "0" when count is 0');
    return undefined;
  }
  return { count, amount };
}
