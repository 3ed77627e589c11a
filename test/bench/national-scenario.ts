/**
 * The full profile's caseload: the 2025 structure (the General Department, 34 provincial offices and 355 regional
 * units; docs/law-2026.md) in reporting year 2026, about 1M cases. Each office's figures are a Hải Phòng office's
 * (the province's for a province, a district's, in turn, for a regional unit) scaled 3× or 4×, so the national
 * mix of end states, origins and heavy-tailed amounts is the scenario's. The period ends 30 June 2026, the day
 * before Law 106/2025 applies, so every act is under one law. Planned office by office: planning all of it at once
 * would hold about 3 GB of plans (apps/cli/src/demo/run/demo-memory.ts).
 */
import type { EndStateFigures, Scenario, ScenarioOffice } from '../../apps/cli/src/demo/scenario/scenario';
import { END_STATES } from '../../apps/cli/src/demo/scenario/scenario';
import { officeCaseCount } from '../../apps/cli/src/demo/generator/case-plans';

export const NATIONAL_ROOT = 'CQL-THADS';
const PROVINCES = 34;
const REGIONAL_UNITS = 355;
const TARGET_CASES = 1_000_000;

/** The national tree built from the Hải Phòng scenario's offices (its province first, then its districts). */
export function nationalScenario(template: Scenario): Scenario {
  const [provinceTemplate, ...districtTemplates] = template.offices;
  const shapes: {
    template: ScenarioOffice;
    id: string;
    name: string;
    parent: string;
    tier: 'PROVINCE' | 'REGIONAL';
  }[] = [];
  let unit = 0;
  for (let p = 1; p <= PROVINCES; p++) {
    const provinceId = `T${String(p).padStart(2, '0')}`;
    shapes.push({
      template: provinceTemplate,
      id: provinceId,
      name: `THADS tỉnh ${p}`,
      parent: NATIONAL_ROOT,
      tier: 'PROVINCE',
    });
    // 355 units over 34 provinces: the first 15 provinces have 11, the others 10.
    const units = p <= REGIONAL_UNITS - PROVINCES * 10 ? 11 : 10;
    for (let k = 1; k <= units; k++, unit++) {
      shapes.push({
        template: districtTemplates[unit % districtTemplates.length],
        id: `${provinceId}-KV${String(k).padStart(2, '0')}`,
        name: `Phòng THADS khu vực ${k}, tỉnh ${p}`,
        parent: provinceId,
        tier: 'REGIONAL',
      });
    }
  }
  const base = shapes.reduce((total, shape) => total + 3 * officeCaseCount(shape.template), 0);
  let extra = TARGET_CASES - base;
  const offices = shapes.map((shape): ScenarioOffice => {
    const count = officeCaseCount(shape.template);
    const factor = extra > 0 ? 4 : 3;
    if (factor === 4) extra -= count;
    return {
      id: shape.id,
      name: shape.name,
      tier: shape.tier,
      parent: shape.parent,
      area: shape.name,
      target: { cases: '72', money: '32' },
      cases: scaledCases(shape.template, factor),
    };
  });
  const root: ScenarioOffice = {
    id: NATIONAL_ROOT,
    name: 'Cục Quản lý thi hành án dân sự',
    tier: 'GENERAL_DEPARTMENT',
    area: 'Việt Nam',
    target: { cases: '72', money: '32' },
    cases: scaledCases(provinceTemplate, 0),
  };
  return {
    name: 'National, 2025 structure, reporting year 2026 to 30 June',
    seed: 'national-2026',
    reportingYear: 2026,
    period: '2026-06',
    offices: [root, ...offices],
  };
}

/** One office planned alone (no parent, so nothing is opened at another office): the unit the profile seeds in. */
export function officeAlone(scenario: Scenario, office: ScenarioOffice): Scenario {
  const { parent: _parent, ...alone } = office;
  return { ...scenario, seed: `${scenario.seed}:${office.id}`, offices: [alone] };
}

function scaledCases(office: ScenarioOffice, factor: number): ScenarioOffice['cases'] {
  const cases = {} as Record<(typeof END_STATES)[number], EndStateFigures>;
  for (const state of END_STATES) {
    const figures = office.cases[state];
    // Entrusted cases go to offices outside the tree (`to` dropped): each office is planned alone.
    cases[state] = {
      ...scaled(figures, factor),
      carriedOver: scaled(figures.carriedOver, factor),
      ...(figures.exOfficio && {
        exOfficio: { ...scaled(figures.exOfficio, factor), carriedOver: scaled(figures.exOfficio.carriedOver, factor) },
      }),
      ...(figures.collected && { collected: scaled(figures.collected, factor) }),
    };
  }
  return cases;
}

function scaled(figures: { count: number; amount: bigint }, factor: number) {
  return { count: figures.count * factor, amount: figures.amount * BigInt(factor) };
}
