import { loadProjectorConfig } from '@thads/config';
import { backupStores, restoreStores, type BackupManifest } from '../backup/sqlite-backup';
import { toJson, type CliIo } from '../cli-context';

/** `backup <dir>`: an online, consistent copy of the SQLite stores and the development secret (docs/operations.md). */
export async function backupCommand(io: CliIo, dir: string, json: boolean): Promise<number> {
  const manifest = await backupStores(loadProjectorConfig(io.env, 'cli'), dir);
  report(io, manifest, json, `Backed up into ${dir}`);
  return 0;
}

/** `restore <dir>`: copies a backup into the stores the environment names; DATA_DIR must be empty. */
export function restoreCommand(io: CliIo, dir: string, json: boolean): number {
  const manifest = restoreStores(loadProjectorConfig(io.env, 'cli'), dir);
  report(io, manifest, json, `Restored from ${dir}; check it with \`npm run cli -- verify --all\``);
  return 0;
}

function report(io: CliIo, manifest: BackupManifest, json: boolean, headline: string): void {
  if (json) {
    io.stdout.write(`${toJson(manifest)}\n`);
    return;
  }
  io.stdout.write(`${headline} (event-store head ${manifest.eventStoreHead}, taken ${manifest.createdAt}):\n`);
  for (const file of manifest.files) io.stdout.write(`  ${file.name.padEnd(16)} ${file.role}, ${file.bytes} bytes\n`);
}
