import { Body, HttpCode, Param, Post, Res, type PipeTransform, type Type } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { type CommandContext, vietnamToday } from '@thads/application';
import type { FastifyReply } from 'fastify';
import { Access, type RolePolicy } from '../auth/access-policy';
import { ApiCommandAnswer } from '../docs/answers';
import type { CommandResponse } from './command-response';
import { dated } from './command-response';
import { RequestCommandContext } from './request-context';

/**
 * One command of a resource as a row: its route, the command it sends, the DTO its body is validated against, who
 * may send it and what the OpenAPI document says of it. A controller lists its rows and `addCommandRoutes` turns
 * each into a Nest route, so a new command is one row.
 */
export interface CommandRoute<Body extends object = object> {
  /** The handler's name: the operation GET /session lists and the console keys its controls on. */
  readonly handler: string;
  /** The path under the controller's, e.g. `:caseId/settle`; a row about the whole resource (`merge`) names no id. */
  readonly path: string;
  /** The command's `type`, e.g. `Settle`. */
  readonly command: string;
  readonly body: Type<Body>;
  readonly policy: RolePolicy;
  readonly summary: string;
  /** The rule or legal basis the command applies. */
  readonly description?: string;
  /**
   * The command's data from the validated body and the id in the path; by default the body, dated today when it names
   * no effective date.
   */
  readonly data?: (body: Body, id: string) => object;
}

/** A row with its body type checked against its `data` function. */
export function commandRoute<Body extends object>(route: CommandRoute<Body>): CommandRoute {
  return route as unknown as CommandRoute;
}

/** What a controller of command rows provides: sending one command about the resource named in the path. */
export interface SendsCommands {
  send(
    /** The id in the path; undefined on a row whose path names none. */
    id: string | undefined,
    command: { type: string; data: object },
    context: CommandContext,
    reply: FastifyReply,
  ): Promise<CommandResponse>;
}

/**
 * Adds one route handler per row to a controller class, decorated exactly as a hand-written handler would be:
 * `@Post(path) @HttpCode(200) @Access(policy)`, its OpenAPI operation and command answer, and the parameters
 * `(@Param(idParam, idPipe) id, @Body() body: row.body, @RequestCommandContext() context, @Res() reply)`.
 * The body's class is recorded as the parameter's design type, which is what the ValidationPipe and the OpenAPI
 * document read.
 */
export function addCommandRoutes(
  controller: Type<SendsCommands>,
  idParam: string,
  idPipe: PipeTransform,
  routes: readonly CommandRoute[],
): void {
  const prototype = controller.prototype as Record<string, unknown>;
  for (const route of routes) {
    if (route.handler in prototype) throw new Error(`${controller.name} already has a handler ${route.handler}`);
    const toData = route.data ?? ((body: object) => dated(body, vietnamToday()));
    const handler = function (
      this: SendsCommands,
      id: string | undefined,
      body: object,
      context: CommandContext,
      reply: FastifyReply,
    ): Promise<CommandResponse> {
      return this.send(id, { type: route.command, data: toData(body, id as string) }, context, reply);
    };
    Object.defineProperty(handler, 'name', { value: route.handler });
    Object.defineProperty(prototype, route.handler, { value: handler, writable: true, configurable: true });
    Reflect.defineMetadata('design:paramtypes', [String, route.body, Object, Object], prototype, route.handler);
    // Without a `:id` in its path the first argument has no decorator, and Nest passes undefined.
    if (route.path.split('/').includes(`:${idParam}`)) Param(idParam, idPipe)(prototype, route.handler, 0);
    Body()(prototype, route.handler, 1);
    RequestCommandContext()(prototype, route.handler, 2);
    Res({ passthrough: true })(prototype, route.handler, 3);
    const descriptor = Object.getOwnPropertyDescriptor(prototype, route.handler)!;
    for (const decorate of [
      ApiCommandAnswer(),
      ApiOperation({ summary: route.summary, ...(route.description ? { description: route.description } : {}) }),
      Access(route.policy),
      HttpCode(200),
      Post(route.path),
    ])
      decorate(prototype, route.handler, descriptor);
  }
}
