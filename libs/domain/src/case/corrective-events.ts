import type { Message } from '../shared/decider';
import type { JsonRecord } from '../shared/event-codec';
import type { CaseEventBase } from './case-events';
import type { DecisionWithdrawalGround } from './corrective-commands';
import type { RunningStatus } from './case-state';

/**
 * Events of the corrective commands (corrective-commands.ts). Stored contracts like every case event (docs/architecture.md).
 * None replaces an earlier event: the corrected fact stays in the stream (Law 2008 Art. 37; TT 04/2023 Art. 36).
 */

type CorrectionOf<Type extends string, Data> = Message<Type, CaseEventBase & Data>;

/** The enforcement decision was withdrawn by its issuer (Art. 37(1)): the case ends as `withdrawn`. */
export type DecisionWithdrawn = CorrectionOf<
  'DecisionWithdrawn',
  {
    readonly decisionNumber: string;
    readonly ground: DecisionWithdrawalGround;
  }
>;

/** The enforcement decision was amended or supplemented (Art. 37(2)); no status changes. */
export type DecisionAmended = CorrectionOf<
  'DecisionAmended',
  {
    readonly decisionNumber: string;
    readonly amendment: string;
  }
>;

/** The enforcement decision was annulled by a superior authority (Art. 37(3)): the case ends as `withdrawn`. */
export type DecisionAnnulled = CorrectionOf<
  'DecisionAnnulled',
  {
    readonly decisionNumber: string;
    readonly annulledBy: string;
    readonly ground: DecisionWithdrawalGround;
  }
>;

/**
 * An earlier event of this stream no longer counts: folds skip it (or fold `correctedData` over its data instead).
 * The retracted event itself stays in the stream, untouched.
 */
export type FactRetracted = CorrectionOf<
  'FactRetracted',
  {
    readonly retractedEventId: string;
    readonly retractedType: string;
    /** When the retracted act was dated: statistics undo it as of then, so a closed period gets an adjustment. */
    readonly retractedEffectiveDate: string | null;
    /**
     * The retracted event's data as stored. Redundant with the stream, on purpose: a reader of the retraction alone (an
     * auditor, a projection that keeps no history) sees what was undone and, with correctedData, what replaced it.
     */
    readonly retractedData: JsonRecord;
    readonly correctedData?: JsonRecord;
  }
>;

/** The case moved to another officer. */
export type OfficerReassigned = CorrectionOf<
  'OfficerReassigned',
  {
    readonly officerId: string;
    readonly previousOfficerId: string | null;
  }
>;

/** A closed case is open again, in the status it held before it closed. */
export type CaseReopened = CorrectionOf<
  'CaseReopened',
  {
    readonly reopenedStatus: RunningStatus;
    /** The closed status it leaves: settled, terminated or withdrawn. */
    readonly reopenedFrom: string;
  }
>;

export type CorrectiveEvent =
  DecisionWithdrawn | DecisionAmended | DecisionAnnulled | FactRetracted | OfficerReassigned | CaseReopened;
