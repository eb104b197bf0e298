import { createHash } from 'node:crypto';
import type { CbCloud } from './cloudbase-types';
import type { Doc, FileStore, Store } from './store';
import { checkContentType, checkFilePath } from './files-path';

export const FILE_INDEX_COLLECTION = 'fileIndex';

interface FileIndexDoc extends Doc {
  path: string;
  fileID: string;
  contentType: string;
  size: number;
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
  ) {}

  async put(path: string, bytes: Buffer, contentType: string): Promise<void> {
    checkFilePath(path);
    checkContentType(contentType);
    const { fileID } = await this.cloud.uploadFile({ cloudPath: `${this.prefix}/${path}`, fileContent: bytes });
    await this.store.set<FileIndexDoc>(FILE_INDEX_COLLECTION, { _id: indexId(path), path, fileID, contentType, size: bytes.length });
  }

  async get(path: string): Promise<{ bytes: Buffer; contentType: string } | null> {
    checkFilePath(path);
    const index = await this.store.get<FileIndexDoc>(FILE_INDEX_COLLECTION, indexId(path));
    if (!index) return null;
    const { fileContent } = await this.cloud.downloadFile({ fileID: index.fileID });
    return { bytes: Buffer.from(fileContent), contentType: index.contentType };
  }

  async stat(path: string): Promise<{ contentType: string; size: number } | null> {
    checkFilePath(path);
    // The index is written only after the upload succeeded: it alone says the file is there.
    const index = await this.store.get<FileIndexDoc>(FILE_INDEX_COLLECTION, indexId(path));
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
      if (/not exist|-50300[0-9]|STORAGE_FILE_NONEXIST/i.test(`${(e as { errCode?: unknown }).errCode ?? ''} ${(e as Error).message ?? ''}`)) {
        return null;
      }
      throw e;
    }
  }

  async acceptUpload(path: string, fileID: string, contentType: string, size: number): Promise<void> {
    checkContentType(contentType);
    if (!this.namesPath(path, fileID)) throw new Error('upload fileID does not name the prepared path');
    await this.store.set<FileIndexDoc>(FILE_INDEX_COLLECTION, { _id: indexId(path), path, fileID, contentType, size });
  }

  async discardUpload(path: string, fileID: string): Promise<void> {
    if (!this.namesPath(path, fileID)) return;
    await this.cloud.deleteFile({ fileList: [fileID] });
  }

  async temporaryUrl(path: string, ttlSeconds: number, now: Date): Promise<{ url: string; expiresAt: string } | null> {
    checkFilePath(path);
    const index = await this.store.get<FileIndexDoc>(FILE_INDEX_COLLECTION, indexId(path));
    if (!index) return null;
    const { fileList } = await this.cloud.getTempFileURL({ fileList: [{ fileID: index.fileID, maxAge: ttlSeconds }] });
    const entry = fileList[0];
    if (!entry || entry.status !== 0 || !entry.tempFileURL) return null;
    return { url: entry.tempFileURL, expiresAt: new Date(now.getTime() + ttlSeconds * 1000).toISOString() };
  }
}

function indexId(path: string): string {
  return createHash('sha256').update(path).digest('hex');
}
