import { type DynamicModule, RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { API_PREFIX, ROUTES_WITHOUT_PREFIX } from '../http/api-prefix';
import { refusalsOf, type RefusalTable } from '../problem/refusals';
import { accessPolicyOf, type AccessPolicy } from './access-policy';

/** One HTTP route as Nest will map it, with the access policy its handler declares (if any). */
export interface RouteAccess {
  readonly method: string;
  /** The full path with Nest's `:param` placeholders, e.g. `/api/v1/cases/:caseId/settle`. */
  readonly path: string;
  readonly controller: string;
  readonly handler: string;
  readonly policy: AccessPolicy | undefined;
  /** The codes the handler or its controller declares beyond those of every route of its kind (`@Refuses`). */
  readonly refusals: RefusalTable;
}

type ModuleReference = DynamicModule | Type | Promise<DynamicModule> | { forwardRef: () => unknown };

/**
 * Every route of a module tree, read from the metadata Nest itself maps routes from (`@Controller`, `@Get`, `@Post`…),
 * without starting anything: the deny-by-default test and docs/authorization.md are built from it.
 */
export function routesOf(root: DynamicModule | Type): RouteAccess[] {
  return routesOfControllers(controllersOf(root));
}

/** Every route of these controllers, as routesOf reads them. */
export function routesOfControllers(controllers: readonly Type[]): RouteAccess[] {
  return controllers.flatMap(routesOfController);
}

/** The controller classes a module tree declares, each once. */
export function controllersOf(root: DynamicModule | Type): Type[] {
  const found = new Set<Type>();
  const seen = new Set<unknown>();
  const visit = (reference: ModuleReference): void => {
    // Async and forward-referenced imports cannot be read statically; this app has none, and routesOf says so if it does.
    if (reference instanceof Promise || 'forwardRef' in reference)
      throw new Error('routesOf cannot read async or forwardRef imports');
    if (seen.has(reference)) return;
    seen.add(reference);
    const moduleClass = 'module' in reference ? reference.module : reference;
    const dynamic = 'module' in reference ? reference : undefined;
    const controllers: Type[] = [
      ...(Reflect.getMetadata('controllers', moduleClass) ?? []),
      ...(dynamic?.controllers ?? []),
    ];
    controllers.forEach((controller) => found.add(controller));
    const imports: ModuleReference[] = [
      ...(Reflect.getMetadata('imports', moduleClass) ?? []),
      ...((dynamic?.imports ?? []) as ModuleReference[]),
    ];
    imports.forEach(visit);
  };
  visit(root);
  return [...found];
}

function routesOfController(controller: Type): RouteAccess[] {
  const base = pathsOf(Reflect.getMetadata(PATH_METADATA, controller));
  const prototype = controller.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototype)
    .filter(
      (name) =>
        name !== 'constructor' &&
        typeof prototype[name] === 'function' &&
        Reflect.hasMetadata(PATH_METADATA, prototype[name] as object),
    )
    .flatMap((name) => {
      const handler = prototype[name] as object;
      const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
      return base.flatMap((controllerPath) =>
        pathsOf(Reflect.getMetadata(PATH_METADATA, handler)).map((handlerPath) => ({
          method: RequestMethod[requestMethod],
          path: fullPath(controllerPath, handlerPath, requestMethod),
          controller: controller.name,
          handler: name,
          policy: accessPolicyOf(handler),
          refusals: refusalsOf(controller, handler),
        })),
      );
    });
}

function pathsOf(metadata: string | string[] | undefined): string[] {
  return metadata === undefined ? [''] : Array.isArray(metadata) ? metadata : [metadata];
}

function fullPath(controllerPath: string, handlerPath: string, method: RequestMethod): string {
  const local = [controllerPath, handlerPath]
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/');
  const unprefixed = ROUTES_WITHOUT_PREFIX.some((route) => route.path === local && route.method === method);
  return `/${unprefixed ? local : [API_PREFIX, local].filter(Boolean).join('/')}`;
}
