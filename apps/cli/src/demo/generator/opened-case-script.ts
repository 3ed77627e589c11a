/**
 * The case a receiving office opens for a case that came to it (docs/scenarios.md): entrusted to it (Art. 55–57) or
 * taken up by it (rút lên, Art. 35(2)). Received on the day of the act that sent it, decided within its limit and
 * verified when the period leaves room: newly received and in progress at the period end.
 */
import type { LocalDate, OrdinaryCaseCommand } from '@thads/domain';
import { caseIdentity } from './case-identity';
import type { CaseContext } from './case-context';
import { DoesNotFit, startScript, type CaseScript, type PlannedCommand } from './case-script';
import { intake, verifyEnforceable } from './script-acts';

/** Writes the receiver's own case, opened on `openedOn` (a working day inside the period). */
export function writeOpenedCase(context: CaseContext, openedOn: LocalDate): CaseScript {
  const script = startScript(context.random, context.tempo, openedOn, context.window.periodEndsOn);
  const identity = caseIdentity(context.random, context.amount, context.area, openedOn, context.mode);
  intake(script, identity, context.officeId, context.officerId, openedOn);
  try {
    verifyEnforceable(script);
  } catch (error) {
    // Opened near the period end: still awaiting its verification, which counts as in progress too.
    if (!(error instanceof DoesNotFit)) throw error;
  }
  return script;
}

/** What a sending case still owes when it leaves: its items less what was collected on them. */
export function owedWhenLeaving(commands: readonly PlannedCommand[]): bigint {
  let owed = 0n;
  for (const { command } of commands as readonly { readonly command: OrdinaryCaseCommand }[]) {
    if (command.type === 'ReceiveCase') owed += command.data.obligations.reduce((sum, item) => sum + item.amount, 0n);
    if (command.type === 'RecordCollection') owed -= command.data.amount;
  }
  return owed;
}
