import { projectionHealth, type Projection } from '@thads/read-models';
import { toJson, withStores, type CliIo } from '../cli-context';

/** `projections status [--json]`: every projection's status, position, lag, versions and open dead letters. */
export async function projectionsStatusCommand(
  io: CliIo,
  projections: readonly Projection[],
  json: boolean,
): Promise<number> {
  return withStores(io, async ({ eventStore, readModels }) => {
    const headPosition = await eventStore.headPosition();
    const health = await projectionHealth(readModels.db, headPosition);
    const rows = projections.map((projection) => {
      const stored = health.projections.find((entry) => entry.name === projection.name);
      return stored
        ? { ...stored, codeVersion: projection.version }
        : {
            name: projection.name,
            status: 'not started',
            position: '-1',
            lag: null,
            version: 0,
            codeVersion: projection.version,
            generation: 0,
            rebuilding: false,
            deadLetters: [],
          };
    });
    if (json) {
      io.stdout.write(`${toJson({ status: health.status, headPosition, projections: rows })}\n`);
      return 0;
    }
    const table = [
      ['PROJECTION', 'STATUS', 'POSITION', 'LAG', 'VERSION', 'GENERATION', 'REBUILDING', 'DEAD LETTERS'],
      ...rows.map((row) => [
        row.name,
        row.status,
        row.position,
        row.lag ?? '-',
        `${row.version}/${row.codeVersion}`,
        String(row.generation),
        row.rebuilding ? 'yes' : 'no',
        String(row.deadLetters.length),
      ]),
    ];
    const widths = table[0].map((_, column) => Math.max(...table.map((line) => line[column].length)));
    for (const line of table)
      io.stdout.write(
        `${line
          .map((cell, column) => cell.padEnd(widths[column]))
          .join('  ')
          .trimEnd()}\n`,
      );
    for (const row of rows) {
      for (const letter of row.deadLetters) {
        io.stdout.write(
          `  ${row.name}: dead letter at ${letter.position} (${letter.eventType} ${letter.eventId} in ${letter.stream}): ${letter.reason}\n`,
        );
      }
    }
    io.stdout.write(
      `Event store head: ${headPosition}. VERSION is built/code; a difference rebuilds on the runner's next start.\n`,
    );
    return 0;
  });
}
