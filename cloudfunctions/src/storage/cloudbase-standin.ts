// Over 300 lines on purpose: a stand-in of exactly the CloudBase database calls we use (collections, queries,
// transactions) with their limits, in one place so the contract suite and the adapter test one consistent model.
import type { CbCollection, CbDatabase, CbDocumentRef, CbQuery, CbTransaction } from './cloudbase-types';
import { readPath } from './names';

/**
 * An in-process stand-in for the CloudBase database, limited to exactly the calls `CloudbaseStore` makes, with the
 * behaviour the wxcloud documentation gives them (no maintained emulator exists, see PLATFORM.md):
 * - collections must exist (createCollection fails when one does); using a missing one fails with -502005;
 * - doc.get of a missing record throws unless the database was opened with `throwOnNotFound: false`;
 * - add with an existing _id fails (duplicate key); set/update data may not contain _id;
 * - a query's get() returns at most 100 records (the function-side cap), skip/limit/orderBy apply in that order;
 *   where() matches equality, with dot-path keys or nested objects reaching into sub-documents;
 * - runTransaction: reads see a snapshot, writes take a lock; a write to a record locked by another transaction
 *   fails at once (conflict), a record changed since this transaction first read it fails at commit (conflict),
 *   the callback is re-run up to `times` (default 3) on conflict only; plain writes wait for a lock to clear.
 * Records are deep-copied in and out, as over the network.
 */
export interface StandinOptions {
  throwOnNotFound?: boolean;
  /** Create collections on first write instead of failing (convenient for ad-hoc local use). */
  autoCreateCollections?: boolean;
}

type Rec = Record<string, unknown>;
interface Row {
  data: Rec;
  version: number;
}

const MAX_GET = 100;

class CbFailure extends Error {
  constructor(
    readonly errCode: number,
    readonly errMsg: string,
  ) {
    super(errMsg);
  }
}

const conflict = () =>
  new CbFailure(-502001, 'database request fail. [DATABASE_TRANSACTION_CONFLICT] transaction conflict');

export class CloudbaseStandin implements CbDatabase {
  private readonly collections = new Map<string, Map<string, Row>>();
  private readonly locks = new Map<string, object>();
  private readonly unlockWaiters: Array<() => void> = [];
  private clock = 0;
  private idSeq = 0;
  /** Counters the tests read to prove the adapter pages and does not over-fetch. */
  readonly stats = { gets: 0, maxReturned: 0, transactionsRun: 0, conflicts: 0 };

  constructor(private readonly options: StandinOptions = {}) {}

  async createCollection(name: string): Promise<unknown> {
    if (this.collections.has(name))
      throw new CbFailure(-501001, `createCollection:fail collection ${name} already exists`);
    this.collections.set(name, new Map());
    return { errMsg: 'createCollection:ok' };
  }

  collection(name: string): CbCollection {
    return new Collection(this, name);
  }

