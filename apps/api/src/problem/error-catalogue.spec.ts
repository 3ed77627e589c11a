import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderErrorCatalogue } from './error-catalogue';

describe('docs/errors.md', () => {
  it('lists every error code with its HTTP status (regenerate with `npm run docs:errors`)', () => {
    const onDisk = readFileSync(join(__dirname, '../../../../docs/errors.md'), 'utf8');
    expect(onDisk).toBe(renderErrorCatalogue());
  });
});
