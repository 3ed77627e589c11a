/**
 * Register numbers for generated cases, as an office's books would show them: case ids numbered by receipt within
 * each year (`HP-NGO-QUYEN-2018-00042`), and decision numbers from one series per office and year in date order
 * (`101/QĐ-CCTHADS`; coercion decisions of the officers in their own series, `15/QĐ-CC`).
 */
import type { LocalDate, OrdinaryCaseCommand, ReportingOfficeTier } from '@thads/domain';
import type { CaseOrigin, EndState } from '../scenario/scenario';
import type { PlannedCommand } from './case-script';

/** A written case before it has its number. */
export interface CaseDraft {
  readonly receivedOn: LocalDate;
  readonly origin: CaseOrigin;
  readonly endState: EndState;
  readonly commands: readonly PlannedCommand[];
}

/** A numbered case: its id, its commands with their decision numbers, and the draft it came from. */
export interface NumberedCase {
  readonly caseId: string;
  commands: PlannedCommand[];
  readonly draft: CaseDraft;
}

/** The office's decisions are signed by its head: Chi cục (CCTHADS), Cục (CTHADS), others (THADS). */
function headSeries(tier: ReportingOfficeTier): string {
  if (tier === 'DISTRICT') return 'QĐ-CCTHADS';
  if (tier === 'PROVINCE') return 'QĐ-CTHADS';
  return 'QĐ-THADS';
}

/**
 * Numbers the drafts of one office: returns them in receipt order with their case ids, each command carrying its
 * decision number and the ReceiveCase its case id.
 */
export function numberOfficeCases(
  officeId: string,
  tier: ReportingOfficeTier,
  drafts: readonly CaseDraft[],
): NumberedCase[] {
  const ordered = drafts
    .map((draft, order) => ({ draft, order }))
    .sort((a, b) => compare(a.draft.receivedOn, b.draft.receivedOn) || a.order - b.order);
  const perYear = new Map<string, number>();
  const numbered = ordered.map(({ draft }): NumberedCase => {
    const year = draft.receivedOn.slice(0, 4);
    const sequence = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, sequence);
    return { caseId: `${officeId}-${year}-${String(sequence).padStart(5, '0')}`, commands: [...draft.commands], draft };
  });
  const decisions = numbered.flatMap((entry, caseOrder) =>
    entry.commands
      .map((planned, index) => ({ entry, index, caseOrder, planned }))
      .filter(({ planned }) => 'decisionNumber' in planned.command.data),
  );
  decisions.sort(
    (a, b) =>
      compare(a.planned.command.data.effectiveDate, b.planned.command.data.effectiveDate) ||
      a.caseOrder - b.caseOrder ||
      a.index - b.index,
  );
  const series = new Map<string, number>();
  for (const { entry, index, planned } of decisions) {
    // A taking up is the provincial head's decision (rút lên), numbered in the province's series.
    const name =
      planned.command.type === 'DecideCoercion'
        ? 'QĐ-CC'
        : planned.command.type === 'TakeUpCase'
          ? headSeries('PROVINCE')
          : headSeries(tier);
    const key = `${planned.command.data.effectiveDate.slice(0, 4)}/${name}`;
    const number = (series.get(key) ?? 0) + 1;
    series.set(key, number);
    entry.commands[index] = {
      ...planned,
      command: {
        ...planned.command,
        data: { ...planned.command.data, decisionNumber: `${number}/${name}` },
      } as OrdinaryCaseCommand,
    };
  }
  for (const entry of numbered) {
    entry.commands = entry.commands.map((planned) =>
      planned.command.type === 'ReceiveCase'
        ? { ...planned, command: { ...planned.command, data: { ...planned.command.data, caseId: entry.caseId } } }
        : planned,
    );
  }
  return numbered;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
