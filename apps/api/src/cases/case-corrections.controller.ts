import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ExecuteCaseCommand, type CommandContext } from '@thads/application';
import type { CaseCommand, JsonRecord } from '@thads/domain';
import type { FastifyReply } from 'fastify';
import { CASE_ERROR_KINDS } from '@thads/domain';
import { ApiCommandAnswer } from '../docs/answers';
import { Refuses, refusalsOfKinds } from '../problem/refusals';
import { Access } from '../auth/access-policy';
import { CORRECTIVE_ON_CASE } from '../auth/policies';
import { commandResponse, type CommandResponse } from '../http/command-response';
import { IdParamPipe } from '../http/id-param.pipe';
import { RequestCommandContext } from '../http/request-context';
import * as Correction from './dto/case-correction.dtos';

const CaseId = new IdParamPipe('caseId');

/**
 * Corrective commands: admins only, each with a mandatory reason that goes both
 * into the command (the decider refuses a blank one: REASON_REQUIRED) and into the event metadata (CommandContext.reason),
 * where GET /cases/{id}/events and the history show it. Nothing is erased (Law 2008 Art. 37; TT 04/2023 Art. 36).
 * A correction without effectiveDate is dated by the domain at the act it corrects, never today: a correction recorded
 * now must not block the back-dated ordinary entries still to come on the case.
 */
@ApiTags('cases')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retry-safe command id' })
@ApiHeader({ name: 'If-Match', required: false, description: 'Stream revision (ETag) the client last saw' })
@Refuses(refusalsOfKinds(CASE_ERROR_KINDS))
@Controller('cases')
export class CaseCorrectionsController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':caseId/withdraw-decision')
  @HttpCode(200)
  @Access(CORRECTIVE_ON_CASE)
  @ApiOperation({
    summary: 'WithdrawDecision: the enforcement decision is withdrawn (Art. 37(1)); the case ends as withdrawn',
    description:
      "Corrective, admins only, with a mandatory `reason` (Law 2008 Art. 37(1)): the decision's events stay in the history; the case ends as withdrawn (docs/corrections.md).",
  })
  @ApiCommandAnswer()
  withdrawDecision(
    @Param('caseId', CaseId) id: string,
    @Body() body: Correction.WithdrawDecisionDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'WithdrawDecision', data: body }, c, r);
  }

  @Post(':caseId/amend-decision')
  @HttpCode(200)
  @Access(CORRECTIVE_ON_CASE)
  @ApiOperation({
    summary: 'AmendDecision: the enforcement decision is amended (Art. 37(2)); no status changes',
    description:
      'Corrective, admins only, with a mandatory `reason` (Law 2008 Art. 37(2)): the amendment is recorded beside the decision.',
  })
  @ApiCommandAnswer()
  amendDecision(
    @Param('caseId', CaseId) id: string,
    @Body() body: Correction.AmendDecisionDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'AmendDecision', data: body }, c, r);
  }

  @Post(':caseId/annul-decision')
  @HttpCode(200)
  @Access(CORRECTIVE_ON_CASE)
  @ApiOperation({
    summary:
      'AnnulDecision: a superior authority annuls the enforcement decision (Art. 37(3)); the case ends as withdrawn',
    description:
      'Corrective, admins only, with a mandatory `reason` (Law 2008 Art. 37(3)): annulment by a superior authority.',
  })
  @ApiCommandAnswer()
  annulDecision(
    @Param('caseId', CaseId) id: string,
    @Body() body: Correction.AnnulDecisionDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'AnnulDecision', data: body }, c, r);
  }

  @Post(':caseId/correct-recorded-fact')
  @HttpCode(200)
  @Access(CORRECTIVE_ON_CASE)
  @ApiOperation({
    summary:
      'CorrectRecordedFact: retracts one event by id (FactRetracted), optionally with corrected data; the original stays',
    description:
      "Corrective, admins only, with a mandatory `reason`: the retracted event stays in the stream and is folded as corrected or not at all; refused when the corrected history would break the case's consistency rules (docs/corrections.md).",
  })
  @ApiCommandAnswer()
  correctRecordedFact(
    @Param('caseId', CaseId) id: string,
    @Body() body: Correction.CorrectRecordedFactDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    const { correctedData, ...rest } = body;
    // The target event is looked up by the application layer; a client never states it.
    const data = { ...rest, ...(correctedData === undefined ? {} : { correctedData: correctedData as JsonRecord }) };
    return this.run(id, { type: 'CorrectRecordedFact', data }, c, r);
  }

  @Post(':caseId/reassign-officer')
  @HttpCode(200)
  @Access(CORRECTIVE_ON_CASE)
  @ApiOperation({
    summary: 'ReassignOfficer: another officer takes over the case',
    description:
      'Corrective, admins only, with a mandatory `reason`: the case keeps its history under the previous officer.',
  })
  @ApiCommandAnswer()
  reassignOfficer(
    @Param('caseId', CaseId) id: string,
    @Body() body: Correction.ReassignOfficerDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'ReassignOfficer', data: body }, c, r);
  }

  @Post(':caseId/reopen-case')
  @HttpCode(200)
  @Access(CORRECTIVE_ON_CASE)
  @ApiOperation({
    summary: 'ReopenCase: a settled, terminated or withdrawn case returns to the status it closed from',
    description:
      'Corrective, admins only, with a mandatory `reason`: for a case closed in error; the closing event stays in the history.',
  })
  @ApiCommandAnswer()
  reopenCase(
    @Param('caseId', CaseId) id: string,
    @Body() body: Correction.ReopenCaseDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'ReopenCase', data: body }, c, r);
  }

  private async run(
    caseId: string,
    command: CaseCommand & { readonly data: { readonly reason: string } },
    context: CommandContext,
    reply: FastifyReply,
  ): Promise<CommandResponse> {
    const result = await this.commands.execute(
      new ExecuteCaseCommand(caseId, command, { ...context, reason: command.data.reason }),
    );
    return commandResponse(caseId, result, reply);
  }
}
