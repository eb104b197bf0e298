// A real runtime for domain tests: the SQLite adapter on a temporary file, local files in a temporary folder, a
// settable clock and a captured log. Nothing is mocked: the tests run the same code as the local cloud.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'os';
import { join } from 'path';
import { SqliteStore } from '../../src/storage/sqlite';
import { CloudbaseStore } from '../../src/storage/cloudbase';
import { CloudbaseStandin } from '../../src/storage/cloudbase-standin';
import type { Store } from '../../src/storage/store';
import { LocalFileStore } from '../../src/storage/files-local';
import { COLLECTIONS } from '../../src/core/collections';
import type { Runtime } from '../../src/core/runtime';
import { invoke } from '../../src/core/invoke';
import type { Envelope } from '../../src/core/runtime';

export interface TestCloud {
  runtime: Runtime;
  store: Store;
  logs: Array<{ level: string; message: string; fields?: Record<string, unknown> }>;
  setNow(iso: string): void;
  call<T = any>(
    openid: string | undefined,
    fn: string,
    action: string,
    payload?: Record<string, unknown>,
  ): Promise<Envelope<T>>;
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
    files: new LocalFileStore(join(dir, 'files'), { now: () => new Date(now.getTime()) }),
    now: () => new Date(now.getTime()),
    secrets: { certificateKey: 'test-key-not-secret' },
    log: (level, message, fields) => logs.push({ level, message, fields }),
    // No wall-clock budget in tests (a slow machine must not change results): a publication runs to the end unless a
    // test sets `maxChunks`.
    publication: { maxWorkMs: Number.POSITIVE_INFINITY },
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

/**
 * The collections an operator creates, read from the one collections table (docs/DEPLOY.md §4, which
 * test/year/cloudbase.test.ts holds to the product's collection constants): a new collection documented there is in
 * every snapshot without touching the tests.
 */
export function deployedCollections(): string[] {
  const doc = readFileSync(join(__dirname, '../../../docs/DEPLOY.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## 4. Collections'));
  const table = section.slice(0, section.indexOf('\n## ', 1));
  const names = table
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...line.split('|')[1]!.matchAll(/`([A-Za-z0-9_]+)`/g)].map((m) => m[1]!));
  if (names.length === 0) throw new Error('docs/DEPLOY.md §4: no collection table found');
  return [...new Set(names)];
}

/** The previous fixed list; kept for callers that name it. Prefer `snapshot(store)` (every collection). */
export const ALL_COLLECTIONS = [
  COLLECTIONS.persons,
  COLLECTIONS.accounts,
  COLLECTIONS.idNumbers,
  COLLECTIONS.relations,
  COLLECTIONS.entrustments,
  COLLECTIONS.files,
  COLLECTIONS.applications,
  COLLECTIONS.items,
  COLLECTIONS.objections,
  COLLECTIONS.requests,
  COLLECTIONS.rounds,
  COLLECTIONS.audit,
  COLLECTIONS.auditHead,
] as const;

/**
 * Collections that hold documents in a SQLite store's file, read through a separate read-only connection (WAL: the
 * last committed state). Every table the adapter created counts, documented or not.
 */
export function sqliteCollections(store: SqliteStore): string[] {
  const db = new Database(store.file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\'")
      .all() as Array<{ name: string }>;
    return tables.map((t) => t.name.slice(2)).sort();
  } finally {
    db.close();
  }
}

/**
 * Every document of every collection, sorted: compare before/after to prove "nothing changed". Without a list it
 * covers the collections of the deployment table and, on SQLite, every collection present in the file, read raw
 * through one read-only connection (WAL: the last committed state; the stored text is compared, so even a change
 * in key order counts). An empty collection counts as absent: a rolled-back write may leave its empty table behind.
 */
export async function snapshot(store: Store, collections?: readonly string[]): Promise<string> {
  if (!collections && store instanceof SqliteStore) return sqliteSnapshot(store);
  const names = collections ?? deployedCollections();
  const out: Record<string, unknown[]> = {};
  for (const c of names) {
    const docs = await store.find(c, {}, { orderBy: [['_id', 'asc']], limit: 100000 });
    if (docs.length > 0) out[c] = docs;
  }
  return JSON.stringify(out);
}

function sqliteSnapshot(store: SqliteStore): string {
  const db = new Database(store.file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\' ORDER BY name")
      .all() as Array<{ name: string }>;
    const parts: string[] = [];
    for (const { name } of tables) {
      const rows = db.prepare(`SELECT _id, doc FROM "${name}" ORDER BY _id`).raw().all() as Array<[string, string]>;
      if (rows.length > 0)
        parts.push(`${name.slice(2)}\u0000${rows.map(([id, doc]) => `${id}\u0001${doc}`).join('\u0002')}`);
    }
    return parts.join('\u0003');
  } finally {
    db.close();
  }
}
