import type { RouteAccess } from '../auth/route-table';
import { permittedOperations } from './permitted-operations';

const route = (handler: string, policy: RouteAccess['policy'], method = 'GET'): RouteAccess => ({
  method,
  path: `/api/v1/${handler}`,
  controller: 'TestController',
  handler,
  policy,
  refusals: {},
});

const ROUTES: RouteAccess[] = [
  route('health', { public: true }),
  route('settle', { roles: ['officer', 'head'], office: 'case-in-path' }, 'POST'),
  route('completion', { roles: ['head', 'auditor', 'reporting', 'admin'], office: 'office-in-query' }),
  route('correctRecordedFact', { roles: ['admin'] }, 'POST'),
  route('forgotten', undefined),
];

describe('permittedOperations', () => {
  it('lists what the guard would allow, with the roles held and the offices they are bound to', () => {
    expect(permittedOperations(ROUTES, { roles: ['officer'], offices: ['HP-NGO-QUYEN'] })).toEqual([
      { operation: 'settle', method: 'POST', path: '/api/v1/settle', roles: ['officer'], offices: ['HP-NGO-QUYEN'] },
    ]);
    expect(
      permittedOperations(ROUTES, { roles: ['head', 'auditor'], offices: ['HP'] }).map((op) => [
        op.operation,
        op.offices,
      ]),
    ).toEqual([
      ['completion', 'any'],
      ['settle', ['HP']],
    ]);
  });

  it('never lists public routes, routes without a policy, or office-bound routes for a token without offices', () => {
    expect(permittedOperations(ROUTES, { roles: ['officer', 'head'], offices: [] })).toEqual([]);
    expect(permittedOperations(ROUTES, { roles: ['admin'], offices: [] }).map((op) => op.operation)).toEqual([
      'completion',
      'correctRecordedFact',
    ]);
  });
});
