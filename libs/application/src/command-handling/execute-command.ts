import type { CaseCommand, ComplaintCommand, OfficeRegistryCommand, ReportingCommand } from '@thads/domain';
import type { EventStore } from '@thads/event-store';
import {
  caseAggregate,
  complaintAggregate,
  officeRegistryAggregate,
  reportingAggregate,
} from '../aggregates/definitions';
import { withRetractionTarget } from '../cases/retraction-target';
import { withTakingUpOffice } from '../cases/taking-up-office';
import { ensureComplainedCaseExists } from '../complaints/complained-case';
import { withDecidingAuthority } from '../complaints/deciding-authority';
import { withRegisteredOffices } from '../office-registry/office-registry';
import { vietnamToday } from '../deadline-sweep/vietnam-today';
import { ensureParentOfficeRegistered } from '../reporting/parent-office';
import type { CommandContext, CommandResult } from './command-context';
import { fingerprintOf } from './command-fingerprint';
import { inCommandSpan } from './command-spans';
import { handleCommand, type RetryPolicy } from './handle-command';

/** A command and the aggregate instance it is addressed to. */
export type AddressedCommand =
  | { readonly aggregate: 'case'; readonly id: string; readonly command: CaseCommand }
  | { readonly aggregate: 'complaint'; readonly id: string; readonly command: ComplaintCommand }
  | { readonly aggregate: 'reporting'; readonly id: string; readonly command: ReportingCommand }
  | { readonly aggregate: 'officeregistry'; readonly id: string; readonly command: OfficeRegistryCommand };

/**
 * The application's one entry point for commands: the API (through the @nestjs/cqrs handlers), the CLI and its
 * demo seeding, and the deadline sweep all execute here. It first resolves what the pure decider cannot see (the
 * event a CorrectRecordedFact retracts; that a complained-of case or a parent office exists; the registrations
 * of the offices a merger, split or rename names; the acting official and
 * office line a complaint decision or a taking up is checked against; the office's local today, against which case and complaint
 * acts are dated: `context.today`, else the clock in Asia/Ho_Chi_Minh), then runs
 * handleCommand: idempotency, optimistic concurrency, metadata, retry. The fingerprint is taken from the command as
 * sent, before resolution, unless the edge gave one. The whole of it runs in the command's span (command-spans.ts).
 */
export function executeCommand(
  store: EventStore,
  addressed: AddressedCommand,
  context: CommandContext,
  retry?: RetryPolicy,
): Promise<CommandResult> {
  return inCommandSpan(addressed.aggregate, addressed.id, addressed.command.type, context, () =>
    executeAddressed(store, addressed, context, retry),
  );
}

async function executeAddressed(
  store: EventStore,
  addressed: AddressedCommand,
  context: CommandContext,
  retry?: RetryPolicy,
): Promise<CommandResult> {
  // Object.assign, not a spread that adds keys: on Node 20 that literal is slow and outlives young collections
  // (docs/performance.md, change 50).
  const fingerprinted: CommandContext = Object.assign({}, context, {
    fingerprint: context.fingerprint ?? fingerprintOf(addressed),
  });
  // Registering an office is not dated against today: a reorganisation is registered ahead of its effective date.
  const today = context.today ?? vietnamToday();
  switch (addressed.aggregate) {
    case 'case': {
      const { id } = addressed;
      const command = Object.assign({}, addressed.command, { today });
      const resolved =
        command.type === 'CorrectRecordedFact'
          ? await withRetractionTarget(store, id, command)
          : command.type === 'TakeUpCase'
            ? await withTakingUpOffice(store, id, command, context.actor)
            : command;
      return handleCommand(store, caseAggregate, id, resolved, fingerprinted, retry);
    }
    case 'complaint': {
      await ensureComplainedCaseExists(store, addressed.command);
      const command = Object.assign({}, addressed.command, { today });
      const resolved = await withDecidingAuthority(store, addressed.id, command, context.actor);
      return handleCommand(store, complaintAggregate, addressed.id, resolved, fingerprinted, retry);
    }
    case 'reporting':
      await ensureParentOfficeRegistered(store, addressed.id, addressed.command);
      return handleCommand(store, reportingAggregate, addressed.id, addressed.command, fingerprinted, retry);
    case 'officeregistry': {
      const resolved = await withRegisteredOffices(store, addressed.command);
      return handleCommand(store, officeRegistryAggregate, addressed.id, resolved, fingerprinted, retry);
    }
    default:
      return unreachable(addressed);
  }
}

function unreachable(addressed: never): never {
  throw new Error(`Unknown aggregate in ${JSON.stringify(addressed)}`);
}
