import { writeGeneratedDoc } from './generated-doc';
import { generateOpenApiDocument, OPENAPI_DOC, openApiText } from './openapi-document';

// `npm run docs:openapi`: rewrites docs/openapi.json, the document the API serves at /docs-json.
generateOpenApiDocument()
  .then((document) => writeGeneratedDoc(OPENAPI_DOC, openApiText(document)))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
