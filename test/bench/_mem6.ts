import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCaseload, haiPhongScenario } from './caseload';
import { seedReportWorld } from './measure-report';
const mb = () => {
  const m = process.memoryUsage();
  return `rss ${Math.round(m.rss / 1048576)} heapTotal ${Math.round(m.heapTotal / 1048576)} used ${Math.round(m.heapUsed / 1048576)} peak ${Math.round(process.resourceUsage().maxRSS / 1024)}`;
};
async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'mem6-'));
  const s = haiPhongScenario();
  const c = buildCaseload(s, 'x');
  console.log('caseload', mb());
  const t0 = Date.now();
  const w = await seedReportWorld(dir, s, c);
  console.log('seeded', ((Date.now() - t0) / 1000).toFixed(1), mb());
  await w.close();
  console.log('closed', mb());
  rmSync(dir, { recursive: true, force: true });
}
void main();
