import { committedDoc, formattedDoc } from './generated-doc';
import { generateOpenApiDocument, OPENAPI_DOC, openApiText } from './openapi-document';

describe('docs/openapi.json', () => {
  it('is the document the API serves at /docs-json', async () => {
    const generated = formattedDoc(OPENAPI_DOC, openApiText(await generateOpenApiDocument()));
    // toBe would print a 100 kB diff; the message says what to do.
    if (committedDoc(OPENAPI_DOC) !== generated)
      throw new Error(`${OPENAPI_DOC} differs from the generated document: run npm run docs:openapi`);
  });
});
