import 'reflect-metadata';
import { AppModule } from '../app.module';
import { loadApiConfig } from '../config/api-config';
import { writeGeneratedDoc } from '../docs/generated-doc';
import { renderAuthorizationDoc } from './authorization-doc';
import { routesOf } from './route-table';

// `npm run docs:authz`: rewrites docs/authorization.md from the routes' @Access policies. The defaults of the
// configuration are enough: only the module tree is read, nothing is opened.
writeGeneratedDoc('docs/authorization.md', renderAuthorizationDoc(routesOf(AppModule.forRoot(loadApiConfig({})))));
