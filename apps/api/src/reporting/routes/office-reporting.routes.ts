import { HEAD_OF_OFFICE_OR_PARENT, HEAD_OF_PARENT_OFFICE } from '../../auth/policies';
import { dated } from '../../http/command-response';
import { vietnamToday } from '@thads/application';
import { commandRoute, type CommandRoute } from '../../http/routes';
import { ClosePeriodDto, SetTargetDto } from '../dto/reporting.dtos';

/** The statistics commands about one office named in the path (docs/authorization.md). */
export const OFFICE_REPORTING_ROUTES: readonly CommandRoute[] = [
  commandRoute({
    handler: 'setTarget',
    path: ':officeId/targets',
    command: 'SetTarget',
    body: SetTargetDto,
    policy: HEAD_OF_PARENT_OFFICE,
    summary: 'SetTarget: completion-rate targets of a reporting year, by cases and by money',
    description:
      "Set by the head of the office above (a superior assigns targets); a branch without its own is measured against its nearest superior's.",
    data: (body: SetTargetDto, officeId) => Object.assign({}, dated(body, vietnamToday()), { officeId }),
  }),
  commandRoute({
    handler: 'closePeriod',
    path: ':officeId/close-period',
    command: 'ClosePeriod',
    body: ClosePeriodDto,
    policy: HEAD_OF_OFFICE_OR_PARENT,
    summary: 'ClosePeriod: freeze the office’s figures for a month-end period (TTLT 12/2021 Art. 10)',
    description:
      "By the office's head or its parent's: the figures are frozen; a later correction lands as an adjustment of the next period of the same year, never as a rewrite.",
    data: (body: ClosePeriodDto, officeId) => Object.assign({}, dated(body, vietnamToday()), { officeId }),
  }),
];
