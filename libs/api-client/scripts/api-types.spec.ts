import { committedApiTypes, GENERATED_TYPES, generateApiTypes, OPENAPI_DOCUMENT } from './api-types';

describe(GENERATED_TYPES, () => {
  it(`is what ${OPENAPI_DOCUMENT} generates`, () => {
    // toBe would print a 3,000-line diff; the message says what to do.
    if (committedApiTypes() !== generateApiTypes())
      throw new Error(`${GENERATED_TYPES} differs from the types ${OPENAPI_DOCUMENT} generates: run npm run api:types`);
  });
});
