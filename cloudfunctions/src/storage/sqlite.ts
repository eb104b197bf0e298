// Over 300 lines on purpose: one class, the Store contract on SQLite — the transaction queue, each transaction's
// SAVEPOINT inside a shared BEGIN IMMEDIATE … COMMIT, and the WAL checkpoint off the request path — whose parts share
// one connection and one ordering; apart, their invariants would live in two files.
import { AsyncLocalStorage } from 'node:async_hooks';
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Doc, DocOps, FindOptions, Store, Where } from './store';
import { StoreError } from './store';
import { checkCollection, checkFieldPath, checkId } from './names';

export interface SqliteStoreOptions {
  /**
   * Durability of a commit. WAL + NORMAL (default): a commit is appended to the WAL file with write() before
   * `transaction()` resolves, so it lives in the OS page cache and survives a crash or SIGKILL of this process
   * (the kernel writes it out); only an OS crash or power loss can drop the last commits, because NORMAL skips
   * the fsync per commit. FULL adds that fsync (power-loss safe) at the price of one disk flush per commit
   * group: measured (bench `server.store.*`) ≈ 5,400 transactions/s NORMAL vs ≈ 3,700–5,400 FULL with group
   * commit, and ≈ 340/s FULL without it.
   */
  synchronous?: 'NORMAL' | 'FULL';
  /**
   * Who copies the WAL back into the database file. 'auto' = SQLite's default, inside whichever COMMIT crosses
   * 1000 pages: that commit (and every request queued behind it) then waits for the checkpoint's fsyncs.
   * 'background' (default for files) = a worker thread with its own connection runs PASSIVE checkpoints every
   * `checkpointIntervalMs`, so the fsyncs happen off the event loop and never stall a request.
   */
  checkpoint?: 'auto' | 'background';
  checkpointIntervalMs?: number;
  /**
   * Bound on the WAL file (background checkpoints only; default 64 MiB). PASSIVE checkpoints alone never let the
   * WAL restart under sustained writes: each one ends behind the commits that arrived while it copied, and SQLite
   * rewinds the log only once it is copied entirely (measured: 615 MB while preparing 10,500 applicants). So after
   * a commit group that leaves the WAL larger than this, the write queue pauses (reads go on) while the worker
   * runs a TRUNCATE checkpoint: it copies the rest, waits for readers still on old frames, and empties the file.
   * The WAL then stays under `walLimitBytes` + one commit group, provided no read transaction outlives
   * `walCheckpointWaitMs`; one that does (another process holding a snapshot) only postpones the truncation to the
   * next `walLimitBytes` of growth (each try pauses writes for that wait plus the copying, not for the reader's life).
   * Measured (bench `wal.bench.ts`: 50,000 applications, 16 writers and a reader, 2 cores at load 14): largest WAL
   * 64.2 MiB (778.9 MiB without the bound), 11 bounding checkpoints pausing writes ≈ 180 ms each (max 226 ms).
   */
  walLimitBytes?: number;
  /** How long a bounding checkpoint waits for old readers, writes paused meanwhile (default 200 ms). */
  walCheckpointWaitMs?: number;
  /** Told of every bounding checkpoint: the WAL size that triggered it, how long writes paused, and whether a
   * reader kept it from emptying the WAL (for logs and the bench). */
  onWalCheckpoint?: (event: { walBytes: number; pausedMs: number; emptied: boolean }) => void;
}

/** Most transactions sharing one COMMIT: bounds how long the first of a group waits for its acknowledgement. */
const MAX_GROUP = 32;
/** …and how long a group keeps admitting new transactions (a slow one then delays only those already in). */
const MAX_GROUP_MS = 10;

/** Default bound on the WAL file (see `walLimitBytes`). */
export const DEFAULT_WAL_LIMIT_BYTES = 64 * 1024 * 1024;
const DEFAULT_WAL_CHECKPOINT_WAIT_MS = 200;

