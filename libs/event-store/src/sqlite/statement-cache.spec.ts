import Database from 'better-sqlite3';
import { LONGEST_CACHED_SQL, withStatementCache } from './statement-cache';

describe('withStatementCache', () => {
  let database: Database.Database;
  beforeEach(() => {
    database = new Database(':memory:');
    database.exec('CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3)');
  });
  afterEach(() => database.close());

  it('prepares each SQL text once and hands the same statement back', () => {
    const cached = withStatementCache(database);
    const first = cached.prepare('SELECT n FROM t ORDER BY n');
    expect(cached.prepare('SELECT n FROM t ORDER BY n')).toBe(first);
    expect(cached.prepare('SELECT n FROM t WHERE n > 1')).not.toBe(first);
  });

  it('prepares a fresh statement while the cached one is still being iterated', () => {
    const cached = withStatementCache(database);
    const sql = 'SELECT n FROM t ORDER BY n';
    const iterator = (cached.prepare(sql) as Database.Statement).iterate();
    iterator.next();
    const second = cached.prepare(sql) as Database.Statement;
    expect(second.all()).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    iterator.return?.();
  });

  it('keeps working after the schema changes under a cached statement', () => {
    const cached = withStatementCache(database);
    const select = cached.prepare('SELECT * FROM t ORDER BY n') as Database.Statement;
    expect(select.all()).toHaveLength(3);
    database.exec('ALTER TABLE t ADD COLUMN label TEXT');
    expect((cached.prepare('SELECT * FROM t ORDER BY n') as Database.Statement).all()[0]).toEqual({
      n: 1,
      label: null,
    });
  });

  it('prepares a long text (a multi-row insert) each time instead of keeping it', () => {
    const cached = withStatementCache(database);
    const rows = Math.ceil(LONGEST_CACHED_SQL / 5);
    const sql = `INSERT INTO t (n) VALUES ${Array.from({ length: rows }, () => '(?)').join(', ')}`;
    expect(sql.length).toBeGreaterThan(LONGEST_CACHED_SQL);
    const first = cached.prepare(sql) as Database.Statement;
    expect(cached.prepare(sql)).not.toBe(first);
    first.run(...Array.from({ length: rows }, (_, index) => index));
    expect(database.prepare('SELECT count(*) AS c FROM t').get()).toEqual({ c: 3 + rows });
  });
});
