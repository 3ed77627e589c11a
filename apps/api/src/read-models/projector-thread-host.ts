import { startProjectorThread, type ProjectorLogger, type ProjectorThread } from '@thads/read-models';

/** What the projector thread is started with; absent when EMBEDDED_PROJECTOR is not `thread`. */
export interface ProjectorThreadSettings {
  readonly eventStoreUrl: string;
  readonly readModelUrl: string;
  readonly batchSize?: number;
  readonly logger: ProjectorLogger;
}

/**
 * The API's projector thread, started once the whole application has been built (onApplicationBootstrap): a start
 * that fails on a later setting (a loose key file, a bad URL) then leaves no thread running behind it.
 */
export class ProjectorThreadHost {
  private thread: ProjectorThread | undefined;

  constructor(private readonly settings: ProjectorThreadSettings | undefined) {}

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