// Plain JS (evaluated, so it runs under jest and tsx alike): a PASSIVE checkpoint neither waits for nor blocks
// readers and writers; it copies what it can. On request ('truncate', sent while the store's write queue is paused)
// a TRUNCATE checkpoint copies everything, waits up to `waitMs` for readers of old frames and empties the WAL file;
// it answers with SQLite's row { busy, log, checkpointed } (busy = 1: a reader kept it from finishing).
const CHECKPOINTER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const step = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (e) { /* busy: next time */ } };
const timer = setInterval(step, workerData.intervalMs);
const truncate = (waitMs) => {
  db.pragma('busy_timeout = ' + waitMs);
  try { return db.pragma('wal_checkpoint(TRUNCATE)')[0]; }
  catch (e) { return { busy: 1, log: -1, checkpointed: -1 }; }
  finally { db.pragma('busy_timeout = 1000'); }
};
parentPort.on('message', (m) => {
  if (m && m.type === 'truncate') { parentPort.postMessage({ type: 'truncated', result: truncate(m.waitMs) }); return; }
  clearInterval(timer); db.close(); parentPort.postMessage('closed');
});
`;

/**
 * Store over one SQLite file (better-sqlite3): one table per collection, `_id TEXT PRIMARY KEY, doc TEXT` (JSON).
 *
 * better-sqlite3 is synchronous, so an async transaction (work that awaits between its reads and writes) would
 * share the single connection with everything else that runs meanwhile. Hence:
 * - every write (transactions and the standalone insert/set/update/remove) goes through one queue and runs
 *   inside its own SAVEPOINT, so transactions are serialised and never interleave; consecutive queued
 *   transactions share one COMMIT (group commit, see `runGroup`), acknowledged only once it succeeded;
 * - standalone reads (get/find/count outside a transaction) use a second, read-only connection: in WAL mode it
 *   sees the last committed state, never the half-done work of an open transaction.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly reader: Database.Database;
  private readonly tables = new Set<string>();
  /** Tables seen by the reader connection (tables are never dropped, so a positive answer stays true). */
  private readonly readerTables = new Set<string>();
  /** Prepared statements per connection: preparing costs more than running these small statements. */
  private readonly statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
  private readonly pending: Array<{
    work: (tx: DocOps) => Promise<unknown>;
    resolve: (v: unknown) => void;
    reject: (e: unknown) => void;
  }> = [];
  private draining?: Promise<void>;
  private closing = false;
  private readonly inTx = new AsyncLocalStorage<boolean>();
  private closed = false;
  private checkpointer?: Worker;
  private readonly walFile: string;
  private readonly walLimitBytes: number;
  private readonly walCheckpointWaitMs: number;
  /** WAL size above which the next bounding checkpoint runs (raised after one that a reader kept from finishing). */
  private walCheckpointAt: number;
  private readonly onWalCheckpoint?: SqliteStoreOptions['onWalCheckpoint'];

  constructor(
    readonly file: string,
    options: SqliteStoreOptions = {},
  ) {
    this.db = new Database(file);
    this.walFile = `${file}-wal`;
    this.walLimitBytes = options.walLimitBytes ?? DEFAULT_WAL_LIMIT_BYTES;
    this.walCheckpointWaitMs = options.walCheckpointWaitMs ?? DEFAULT_WAL_CHECKPOINT_WAIT_MS;
    this.walCheckpointAt = this.walLimitBytes;
    this.onWalCheckpoint = options.onWalCheckpoint;
    if (file === ':memory:') {
      // An in-memory database cannot be shared between connections: read through the writer (tests only).
      this.reader = this.db;
    } else {
      this.db.pragma('journal_mode = WAL');
      this.reader = new Database(file, { readonly: true, fileMustExist: true });
    }
    this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.reader.pragma('busy_timeout = 5000');
    // Each transaction runs in a SAVEPOINT, whose sub-journal (the pages' old images, for ROLLBACK TO) SQLite
    // otherwise keeps in a temporary file: measured ≈ 80 µs of system time per submission. It is rollback data of
    // an open transaction only (never needed after a crash), so memory is as safe; durability is unchanged.
    this.db.pragma('temp_store = MEMORY');
    if (file !== ':memory:' && (options.checkpoint ?? 'background') === 'background') {
      this.db.pragma('wal_autocheckpoint = 0');
      this.checkpointer = new Worker(CHECKPOINTER, {
        eval: true,
        workerData: {
          module: require.resolve('better-sqlite3'),
          file,
          intervalMs: options.checkpointIntervalMs ?? 500,
        },
      });
      this.checkpointer.unref();
      // A failing checkpointer only lets the WAL grow; the data stays correct. Fall back to SQLite's own.
      this.checkpointer.on('error', () => {
        this.checkpointer = undefined;
        if (!this.closed) this.db.pragma('wal_autocheckpoint = 1000');
      });
    }
  }

  // ---- standalone operations -------------------------------------------------------------------------------

  async get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    this.assertUsable('get');
    return this.readDoc<T>(this.reader, collection, id);
  }

  async find<T extends Doc>(collection: string, where: Where, options: FindOptions = {}): Promise<T[]> {
    this.assertUsable('find');
    const table = this.tableFor(collection, false);
    // Everything is validated before the table check, so a bad query fails the same on an empty store.
    const { clause, params } = whereSql(where);
    const order = (options.orderBy ?? []).map(([field, dir]) => {
      if (dir !== 'asc' && dir !== 'desc') throw new StoreError('UNAVAILABLE', 'invalid order direction');
      return `${fieldExpr(field)} ${dir === 'asc' ? 'ASC' : 'DESC'}`;
    });
    // _id breaks ties so that paging through equal keys is stable (CloudBase adapter does the same).
    order.push('_id ASC');
    const limit = options.limit ?? -1;
    const skip = options.skip ?? 0;
    if (
      (options.limit !== undefined && (!Number.isInteger(limit) || limit < 0)) ||
      !Number.isInteger(skip) ||
      skip < 0
    ) {
      throw new StoreError('UNAVAILABLE', 'invalid limit/skip');
    }
    if (!this.tableExists(this.reader, table)) return [];
    let sql = `SELECT doc FROM "${table}" ${clause} ORDER BY ${order.join(', ')}`;
    sql += ' LIMIT ? OFFSET ?';
    const rows = this.stmt(this.reader, sql).all(...params, limit < 0 ? -1 : limit, skip) as Array<{ doc: string }>;
    return rows.map((r) => JSON.parse(r.doc) as T);
  }

  async count(collection: string, where: Where): Promise<number> {
    this.assertUsable('count');
    const table = this.tableFor(collection, false);
    const { clause, params } = whereSql(where);
    if (!this.tableExists(this.reader, table)) return 0;
    const row = this.stmt(this.reader, `SELECT COUNT(*) AS n FROM "${table}" ${clause}`).get(...params) as {
      n: number;
    };
    return row.n;
  }

  insert<T extends Doc>(collection: string, doc: T): Promise<void> {
    return this.transaction((tx) => tx.insert(collection, doc));
  }

  set<T extends Doc>(collection: string, doc: T): Promise<void> {
    return this.transaction((tx) => tx.set(collection, doc));
  }

  update(collection: string, id: string, patch: Record<string, unknown>): Promise<void> {
    return this.transaction((tx) => tx.update(collection, id, patch));
  }

  remove(collection: string, id: string): Promise<void> {
    return this.transaction((tx) => tx.remove(collection, id));
  }

  // ---- transactions ------------------------------------------------------------------------------------------

  transaction<T>(work: (tx: DocOps) => Promise<T>): Promise<T> {
    if (this.inTx.getStore()) {
      // Waiting on the queue from inside a queued transaction would deadlock: fail loudly instead.
      return Promise.reject(new StoreError('UNAVAILABLE', 'nested store call inside a transaction: use tx'));
    }
    if (this.closed || this.closing) return Promise.reject(new StoreError('UNAVAILABLE', 'store closed (transaction)'));
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (!this.draining) this.draining = this.drain();
    });
  }

  /**
   * Group commit. Transactions run one at a time, each inside a SAVEPOINT of a shared BEGIN IMMEDIATE … COMMIT:
   * while one runs (it awaits between its operations), others queue up; they join the same physical transaction,
   * up to MAX_GROUP. A failing transaction rolls back to its savepoint and is rejected at once; the others'
   * promises resolve only after the COMMIT, so an acknowledged write is always a committed one. If the COMMIT
   * itself fails, every transaction of the group is rejected (none of them was acknowledged).
   */
  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        await this.runGroup();
        // Between groups the writer holds no transaction: the one quiet moment to bound the WAL.
        await this.boundWal();
        // Yield to the event loop between groups. The transactions' operations resolve as microtasks, so without
        // this a long queue would run as one unbroken microtask chain: node flushes HTTP responses (uncork) on
        // process.nextTick, which waits for that chain to end, so every queued request would be answered at once,
        // at the end, and no new request would be read meanwhile.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } finally {
      this.draining = undefined;
    }
  }

  private async runGroup(): Promise<void> {
    const db = this.db;
    const committed: Array<{ resolve: (v: unknown) => void; reject: (e: unknown) => void; value: unknown }> = [];
    try {
      this.stmt(db, 'BEGIN IMMEDIATE').run();
    } catch (err) {
      this.pending.splice(0).forEach((job) => job.reject(err));
      return;
    }
    const opened = performance.now();
    for (let n = 0; n < MAX_GROUP && this.pending.length > 0 && performance.now() - opened < MAX_GROUP_MS; n++) {
      const job = this.pending.shift()!;
      this.stmt(db, 'SAVEPOINT tx').run();
      try {
        const value = await this.inTx.run(true, () => this.runOne(job.work));
        this.stmt(db, 'RELEASE tx').run();
        committed.push({ resolve: job.resolve, reject: job.reject, value });
      } catch (err) {
        if (db.inTransaction) {
          this.stmt(db, 'ROLLBACK TO tx').run();
          this.stmt(db, 'RELEASE tx').run();
        }
        // A rollback may have undone a CREATE TABLE: forget which tables exist.
        this.tables.clear();
        job.reject(err);
      }
    }
    try {
      this.stmt(db, 'COMMIT').run();
    } catch (err) {
      if (db.inTransaction) this.stmt(db, 'ROLLBACK').run();
      this.tables.clear();
      committed.forEach((c) => c.reject(err));
      return;
    }
    committed.forEach((c) => c.resolve(c.value));
  }

  /**
   * Keeps the WAL under `walLimitBytes` (see the option): once a commit leaves it larger, the queue waits (this
   * runs inside `drain`) while the worker truncates it. Reads carry on meanwhile, on the event loop.
   */
  private async boundWal(): Promise<void> {
    const worker = this.checkpointer;
    if (!worker) return;
    let size: number;
    try {
      size = statSync(this.walFile).size;
    } catch {
      return; // no WAL file (yet): nothing to bound
    }
    if (size <= this.walCheckpointAt) return;
    const started = performance.now();
    const result = await new Promise<{ busy: number } | null>((resolve) => {
      const onMessage = (m: { type?: string; result?: { busy: number } }) => {
        if (m?.type !== 'truncated') return;
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        resolve(m.result ?? null);
      };
      const onExit = () => {
        worker.off('message', onMessage);
        resolve(null);
      };
      worker.on('message', onMessage);
      worker.once('exit', onExit);
      worker.postMessage({ type: 'truncate', waitMs: this.walCheckpointWaitMs });
    });
    // A reader still on old frames kept the WAL from being emptied: try again after another limit's worth of
    // growth rather than pausing writes after every group while that reader lasts.
    const emptied = result !== null && result.busy === 0;
    this.walCheckpointAt = emptied ? this.walLimitBytes : size + this.walLimitBytes;
    this.onWalCheckpoint?.({ walBytes: size, pausedMs: performance.now() - started, emptied });
  }

  private async runOne<T>(work: (tx: DocOps) => Promise<T>): Promise<T> {
    let active = true;
    const guard = (op: string) => {
      if (!active) throw new StoreError('UNAVAILABLE', `tx.${op} used after its transaction ended`);
    };
    const db = this.db;
    const tx: DocOps = {
      get: async <D extends Doc>(collection: string, id: string) => {
        guard('get');
        return this.readDoc<D>(db, collection, id);
      },
      insert: async <D extends Doc>(collection: string, doc: D) => {
        guard('insert');
        const table = this.tableFor(collection, true);
        const res = this.stmt(db, `INSERT OR IGNORE INTO "${table}" (_id, doc) VALUES (?, ?)`).run(
          checkId(doc._id),
          encode(doc),
        );
        if (res.changes === 0) throw new StoreError('DUPLICATE', `${collection}/${doc._id} already exists`);
      },
      set: async <D extends Doc>(collection: string, doc: D) => {
        guard('set');
        const table = this.tableFor(collection, true);
        this.stmt(
          db,
          `INSERT INTO "${table}" (_id, doc) VALUES (?, ?) ON CONFLICT(_id) DO UPDATE SET doc = excluded.doc`,
        ).run(checkId(doc._id), encode(doc));
      },
      update: async (collection: string, id: string, patch: Record<string, unknown>) => {
        guard('update');
        if ('_id' in patch) throw new StoreError('UNAVAILABLE', '_id cannot be updated');
        const current = this.readDoc<Doc>(db, collection, id);
        if (!current) throw new StoreError('NOT_FOUND', `${collection}/${id} does not exist`);
        const table = this.tableFor(collection, true);
        this.stmt(db, `UPDATE "${table}" SET doc = ? WHERE _id = ?`).run(encode({ ...current, ...patch, _id: id }), id);
      },
      remove: async (collection: string, id: string) => {
        guard('remove');
        const table = this.tableFor(collection, false);
        if (this.tables.has(table) || this.tableExists(db, table)) {
          this.stmt(db, `DELETE FROM "${table}" WHERE _id = ?`).run(checkId(id));
        }
      },
    };
    try {
      return await work(tx);
    } finally {
      active = false;
    }
  }

  // ---- indexes & lifecycle -----------------------------------------------------------------------------------

  async ensureIndex(collection: string, fields: string[]): Promise<void> {
    if (fields.length === 0) return;
    const name = `ix_${collection}__${fields.map((f) => checkFieldPath(f).replace(/\./g, '_')).join('__')}`;
    await this.transaction(async () => {
      const table = this.tableFor(collection, true);
      this.db.exec(`CREATE INDEX IF NOT EXISTS "${name}" ON "${table}" (${fields.map(fieldExpr).join(', ')})`);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Let queued writes finish: an acknowledged write is never cut off by shutdown.
    this.closing = true;
    while (this.draining) await this.draining;
    this.closed = true;
    const worker = this.checkpointer;
    if (worker) {
      this.checkpointer = undefined;
      await new Promise<void>((done) => {
        const timer = setTimeout(done, 2000);
        worker.once('message', () => {
          clearTimeout(timer);
          done();
        });
        worker.postMessage('close');
      });
      await worker.terminate();
    }
    if (this.reader !== this.db) this.reader.close();
    // The last connection to close checkpoints the whole WAL into the database file.
    this.db.close();
  }

  // ---- helpers -----------------------------------------------------------------------------------------------

  private stmt(db: Database.Database, sql: string): Database.Statement {
    let cache = this.statements.get(db);
    if (!cache) {
      cache = new Map();
      this.statements.set(db, cache);
    }
    let st = cache.get(sql);
    if (!st) {
      st = db.prepare(sql);
      // Queries built from `where`/`orderBy` vary; keep the cache bounded.
      if (cache.size > 500) cache.clear();
      cache.set(sql, st);
    }
    return st;
  }

  private assertUsable(op: string): void {
    if (this.closed) throw new StoreError('UNAVAILABLE', `store closed (${op})`);
  }

  private tableFor(collection: string, create: boolean): string {
    const table = `c_${checkCollection(collection)}`;
    if (create && !this.tables.has(table)) {
      this.db.exec(
        `CREATE TABLE IF NOT EXISTS "${table}" (_id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL) WITHOUT ROWID`,
      );
      this.tables.add(table);
    }
    return table;
  }

  private tableExists(db: Database.Database, table: string): boolean {
    const known = db === this.db ? this.tables : this.readerTables;
    if (known.has(table)) return true;
    const row = this.stmt(db, `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table);
    if (row) known.add(table);
    return row !== undefined;
  }

  private readDoc<T extends Doc>(db: Database.Database, collection: string, id: string): T | null {
    const table = this.tableFor(collection, false);
    if (!this.tableExists(db, table)) return null;
    const row = this.stmt(db, `SELECT doc FROM "${table}" WHERE _id = ?`).get(checkId(id)) as
      { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as T) : null;
  }
}

function encode(doc: Doc): string {
  if (doc === null || typeof doc !== 'object') throw new StoreError('UNAVAILABLE', 'document must be an object');
  return JSON.stringify(doc);
}

/** The literal expression used both in indexes and in queries (SQLite matches index expressions textually). */
function fieldExpr(field: string): string {
  if (field === '_id') return '_id';
  return `json_extract(doc, '$.${checkFieldPath(field)}')`;
}

function whereSql(where: Where): { clause: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const [field, value] of Object.entries(where)) {
    const expr = fieldExpr(field);
    if (value === null) {
      parts.push(`${expr} IS NULL`);
    } else if (typeof value === 'boolean') {
      // json_extract turns true/false into 1/0; json_type keeps a boolean from matching the number 1.
      parts.push(`json_type(doc, '$.${checkFieldPath(field)}') = '${value ? 'true' : 'false'}'`);
    } else if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) {
      parts.push(`${expr} = ?`);
      params.push(value);
    } else {
      throw new StoreError('UNAVAILABLE', `unsupported where value for ${field}`);
    }
  }
  return { clause: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}
