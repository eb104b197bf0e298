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
    private readonly cloud: Pick<CbCloud, 'uploadFile' | 'downloadFile'>,
    private readonly store: Store,
    /** Prefix inside the environment's bucket, so our files stay apart from anything else there. */
    private readonly prefix = 'hz-points',
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
}

function indexId(path: string): string {
  return createHash('sha256').update(path).digest('hex');
}
