import { STRUCTURE_CHANGE } from '../../auth/policies';
import { commandRoute, type CommandRoute } from '../../http/routes';
import { MergeOfficesDto, RenameOfficeDto, SplitOfficeDto } from '../office-registry.dtos';

/**
 * Changes of the office structure, each with its effective date and legal act (docs/domain.md "Offices and
 * succession"); never dated today, the act names its date.
 */
export const OFFICE_REGISTRY_ROUTES: readonly CommandRoute[] = [
  commandRoute({
    handler: 'merge',
    path: 'merge',
    command: 'MergeOffices',
    body: MergeOfficesDto,
    policy: STRUCTURE_CHANGE,
    summary: 'MergeOffices: offices pass their open cases to a successor from the effective date',
    description:
      "Admins only, carrying out the Ministry's act: from the effective date the successor acts on the predecessors' open cases and reports roll up under it (docs/domain.md, Offices and succession). Every office named must be registered by then.",
    data: (body: MergeOfficesDto) => body,
  }),
  commandRoute({
    handler: 'split',
    path: 'split',
    command: 'SplitOffice',
    body: SplitOfficeDto,
    policy: STRUCTURE_CHANGE,
    summary: 'SplitOffice: an office divided between successors; its open cases pass to one of them',
    description:
      "Admins only: the split office's open cases pass whole to the successor the act names, from the effective date.",
    data: (body: SplitOfficeDto) => body,
  }),
  commandRoute({
    handler: 'rename',
    path: ':officeId/rename',
    command: 'RenameOffice',
    body: RenameOfficeDto,
    policy: STRUCTURE_CHANGE,
    summary: 'RenameOffice: a new name from the effective date; id, cases and place stay',
    description: 'Admins only: reports name the office by the name in force on their date.',
    data: (body: RenameOfficeDto, officeId) => Object.assign({}, body, { officeId }),
  }),
];
