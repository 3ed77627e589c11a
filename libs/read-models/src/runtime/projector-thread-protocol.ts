/** The messages between the API's thread and its projector thread (projector-thread.ts, projector-thread.entry.ts). */

/** What the projector thread is started with (workerData): everything it needs to open both stores itself. */
export interface ProjectorThreadData {
  readonly eventStoreUrl: string;
  readonly readModelUrl: string;
  readonly batchSize?: number;
  /** The thread's nice value (thread-priority.ts); unset or 0 leaves it at the process's (the API passes its setting). */
  readonly niceness?: number;
}

/** Worker → API thread. */
export type FromProjectorThread =
  | { readonly kind: 'ready' }
  | { readonly kind: 'failed'; readonly message: string }
  | {
      readonly kind: 'log';
      readonly level: 'log' | 'warn' | 'error';
      readonly message: string;
      readonly detail?: string;
    };

/** API thread → worker. */
export type ToProjectorThread = { readonly kind: 'stop' };
