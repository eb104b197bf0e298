import type { Doc, DocOps, FindOptions, Store, Where } from './store';
import { StoreError } from './store';
import { checkCollection, checkFieldPath, checkId } from './names';
import type { CbDatabase, CbDocumentRef, CbQuery, CbTransaction } from './cloudbase-types';
import { isCollectionMissing, isConflict, isDocMissing, isDuplicate } from './cloudbase-types';

/** A function's get() returns at most 100 records (wxcloud Collection.get): larger reads are paged. */
const CLOUDBASE_PAGE = 100;

export interface CloudbaseStoreOptions {
  /** `times` passed to db.runTransaction (SDK-side re-runs on conflict). */
  transactionTimes?: number;
  /** Further attempts, with backoff, after the SDK gave up on a conflict (hot documents such as the audit head). */
  conflictRetries?: number;
  /** Called with each index the domain wants: CloudBase indexes are created in the console, not by code. */
  onIndexWanted?: (collection: string, fields: string[]) => void;
  /**
   * Called once per query shape whose filter fields are not the leading fields of any declared index (see
   * `ensureIndex`): in production such a query scans the collection, so it is worth a console index.
   */
  onUnindexedQuery?: (collection: string, fields: string[]) => void;
}

/**
 * Store over the `db` object of wx-server-sdk (`cloud.database({ throwOnNotFound: false })`, passed in).
 *
 * Mapping choices:
 * - `update(id, patch)` replaces top-level fields. A plain-object value given to CloudBase's update() is merged
 *   into the stored object (documented under Command.set), so the adapter reads the document and `set()`s the
 *   merged whole inside a transaction instead: same semantics as SQLite, only documented calls.
 * - `insert` outside a transaction is `add({ data })` (duplicate _id → DUPLICATE); inside one it is get + set,
 *   which the transaction's write lock makes safe against a concurrent insert of the same id.
 * - Missing collections read as empty; the first write to one creates it (createCollection) and retries once.
 */
export class CloudbaseStore implements Store {
  private readonly wanted = new Map<string, string[]>();
  private readonly reportedShapes = new Set<string>();

  constructor(
    private readonly db: CbDatabase,
    private readonly options: CloudbaseStoreOptions = {},
  ) {}

  async get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    return readDoc<T>(this.db.collection(checkCollection(collection)).doc(checkId(id)), id);
  }

  async insert<T extends Doc>(collection: string, doc: T): Promise<void> {
    const c = checkCollection(collection);
    checkId(doc._id);
    await this.withCollection([c], async () => {
      try {
        await this.db.collection(c).add({ data: clone(doc) });
      } catch (e) {
        if (isDuplicate(e)) throw new StoreError('DUPLICATE', `${c}/${doc._id} already exists`);
        throw e;
      }
    });
  }

  async set<T extends Doc>(collection: string, doc: T): Promise<void> {
    const c = checkCollection(collection);
    await this.withCollection([c], () =>
      this.db
        .collection(c)
        .doc(checkId(doc._id))
        .set({ data: withoutId(doc) }),
    );
  }

  update(collection: string, id: string, patch: Record<string, unknown>): Promise<void> {
    return this.transaction((tx) => tx.update(collection, id, patch));
  }

  async remove(collection: string, id: string): Promise<void> {
    try {
      await this.db.collection(checkCollection(collection)).doc(checkId(id)).remove();
    } catch (e) {
      if (isCollectionMissing(e) || isDocMissing(e)) return;
      throw e;
    }
  }

  async find<T extends Doc>(collection: string, where: Where, options: FindOptions = {}): Promise<T[]> {
    const c = checkCollection(collection);
    const condition = whereCondition(where);
    this.checkIndexed(
      c,
      Object.keys(condition),
      (options.orderBy ?? []).map(([f]) => f),
    );
    const skip = options.skip ?? 0;
    const wanted = options.limit ?? Number.POSITIVE_INFINITY;
    if (
      !Number.isInteger(skip) ||
      skip < 0 ||
      !(wanted === Number.POSITIVE_INFINITY || (Number.isInteger(wanted) && wanted >= 0))
    ) {
      throw new StoreError('UNAVAILABLE', 'invalid limit/skip');
    }
    const out: T[] = [];
    try {
      while (out.length < wanted) {
        const pageSize = Math.min(CLOUDBASE_PAGE, wanted - out.length);
        let q: CbQuery = this.db.collection(c);
        if (Object.keys(condition).length > 0) q = q.where(condition);
        for (const [field, dir] of options.orderBy ?? []) {
          if (dir !== 'asc' && dir !== 'desc') throw new StoreError('UNAVAILABLE', 'invalid order direction');
          q = q.orderBy(checkFieldPath(field), dir);
        }
        // _id breaks ties so consecutive pages neither repeat nor skip documents with equal keys.
        q = q.orderBy('_id', 'asc');
        const { data } = await q
          .skip(skip + out.length)
          .limit(pageSize)
          .get();
        for (const d of data) out.push(d as T);
        if (data.length < pageSize) break;
      }
    } catch (e) {
      if (isCollectionMissing(e)) return [];
      throw e;
    }
    return out;
  }

  async count(collection: string, where: Where): Promise<number> {
    const c = checkCollection(collection);
    const condition = whereCondition(where);
    this.checkIndexed(c, Object.keys(condition), []);
    try {
      const col = this.db.collection(c);
      const { total } = await (Object.keys(condition).length > 0 ? col.where(condition) : col).count();
      return total;
    } catch (e) {
      if (isCollectionMissing(e)) return 0;
      throw e;
    }
  }

  async transaction<T>(work: (tx: DocOps) => Promise<T>): Promise<T> {
    const retries = this.options.conflictRetries ?? 8;
    for (let attempt = 0; ; attempt++) {
      const touched = new Set<string>();
      try {
        return await this.withCollection(touched, () =>
          this.db.runTransaction((t) => work(txOps(t, touched)), this.options.transactionTimes ?? 5),
        );
      } catch (e) {
        if (e instanceof StoreError || !isConflict(e)) throw e;
        if (attempt >= retries) throw new StoreError('CONFLICT', 'transaction kept conflicting; try again');
        // Exponential backoff with jitter spreads out the contenders of a hot document.
        await sleep(Math.random() * Math.min(200, 5 * 2 ** attempt));
      }
    }
  }

  async ensureIndex(collection: string, fields: string[]): Promise<void> {
    const c = checkCollection(collection);
    fields.forEach(checkFieldPath);
    const key = `${c}:${fields.join(',')}`;
    if (this.wanted.has(key)) return;
    this.wanted.set(key, fields);
    this.options.onIndexWanted?.(c, fields);
  }

  /**
   * A query is covered when some declared index of the collection starts with exactly its filter fields (in any
   * order); ordering fields, when any, may follow. Filters on `_id` alone need no index.
   */
  private checkIndexed(collection: string, filter: string[], order: string[]): void {
    const report = this.options.onUnindexedQuery;
    if (!report) return;
    const fields = filter.filter((f) => f !== '_id');
    if (fields.length === 0 && order.length === 0) return;
    const shape = `${collection}:${[...fields].sort().join(',')}|${order.join(',')}`;
    if (this.reportedShapes.has(shape)) return;
    const covered = [...this.wanted.entries()].some(([key, idx]) => {
      if (key.split(':')[0] !== collection) return false;
      const lead = idx.slice(0, fields.length);
      return fields.every((f) => lead.includes(f)) && (fields.length > 0 || idx[0] === order[0]);
    });
    if (covered) return;
    this.reportedShapes.add(shape);
    report(collection, [...fields, ...order]);
  }

  /** The indexes asked for so far (for the deployment checklist). */
  wantedIndexes(): Array<{ collection: string; fields: string[] }> {
    return [...this.wanted.entries()].map(([k, fields]) => ({ collection: k.split(':')[0], fields }));
  }

  async close(): Promise<void> {
    // The SDK keeps no connection of ours to close.
  }

  /**
   * Runs `op`; while it fails because a collection is missing, creates the collections it touched and retries
   * (a transaction discovers them one by one). Bounded: each round must create something new.
   */
  private async withCollection<R>(collections: Iterable<string>, op: () => Promise<R>): Promise<R> {
    const created = new Set<string>();
    for (;;) {
      try {
        return await op();
      } catch (e) {
        if (!isCollectionMissing(e)) throw e;
        const fresh = [...collections].filter((n) => !created.has(n));
        if (fresh.length === 0) throw e;
        for (const name of fresh) {
          created.add(name);
          try {
            await this.db.createCollection(name);
          } catch {
            // Already exists (created meanwhile by another instance): fine.
          }
        }
      }
    }
  }
}

