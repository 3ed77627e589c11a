import 'reflect-metadata';
import { AppModule } from '../app.module';
import { loadApiConfig } from '../config/api-config';
import { committedDoc, formattedDoc } from '../docs/generated-doc';
import { renderAuthorizationDoc } from './authorization-doc';
import { routesOf } from './route-table';

describe('docs/authorization.md', () => {
  it('holds the role × route table of the current policies (regenerate with `npm run docs:authz`)', () => {
    const rendered = renderAuthorizationDoc(routesOf(AppModule.forRoot(loadApiConfig({}))));
    expect(committedDoc('docs/authorization.md')).toBe(formattedDoc('docs/authorization.md', rendered));
  });
});
