import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Runtime } from '../core/runtime';
import type { Store } from '../storage/store';
import { SqliteStore } from '../storage/sqlite';
import { CloudbaseStore } from '../storage/cloudbase';
import { CloudbaseStandin } from '../storage/cloudbase-standin';
import { LocalFileStore } from '../storage/files-local';
import { ensureIndexes } from '../core/collections';
import { jsonLogger } from '../wx/log';
import { DevClock } from './clock';
import { dataPaths } from './paths';

export interface LocalRuntime {
  runtime: Runtime;
  clock: DevClock;
  paths: ReturnType<typeof dataPaths>;
  close(): Promise<void>;
}

/** Runtime of the local cloud: SQLite + files in the data folder, the dev clock, a per-folder secret. */
export async function createLocalRuntime(
  options: {
    dataDir?: string;
    now?: string;
    log?: Runtime['log'];
    /**
     * HZ_STORE. 'sqlite' (default): the data folder's database. 'cloudbase-standin': the production CloudBase
     * adapter over the in-memory stand-in (nothing kept across restarts), to run the client against it.
     */
    store?: 'sqlite' | 'cloudbase-standin';
  } = {},
): Promise<LocalRuntime> {
  const paths = dataPaths(options.dataDir);
  mkdirSync(paths.files, { recursive: true });
  const clock = new DevClock(options.now);
  // HZ_SQLITE_SYNC=FULL adds an fsync per group commit (power-loss safe); NORMAL already survives a process crash.
  const store: Store =
    options.store === 'cloudbase-standin'
      ? new CloudbaseStore(new CloudbaseStandin({ throwOnNotFound: false }))
      : new SqliteStore(paths.database, { synchronous: process.env.HZ_SQLITE_SYNC === 'FULL' ? 'FULL' : 'NORMAL' });
  await ensureIndexes(store);
  const runtime: Runtime = {
    store,
    files: new LocalFileStore(paths.files, { now: () => clock.now() }),
    now: () => clock.now(),
    secrets: { certificateKey: localSecret(paths.secret) },
    log: options.log ?? jsonLogger((l) => process.stderr.write(`${l}\n`)),
  };
  return { runtime, clock, paths, close: () => store.close() };
}

/** Generated once per data folder (0600), never committed: the data folder is git-ignored. */
function localSecret(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    const secret = randomBytes(32).toString('base64url');
    try {
      writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
      return secret;
    } catch {
      // Another process created it first: use theirs.
      return readFileSync(file, 'utf8').trim();
    }
  }
}
