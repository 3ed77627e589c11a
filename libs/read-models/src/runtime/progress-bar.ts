/**
 * A small progress bar for long CLI work (docs/architecture.md), drawn on stderr so `--json` output on stdout stays clean.
 * On a terminal it redraws one line; elsewhere (CI logs, pipes) it prints a line per 10% so logs stay short.
 */

/** Where the bar is drawn: process.stderr, or a fake in tests. */
export interface ProgressOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** A progress bar; `update` as often as you like, `done` once. */
export interface ProgressBar {
  update(done: bigint, total: bigint): void;
  done(message: string): void;
}

const WIDTH = 30;

/** Creates a progress bar labelled `label`. Counts are bigint because log positions are. */
export function createProgressBar(output: ProgressOutput, label: string): ProgressBar {
  let lastTenth = -1;
  return {
    update(done, total) {
      const fraction = total <= 0n ? 1 : Math.min(1, Number((done * 1000n) / total) / 1000);
      const percent = Math.floor(fraction * 100);
      if (output.isTTY) {
        const filled = Math.round(fraction * WIDTH);
        output.write(
          `\r${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(percent).padStart(3)}% ${done}/${total}`,
        );
      } else if (Math.floor(percent / 10) > lastTenth) {
        lastTenth = Math.floor(percent / 10);
        output.write(`${label} ${percent}% (${done}/${total})\n`);
      }
    },
    done(message) {
      output.write(`${output.isTTY ? '\r\x1b[K' : ''}${label} ${message}\n`);
    },
  };
}
