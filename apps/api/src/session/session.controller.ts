import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RESPONSE_HEADERS } from '../docs/answers';
import { Access } from '../auth/access-policy';
import { SessionResponseDto } from './session-responses.dto';
import { verifiedTokenOf } from '../auth/granted-access';
import { SIGNED_IN } from '../auth/policies';
import type { RouteAccess } from '../auth/route-table';
import { permittedOperations } from './permitted-operations';

/** Injection token of the app's route table (routesOf the app's controllers), built once at start. */
export const ROUTE_TABLE = Symbol('ROUTE_TABLE');

/**
 * Who the bearer is and what they may do: the console shows only the controls whose operation is listed,
 * computed from the same `@Access` policies the guard enforces, so the two cannot disagree.
 */
@ApiTags('session')
@ApiBearerAuth()
@Controller('session')
export class SessionController {
  constructor(@Inject(ROUTE_TABLE) private readonly routes: readonly RouteAccess[]) {}

  @Get()
  @Access(SIGNED_IN)
  @ApiOperation({
    summary:
      "The bearer's subject, roles, offices and token expiry, and every operation the access policies permit them",
    description:
      'Computed from the same access policies the guard enforces (docs/authorization.md); reads no store, so it states no log position.',
  })
  @ApiOkResponse({ type: SessionResponseDto, description: 'The session', headers: RESPONSE_HEADERS.noStore })
  session(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const token = verifiedTokenOf(request);
    if (token === undefined) throw new Error('The access guard verifies the token of every non-public route');
    void reply.header('cache-control', 'no-store');
    return {
      subject: token.subject,
      roles: token.roles,
      offices: token.offices,
      expiresAt: new Date(token.expiresAt * 1000).toISOString(),
      operations: permittedOperations(this.routes, token),
    };
  }
}
