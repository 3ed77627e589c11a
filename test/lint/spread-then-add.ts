/**
 * Finds object literals that open with a spread and then set a key the spread may not have: `{ ...base, extra }`.
 * On Node 20 (V8 11.3) such a literal costs about 0.6 µs per added key and the object outlives the young-generation
 * collection it should die in; `Object.assign({}, base, { extra })` and a literal that opens with its own keys do
 * not (docs/performance.md, change 50). A literal that only replaces keys its spread already has (`{ ...state,
 * status }`) is fast and is not reported, nor is a literal under a `spread-then-add: replaces keys only (why)` comment,
 * for keys the type cannot show to be present. ESLint here runs without type information, so the check is this script.
 */
import ts from 'typescript';

export interface SpreadSite {
  /** `path:line`, the path relative to the program's root. */
  readonly at: string;
  /** The keys (or `...spread`, `[computed]`) the literal may add to its opening spread. */
  readonly adds: readonly string[];
}

export function spreadsThatAddKeys(
  program: ts.Program,
  inScope: (fileName: string) => boolean,
  relative: (fileName: string) => string,
): SpreadSite[] {
  const checker = program.getTypeChecker();
  const sites: SpreadSite[] = [];
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || !inScope(file.fileName)) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isObjectLiteralExpression(node) && !markedReplacesOnly(node, file)) {
        const adds = keysAdded(checker, node, file);
        if (adds.length > 0) {
          const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
          sites.push({ at: `${relative(file.fileName)}:${line}`, adds });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return sites;
}

const REPLACES_ONLY = 'spread-then-add: replaces keys only';

/** Whether the literal's line, or the line above it, says its keys are all present already. */
function markedReplacesOnly(literal: ts.ObjectLiteralExpression, file: ts.SourceFile): boolean {
  const line = file.getLineAndCharacterOfPosition(literal.getStart(file)).line;
  const lines = file.getLineStarts();
  const from = lines[Math.max(0, line - 1)];
  const to = lines[line + 1] ?? file.text.length;
  return file.text.slice(from, to).includes(REPLACES_ONLY);
}

function keysAdded(checker: ts.TypeChecker, literal: ts.ObjectLiteralExpression, file: ts.SourceFile): string[] {
  const [first, ...rest] = literal.properties;
  if (first === undefined || !ts.isSpreadAssignment(first) || rest.length === 0) return [];
  const opening = constituents(checker.getTypeAtLocation(first.expression));
  const hasRequired = (key: string) =>
    opening.every((type) => {
      const property = type.getProperty(key);
      return property !== undefined && (property.flags & ts.SymbolFlags.Optional) === 0;
    });
  const adds: string[] = [];
  for (const property of rest) {
    if (ts.isSpreadAssignment(property)) {
      const spread = constituents(checker.getTypeAtLocation(property.expression));
      const keys = spread.flatMap((type) => type.getProperties().map((symbol) => symbol.name));
      const indexed = spread.some((type) => type.getStringIndexType() !== undefined);
      if (indexed || !keys.every(hasRequired)) adds.push(`...${property.expression.getText(file)}`);
    } else if (property.name === undefined || ts.isComputedPropertyName(property.name)) {
      adds.push(property.name?.getText(file) ?? '(unnamed)');
    } else {
      const key = ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : '';
      if (!hasRequired(key)) adds.push(key || property.name.getText(file));
    }
  }
  return adds;
}

/** The members of a union (`A | B`), or the type itself; `undefined` and `null` spread nothing. */
function constituents(type: ts.Type): ts.Type[] {
  const all = type.isUnion() ? type.types : [type];
  return all.filter((member) => (member.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) === 0);
}
