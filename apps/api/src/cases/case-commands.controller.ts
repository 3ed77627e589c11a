import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { deterministicUuid, ExecuteCaseCommand } from '@thads/application';
import type { CaseCommand } from '@thads/domain';
import type { FastifyReply } from 'fastify';
import { commandResponse, dated, type CommandResponse } from '../http/command-response';
import { IdParamPipe } from '../http/id-param.pipe';
import { localToday } from '../http/local-today';
import { commandContextFrom } from '../http/request-context';
import * as Decision from './dto/case-decision.dtos';
import * as Enforcement from './dto/case-enforcement.dtos';
import * as Status from './dto/case-status.dtos';
import { ReceiveCaseDto } from './dto/receive-case.dto';

type RequestHeaders = Record<string, string | undefined>;
const CaseId = new IdParamPipe('caseId');

/** One POST per case command (DESIGN.md §8). Money arrives as decimal strings and becomes bigint here. */
@ApiTags('cases')
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retry-safe command id' })
@ApiHeader({ name: 'If-Match', required: false, description: 'Stream revision (ETag) the client last saw' })
@Controller('cases')
export class CaseCommandsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'ReceiveCase: register a judgment or an enforcement request' })
  async receiveCase(@Body() body: ReceiveCaseDto, @Headers() headers: RequestHeaders, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    const context = commandContextFrom(headers);
    const caseId = body.caseId ?? deterministicUuid(`case:${context.commandId}`);
    const data = {
      ...dated(body, localToday()),
      caseId,
      obligations: body.obligations.map((item) => ({ ...item, amount: BigInt(item.amount) })),
    };
    const result = await this.commands.execute(new ExecuteCaseCommand(caseId, { type: 'ReceiveCase', data }, context));
    void reply.status(201).header('location', `/api/v1/cases/${caseId}`);
    return commandResponse(caseId, result, reply);
  }

  @Post(':caseId/reject-enforcement-request') @HttpCode(200)
  rejectEnforcementRequest(@Param('caseId', CaseId) id: string, @Body() body: Decision.RejectEnforcementRequestDto, @Headers() h: RequestHeaders, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(id, { type: 'RejectEnforcementRequest', data: dated(body, localToday()) }, h, r);
  }

  @Post(':caseId/issue-enforcement-decision') @HttpCode(200)
  issueEnforcementDecision(@Param('caseId', CaseId) id: string, @Body() body: Decision.IssueEnforcementDecisionDto, @Headers() h: RequestHeaders, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(id, { type: 'IssueEnforcementDecision', data: dated(body, localToday()) }, h, r);
  }

  @Post(':caseId/assign-enforcement-officer') @HttpCode(200)
  assignEnforcementOfficer(@Param('caseId', CaseId) id: string, @Body() body: Decision.AssignEnforcementOfficerDto, @Headers() h: RequestHeaders, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(id, { type: 'AssignEnforcementOfficer', data: dated(body, localToday()) }, h, r);
  }

  @Post(':caseId/record-verification') @HttpCode(200)
  recordVerification(@Param('caseId', CaseId) id: string, @Body() body: Decision.RecordVerificationDto, @Headers() h: RequestHeaders, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(id, { type: 'RecordVerification', data: dated(body, localToday()) }, h, r);
  }

  @Post(':caseId/decide-not-enforceable') @HttpCode(200)
  decideNotEnforceable(@Param('caseId', CaseId) id: string, @Body() body: Decision.DecideNotEnforceableDto, @Headers() h: RequestHeaders, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(id, { type: 'DecideNotEnforceable', data: dated(body, localToday()) }, h, r);
  }

  @Post(':caseId/record-periodic-reverification') @HttpCode(200)
  recordPeriodicReverification(@Param('caseId', CaseId) id: string, @Body() body: Decision.RecordPeriodicReverificationDto, @Headers() h: RequestHeaders, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(id, { type: 'RecordPeriodicReverification', data: dated(body, localToday()) }, h, r);
  }

  @Post(':caseId/apply-security-measure') @HttpCode(200)
  applySecurityMeasure(@Param('caseId', CaseId) id: string, @Body() body: Enforcement.ApplySecurityMeasureDto, @Headers() h: RequestHeaders, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(id, { type: 'ApplySecurityMeasure', data: dated(body, localToday()) }, h, r);
  }

  @Post(':caseId/decide-coercion') @HttpCode(200)
  decideCoercion(@Param('caseId', CaseId) id: string, @Body() body: Enforcement.DecideCoercionDto, @Headers() h: RequestHeaders, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(id, { type: 'DecideCoercion', data: dated(body, localToday()) }, h, r);
  }

  @Post(':caseId/seize-asset') @HttpCode(200)
  seizeAsset(@Param('caseId', CaseId) id: string, @Body() body: Enforcement.SeizeAssetDto, @Headers() h: RequestHeaders, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(id, { type: 'SeizeAsset', data: dated(body, localToday()) }, h, r);
  }

  @Post(':caseId/record-valuation') @HttpCode(200)
  recordValuation(@Param('caseId', CaseId) id: string, @Body() body: Enforcement.RecordValuationDto, @Headers() h: RequestHeaders, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(id, { type: 'RecordValuation', data: { ...dated(body, localToday()), value: BigInt(body.value) } }, h, r);
  }

  @Post(':caseId/record-auction-result') @HttpCode(200)
  recordAuctionResult(@Param('caseId', CaseId) id: string, @Body() body: Enforcement.RecordAuctionResultDto, @Headers() h: RequestHeaders, @Res({ passthrough: true }) r: FastifyReply) {
    const { price, ...rest } = dated(body, localToday());
    return this.run(id, { type: 'RecordAuctionResult', data: { ...rest, ...(price === undefined ? {} : { price: BigInt(price) }) } }, h, r);
  }

  @Post(':caseId/reduce-auction-price') @HttpCode(200)
  reduceAuctionPrice(@Param('caseId', CaseId) id: string, @Body() body: Enforcement.ReduceAuctionPriceDto, @Headers() h: RequestHeaders, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(id, { type: 'ReduceAuctionPrice', data: { ...dated(body, localToday()), newPrice: BigInt(body.newPrice) } }, h, r);
  }

  @Post(':caseId/record-collection') @HttpCode(200)
  recordCollection(@Param('caseId', CaseId) id: string, @Body() body: Enforcement.RecordCollectionDto, @Headers() h: RequestHeaders, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(id, { type: 'RecordCollection', data: { ...dated(body, localToday()), amount: BigInt(body.amount) } }, h, r);
  }

  @Post(':caseId/disburse-funds') @HttpCode(200)
  disburseFunds(@Param('caseId', CaseId) id: string, @Body() body: Enforcement.DisburseFundsDto, @Headers() h: RequestHeaders, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(id, { type: 'DisburseFunds', data: { ...dated(body, localToday()), amount: BigInt(body.amount) } }, h, r);
  }

  @Post(':caseId/postpone-enforcement') @HttpCode(200)
  postponeEnforcement(@Param('caseId', CaseId) id: string, @Body() body: Status.PostponeEnforcementDto, @Headers() h: RequestHeaders, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(id, { type: 'PostponeEnforcement', data: dated(body, localToday()) }, h, r);
  }

  @Post(':caseId/suspend-enforcement') @HttpCode(200)
  suspendEnforcement(@Param('caseId', CaseId) id: string, @Body() body: Status.SuspendEnforcementDto, @Headers() h: RequestHeaders, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(id, { type: 'SuspendEnforcement', data: dated(body, localToday()) }, h, r);
  }

  @Post(':caseId/resume-enforcement') @HttpCode(200)
  resumeEnforcement(@Param('caseId', CaseId) id: string, @Body() body: Status.ResumeEnforcementDto, @Headers() h: RequestHeaders, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(id, { type: 'ResumeEnforcement', data: dated(body, localToday()) }, h, r);
  }

  @Post(':caseId/terminate-enforcement') @HttpCode(200)
  terminateEnforcement(@Param('caseId', CaseId) id: string, @Body() body: Status.TerminateEnforcementDto, @Headers() h: RequestHeaders, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(id, { type: 'TerminateEnforcement', data: dated(body, localToday()) }, h, r);
  }

  @Post(':caseId/settle') @HttpCode(200)
  @ApiOperation({ summary: 'Settle: the case is fully enforced (event CaseSettled)' })
  settle(@Param('caseId', CaseId) id: string, @Body() body: Status.SettleDto, @Headers() h: RequestHeaders, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(id, { type: 'Settle', data: dated(body, localToday()) }, h, r);
  }

  @Post(':caseId/entrust-enforcement') @HttpCode(200)
  entrustEnforcement(@Param('caseId', CaseId) id: string, @Body() body: Status.EntrustEnforcementDto, @Headers() h: RequestHeaders, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(id, { type: 'EntrustEnforcement', data: dated(body, localToday()) }, h, r);
  }

  @Post(':caseId/move-to-separate-tracking-register') @HttpCode(200)
  moveToSeparateTrackingRegister(@Param('caseId', CaseId) id: string, @Body() body: Status.MoveToSeparateTrackingRegisterDto, @Headers() h: RequestHeaders, @Res({ passthrough: true }) r: FastifyReply) {
    return this.run(id, { type: 'MoveToSeparateTrackingRegister', data: dated(body, localToday()) }, h, r);
  }

  private async run(caseId: string, command: CaseCommand, headers: RequestHeaders, reply: FastifyReply): Promise<CommandResponse> {
    const result = await this.commands.execute(new ExecuteCaseCommand(caseId, command, commandContextFrom(headers)));
    return commandResponse(caseId, result, reply);
  }
}
