import { RequestMethod } from '@nestjs/common';

/** Every route lives under this prefix (DESIGN.md §8)… */
export const API_PREFIX = 'api/v1';
/** …except liveness, which load balancers probe at a fixed path. */
export const ROUTES_WITHOUT_PREFIX = [{ path: 'health', method: RequestMethod.GET }];
