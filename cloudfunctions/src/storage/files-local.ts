import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { join, resolve, sep } from 'node:path';
import type { FileStore, StoredFile } from './store';
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

  /**
   * `now` stamps `storedAt` beside each file (the sweep's grace period counts from it): the runtime's clock, so the
   * local cloud's dev clock and the tests' fixed instants agree with the records the actions write.
   */
  constructor(
    root: string,
    private readonly options: { now?: () => Date } = {},
  ) {
    this.root = resolve(root);
  }

  private stamp(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
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
    await writeFile(tmpMeta, JSON.stringify({ contentType, size: bytes.length, storedAt: this.stamp() }));
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
    if (fileID !== `${LOCAL_FILE_ID}${path}`)
      throw new StoreError('UNAVAILABLE', 'upload reference does not name the path');
    const tmpMeta = `${full}.${randomBytes(6).toString('hex')}.tmp.meta`;
    // Accepting restarts the grace period: a commit whose transaction is still running must not lose its bytes.
    await writeFile(tmpMeta, JSON.stringify({ contentType, size, storedAt: this.stamp() }));
    await rename(tmpMeta, `${full}.meta.json`);
  }

  async discardUpload(path: string, fileID: string): Promise<void> {
    if (fileID !== `${LOCAL_FILE_ID}${path}`) return;
    const full = this.locate(path);
    await rm(full, { force: true });
    await rm(`${full}.meta.json`, { force: true });
  }

  // ---- The file sweep ----

  /** Paths in string order; the cursor is the last path answered, so removals during a pass shift nothing. */
  async listStored(cursor: string | null, limit: number): Promise<{ files: StoredFile[]; cursor: string | null }> {
    const files: StoredFile[] = [];
    for await (const path of this.walk('', cursor)) {
      let full: string;
      try {
        full = this.locate(path);
      } catch {
        continue; // a name no handler could have chosen (put there by hand): not ours to judge
      }
      const [info, meta] = await Promise.all([
        stat(full).catch(() => null),
        readFile(`${full}.meta.json`, 'utf8').catch(() => null),
      ]);
      if (!info?.isFile()) continue;
      let storedAt: string | null = null;
      try {
        const parsed = meta ? (JSON.parse(meta) as { storedAt?: unknown }) : {};
        storedAt = typeof parsed.storedAt === 'string' ? parsed.storedAt : null;
      } catch {
        storedAt = null;
      }
      // Files written before `storedAt` was kept: the file system's own time.
      files.push({ path, size: info.size, storedAt: storedAt ?? info.mtime.toISOString() });
      if (files.length === limit) return { files, cursor: path };
    }
    return { files, cursor: null };
  }

  /**
   * Stored paths after `cursor`, in string order. A directory sorts as its name plus '/', so the walk's order is the
   * order of the full paths; a directory whose paths all sort before the cursor is not entered. Sidecars and
   * half-written temporary files are not files.
   */
  private async *walk(dir: string, cursor: string | null): AsyncGenerator<string> {
    let entries;
    try {
      entries = await readdir(dir ? join(this.root, ...dir.split('/')) : this.root, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    const named = entries
      .filter(
        (e) => e.isDirectory() || (e.isFile() && !e.name.endsWith('.meta.json') && !/\.tmp(\.meta)?$/.test(e.name)),
      )
      .map((e) => ({ path: dir ? `${dir}/${e.name}` : e.name, isDir: e.isDirectory() }))
      .sort((a, b) => compare(a.path + (a.isDir ? '/' : ''), b.path + (b.isDir ? '/' : '')));
    for (const entry of named) {
      if (entry.isDir) {
        const prefix = `${entry.path}/`;
        if (cursor !== null && compare(prefix, cursor) < 0 && !cursor.startsWith(prefix)) continue;
        yield* this.walk(entry.path, cursor);
      } else if (cursor === null || compare(entry.path, cursor) > 0) {
        yield entry.path;
      }
    }
  }

  async removeStored(paths: string[]): Promise<void> {
    for (const path of paths) {
      const full = this.locate(path);
      await rm(full, { force: true });
      await rm(`${full}.meta.json`, { force: true });
    }
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
    if (!Number.isSafeInteger(expires) || sig.length !== expected.length || !timingSafeEqual(sig, expected))
      return null;
    if (now.getTime() >= expires) return null;
    const file = await this.get(path);
    return file && file.contentType !== UNCHECKED_TYPE ? file : null;
  }

  private sign(path: string, expires: number): string {
    return createHmac('sha256', this.linkKey).update(`${path}\n${expires}`).digest('base64url');
  }
}

/** fileID of a local upload (the local counterpart of `cloud://…`). */
const LOCAL_FILE_ID = 'local://';
/** Path prefix of temporary download links served by the local cloud. */
export const LOCAL_DOWNLOAD_PREFIX = '/api/files/download/';
/** Content type of bytes received but not yet checked by files.commitUpload. */
const UNCHECKED_TYPE = 'application/octet-stream';

/** Code-unit order (what `<` does on strings), independent of the machine's locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
