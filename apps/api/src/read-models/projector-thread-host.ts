import { startProjectorThread, type ProjectorThread, type ProjectorThreadOptions } from '@thads/read-models';

/**
 * The API's projector thread, started once the whole application has been built (onApplicationBootstrap): a start
 * that fails on a later setting (a loose key file, a bad URL) then leaves no thread running behind it.
 */
export class ProjectorThreadHost {
  private thread: ProjectorThread | undefined;

  /** `settings` is absent when EMBEDDED_PROJECTOR is not `thread`. */
  constructor(private readonly settings: ProjectorThreadOptions | undefined) {}

  /** True while a thread applies the events (EMBEDDED_PROJECTOR=thread, after start-up). */
  get running(): boolean {
    return this.thread !== undefined;
  }

  async start(): Promise<void> {
    if (this.settings === undefined || this.thread !== undefined) return;
    this.thread = await startProjectorThread(this.settings);
    this.settings.logger.log('Applying events on a worker thread (EMBEDDED_PROJECTOR=thread)');
  }

  async close(): Promise<void> {
    const thread = this.thread;
    this.thread = undefined;
    await thread?.close();
  }
}
