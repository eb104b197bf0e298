import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join, resolve, sep } from 'node:path';
import type { FileStore } from './store';
import { StoreError } from './store';
import { checkContentType, checkFilePath } from './files-path';

/**
 * Files under `<dataDir>/files/`: the bytes at the path, the content type beside them in `<path>.meta.json`.
 * Paths are validated segment by segment and the resolved location must stay under the root, so no path can
 * reach outside it. Writes go to a temporary name and are renamed into place: a reader never sees half a file.
 */
export class LocalFileStore implements FileStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private locate(path: string): string {
    const full = resolve(this.root, ...checkFilePath(path));
    if (!full.startsWith(this.root + sep)) throw new StoreError('UNAVAILABLE', 'invalid file path');
    return full;
  }

  async put(path: string, bytes: Buffer, contentType: string): Promise<void> {
    const full = this.locate(path);
    checkContentType(contentType);
    if (!Buffer.isBuffer(bytes)) throw new StoreError('UNAVAILABLE', 'file content must be a Buffer');
    await mkdir(join(full, '..'), { recursive: true });
    const tmp = `${full}.${randomBytes(6).toString('hex')}.tmp`;
    const tmpMeta = `${tmp}.meta`;
    await writeFile(tmpMeta, JSON.stringify({ contentType, size: bytes.length }));
    await writeFile(tmp, bytes);
    // Metadata first: a file visible at `full` always has its content type.
    await rename(tmpMeta, `${full}.meta.json`);
    await rename(tmp, full);
  }

  async get(path: string): Promise<{ bytes: Buffer; contentType: string } | null> {
    const full = this.locate(path);
    try {
      const [bytes, meta] = await Promise.all([readFile(full), readFile(`${full}.meta.json`, 'utf8')]);
      const { contentType } = JSON.parse(meta) as { contentType: string };
      return { bytes, contentType };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'EISDIR') return null;
      throw e;
    }
  }
}
