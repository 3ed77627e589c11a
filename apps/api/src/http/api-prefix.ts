import { RequestMethod } from '@nestjs/common';

/** Every route lives under this prefix (docs/architecture.md)… */
export const API_PREFIX = 'api/v1';
/** …except the probes and metrics, which orchestrators and scrapers reach at fixed paths. */
export const ROUTES_WITHOUT_PREFIX = [
  { path: 'health', method: RequestMethod.GET },
  { path: 'health/live', method: RequestMethod.GET },
  { path: 'health/ready', method: RequestMethod.GET },
  { path: 'metrics', method: RequestMethod.GET },
];
