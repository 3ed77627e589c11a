import { join } from 'node:path';
import { renderConfigurationTable, TABLE_END, TABLE_START } from './configuration-doc';

export const CONFIGURATION_DOC = 'docs/configuration.md';
export const ENV_EXAMPLE = 'docker/.env.example';

/** The document with its generated table replaced by the current one, formatted as `npm run format` would. */
export async function configurationDocWithTable(document: string): Promise<string> {
  const start = document.indexOf(TABLE_START);
  const end = document.indexOf(TABLE_END);
  if (start < 0 || end < start)
    throw new Error(`${CONFIGURATION_DOC} has lost its markers ${TABLE_START} … ${TABLE_END}`);
  const updated = document.slice(0, start) + renderConfigurationTable() + document.slice(end + TABLE_END.length);
  // Loaded here only: Prettier imports itself dynamically, which jest cannot do (the spec compares cells instead).
  const prettier = await import('prettier');
  const options = await prettier.resolveConfig(join(__dirname, '../../..', CONFIGURATION_DOC));
  return prettier.format(updated, { ...options, parser: 'markdown' });
}

/**
 * The generated part of a document, cell by cell: what Prettier changes (column padding, separator dashes) is
 * dropped, so a test can compare the document with a fresh rendering without running Prettier.
 */
export function generatedCells(document: string): string[] {
  const start = document.indexOf(TABLE_START);
  const end = document.indexOf(TABLE_END);
  if (start < 0 || end < start) return [];
  return document
    .slice(start, end)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^\|[\s|:-]+\|$/.test(line))
    .map((line) =>
      line.startsWith('|')
        ? line
            .split('|')
            .map((cell) => cell.trim())
            .join('|')
        : line,
    );
}
