import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
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
  /** Signs temporary download links. Per instance: links die with the process, as short-lived links should. */
  private readonly linkKey = randomBytes(32);

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

  async stat(path: string): Promise<{ contentType: string; size: number } | null> {
    const full = this.locate(path);
    try {
      // The bytes' own size (the file is renamed into place after its metadata), the type from the metadata.
      const [info, meta] = await Promise.all([stat(full), readFile(`${full}.meta.json`, 'utf8')]);
      if (!info.isFile()) return null;
      const { contentType } = JSON.parse(meta) as { contentType: string };
      return { contentType, size: info.size };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  // ---- Client uploads: the local cloud's upload endpoint plays the part of wx.cloud.uploadFile ----

  uploadTarget(path: string): string {
    checkFilePath(path);
    return path;
  }

  /** What the upload endpoint does with the raw body: keep it at the prepared path, untyped until it is checked. */
  async receiveUpload(path: string, bytes: Buffer): Promise<{ fileID: string }> {
    await this.put(path, bytes, UNCHECKED_TYPE);
    return { fileID: `${LOCAL_FILE_ID}${path}` };
  }

  async readUpload(path: string, fileID: string): Promise<Buffer | null> {
    if (fileID !== `${LOCAL_FILE_ID}${path}`) return null;
    return (await this.get(path))?.bytes ?? null;
  }

  async acceptUpload(path: string, fileID: string, contentType: string, size: number): Promise<void> {
    const full = this.locate(path);
    checkContentType(contentType);
    if (fileID !== `${LOCAL_FILE_ID}${path}`) throw new StoreError('UNAVAILABLE', 'upload reference does not name the path');
    const tmpMeta = `${full}.${randomBytes(6).toString('hex')}.tmp.meta`;
    await writeFile(tmpMeta, JSON.stringify({ contentType, size }));
    await rename(tmpMeta, `${full}.meta.json`);
  }

  async discardUpload(path: string, fileID: string): Promise<void> {
    if (fileID !== `${LOCAL_FILE_ID}${path}`) return;
    const full = this.locate(path);
    await rm(full, { force: true });
    await rm(`${full}.meta.json`, { force: true });
  }

  // ---- Temporary download links: /api/files/download/<path>?expires=<ms>&sig=<hmac> ----

  async temporaryUrl(path: string, ttlSeconds: number, now: Date): Promise<{ url: string; expiresAt: string } | null> {
    this.locate(path);
    if (!(await this.get(path))) return null;
    const expires = now.getTime() + ttlSeconds * 1000;
    const url = `${LOCAL_DOWNLOAD_PREFIX}${path}?expires=${expires}&sig=${this.sign(path, expires)}`;
    return { url, expiresAt: new Date(expires).toISOString() };
  }

  /** The file behind a temporary link, or null when the link is forged, altered or expired at `now`. */
  async openTemporaryUrl(url: string, now: Date): Promise<{ bytes: Buffer; contentType: string } | null> {
    const parsed = new URL(url, 'http://local');
    if (!parsed.pathname.startsWith(LOCAL_DOWNLOAD_PREFIX)) return null;
    let path: string;
    try {
      path = decodeURIComponent(parsed.pathname.slice(LOCAL_DOWNLOAD_PREFIX.length));
      checkFilePath(path);
    } catch {
      return null;
    }
    const expires = Number(parsed.searchParams.get('expires'));
    const sig = Buffer.from(parsed.searchParams.get('sig') ?? '', 'utf8');
    const expected = Buffer.from(this.sign(path, expires), 'utf8');
    if (!Number.isSafeInteger(expires) || sig.length !== expected.length || !timingSafeEqual(sig, expected)) return null;
    if (now.getTime() >= expires) return null;
    const file = await this.get(path);
    return file && file.contentType !== UNCHECKED_TYPE ? file : null;
  }

  private sign(path: string, expires: number): string {
    return createHmac('sha256', this.linkKey).update(`${path}\n${expires}`).digest('base64url');
  }
}

/** fileID of a local upload (the local counterpart of `cloud://…`). */
export const LOCAL_FILE_ID = 'local://';
/** Path prefix of temporary download links served by the local cloud. */
export const LOCAL_DOWNLOAD_PREFIX = '/api/files/download/';
/** Content type of bytes received but not yet checked by files.commitUpload. */
const UNCHECKED_TYPE = 'application/octet-stream';
