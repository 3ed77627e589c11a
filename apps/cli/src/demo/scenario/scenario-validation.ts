/**
 * Strict validation of a scenario file (docs/scenarios.md). Every mistake is reported with the path of its field, all
 * at once; nothing is written for an invalid file because validation runs before the data directory is touched.
 */
import {
  DomainError,
  isReportingPeriod,
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
  type Problems,
} from './json-fields';
import { type Scenario, type ScenarioOffice, type ScenarioSuccession, type ScenarioTarget } from './scenario';
import { checkLaw106States, checkWhereCasesGo } from './scenario-destinations';
import { readCases } from './scenario-figures';
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

const SCENARIO_FIELDS = ['name', 'description', 'seed', 'reportingYear', 'period', 'offices', 'successions'];
const OFFICE_FIELDS = ['id', 'name', 'tier', 'parent', 'area', 'target', 'registeredOn', 'cases'];

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