  async runTransaction<T>(callback: (tx: CbTransaction) => Promise<T>, times = 3): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      this.stats.transactionsRun++;
      const tx = new Tx(this);
      try {
        const result = await callback(tx);
        tx.commit();
        return result;
      } catch (e) {
        tx.abort();
        if (!(e instanceof CbFailure && /CONFLICT/.test(e.errMsg))) throw e;
        this.stats.conflicts++;
        if (attempt >= times) throw e;
        await new Promise((r) => setTimeout(r, Math.random() * 4));
      }
    }
  }

  // ---- internals shared by collections, queries and transactions --------------------------------------------

  table(name: string, forWrite: boolean): Map<string, Row> {
    let t = this.collections.get(name);
    if (!t) {
      if (!(forWrite && this.options.autoCreateCollections)) {
        throw new CbFailure(
          -502005,
          `database collection not exists. [ResourceNotFound] Db or Table not exist: ${name}`,
        );
      }
      t = new Map();
      this.collections.set(name, t);
    }
    return t;
  }

  lockKey(collection: string, id: string): string {
    return `${collection}\u0000${id}`;
  }

  lockHolder(collection: string, id: string): object | undefined {
    return this.locks.get(this.lockKey(collection, id));
  }

  setLock(collection: string, id: string, owner: object): void {
    this.locks.set(this.lockKey(collection, id), owner);
  }

  releaseLocks(owner: object): void {
    for (const [k, v] of this.locks) if (v === owner) this.locks.delete(k);
    this.unlockWaiters.splice(0).forEach((w) => w());
  }

  async waitUnlocked(collection: string, id: string): Promise<void> {
    while (this.lockHolder(collection, id)) {
      await new Promise<void>((r) => this.unlockWaiters.push(r));
    }
  }

  notFound(id: string): CbFailure {
    return new CbFailure(-502001, `document.get:fail document with _id ${id} does not exist`);
  }

  get throwOnNotFound(): boolean {
    return this.options.throwOnNotFound ?? true;
  }

  writeRow(collection: string, id: string, data: Rec | null): void {
    const t = this.table(collection, true);
    if (data === null) t.delete(id);
    else t.set(id, { data: { ...copy(data), _id: id }, version: ++this.clock });
  }

  newId(): string {
    return `standin-${(++this.idSeq).toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  }

  runQuery(name: string, spec: QuerySpec): Rec[] {
    this.stats.gets++;
    const t = this.table(name, false);
    let rows = [...t.values()].map((r) => r.data).filter((d) => matches(d, spec.where));
    if (spec.order.length > 0) {
      rows.sort((a, b) => {
        for (const [f, dir] of spec.order) {
          const c = compare(readPath(a, f), readPath(b, f));
          if (c !== 0) return dir === 'asc' ? c : -c;
        }
        return 0;
      });
    }
    const limit = Math.min(spec.limit ?? MAX_GET, MAX_GET);
    rows = rows.slice(spec.skip, spec.skip + limit);
    this.stats.maxReturned = Math.max(this.stats.maxReturned, rows.length);
    return rows.map(copy);
  }
}

interface QuerySpec {
  where: Rec[];
  order: Array<[string, 'asc' | 'desc']>;
  skip: number;
  limit?: number;
}

class Query implements CbQuery {
  constructor(
    protected readonly db: CloudbaseStandin,
    protected readonly name: string,
    protected readonly spec: QuerySpec = { where: [], order: [], skip: 0 },
  ) {}
  private with(change: Partial<QuerySpec>): Query {
    return new Query(this.db, this.name, { ...this.spec, ...change });
  }
  where(condition: Rec): CbQuery {
    return this.with({ where: [...this.spec.where, copy(condition)] });
  }
  orderBy(field: string, direction: 'asc' | 'desc'): CbQuery {
    if (direction !== 'asc' && direction !== 'desc') throw new CbFailure(-501007, 'invalid order direction');
    return this.with({ order: [...this.spec.order, [field, direction]] });
  }
  skip(n: number): CbQuery {
    return this.with({ skip: n });
  }
  limit(n: number): CbQuery {
    return this.with({ limit: n });
  }
  async get(): Promise<{ data: Rec[] }> {
    await tick();
    return { data: this.db.runQuery(this.name, this.spec) };
  }
  async count(): Promise<{ total: number }> {
    await tick();
    const t = this.db.table(this.name, false);
    return { total: [...t.values()].filter((r) => matches(r.data, this.spec.where)).length };
  }
}

class Collection extends Query implements CbCollection {
  constructor(db: CloudbaseStandin, name: string) {
    super(db, name);
  }
  doc(id: string): CbDocumentRef {
    const { db, name } = this;
    return {
      async get() {
        await tick();
        const row = db.table(name, false).get(id);
        if (!row) {
          if (db.throwOnNotFound) throw db.notFound(id);
          return { data: null };
        }
        return { data: copy(row.data) };
      },
      async set({ data }) {
        await tick();
        noId(data);
        db.table(name, true);
        await db.waitUnlocked(name, id);
        const existed = db.table(name, true).has(id);
        db.writeRow(name, id, data);
        return { _id: id, stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 } };
      },
      async update({ data }) {
        await tick();
        noId(data);
        await db.waitUnlocked(name, id);
        const row = db.table(name, false).get(id);
        if (!row) return { stats: { updated: 0 } };
        db.writeRow(name, id, deepMerge(row.data, data));
        return { stats: { updated: 1 } };
      },
      async remove() {
        await tick();
        await db.waitUnlocked(name, id);
        const t = db.table(name, false);
        const existed = t.delete(id);
        return { stats: { removed: existed ? 1 : 0 } };
      },
    };
  }
  async add({ data }: { data: Rec }): Promise<{ _id: string }> {
    await tick();
    const t = this.db.table(this.name, true);
    const id = typeof data._id === 'string' ? data._id : this.db.newId();
    if (t.has(id)) {
      throw new CbFailure(
        -502001,
        `collection.add:fail -502001 database request fail. [DATABASE_DUPLICATE_WRITE] E11000 duplicate key error _id: ${id}`,
      );
    }
    await this.db.waitUnlocked(this.name, id);
    const { _id: _ignored, ...rest } = data;
    this.db.writeRow(this.name, id, rest);
    return { _id: id };
  }
}

/** Snapshot-isolated transaction: reads cached on first access, writes buffered under a lock until commit. */
class Tx implements CbTransaction {
  private readonly seen = new Map<string, { collection: string; id: string; version: number; data: Rec | null }>();
  private readonly writes = new Map<string, { collection: string; id: string; data: Rec | null }>();
  private done = false;

  constructor(private readonly db: CloudbaseStandin) {}

  collection(name: string): { doc(id: string): CbDocumentRef } {
    return { doc: (id: string) => this.docRef(name, id) };
  }

  private snapshot(collection: string, id: string): Rec | null {
    const key = this.db.lockKey(collection, id);
    const w = this.writes.get(key);
    if (w) return w.data;
    let s = this.seen.get(key);
    if (!s) {
      // Reads must form one snapshot: if anything read earlier has been committed over meanwhile, this
      // transaction's view is already stale, which CloudBase reports as a conflict (the SDK re-runs it).
      this.validateSeen();
      let table: Map<string, Row>;
      try {
        table = this.db.table(collection, false);
      } catch (e) {
        // The read still counts: had the record appeared before commit, this transaction must conflict.
        this.seen.set(key, { collection, id, version: 0, data: null });
        throw e;
      }
      const row = table.get(id);
      s = { collection, id, version: row?.version ?? 0, data: row ? copy(row.data) : null };
      this.seen.set(key, s);
    }
    return s.data;
  }

  private write(collection: string, id: string, data: Rec | null): void {
    if (this.done) throw new CbFailure(-501007, 'transaction already finished');
    this.db.table(collection, false);
    this.snapshot(collection, id); // records the version this write is based on
    const holder = this.db.lockHolder(collection, id);
    if (holder && holder !== this) throw conflict();
    this.db.setLock(collection, id, this);
    this.writes.set(this.db.lockKey(collection, id), { collection, id, data: data && { ...copy(data), _id: id } });
  }

  private docRef(collection: string, id: string): CbDocumentRef {
    return {
      get: async () => {
        await tick();
        const data = this.snapshot(collection, id);
        if (!data) {
          if (this.db.throwOnNotFound) throw this.db.notFound(id);
          return { data: null };
        }
        return { data: copy(data) };
      },
      set: async ({ data }) => {
        await tick();
        noId(data);
        this.write(collection, id, data);
        return {};
      },
      update: async ({ data }) => {
        await tick();
        noId(data);
        const cur = this.snapshot(collection, id);
        if (!cur) throw this.db.notFound(id);
        this.write(collection, id, deepMerge(cur, data));
        return {};
      },
      remove: async () => {
        await tick();
        this.write(collection, id, null);
        return {};
      },
    };
  }

  private validateSeen(): void {
    for (const s of this.seen.values()) {
      let row: Row | undefined;
      try {
        row = this.db.table(s.collection, false).get(s.id);
      } catch {
        row = undefined;
      }
      if ((row?.version ?? 0) !== s.version) throw conflict();
    }
  }

  commit(): void {
    this.done = true;
    // First committer wins: anything this transaction read or wrote that changed meanwhile aborts it.
    try {
      this.validateSeen();
    } catch (e) {
      this.db.releaseLocks(this);
      throw e;
    }
    for (const w of this.writes.values()) this.db.writeRow(w.collection, w.id, w.data);
    this.db.releaseLocks(this);
  }

  abort(): void {
    this.done = true;
    this.db.releaseLocks(this);
  }
}

function noId(data: Rec): void {
  if (data && Object.prototype.hasOwnProperty.call(data, '_id')) {
    throw new CbFailure(-501007, 'invalid parameters. 不能更新_id的值');
  }
}

function matches(doc: Rec, conditions: Rec[]): boolean {
  return conditions.every((cond) => matchObject(doc, cond, ''));
}

function matchObject(doc: Rec, cond: Rec, prefix: string): boolean {
  for (const [k, v] of Object.entries(cond)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      // Nested-object form: { style: { color: 'red' } } ≡ { 'style.color': 'red' }.
      if (!matchObject(doc, v as Rec, path)) return false;
    } else {
      const actual = readPath(doc, path);
      if (v === null ? !(actual === null || actual === undefined) : actual !== v) return false;
    }
  }
  return true;
}

/** MongoDB-like order of types: missing/null < numbers < strings < objects < booleans. */
function rank(v: unknown): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return 1;
  if (typeof v === 'string') return 2;
  if (typeof v === 'object') return 3;
  return 4;
}

function compare(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 1) return (a as number) - (b as number);
  if (ra === 2) return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
  if (ra === 4) return Number(a) - Number(b);
  return 0;
}

function deepMerge(base: Rec, patch: Rec): Rec {
  const out: Rec = copy(base);
  for (const [k, v] of Object.entries(patch)) {
    const cur = out[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && cur && typeof cur === 'object' && !Array.isArray(cur)
        ? deepMerge(cur as Rec, v as Rec)
        : copy(v);
  }
  return out;
}

function copy<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** Every call crosses the network in production: yield so interleavings resemble it. */
function tick(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}
