import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { deterministicUuid, ExecuteCaseCommand, type CommandContext } from '@thads/application';
import type { CaseCommand } from '@thads/domain';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/access-policy';
import { CASE_WORK, HEAD_DECISION_ON_CASE } from '../auth/policies';
import { commandResponse, dated, type CommandResponse } from '../http/command-response';
import { IdParamPipe } from '../http/id-param.pipe';
import { localToday } from '../http/local-today';
import { RequestCommandContext } from '../http/request-context';
import * as Decision from './dto/case-decision.dtos';
import * as Enforcement from './dto/case-enforcement.dtos';
import * as Status from './dto/case-status.dtos';
import { ReceiveCaseDto } from './dto/receive-case.dto';

const CaseId = new IdParamPipe('caseId');

/**
 * One POST per case command (docs/architecture.md). Money arrives as decimal strings and becomes bigint here. Decisions of
 * the head (§4.1 rule 15) are HEAD_DECISION_ON_CASE; the officer's case work is CASE_WORK; both within the case's office.
 */
@ApiTags('cases')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retry-safe command id' })
@ApiHeader({ name: 'If-Match', required: false, description: 'Stream revision (ETag) the client last saw' })
@Controller('cases')
export class CaseCommandsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Access({ roles: ['officer', 'head'], office: 'office-in-body' })
  @ApiOperation({ summary: 'ReceiveCase: register a judgment or an enforcement request' })
  async receiveCase(
    @Body() body: ReceiveCaseDto,
    @RequestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const caseId = body.caseId ?? deterministicUuid(`case:${context.actor.id}:${context.commandId}`);
    const data = {
      ...dated(body, localToday()),
      caseId,
      obligations: body.obligations.map((item) => ({ ...item, amount: BigInt(item.amount) })),
    };
    const result = await this.commands.execute(new ExecuteCaseCommand(caseId, { type: 'ReceiveCase', data }, context));
    void reply.status(201).header('location', `/api/v1/cases/${caseId}`);
    return commandResponse(caseId, result, reply);
  }

  @Post(':caseId/reject-enforcement-request')
  @HttpCode(200)
  @Access(HEAD_DECISION_ON_CASE)
  rejectEnforcementRequest(
    @Param('caseId', CaseId) id: string,
    @Body() body: Decision.RejectEnforcementRequestDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'RejectEnforcementRequest', data: dated(body, localToday()) }, c, r);
  }

  @Post(':caseId/issue-enforcement-decision')
  @HttpCode(200)
  @Access(HEAD_DECISION_ON_CASE)
  issueEnforcementDecision(
    @Param('caseId', CaseId) id: string,
    @Body() body: Decision.IssueEnforcementDecisionDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'IssueEnforcementDecision', data: dated(body, localToday()) }, c, r);
  }

  @Post(':caseId/assign-enforcement-officer')
  @HttpCode(200)
  @Access(HEAD_DECISION_ON_CASE)
  assignEnforcementOfficer(
    @Param('caseId', CaseId) id: string,
    @Body() body: Decision.AssignEnforcementOfficerDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'AssignEnforcementOfficer', data: dated(body, localToday()) }, c, r);
  }

  @Post(':caseId/record-verification')
  @HttpCode(200)
  @Access(CASE_WORK)
  recordVerification(
    @Param('caseId', CaseId) id: string,
    @Body() body: Decision.RecordVerificationDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'RecordVerification', data: dated(body, localToday()) }, c, r);
  }

  @Post(':caseId/decide-not-enforceable')
  @HttpCode(200)
  @Access(HEAD_DECISION_ON_CASE)
  decideNotEnforceable(
    @Param('caseId', CaseId) id: string,
    @Body() body: Decision.DecideNotEnforceableDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'DecideNotEnforceable', data: dated(body, localToday()) }, c, r);
  }

  @Post(':caseId/record-periodic-reverification')
  @HttpCode(200)
  @Access(CASE_WORK)
  recordPeriodicReverification(
    @Param('caseId', CaseId) id: string,
    @Body() body: Decision.RecordPeriodicReverificationDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'RecordPeriodicReverification', data: dated(body, localToday()) }, c, r);
  }

  @Post(':caseId/apply-security-measure')
  @HttpCode(200)
  @Access(CASE_WORK)
  applySecurityMeasure(
    @Param('caseId', CaseId) id: string,
    @Body() body: Enforcement.ApplySecurityMeasureDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'ApplySecurityMeasure', data: dated(body, localToday()) }, c, r);
  }

  @Post(':caseId/decide-coercion')
  @HttpCode(200)
  @Access(CASE_WORK)
  decideCoercion(
    @Param('caseId', CaseId) id: string,
    @Body() body: Enforcement.DecideCoercionDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'DecideCoercion', data: dated(body, localToday()) }, c, r);
  }

  @Post(':caseId/seize-asset')
  @HttpCode(200)
  @Access(CASE_WORK)
  seizeAsset(
    @Param('caseId', CaseId) id: string,
    @Body() body: Enforcement.SeizeAssetDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'SeizeAsset', data: dated(body, localToday()) }, c, r);
  }

  @Post(':caseId/record-valuation')
  @HttpCode(200)
  @Access(CASE_WORK)
  recordValuation(
    @Param('caseId', CaseId) id: string,
    @Body() body: Enforcement.RecordValuationDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(
      id,
      { type: 'RecordValuation', data: { ...dated(body, localToday()), value: BigInt(body.value) } },
      c,
      r,
    );
  }

  @Post(':caseId/record-auction-result')
  @HttpCode(200)
  @Access(CASE_WORK)
  recordAuctionResult(
    @Param('caseId', CaseId) id: string,
    @Body() body: Enforcement.RecordAuctionResultDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    const { price, ...rest } = dated(body, localToday());
    return this.run(
      id,
      { type: 'RecordAuctionResult', data: { ...rest, ...(price === undefined ? {} : { price: BigInt(price) }) } },
      c,
      r,
    );
  }

  @Post(':caseId/reduce-auction-price')
  @HttpCode(200)
  @Access(CASE_WORK)
  reduceAuctionPrice(
    @Param('caseId', CaseId) id: string,
    @Body() body: Enforcement.ReduceAuctionPriceDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(
      id,
      { type: 'ReduceAuctionPrice', data: { ...dated(body, localToday()), newPrice: BigInt(body.newPrice) } },
      c,
      r,
    );
  }

  @Post(':caseId/record-collection')
  @HttpCode(200)
  @Access(CASE_WORK)
  recordCollection(
    @Param('caseId', CaseId) id: string,
    @Body() body: Enforcement.RecordCollectionDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(
      id,
      { type: 'RecordCollection', data: { ...dated(body, localToday()), amount: BigInt(body.amount) } },
      c,
      r,
    );
  }

  @Post(':caseId/disburse-funds')
  @HttpCode(200)
  @Access(CASE_WORK)
  disburseFunds(
    @Param('caseId', CaseId) id: string,
    @Body() body: Enforcement.DisburseFundsDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(
      id,
      { type: 'DisburseFunds', data: { ...dated(body, localToday()), amount: BigInt(body.amount) } },
      c,
      r,
    );
  }

  @Post(':caseId/postpone-enforcement')
  @HttpCode(200)
  @Access(HEAD_DECISION_ON_CASE)
  postponeEnforcement(
    @Param('caseId', CaseId) id: string,
    @Body() body: Status.PostponeEnforcementDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'PostponeEnforcement', data: dated(body, localToday()) }, c, r);
  }

  @Post(':caseId/suspend-enforcement')
  @HttpCode(200)
  @Access(HEAD_DECISION_ON_CASE)
  suspendEnforcement(
    @Param('caseId', CaseId) id: string,
    @Body() body: Status.SuspendEnforcementDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'SuspendEnforcement', data: dated(body, localToday()) }, c, r);
  }

  @Post(':caseId/resume-enforcement')
  @HttpCode(200)
  @Access(HEAD_DECISION_ON_CASE)
  resumeEnforcement(
    @Param('caseId', CaseId) id: string,
    @Body() body: Status.ResumeEnforcementDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'ResumeEnforcement', data: dated(body, localToday()) }, c, r);
  }

  @Post(':caseId/terminate-enforcement')
  @HttpCode(200)
  @Access(HEAD_DECISION_ON_CASE)
  terminateEnforcement(
    @Param('caseId', CaseId) id: string,
    @Body() body: Status.TerminateEnforcementDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'TerminateEnforcement', data: dated(body, localToday()) }, c, r);
  }

  @Post(':caseId/settle')
  @HttpCode(200)
  @Access(CASE_WORK)
  @ApiOperation({ summary: 'Settle: the case is fully enforced (event CaseSettled)' })
  settle(
    @Param('caseId', CaseId) id: string,
    @Body() body: Status.SettleDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'Settle', data: dated(body, localToday()) }, c, r);
  }

  @Post(':caseId/entrust-enforcement')
  @HttpCode(200)
  @Access(HEAD_DECISION_ON_CASE)
  entrustEnforcement(
    @Param('caseId', CaseId) id: string,
    @Body() body: Status.EntrustEnforcementDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'EntrustEnforcement', data: dated(body, localToday()) }, c, r);
  }

  @Post(':caseId/move-to-separate-tracking-register')
  @HttpCode(200)
  @Access(HEAD_DECISION_ON_CASE)
  moveToSeparateTrackingRegister(
    @Param('caseId', CaseId) id: string,
    @Body() body: Status.MoveToSeparateTrackingRegisterDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'MoveToSeparateTrackingRegister', data: dated(body, localToday()) }, c, r);
  }

  @Post(':caseId/send-back-request')
  @HttpCode(200)
  @Access(HEAD_DECISION_ON_CASE)
  @ApiOperation({
    summary:
      'SendBackEnforcementRequest: from 1 July 2026, an on-request case not enforceable for 2 years is sent back to the creditor and ends (Law 106/2025 Art. 38; Decree 152/2026 Art. 22(2))',
  })
  sendBackEnforcementRequest(
    @Param('caseId', CaseId) id: string,
    @Body() body: Status.SendBackEnforcementRequestDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'SendBackEnforcementRequest', data: dated(body, localToday()) }, c, r);
  }

  private async run(
    caseId: string,
    command: CaseCommand,
    context: CommandContext,
    reply: FastifyReply,
  ): Promise<CommandResponse> {
    const result = await this.commands.execute(new ExecuteCaseCommand(caseId, command, context));
    return commandResponse(caseId, result, reply);
  }
}
