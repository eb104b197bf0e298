/**
 * The slice of wx-server-sdk's database API (`cloud.database()`) that the CloudBase adapter uses, typed by hand so
 * that nothing here imports wx-server-sdk (outside WeChat it reaches for the network and can end the process).
 * Every call below is documented on developers.weixin.qq.com (wxcloud › SDK 文档 › 数据库):
 * Collection.doc/add/where/orderBy/skip/limit/get/count, Document.get/set/update/remove, Database.runTransaction
 * (transaction.collection(c).doc(id).get/set/update/remove), Database.createCollection.
 */
interface CbError {
  errCode?: number;
  errMsg?: string;
  code?: string;
  message?: string;
}

export interface CbDocumentRef {
  /** `{ data: null }` or a throw ("document … does not exist") when missing, depending on `throwOnNotFound`. */
  get(): Promise<{ data: Record<string, unknown> | null }>;
  /** Replaces the whole document (creates it when missing); `data` must not carry `_id`. */
  set(options: { data: Record<string, unknown> }): Promise<unknown>;
  update(options: { data: Record<string, unknown> }): Promise<unknown>;
  remove(): Promise<unknown>;
}

export interface CbQuery {
  where(condition: Record<string, unknown>): CbQuery;
  orderBy(field: string, direction: 'asc' | 'desc'): CbQuery;
  skip(n: number): CbQuery;
  /** A function's get() returns at most 100 records, whatever the limit: callers page. */
  limit(n: number): CbQuery;
  get(): Promise<{ data: Array<Record<string, unknown>> }>;
  count(): Promise<{ total: number }>;
}

export interface CbCollection extends CbQuery {
  doc(id: string): CbDocumentRef;
  /** `data._id` is optional; an existing `_id` makes the add fail (duplicate key). */
  add(options: { data: Record<string, unknown> }): Promise<{ _id: string | number }>;
}

export interface CbTransaction {
  collection(name: string): { doc(id: string): CbDocumentRef };
}

export interface CbDatabase {
  collection(name: string): CbCollection;
  /** Runs `callback` in a snapshot-isolated transaction, re-running it up to `times` (default 3) on conflict. */
  runTransaction<T>(callback: (tx: CbTransaction) => Promise<T>, times?: number): Promise<T>;
  /** Fails when the collection already exists. */
  createCollection(name: string): Promise<unknown>;
}

/** The slice of the wx-server-sdk `cloud` object used by the file store and the runtime builder. */
export interface CbCloud {
  database(options?: { throwOnNotFound?: boolean }): CbDatabase;
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  downloadFile(options: { fileID: string }): Promise<{ fileContent: Buffer }>;
  /** Storage › deleteFile: one result per fileID (`status` 0 = deleted). */
  deleteFile(options: {
    fileList: string[];
  }): Promise<{ fileList: Array<{ fileID: string; status: number; errMsg?: string }> }>;
  /** Storage › getTempFileURL: `maxAge` in seconds (private files; at most one day). */
  getTempFileURL(options: { fileList: Array<{ fileID: string; maxAge: number }> }): Promise<{
    fileList: Array<{ fileID: string; tempFileURL: string; status: number; errMsg?: string }>;
  }>;
  getWXContext(): { OPENID?: string; APPID?: string; UNIONID?: string; ENV?: string };
}

/**
 * The text of an SDK error, or '' for anything else. The SDK's errors carry errCode / errMsg (wxcloud 错误码 page)
 * or a DATABASE_* code (CloudBase); our own errors (AppError, StoreError) thrown inside a transaction never match,
 * so a domain 'CONFLICT' is not mistaken for a database write conflict and retried.
 */
function text(e: unknown): string {
  if (!e || typeof e !== 'object') return '';
  const err = e as CbError;
  const sdkShaped =
    typeof err.errCode === 'number' || typeof err.errMsg === 'string' || /^DATABASE_/.test(String(err.code ?? ''));
  if (!sdkShaped) return '';
  return `${err.errCode ?? ''} ${err.code ?? ''} ${err.errMsg ?? ''} ${err.message ?? ''}`;
}

/** -502005 集合不存在 (wxcloud error code table); the node SDK says DATABASE_COLLECTION_NOT_EXIST. */
export function isCollectionMissing(e: unknown): boolean {
  return /-502005|COLLECTION_NOT_EXIST|collection not exist|Db or Table not exist/i.test(text(e));
}

/** doc.get on a missing record with throwOnNotFound left at its default (true). */
export function isDocMissing(e: unknown): boolean {
  return !isCollectionMissing(e) && /does not exist|not exist|不存在/i.test(text(e));
}

/** Duplicate _id on add (CloudBase error DATABASE_DUPLICATE_WRITE; the underlying MongoDB says E11000). */
export function isDuplicate(e: unknown): boolean {
  return /DUPLICATE|duplicate key|E11000/i.test(text(e));
}

/** Write conflict between transactions (CloudBase error DATABASE_TRANSACTION_CONFLICT) once the SDK gave up. */
export function isConflict(e: unknown): boolean {
  return /TRANSACTION_CONFLICT|conflict|冲突/i.test(text(e));
}
