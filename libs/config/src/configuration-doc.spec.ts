import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderConfigurationTable, renderEnvExample } from './configuration-doc';
import { CONFIGURATION_DOC, ENV_EXAMPLE, generatedCells } from './configuration-files';
import { registeredSettings } from './setting';

const ROOT = join(__dirname, '../../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('generated configuration documents', () => {
  it(`${CONFIGURATION_DOC} shows the schema as it is (run npm run docs:config after changing it)`, () => {
    const cells = generatedCells(read(CONFIGURATION_DOC));
    expect(cells.length).toBeGreaterThan(registeredSettings().length);
    expect(cells).toEqual(generatedCells(renderConfigurationTable()));
  });

  it(`${ENV_EXAMPLE} lists every variable (run npm run docs:config after changing the schema)`, () => {
    const onDisk = read(ENV_EXAMPLE);
    expect(onDisk).toBe(renderEnvExample());
    for (const { name } of registeredSettings()) expect(onDisk).toContain(`#${name}=`);
  });
});
