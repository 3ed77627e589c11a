import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { deterministicUuid, ExecuteCaseCommand, type CommandContext } from '@thads/application';
import type { CaseCommand } from '@thads/domain';
import type { FastifyReply } from 'fastify';
import { CASE_ERROR_KINDS } from '@thads/domain';
import { ApiCommandAnswer } from '../docs/answers';
import { Refuses, refusalsOfKinds } from '../problem/refusals';
import { Access } from '../auth/access-policy';
import { CASE_WORK, HEAD_DECISION_ON_CASE, HEAD_OF_PROVINCE_ON_CASE } from '../auth/policies';
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
@Refuses(refusalsOfKinds(CASE_ERROR_KINDS))
@Controller('cases')
export class CaseCommandsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Access({ roles: ['officer', 'head'], office: 'office-in-body' })
  @ApiOperation({
    summary: 'ReceiveCase: register a judgment or an enforcement request',
    description:
      'Records CaseReceived. The enforcement decision is due within 5 working days of receipt (Law 2008 Art. 36). `caseId` may be omitted: the server derives one from the caller and the Idempotency-Key, so a retried creation makes one case.',
  })
  @ApiCommandAnswer(201)
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
  @ApiOperation({
    summary: "RejectEnforcementRequest: the head refuses to enforce a creditor's request",
    description:
      'Law 2008 Art. 31(5): refused within 5 working days of receipt on the grounds the law lists; the case ends as rejected.',
  })
  @ApiCommandAnswer()
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
  @ApiOperation({
    summary: "IssueEnforcementDecision: the head's enforcement decision (QĐ THA); service starts the voluntary period",
    description:
      'Law 2008 Art. 36: within 5 working days of receipt (ex officio) or of the request. Valid service (`servedOn`) starts the 10-day voluntary period (Art. 45(1)) and the verification clock (Art. 44(1)).',
  })
  @ApiCommandAnswer()
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
  @ApiOperation({
    summary: 'AssignEnforcementOfficer: the head assigns the enforcement officer (chấp hành viên)',
    description: 'Law 2008 Art. 20, 23: the officer who carries out the decision.',
  })
  @ApiCommandAnswer()
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
  @ApiOperation({
    summary: "RecordVerification: the result of verifying the debtor's conditions to pay",
    description:
      'Law 2008 Art. 44(1): within 10 days after the voluntary period ends. NOT_ENFORCEABLE findings lead to a decision within 5 working days (Art. 44a).',
  })
  @ApiCommandAnswer()
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
  @ApiOperation({
    summary: 'DecideNotEnforceable: the head decides the debtor cannot pay now',
    description:
      'Law 2008 Art. 44a; Decree 62/2015 Art. 9: on one of the grounds of Art. 44a(1); the case is re-verified every 6 months (12 for long prison terms or an unknown address).',
  })
  @ApiCommandAnswer()
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
  @ApiOperation({
    summary: 'RecordPeriodicReverification: a re-verification of a case not enforceable',
    description:
      'Law 2008 Art. 44(2): at least every 6 months (12 in the listed cases); two with nothing new after the waiting time allow the separate tracking register (Decree 62/2015 Art. 9(5)).',
  })
  @ApiCommandAnswer()
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
  @ApiOperation({
    summary: 'ApplySecurityMeasure: block an account, temporarily seize or freeze assets to prevent dissipation',
    description: 'Law 2008 Art. 66-69: allowed during the voluntary period.',
  })
  @ApiCommandAnswer()
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
  @ApiOperation({
    summary: 'DecideCoercion: decide a coercive measure after the voluntary period',
    description:
      'Law 2008 Art. 45(1), 70-71: refused during the voluntary period unless the debtor is dissipating assets.',
  })
  @ApiCommandAnswer()
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
  @ApiOperation({
    summary: 'SeizeAsset: seize an asset of the debtor for sale',
    description: "Law 2008 Art. 87-89; the valuer's contract is due within 5 working days of the seizure (Art. 98).",
  })
  @ApiCommandAnswer()
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
  @ApiOperation({
    summary: 'RecordValuation: the value a valuer set on a seized asset',
    description: 'Law 2008 Art. 98-99; money is whole VND as a decimal string.',
  })
  @ApiCommandAnswer()
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
  @ApiOperation({
    summary: 'RecordAuctionResult: an auction sold the asset or failed',
    description: 'Law 2008 Art. 101-104; a SOLD result carries its price; the buyer pays within 30 days.',
  })
  @ApiCommandAnswer()
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
  @ApiOperation({
    summary: 'ReduceAuctionPrice: lower the starting price after a failed auction',
    description:
      'Law 2008 Art. 104; Decree 62/2015 Art. 27: each cut is at most 10% of the previous price (PRICE_REDUCTION_EXCEEDS_10_PERCENT).',
  })
  @ApiCommandAnswer()
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
  @ApiOperation({
    summary: 'RecordCollection: money collected for an obligation item',
    description: 'Law 2008 Art. 47; disbursement is due within 10 days of collection.',
  })
  @ApiCommandAnswer()
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
  @ApiOperation({
    summary: 'DisburseFunds: pay collected money out to a creditor',
    description: 'Law 2008 Art. 47: within 10 days of collection, never more than was collected for the item.',
  })
  @ApiCommandAnswer()
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
  @ApiOperation({
    summary: 'PostponeEnforcement: the head postpones enforcement on a ground of the law',
    description:
      'Law 2008 Art. 48: the case is paused until the ground ends or `until`; resumed within 5 working days after (Art. 48(4)).',
  })
  @ApiCommandAnswer()
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
  @ApiOperation({
    summary: 'SuspendEnforcement: the head suspends enforcement',
    description:
      "Law 2008 Art. 49: on a court's or competent authority's request; resumed within 5 working days after the ground ends (Art. 49(3)).",
  })
  @ApiCommandAnswer()
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
  @ApiOperation({
    summary: 'ResumeEnforcement: enforcement resumes after a postponement or suspension',
    description:
      'Law 2008 Art. 48(4), 49(3): within 5 working days after the ground ends; the case returns to the status it paused from.',
  })
  @ApiCommandAnswer()
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
  @ApiOperation({
    summary: 'TerminateEnforcement: the head terminates enforcement (đình chỉ), for the case or some items',
    description: 'Law 2008 Art. 50: on a ground of the law; the case is completed in the statistics.',
  })
  @ApiCommandAnswer()
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
  @ApiOperation({
    summary: 'Settle: the case is fully enforced (event CaseSettled)',
    description:
      'Law 2008 Art. 52(1): every open obligation item collected and paid out; refused while money collected is not yet disbursed.',
  })
  @ApiCommandAnswer()
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
  @ApiOperation({
    summary: 'EntrustEnforcement: the head entrusts the case, or some items, to another office',
    description:
      "Law 2008 Art. 55-57: the receiving office opens its own case; the items leave this office's statistics.",
  })
  @ApiCommandAnswer()
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
  @ApiOperation({
    summary: 'MoveToSeparateTrackingRegister: a case not enforceable moves to the separate register',
    description:
      'Decree 62/2015 Art. 9(5): after the waiting time and two re-verifications with nothing new. From 1 July 2026 only ex officio cases (SEPARATE_REGISTER_ON_REQUEST).',
  })
  @ApiCommandAnswer()
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
    description:
      'Refused before 1 July 2026 and for ex officio cases; the case leaves phải thi hành and is not counted as completed (docs/law-2026.md).',
  })
  @ApiCommandAnswer()
  sendBackEnforcementRequest(
    @Param('caseId', CaseId) id: string,
    @Body() body: Status.SendBackEnforcementRequestDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'SendBackEnforcementRequest', data: dated(body, localToday()) }, c, r);
  }

  @Post(':caseId/take-up')
  @HttpCode(200)
  @Access(HEAD_OF_PROVINCE_ON_CASE)
  @ApiOperation({
    summary:
      'TakeUpCase: the provincial office above the office holding the case takes it up (rút lên, Law 2008 Art. 35(2)); the case ends there and the province opens its own case',
    description:
      "A head of the provincial office above the office holding the case on the act's date, for a case on the books; the case counts as taken up at the office it left (docs/domain.md, docs/statistics.md).",
  })
  @ApiCommandAnswer()
  takeUpCase(
    @Param('caseId', CaseId) id: string,
    @Body() body: Status.TakeUpCaseDto,
    @RequestCommandContext() c: CommandContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.run(id, { type: 'TakeUpCase', data: dated(body, localToday()) }, c, r);
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
