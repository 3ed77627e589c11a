import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderErrorCatalogue } from './error-catalogue';

// `npm run docs:errors`: rewrites docs/errors.md from the code tables.
writeFileSync(join(__dirname, '../../../../docs/errors.md'), renderErrorCatalogue());
