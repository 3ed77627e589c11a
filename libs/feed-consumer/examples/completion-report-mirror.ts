/**
 * Example: a reporting service that keeps its own PostgreSQL copy of the completion report, fed by the change feed.
 * docs/feed-consumer.md explains it; test/e2e/feed-consumer runs this very file as a child process, kills it with
 * SIGKILL in the middle of the stream and checks the table against the API's report.
 *
 *   MIRROR_DATABASE_URL=postgres://reporting@db/reporting MIRROR_SCHEMA=thads_mirror \
 *   THADS_API_URL=https://thads.example.vn THADS_API_TOKEN=<reporting JWT> \
 *   REPORT_PERIODS=2018-03,2018-04 REPORT_OFFICE=HP \
 *   npx ts-node --transpile-only -r tsconfig-paths/register libs/feed-consumer/examples/completion-report-mirror.ts
 *
 * Exactly once: each completion_stats change is applied in one transaction that records its change id (primary key:
 * a second application would fail and roll back), replaces the mirrored rows and moves the checkpoint. The consumer
 * resumes after that checkpoint, so a crash at any instant loses nothing and repeats nothing.
 */
import { Pool, type PoolClient } from 'pg';
import { createApiClient } from '@thads/api-client';
import { followFeed, type FeedChange, type FeedSink } from '@thads/feed-consumer';
import { fetchCompletionReport, type CompletionReport, type ReportRow } from './completion-report';

const FEED = 'completion_stats';

export interface MirrorSettings {
  readonly databaseUrl: string;
  /** A schema of the reporting service's own. */
  readonly schema: string;
  /** The API's root, e.g. `https://thads.example.vn`. */
  readonly apiUrl: string;
  readonly token: string;
  /** The report periods (`YYYY-MM`) to keep. */
  readonly periods: readonly string[];
  /** The office whose report to keep; undefined for the whole country. */
  readonly office?: string;
}

/** Creates the mirror's tables if they are missing. */
export async function createMirrorTables(pool: Pool, schema: string): Promise<void> {
  const s = quoted(schema);
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
  await pool.query(`CREATE TABLE IF NOT EXISTS ${s}.feed_checkpoint (
    feed text PRIMARY KEY, last_change_id bigint NOT NULL)`);
  await pool.query(`CREATE TABLE IF NOT EXISTS ${s}.applied_change (
    change_id bigint PRIMARY KEY, key text NOT NULL, position bigint NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now())`);
  await pool.query(`CREATE TABLE IF NOT EXISTS ${s}.completion_report_row (
    period text NOT NULL,
    report_office text NOT NULL,            -- '' for the whole country
    line text NOT NULL,                     -- 'office', 'child:<office id>' or 'roll-up'
    office_id text, name text, scope text NOT NULL, closed boolean NOT NULL,
    cases_enforceable numeric NOT NULL, cases_completed numeric NOT NULL, cases_rate numeric,
    money_enforceable numeric NOT NULL, money_completed numeric NOT NULL, money_rate numeric,
    report_position bigint NOT NULL,
    row jsonb NOT NULL,                     -- the API's row as it came, every figure included
    PRIMARY KEY (period, report_office, line))`);
}

/** The sink: the checkpoint lives in the mirror's own database, written in the transaction of each change. */
export function mirrorSink(pool: Pool, settings: MirrorSettings): FeedSink {
  const s = quoted(settings.schema);
  // A read waits out up to a minute of 503 READ_MODEL_BEHIND (Retry-After) before the change fails.
  const api = createApiClient({ baseUrl: settings.apiUrl, token: settings.token, retryAttempts: 60 });
  return {
    async lastAppliedId() {
      const { rows } = await pool.query<{ id: string }>(
        `SELECT last_change_id::text AS id FROM ${s}.feed_checkpoint WHERE feed = $1`,
        [FEED],
      );
      return rows[0]?.id;
    },
    async apply(change: FeedChange) {
      // Read first (it may wait for the read model to reach the change's position), then write in one transaction.
      const reports = [];
      for (const period of settings.periods)
        reports.push(
          await fetchCompletionReport(api, { period, office: settings.office, minPosition: change.position }),
        );
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`INSERT INTO ${s}.applied_change (change_id, key, position) VALUES ($1, $2, $3)`, [
          change.id,
          change.key,
          change.position,
        ]);
        for (const report of reports) await replaceReport(client, s, settings.office ?? '', report);
        await client.query(
          `INSERT INTO ${s}.feed_checkpoint (feed, last_change_id) VALUES ($1, $2)
           ON CONFLICT (feed) DO UPDATE SET last_change_id = excluded.last_change_id`,
          [FEED, change.id],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

/** The lines of one report, keyed as the table keys them. */
export function reportLines(report: CompletionReport): { line: string; row: ReportRow }[] {
  return [
    ...(report.office ? [{ line: 'office', row: report.office }] : []),
    ...report.children.map((row) => ({ line: `child:${row.officeId ?? ''}`, row })),
    { line: 'roll-up', row: report.rollUp },
  ];
}

async function replaceReport(client: PoolClient, s: string, office: string, report: CompletionReport): Promise<void> {
  await client.query(`DELETE FROM ${s}.completion_report_row WHERE period = $1 AND report_office = $2`, [
    report.period,
    office,
  ]);
  for (const { line, row } of reportLines(report)) {
    await client.query(
      `INSERT INTO ${s}.completion_report_row (period, report_office, line, office_id, name, scope, closed,
         cases_enforceable, cases_completed, cases_rate, money_enforceable, money_completed, money_rate,
         report_position, row)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        report.period,
        office,
        line,
        row.officeId,
        row.name,
        row.scope,
        row.closed,
        row.cases.enforceable,
        row.cases.completed,
        row.cases.completionRate,
        row.money.enforceable,
        row.money.completed,
        row.money.completionRate,
        report.position,
        JSON.stringify(row),
      ],
    );
  }
}

function quoted(identifier: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(identifier)) throw new Error(`Not a plain schema name: ${identifier}`);
  return `"${identifier}"`;
}

/** Runs the mirror until SIGINT or SIGTERM. */
export async function runMirror(settings: MirrorSettings, signal: AbortSignal): Promise<void> {
  const pool = new Pool({ connectionString: settings.databaseUrl, max: 2 });
  try {
    await createMirrorTables(pool, settings.schema);
    await followFeed({
      baseUrl: settings.apiUrl,
      token: settings.token,
      projection: FEED,
      sink: mirrorSink(pool, settings),
      signal,
      onEvent: (event) => {
        if (event.type === 'applied') console.log(`applied change ${event.change.id}`);
        else if (event.type === 'connected') console.error(`connected, resuming after change ${event.afterId}`);
        else if (event.type === 'waiting')
          console.error(`waiting ${event.ms} ms (${event.why}${event.status ? `, ${event.status}` : ''})`);
        else if (event.type === 'disconnected') console.error(`disconnected: ${event.reason}`);
      },
    });
  } finally {
    await pool.end();
  }
}

if (require.main === module) {
  const env = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
  };
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  process.once('SIGTERM', () => stop.abort());
  runMirror(
    {
      databaseUrl: env('MIRROR_DATABASE_URL'),
      schema: process.env.MIRROR_SCHEMA ?? 'thads_mirror',
      apiUrl: env('THADS_API_URL'),
      token: env('THADS_API_TOKEN'),
      periods: env('REPORT_PERIODS').split(','),
      office: process.env.REPORT_OFFICE || undefined,
    },
    stop.signal,
  ).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
