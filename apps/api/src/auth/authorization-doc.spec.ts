import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from '../app.module';
import { loadApiConfig } from '../config/api-config';
import { renderAuthorizationDoc } from './authorization-doc';
import { routesOf } from './route-table';

describe('docs/authorization.md', () => {
  it('holds the role × route table of the current policies (regenerate with `npm run docs:authz`)', () => {
    const onDisk = readFileSync(join(__dirname, '../../../../docs/authorization.md'), 'utf8');
    expect(onDisk).toBe(renderAuthorizationDoc(routesOf(AppModule.forRoot(loadApiConfig({})))));
  });
});
