import { chainReport, readWholeStream, streamNameOf, verifyAllStreams, type ChainReport } from '@thads/application';
import { createProgressBar } from '@thads/read-models';
import { toJson, withStores, type CliIo } from '../cli-context';

/**
 * `verify <caseId> | --all [--json]`: checks hash links (docs/architecture.md). One case: its stream. `--all`: every stream,
 * reading $all in pages with a progress bar on stderr. Exit 1 on any break, naming the first broken link.
 */
export async function verifyCommand(
  io: CliIo,
  target: { readonly caseId?: string; readonly all: boolean },
  json: boolean,
): Promise<number> {
  return withStores(io, async ({ eventStore }) => {
    if (target.caseId !== undefined) {
      const stream = streamNameOf('case', target.caseId);
      const events = await readWholeStream(eventStore, stream);
      if (!events.length) throw new Error(`No case with id ${target.caseId}`);
      const report = chainReport(stream, events);
      io.stdout.write(json ? `${toJson(report)}\n` : `${reportLine(report)}\n`);
      return report.ok ? 0 : 1;
    }
    const bar = createProgressBar(io.stderr, 'Verifying');
    const result = await verifyAllStreams(eventStore, { onProgress: (position, head) => bar.update(position, head) });
    bar.done(`${result.events} events in ${result.streams} streams`);
    if (json) {
      io.stdout.write(`${toJson(result)}\n`);
    } else if (result.ok) {
      io.stdout.write(`OK: ${result.events} events in ${result.streams} streams, every hash link holds\n`);
    } else {
      for (const report of result.broken) io.stdout.write(`${reportLine(report)}\n`);
    }
    return result.ok ? 0 : 1;
  });
}

function reportLine(report: ChainReport): string {
  if (report.ok) return `OK: ${report.stream}, ${report.events} events, every hash link holds`;
  const at = report.brokenAt;
  return `BROKEN: ${report.stream} at revision ${at?.revision} (event ${at?.eventId}): ${at?.kind} expected ${at?.expected}, found ${at?.actual}`;
}
