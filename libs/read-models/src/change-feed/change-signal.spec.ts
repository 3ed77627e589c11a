import { ChangeSignal } from './change-signal';

const FOREVER = 60_000;

describe('ChangeSignal', () => {
  it('wakes a waiter when a batch is signalled', async () => {
    const signal = new ChangeSignal();
    const woken = signal.waitForChange(signal.version, FOREVER);
    signal.notify();
    await expect(woken).resolves.toBeUndefined();
  });

  it('resolves at once for a batch signalled since the version the caller read, so none is missed', async () => {
    const signal = new ChangeSignal();
    const seen = signal.version;
    signal.notify();
    await expect(signal.waitForChange(seen, FOREVER)).resolves.toBeUndefined();
  });

  it('resolves after the timeout when nothing happens (the bounded poll)', async () => {
    const signal = new ChangeSignal();
    await expect(signal.waitForChange(signal.version, 1)).resolves.toBeUndefined();
  });

  it('resolves when aborted, and at once when already aborted', async () => {
    const signal = new ChangeSignal();
    const controller = new AbortController();
    const waiting = signal.waitForChange(signal.version, FOREVER, controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBeUndefined();
    await expect(signal.waitForChange(signal.version, FOREVER, controller.signal)).resolves.toBeUndefined();
  });
});
