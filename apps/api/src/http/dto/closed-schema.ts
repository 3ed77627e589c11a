/**
 * Response DTOs whose every field is declared: their schemas get `additionalProperties: false` in the OpenAPI document
 * (openapi-document.ts), so a field the code answers with but the document does not name fails the contract check.
 */
const closedSchemaNames = new Set<string>();

/** Marks a response DTO as complete: the document closes its schema to undeclared fields. */
export function Closed(): ClassDecorator {
  return (target) => {
    closedSchemaNames.add(target.name);
  };
}

/** The names of the DTO schemas declared complete with `@Closed()`. */
export function closedSchemas(): ReadonlySet<string> {
  return closedSchemaNames;
}
