/**
 * M1 and M8 alone with their baselines, interleaved: a quick loop for work on the store's append path
 * (`node -r ts-node/register/transpile-only -r tsconfig-paths/register test/bench/store-only.ts [rounds] [m1|m8]`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { b0SingleRow, b1 } from './baselines';
import { m1SqliteAppends, m8PostgresAppends } from './measure-store';
import { median } from './stats';

const POSTGRES_URL = process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 3);
  const only = process.argv[3];
  const dir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'store-only-'));
  const ratios: Record<string, number[]> = { m1: [], m8: [] };
  try {
    for (let round = 1; round <= rounds; round++) {
      if (only !== 'm8') {
        const b0 = b0SingleRow(dir, 2000);
        const m1 = await m1SqliteAppends(dir, 3000);
        ratios.m1.push(m1 / b0);
        console.log(
          `round ${round}: B0 ${b0.toFixed(0)} rows/s, M1 ${m1.toFixed(0)} appends/s, ${(m1 / b0).toFixed(2)}x`,
        );
      }
      if (only !== 'm1') {
        const base = await b1(POSTGRES_URL, 16, 3000);
        const m8 = await m8PostgresAppends(POSTGRES_URL, 3000);
        ratios.m8.push(m8 / base);
        console.log(
          `round ${round}: B1 ${base.toFixed(0)} rows/s, M8 ${m8.toFixed(0)} appends/s, ${(m8 / base).toFixed(2)}x`,
        );
      }
    }
    for (const [name, values] of Object.entries(ratios))
      if (values.length > 0) console.log(`${name} median ratio ${median(values).toFixed(2)}x`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
