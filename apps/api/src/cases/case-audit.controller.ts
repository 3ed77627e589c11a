import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  caseEvidence,
  chainReport,
  checkReplayWindow,
  EVENT_STORE,
  readWholeStream,
  replayCase,
  streamNameOf,
  type ReplayWindow,
} from '@thads/application';
import { DomainError } from '@thads/domain';
import type { EventStore, RecordedEvent } from '@thads/event-store';
import type { FastifyReply } from 'fastify';
import { ApiQueryAnswer } from '../docs/answers';
import { Refuses, STREAM_READ } from '../problem/refusals';
import { Access } from '../auth/access-policy';
import {
  CaseEvidenceResponseDto,
  CaseHistoryResponseDto,
  ChainVerificationResponseDto,
} from './dto/case-audit-responses.dto';
import { AUDIT_CASE } from '../auth/policies';
import { IdParamPipe } from '../http/id-param.pipe';
import { jsonSafe } from '../http/json-safe';
import { queryHeaders } from '../http/read-model-answer';
import { RequestValidationFailed } from '../problem/request-validation-failed';
import { ReplayWindowQueryDto } from './dto/replay-window.query';

const CaseId = new IdParamPipe('caseId');

/**
 * What an auditor asks of one case: its history replayed within a bitemporal window, the check of
 * its hash chain, and an evidence document. Read straight from the event store, never from a read model: evidence
 * must not depend on a projection being current or correct.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Refuses(STREAM_READ)
@Controller('cases')
export class CaseAuditController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':caseId/history')
  @Access(AUDIT_CASE)
  @ApiOperation({
    summary:
      'Replay: each step with actor, command, reason, legal basis and the state after it; the state as of a date, as known at a time',
    description: 'asKnownAt keeps events recorded at or before it; asOf then folds those effective on or before it.',
  })
  @ApiQueryAnswer(CaseHistoryResponseDto, 'The steps in revision order and the state they fold to')
  async history(
    @Param('caseId', CaseId) caseId: string,
    @Query() query: ReplayWindowQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const window = windowOf(query);
    return jsonSafe(replayCase(caseId, await this.caseEvents(caseId, reply), window));
  }

  @Get(':caseId/verify')
  @Access(AUDIT_CASE)
  @ApiOperation({
    summary: "Checks every hash link of the case's stream; names the first broken one",
    description:
      'hash = sha256(prevHash ‖ canonical JSON of the event without its hash), per stream (docs/architecture.md).',
  })
  @ApiQueryAnswer(ChainVerificationResponseDto, '`ok`, or the first broken link')
  async verify(@Param('caseId', CaseId) caseId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const { ok, events, brokenAt } = chainReport(streamNameOf('case', caseId), await this.caseEvents(caseId, reply));
    return { caseId, ok, events, ...(brokenAt ? { brokenAt } : {}) };
  }

  @Get(':caseId/evidence')
  @Access(AUDIT_CASE)
  @ApiOperation({
    summary:
      'Evidence document: events with full metadata, the hash-chain proof and rule, the verification and the as-of state (attachment)',
    description:
      'Read from the event store, never a read model: evidence must not depend on a projection being current.',
  })
  @ApiQueryAnswer(CaseEvidenceResponseDto, 'The evidence document, as an attachment', { attachment: true })
  async evidence(
    @Param('caseId', CaseId) caseId: string,
    @Query() query: ReplayWindowQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const window = windowOf(query);
    const document = caseEvidence(
      caseId,
      streamNameOf('case', caseId),
      await this.caseEvents(caseId, reply),
      window,
      new Date().toISOString(),
    );
    void reply.header('content-disposition', `attachment; filename="case-${caseId}-evidence.json"`);
    return jsonSafe(document);
  }

  /** The case's whole stream; the answer states the position of its last event and is not cached. */
  private async caseEvents(caseId: string, reply: FastifyReply): Promise<RecordedEvent[]> {
    const events = await readWholeStream(this.store, streamNameOf('case', caseId));
    if (!events.length) throw new DomainError('CASE_NOT_FOUND', `No case with id ${caseId}`, { id: caseId });
    queryHeaders(reply, events[events.length - 1].position);
    return events;
  }
}

/** The window, or a 400 naming the parameter that is not a date (asOf) or not a timestamp (asKnownAt). */
function windowOf(query: ReplayWindowQueryDto): ReplayWindow {
  try {
    return checkReplayWindow({ asOf: query.asOf, asKnownAt: query.asKnownAt });
  } catch (error) {
    if (error instanceof DomainError)
      throw new RequestValidationFailed([{ field: String(error.details?.param), messages: [error.message] }]);
    throw error;
  }
}
