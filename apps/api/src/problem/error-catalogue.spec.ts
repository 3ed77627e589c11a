import { committedDoc, formattedDoc } from '../docs/generated-doc';
import { renderErrorCatalogue } from './error-catalogue';

describe('docs/errors.md', () => {
  it('lists every error code with its HTTP status (regenerate with `npm run docs:errors`)', () => {
    expect(committedDoc('docs/errors.md')).toBe(formattedDoc('docs/errors.md', renderErrorCatalogue()));
  });
});
