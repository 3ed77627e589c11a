import { writeGeneratedDoc } from '../docs/generated-doc';
import { renderErrorCatalogue } from './error-catalogue';

// `npm run docs:errors`: rewrites docs/errors.md from the code tables.
writeGeneratedDoc('docs/errors.md', renderErrorCatalogue());