function txOps(t: CbTransaction, touched: Set<string>): DocOps {
  const ref = (collection: string, id: string): CbDocumentRef => {
    const c = checkCollection(collection);
    touched.add(c);
    return t.collection(c).doc(checkId(id));
  };
  return {
    get: <T extends Doc>(collection: string, id: string) => readDoc<T>(ref(collection, id), id),
    insert: async <T extends Doc>(collection: string, doc: T) => {
      const r = ref(collection, doc._id);
      if (await readDoc(r, doc._id)) throw new StoreError('DUPLICATE', `${collection}/${doc._id} already exists`);
      await r.set({ data: withoutId(doc) });
    },
    set: async <T extends Doc>(collection: string, doc: T) => {
      await ref(collection, doc._id).set({ data: withoutId(doc) });
    },
    update: async (collection: string, id: string, patch: Record<string, unknown>) => {
      if ('_id' in patch) throw new StoreError('UNAVAILABLE', '_id cannot be updated');
      const r = ref(collection, id);
      const current = await readDoc<Doc>(r, id);
      if (!current) throw new StoreError('NOT_FOUND', `${collection}/${id} does not exist`);
      await r.set({ data: withoutId({ ...current, ...clone(patch), _id: id }) });
    },
    remove: async (collection: string, id: string) => {
      const r = ref(collection, id);
      // remove() of a missing record is not an error we rely on: check first, inside the snapshot.
      if (await readDoc(r, id)) await r.remove();
    },
  };
}

async function readDoc<T extends Doc>(ref: CbDocumentRef, id: string): Promise<T | null> {
  try {
    const { data } = await ref.get();
    if (!data) return null;
    return { ...(data as object), _id: id } as T;
  } catch (e) {
    if (isDocMissing(e) || isCollectionMissing(e)) return null;
    throw e;
  }
}

function whereCondition(where: Where): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(where)) {
    checkFieldPath(field);
    const ok =
      value === null ||
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value));
    if (!ok) throw new StoreError('UNAVAILABLE', `unsupported where value for ${field}`);
    // Dot-path keys are CloudBase's documented way to match a nested field ('style.color': 'red').
    out[field] = value;
  }
  return out;
}

function withoutId(doc: Doc): Record<string, unknown> {
  const { _id: _ignored, ...rest } = clone(doc);
  return rest;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
