/**
 * Strict validation of a scenario file (docs/scenarios.md). Every mistake is reported with the path of its field, all
 * at once; nothing is written for an invalid file because validation runs before the data directory is touched.
 */
import {
  DomainError,
  isReportingPeriod,
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
  type ScenarioTarget,
} from './scenario';
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

const SCENARIO_FIELDS = ['name', 'description', 'seed', 'reportingYear', 'period', 'offices'];
const OFFICE_FIELDS = ['id', 'name', 'tier', 'parent', 'area', 'target', 'cases'];
const FIGURE_FIELDS = ['count', 'amount', 'carriedOver'];

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
  if (problems.messages.length > 0 || !name || !seed || reportingYear === undefined || !period)
    throw new ScenarioInvalid(source, problems.messages);
  return { name, ...(description !== undefined && { description }), seed, reportingYear, period, offices };
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
  const cases = readCases(office.cases, `${path}.cases`, problems);
  if (!id || !name || !tier || !area || !cases) return undefined;
  return { id, name, tier, ...(parent !== undefined && { parent }), area, ...(target && { target }), cases };
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
  return { ...total, carriedOver };
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
