// A real runtime for domain tests: the SQLite adapter on a temporary file, local files in a temporary folder, a
// settable clock and a captured log. Nothing is mocked: the tests run the same code as the local cloud.
import { cpSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { SqliteStore } from '../../src/storage/sqlite';
import { CloudbaseStore } from '../../src/storage/cloudbase';
import { CloudbaseStandin } from '../../src/storage/cloudbase-standin';
import type { Store } from '../../src/storage/store';
import { LocalFileStore } from '../../src/storage/files-local';
import type { Runtime } from '../../src/core/runtime';
import { invoke } from '../../src/core/invoke';
import { AUDIT_COLLECTION, AUDIT_HEAD_COLLECTION } from '../../src/audit';
import type { Envelope } from '../../src/core/runtime';

export interface TestCloud {
  runtime: Runtime;
  store: Store;
  logs: Array<{ level: string; message: string; fields?: Record<string, unknown> }>;
  setNow(iso: string): void;
  call<T = any>(openid: string | undefined, fn: string, action: string, payload?: Record<string, unknown>): Promise<Envelope<T>>;
  /** Like call, but throws with the error code unless ok (keeps scenario tests short). */
  ok<T = any>(openid: string | undefined, fn: string, action: string, payload?: Record<string, unknown>): Promise<T>;
  dir: string;
  /** Closes the store; removes the folder unless `keep`. */
  close(keep?: boolean): Promise<void>;
}

/**
 * A fresh cloud in a new temporary folder; with `copyFrom`, starting from a copy of another (closed) cloud's folder,
 * so a table-driven test builds its world once and runs each case on its own copy.
 */
export type StoreKind = 'sqlite' | 'cloudbase';

/**
 * `store: 'cloudbase'` runs the same handlers over the CloudBase adapter and the infrastructure engineer's in-process
 * stand-in of the CloudBase database (single-document transactions, 100-record pages, conflicts): proof that the
 * domain only uses what CloudBase allows.
 */
export function createTestCloud(
  nowIso = '2025-09-26T02:00:00.000Z',
  opts: { copyFrom?: string; store?: StoreKind } = {},
): TestCloud {
  const dir = mkdtempSync(join(tmpdir(), 'hz-domain-'));
  if (opts.copyFrom) cpSync(opts.copyFrom, dir, { recursive: true });
  const store: Store =
    opts.store === 'cloudbase'
      ? new CloudbaseStore(new CloudbaseStandin({ throwOnNotFound: false }))
      : new SqliteStore(join(dir, 'db.sqlite'));
  let now = new Date(nowIso);
  const logs: TestCloud['logs'] = [];
  const runtime: Runtime = {
    store,
    files: new LocalFileStore(join(dir, 'files')),
    now: () => new Date(now.getTime()),
    secrets: { certificateKey: 'test-key-not-secret' },
    log: (level, message, fields) => logs.push({ level, message, fields }),
  };
  const call = (openid: string | undefined, fn: string, action: string, payload: Record<string, unknown> = {}) =>
    invoke(fn, { action, ...payload }, { openid }, runtime);
  return {
    runtime,
    store,
    logs,
    setNow: (iso) => {
      now = new Date(iso);
    },
    call: call as TestCloud['call'],
    async ok(openid, fn, action, payload) {
      const r = await call(openid, fn, action, payload);
      if (!r.ok) throw new Error(`${fn}.${action} failed: ${r.error.code} ${r.error.message}`);
      return r.data as any;
    },
    dir,
    async close(keep = false) {
      await store.close();
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every document of the given collections, sorted: compare before/after to prove "nothing changed". */
export const ALL_COLLECTIONS = [
  'persons',
  'accounts',
  'id_numbers',
  'relations',
  'entrustments',
  'files',
  'applications',
  'items',
  'objections',
  'requests',
  'rounds',
  AUDIT_COLLECTION,
  AUDIT_HEAD_COLLECTION,
] as const;

export async function snapshot(store: Store, collections: readonly string[] = ALL_COLLECTIONS): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const c of collections) {
    const docs = await store.find(c, {}, { orderBy: [['_id', 'asc']], limit: 100000 });
    out[c] = docs;
  }
  return JSON.stringify(out);
}
