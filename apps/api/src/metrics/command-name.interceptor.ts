import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { markCommand } from './http-metrics';

/** Names each POST request after its handler (receiveCase, seizeAsset, …) for the command latency histogram. */
@Injectable()
export class CommandNameInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.method === 'POST') markCommand(request, context.getHandler().name);
    return next.handle();
  }
}
