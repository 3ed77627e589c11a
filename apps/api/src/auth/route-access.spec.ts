import 'reflect-metadata';
import { Controller, Get, Module, Post } from '@nestjs/common';
import { AppModule } from '../app.module';
import { loadApiConfig } from '../config/api-config';
import { Access } from './access-policy';
import { routesOf } from './route-table';

describe('deny by default: every route declares an access policy', () => {
  const routes = routesOf(AppModule.forRoot(loadApiConfig({})));

  it('finds the routes of every controller of the app, with their full paths', () => {
    const paths = routes.map((route) => `${route.method} ${route.path}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'POST /api/v1/cases',
        'POST /api/v1/cases/:caseId/settle',
        'GET /api/v1/audit',
        'GET /health',
      ]),
    );
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('has no route without @Access', () => {
    const missing = routes
      .filter((route) => route.policy === undefined)
      .map((route) => `${route.method} ${route.path} (${route.controller}.${route.handler})`);
    expect(missing).toEqual([]);
  });

  it('keeps public access to the health probes and /metrics (which checks its own token) only', () => {
    expect(
      routes
        .filter((route) => route.policy?.public)
        .map((route) => route.path)
        .sort(),
    ).toEqual(['/health', '/health/live', '/health/ready', '/metrics']);
  });

  it('notices a route that forgot its policy', () => {
    @Controller('forgetful')
    class ForgetfulController {
      @Get() @Access({ roles: ['auditor'] }) fine() {}
      @Post('oops') oops() {}
    }
    @Module({ controllers: [ForgetfulController] })
    class ForgetfulModule {}
    expect(
      routesOf(ForgetfulModule)
        .filter((route) => !route.policy)
        .map((route) => route.path),
    ).toEqual(['/api/v1/forgetful/oops']);
  });

  it('refuses a policy that lets officers or heads act without saying where their office comes from', () => {
    expect(() => Access({ roles: ['officer'] })).toThrow(/must say where the office comes from/);
    expect(() => Access({ roles: ['auditor'], office: 'case-in-path' })).toThrow(/only applies to officers and heads/);
    expect(() => Access({ roles: [] })).toThrow(/at least one role/);
  });
});
