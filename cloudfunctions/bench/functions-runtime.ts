// A seeded local runtime for the cold-start benchmark (bundled by functions.bench.ts into plain JS, so the child
// process that measures a function bundle runs no TypeScript loader).
import { join } from 'node:path';
import type { Runtime } from '../src/core/runtime';
import { seedDemo } from '../src/demo/seed';
import { LocalFileStore } from '../src/storage/files-local';
import { SqliteStore } from '../src/storage/sqlite';

export async function create(dir: string, nowIso: string): Promise<Runtime> {
  const now = new Date(nowIso);
  const runtime: Runtime = {
    store: new SqliteStore(join(dir, 'db.sqlite')),
    files: new LocalFileStore(join(dir, 'files')),
    now: () => now,
    secrets: { certificateKey: 'bench-secret-of-enough-length' },
    log: () => undefined,
  };
  await seedDemo(runtime);
  return runtime;
}
