import { createHash } from 'node:crypto';
import type { CbCloud } from './cloudbase-types';
import type { Doc, FileStore, Store, StoredFile } from './store';
import { checkContentType, checkFilePath } from './files-path';
import { COLLECTIONS } from '../core/collections';

interface FileIndexDoc extends Doc {
  path: string;
  fileID: string;
  contentType: string;
  size: number;
  /** When the bytes were stored or accepted (the file sweep's grace period counts from it); absent on older entries. */
  storedAt?: string;
}

/**
 * Files in CloudBase storage: `cloud.uploadFile({ cloudPath, fileContent })` (overwrites the same path) and
 * `cloud.downloadFile({ fileID })`. Storage keeps neither our content type nor a path → fileID lookup, so a small
 * index document per file (collection `fileIndex`, id = sha256 of the path) holds both. The index is written
 * after the upload succeeds: a missing index means "no file", never a dangling reference.
 */
export class CloudbaseFileStore implements FileStore {
  constructor(
    private readonly cloud: Pick<CbCloud, 'uploadFile' | 'downloadFile' | 'deleteFile' | 'getTempFileURL'>,
    private readonly store: Store,
    /** Prefix inside the environment's bucket, so our files stay apart from anything else there. */
    private readonly prefix = 'hz-points',
    /** The environment id (getWXContext().ENV): a client's fileID must name a file of this environment. */
    private readonly envId?: string,
    /** The runtime's clock, for `storedAt`. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  async put(path: string, bytes: Buffer, contentType: string): Promise<void> {
    checkFilePath(path);
    checkContentType(contentType);
    const { fileID } = await this.cloud.uploadFile({ cloudPath: `${this.prefix}/${path}`, fileContent: bytes });
    this.learnRoot(path, fileID);
    await this.store.set<FileIndexDoc>(COLLECTIONS.fileIndex, {
      _id: indexId(path),
      path,
      fileID,
      contentType,
      size: bytes.length,
      storedAt: this.now().toISOString(),
    });
  }

  async get(path: string): Promise<{ bytes: Buffer; contentType: string } | null> {
    checkFilePath(path);
    const index = await this.store.get<FileIndexDoc>(COLLECTIONS.fileIndex, indexId(path));
    if (!index) return null;
    const { fileContent } = await this.cloud.downloadFile({ fileID: index.fileID });
    return { bytes: Buffer.from(fileContent), contentType: index.contentType };
  }

  async stat(path: string): Promise<{ contentType: string; size: number } | null> {
    checkFilePath(path);
    // The index is written only after the upload succeeded: it alone says the file is there.
    const index = await this.store.get<FileIndexDoc>(COLLECTIONS.fileIndex, indexId(path));
    return index ? { contentType: index.contentType, size: index.size } : null;
  }

  uploadTarget(path: string): string {
    checkFilePath(path);
    return `${this.prefix}/${path}`;
  }

  /**
   * wx.cloud.uploadFile answers `cloud://<env>.<bucket>/<cloudPath>`. The fileID must end in exactly the cloudPath the
   * server chose (and, when the environment is known, belong to it): otherwise the server would be reading some
   * other file the client happens to know the ID of.
   */
  private namesPath(path: string, fileID: string): boolean {
    const match = /^cloud:\/\/([A-Za-z0-9_.-]+)\/(.+)$/.exec(fileID);
    if (!match || match[2] !== this.uploadTarget(path)) return false;
    return this.envId === undefined || match[1]!.startsWith(`${this.envId}.`) || match[1] === this.envId;
  }

  async readUpload(path: string, fileID: string): Promise<Buffer | null> {
    if (!this.namesPath(path, fileID)) return null;
    try {
      const { fileContent } = await this.cloud.downloadFile({ fileID });
      return fileContent ? Buffer.from(fileContent) : null;
    } catch (e) {
      // -503003 (file does not exist) and the like: nothing was uploaded there.
      if (
        /not exist|-50300[0-9]|STORAGE_FILE_NONEXIST/i.test(
          `${(e as { errCode?: unknown }).errCode ?? ''} ${(e as Error).message ?? ''}`,
        )
      ) {
        return null;
      }
      throw e;
    }
  }

  async acceptUpload(path: string, fileID: string, contentType: string, size: number): Promise<void> {
    checkContentType(contentType);
    if (!this.namesPath(path, fileID)) throw new Error('upload fileID does not name the prepared path');
    await this.store.set<FileIndexDoc>(COLLECTIONS.fileIndex, {
      _id: indexId(path),
      path,
      fileID,
      contentType,
      size,
      storedAt: this.now().toISOString(),
    });
  }

  async discardUpload(path: string, fileID: string): Promise<void> {
    if (!this.namesPath(path, fileID)) return;
    await this.cloud.deleteFile({ fileList: [fileID] });
  }

  // ---- The file sweep ----
  // wx-server-sdk has no storage listing (uploadFile, downloadFile, deleteFile, getTempFileURL only), so the listing is
  // the `fileIndex` collection: every file the server stored or accepted. Bytes a client uploaded and never committed
  // have no entry; the sweep finds those through their upload tickets and erases them by path (removeStored).

  /**
   * Pages of `fileIndex` read from the end backwards (`_id` order, skip = position): removing entries already read
   * (they lie after the position) leaves the positions still to read unchanged. The cursor is that position.
   */
  async listStored(cursor: string | null, limit: number): Promise<{ files: StoredFile[]; cursor: string | null }> {
    const end = cursor === null ? await this.store.count(COLLECTIONS.fileIndex, {}) : Number(cursor);
    if (!Number.isSafeInteger(end) || end < 0) throw new Error('invalid file listing cursor');
    const start = Math.max(0, end - limit);
    if (end === 0) return { files: [], cursor: null };
    const page = await this.store.find<FileIndexDoc>(
      COLLECTIONS.fileIndex,
      {},
      { orderBy: [['_id', 'asc']], skip: start, limit: end - start },
    );
    const files = page.map((d) => ({
      path: d.path,
      size: d.size,
      storedAt: typeof d.storedAt === 'string' ? d.storedAt : null,
    }));
    return { files: files.reverse(), cursor: start === 0 ? null : String(start) };
  }

  /**
   * deleteFile takes fileIDs: an indexed file's own, or, for bytes a client uploaded and never committed, the
   * environment's storage root (`cloud://<env>.<bucket>/`, the part every fileID of the environment shares, read off
   * an indexed one) followed by the upload target. With no indexed file to read the root from, such bytes cannot be
   * named: the call fails and the sweep retries later.
   */
  async removeStored(paths: string[]): Promise<void> {
    const indexed: Array<{ fileID: string; indexId: string }> = [];
    const unindexed: string[] = [];
    for (const path of paths) {
      checkFilePath(path);
      const index = await this.store.get<FileIndexDoc>(COLLECTIONS.fileIndex, indexId(path));
      if (index) {
        this.learnRoot(index.path, index.fileID);
        indexed.push({ fileID: index.fileID, indexId: index._id });
      } else unindexed.push(`${await this.storageRoot()}${this.uploadTarget(path)}`);
    }
    // An indexed file must be gone before its entry is: status 0, or a "does not exist" answer. Any other status
    // (a storage error) stops here with the entry kept, so the next sweep lists it and tries again.
    for (let i = 0; i < indexed.length; i += DELETE_BATCH) {
      const batch = indexed.slice(i, i + DELETE_BATCH);
      const { fileList } = await this.cloud.deleteFile({ fileList: batch.map((b) => b.fileID) });
      const failed = fileList.filter((f) => f.status !== 0 && !NOT_THERE.test(`${f.status} ${f.errMsg ?? ''}`));
      if (failed.length > 0) throw new Error(`deleteFile failed for ${failed.length} file(s)`);
      for (const b of batch) await this.store.remove(COLLECTIONS.fileIndex, b.indexId);
    }
    // Bytes without an entry (an upload never committed): most tickets were never uploaded to at all, and the status
    // deleteFile gives for a missing file is not documented, so a non-zero status is not retried (see docs/DEPLOY.md).
    for (let i = 0; i < unindexed.length; i += DELETE_BATCH) {
      await this.cloud.deleteFile({ fileList: unindexed.slice(i, i + DELETE_BATCH) });
    }
  }

  private root: string | undefined;
  /** Remembers the environment's storage root from a fileID of this store (all fileIDs of the environment share it). */
  private learnRoot(path: string, fileID: string): void {
    const target = this.uploadTarget(path);
    if (!this.root && fileID.endsWith(`/${target}`)) this.root = fileID.slice(0, fileID.length - target.length);
  }
  private async storageRoot(): Promise<string> {
    if (!this.root) {
      const [known] = await this.store.find<FileIndexDoc>(COLLECTIONS.fileIndex, {}, { limit: 1 });
      if (known) this.learnRoot(known.path, known.fileID);
    }
    if (!this.root) throw new Error('storage root unknown: no stored file to read it from');
    return this.root;
  }

  async temporaryUrl(path: string, ttlSeconds: number, now: Date): Promise<{ url: string; expiresAt: string } | null> {
    checkFilePath(path);
    const index = await this.store.get<FileIndexDoc>(COLLECTIONS.fileIndex, indexId(path));
    if (!index) return null;
    const { fileList } = await this.cloud.getTempFileURL({ fileList: [{ fileID: index.fileID, maxAge: ttlSeconds }] });
    const entry = fileList[0];
    if (!entry || entry.status !== 0 || !entry.tempFileURL) return null;
    return { url: entry.tempFileURL, expiresAt: new Date(now.getTime() + ttlSeconds * 1000).toISOString() };
  }
}

/** deleteFile takes at most 50 fileIDs per call (wxcloud storage reference). */
const DELETE_BATCH = 50;
/** deleteFile's answer for a file that is not there (-503003 and STORAGE_FILE_NONEXIST, as downloadFile says). */
const NOT_THERE = /not exist|-503003|NONEXIST/i;

function indexId(path: string): string {
  return createHash('sha256').update(path).digest('hex');
}
