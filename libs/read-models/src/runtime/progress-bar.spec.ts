import { createProgressBar } from './progress-bar';

function output(isTTY: boolean) {
  const written: string[] = [];
  return { written, isTTY, write: (text: string) => written.push(text) };
}

describe('createProgressBar', () => {
  it('redraws one line on a terminal', () => {
    const tty = output(true);
    const bar = createProgressBar(tty, 'Rebuilding x');
    bar.update(5n, 20n);
    bar.done('done');
    expect(tty.written[0]).toBe(`\rRebuilding x [########----------------------]  25% 5/20`);
    expect(tty.written[1]).toBe('\r\x1b[KRebuilding x done\n');
  });

  it('prints a line per tenth elsewhere, so CI logs stay short', () => {
    const log = output(false);
    const bar = createProgressBar(log, 'R');
    for (let done = 1n; done <= 100n; done += 1n) bar.update(done, 100n);
    expect(log.written).toHaveLength(11);
    expect(log.written[0]).toBe('R 1% (1/100)\n');
    expect(log.written[10]).toBe('R 100% (100/100)\n');
  });

  it('treats an empty total as complete', () => {
    const log = output(false);
    createProgressBar(log, 'R').update(0n, 0n);
    expect(log.written).toEqual(['R 100% (0/0)\n']);
  });
});
