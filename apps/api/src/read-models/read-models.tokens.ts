/** The projector runtime running inside the API process (embedded default). */
export const PROJECTOR_RUNTIME = Symbol('PROJECTOR_RUNTIME');
/** The deadline sweep running beside the embedded projector. */
export const DEADLINE_SWEEPER = Symbol('DEADLINE_SWEEPER');
/** The host of the projector thread (projector-thread-host.ts; running only with EMBEDDED_PROJECTOR=thread). */
export const PROJECTOR_THREAD = Symbol('PROJECTOR_THREAD');
