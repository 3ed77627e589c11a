import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileCheckpoint, fileCheckpointSink } from './file-checkpoint';

describe('fileCheckpoint', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'feed-checkpoint-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads nothing before the first write, then the last id written, leaving no temporary file behind', () => {
    const checkpoint = fileCheckpoint(join(dir, 'feed.json'));
    expect(checkpoint.read()).toBeUndefined();
    checkpoint.write('41');
    checkpoint.write('42');
    expect(checkpoint.read()).toBe('42');
    expect(readdirSync(dir)).toEqual(['feed.json']);
    expect(readFileSync(join(dir, 'feed.json'), 'utf8')).toBe('{"lastEventId":"42"}\n');
    expect(statSync(join(dir, 'feed.json')).mode & 0o777).toBe(0o600);
  });

  it('refuses a damaged file instead of starting from 0, and refuses to write a non-id', () => {
    writeFileSync(join(dir, 'feed.json'), '{"lastEventId":');
    const checkpoint = fileCheckpoint(join(dir, 'feed.json'));
    expect(() => checkpoint.read()).toThrow(/is not a feed checkpoint/);
    expect(() => checkpoint.write('-1')).toThrow(/Not a change id/);
  });

  it('saves the id only after the handler succeeded', async () => {
    const path = join(dir, 'feed.json');
    const handled: string[] = [];
    const sink = fileCheckpointSink(path, (change) => {
      if (change.key === 'bad') throw new Error('handler failed');
      handled.push(change.id);
    });
    await sink.apply({ id: '3', projection: 'p', key: 'k', position: '9' });
    await expect(sink.apply({ id: '4', projection: 'p', key: 'bad', position: '10' })).rejects.toThrow(
      'handler failed',
    );
    expect(await sink.lastAppliedId()).toBe('3');
    expect(handled).toEqual(['3']);
  });
});
