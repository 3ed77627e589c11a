/** Reading /health/ready as an auditor would: positions, projections, and the checks that are down. */

export interface Readiness {
  readonly status: number;
  readonly body: {
    status: string;
    checks: Record<string, { status: string; reason?: string; details?: Record<string, unknown> }>;
  };
}

/** GET /health/ready with a token that sees the details. */
export async function readiness(url: string, authorization: string): Promise<Readiness> {
  const res = await fetch(`${url}/health/ready`, { headers: { authorization } });
  return { status: res.status, body: (await res.json()) as Readiness['body'] };
}

/** Waits (on /health/ready, not on time) until every projection has applied the event store's head; returns the head. */
export async function waitForProjections(url: string, authorization: string): Promise<bigint> {
  for (;;) {
    const body = (await (await fetch(`${url}/health/ready`, { headers: { authorization } })).json()) as {
      checks: {
        eventStore: { details?: { headPosition: string } };
        projections: { details?: { projections: { position: string; status: string }[] } };
      };
    };
    const headText = body.checks.eventStore.details?.headPosition;
    const projections = body.checks.projections.details?.projections;
    if (headText !== undefined && projections !== undefined) {
      const head = BigInt(headText);
      if (projections.every((projection) => BigInt(projection.position) >= head)) return head;
      if (projections.some((projection) => projection.status === 'halted')) {
        throw new Error(`a projection halted: ${JSON.stringify(projections)}`);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
