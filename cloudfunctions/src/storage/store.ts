/**
 * The narrow storage interface every handler uses. Two adapters implement it:
 * CloudBase's database (production, wx-server-sdk) and SQLite via better-sqlite3 (one machine).
 *
 * It is deliberately limited to what CloudBase documents:
 * - a transaction may only read and write single documents by id (no queries inside it);
 * - queries are equality filters on fields (dot paths allowed) with ordering and paging;
 * - a query returns at most `limit` documents (CloudBase caps a function's get() at 100 by default,
 *   so adapters page internally when `limit` is larger).
 */
export interface Doc {
  _id: string;
  [field: string]: unknown;
}

/**
 * Equality on each field; a dot path ("applicant.personId") reaches into nested objects.
 * Fields must hold scalars (not arrays). `null` matches a field that is null or missing (CloudBase semantics).
 * Documents must be plain JSON values: store instants as ISO strings, never `Date` objects.
 */
export type Where = Record<string, string | number | boolean | null>;

export interface FindOptions {
  orderBy?: Array<[field: string, direction: 'asc' | 'desc']>;
  limit?: number;
  skip?: number;
}

/** Single-document operations: all a CloudBase transaction allows. */
export interface DocOps {
  get<T extends Doc>(collection: string, id: string): Promise<T | null>;
  /** Creates the document; throws StoreError('DUPLICATE') if the id exists. */
  insert<T extends Doc>(collection: string, doc: T): Promise<void>;
  /** Creates or replaces the whole document. */
  set<T extends Doc>(collection: string, doc: T): Promise<void>;
  /** Sets the given top-level fields; throws StoreError('NOT_FOUND') if the document is missing. */
  update(collection: string, id: string, patch: Record<string, unknown>): Promise<void>;
  remove(collection: string, id: string): Promise<void>;
}

export interface Store extends DocOps {
  find<T extends Doc>(collection: string, where: Where, options?: FindOptions): Promise<T[]>;
  count(collection: string, where: Where): Promise<number>;
  /**
   * Runs `work` atomically: either every write in it is stored or none is.
   * Concurrent transactions touching the same document are serialised or retried by the adapter.
   * `work` may run more than once (CloudBase retries on conflict): keep it free of side effects other than `tx`
   * calls, and do slow I/O (file uploads) before the transaction. Inside it use `tx`: a `store` write fails
   * (SQLite refuses the nested call), a `store` read sees only committed data, not the transaction's own writes.
   */
  transaction<T>(work: (tx: DocOps) => Promise<T>): Promise<T>;
  /**
   * Declares that queries filter/order on these fields (dot paths) of a collection. SQLite builds an expression
   * index; CloudBase indexes are created in the console (≤ 20 per collection), so there it only records the wish.
   * Idempotent; call at startup (the list: `core/collections.ts` INDEXES).
   */
  ensureIndex(collection: string, fields: string[]): Promise<void>;
  close(): Promise<void>;
}

export class StoreError extends Error {
  constructor(
    readonly code: 'DUPLICATE' | 'NOT_FOUND' | 'CONFLICT' | 'UNAVAILABLE',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Private files (evidence, certificates). Paths are chosen by handlers, never by callers. */
export interface FileStore {
  put(path: string, bytes: Buffer, contentType: string): Promise<void>;
  get(path: string): Promise<{ bytes: Buffer; contentType: string } | null>;

  // ---- Files the client uploads itself (files.prepareUpload → upload → files.commitUpload) ----
  // The bytes never travel inside a function call: WeChat caps a callFunction field far below a photo's size.

  /** Where the client sends the bytes for `path`: the cloud storage `cloudPath` (weapp), or the same path locally. */
  uploadTarget(path: string): string;
  /**
   * The bytes the client uploaded for `path`; `fileID` is what its upload answered. Null when nothing is there or
   * when `fileID` does not name that very path (a client cannot point the server at another file).
   */
  readUpload(path: string, fileID: string): Promise<Buffer | null>;
  /** Keeps a checked upload: from now on `get(path)` finds it, with this content type. */
  acceptUpload(path: string, fileID: string, contentType: string, size: number): Promise<void>;
  /** Deletes a refused upload (nothing stays behind); no error when it is already gone. */
  discardUpload(path: string, fileID: string): Promise<void>;
  /**
   * A URL the client may download the file from for `ttlSeconds` (production: getTempFileURL; locally: a signed
   * link to the local cloud). Null when the file is missing. `now` is the action's clock (the dev clock locally).
   */
  temporaryUrl(path: string, ttlSeconds: number, now: Date): Promise<{ url: string; expiresAt: string } | null>;
  /** Content type and size of a stored file without reading its bytes (null when missing), e.g. to reuse a cached PDF. */
  stat(path: string): Promise<{ contentType: string; size: number } | null>;

  // ---- The file sweep (functions/files-sweep.ts): finding bytes no record points to, and erasing bytes ----

  /**
   * One page of the files this store knows, in the adapter's own stable order; `cursor` null starts a pass, a null
   * `cursor` in the answer ends it. Files removed while a pass runs never make it repeat or stop early; a file
   * stored meanwhile may be seen by the next pass only.
   */
  listStored(cursor: string | null, limit: number): Promise<{ files: StoredFile[]; cursor: string | null }>;
  /** Deletes the bytes (and what the adapter keeps beside them) of each path; a path already gone is no error. */
  removeStored(paths: string[]): Promise<void>;
}

/** A stored file as the sweep sees it. `storedAt`: when its bytes were last written or accepted (null: unknown). */
export interface StoredFile {
  path: string;
  size: number;
  storedAt: string | null;
}
