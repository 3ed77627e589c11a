import type { ChildProcess } from 'node:child_process';

/** Sends a bench child 'stop' and resolves when it has exited; one that is still running after `killAfterMs` is killed, so the bench never leaves it behind. */
export function stopChild(child: ChildProcess, killAfterMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.send('stop');
  });
}
