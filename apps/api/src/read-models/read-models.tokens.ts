/** The projector runtime running inside the API process (embedded default). */
export const PROJECTOR_RUNTIME = Symbol('PROJECTOR_RUNTIME');
