import { createReadStream, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';

/**
 * How the local cloud sends one file of the H5 build: compressed when the browser accepts it, and cached for as long
 * as its name guarantees its content.
 *
 * - Encoding: brotli, else gzip, else the bytes as they are, by the request's Accept-Encoding (q-values honoured).
 *   A `<file>.br` / `<file>.gz` written beside the file at build time (client/config/plugin-precompress.js) is sent
 *   when it is at least as new as the file; otherwise the file is compressed once (a quicker brotli level) and kept
 *   in memory, keyed by path, size and modification time, so a rebuild is never answered from the old bytes.
 * - Caching: a name carrying a content hash (`app.68f59f99.js`, `app.68f59f991aa3fda95e89.css`) never changes its
 *   bytes, so it is cached for a year and marked immutable; everything else (index.html above all: it names the
 *   hashed files of the current build) is revalidated on every use with its ETag.
 * - Every compressible response says `Vary: Accept-Encoding`, so a shared cache never hands brotli to a client that
 *   asked for none.
 */

export type Encoding = 'br' | 'gzip' | 'identity';

/** Files smaller than this are sent as they are: the compressed frame would save next to nothing. */
const MIN_COMPRESS_BYTES = 1024;

const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
const REVALIDATE_CACHE = 'no-cache';

/** Content types worth compressing (images, fonts and PDFs are compressed already). */
function isCompressible(contentType: string): boolean {
  return /^(text\/|application\/(json|javascript|wasm|xml)|image\/svg\+xml)/.test(contentType);
}

/** A webpack/Taro content hash in the file name: 8 or more hex digits between dots (`name.<hash>.ext`). */
export function hasContentHash(filePath: string): boolean {
  return /\.[0-9a-f]{8,}\.[a-z0-9]+$/i.test(basename(filePath));
}

/**
 * The best encoding the request accepts, of brotli, gzip and none. Implements RFC 9110 §12.5.3 for the three
 * codings we offer: an explicit `q=0` refuses a coding and `*` stands for any coding not named. The raw bytes are the
 * fallback (a 406 would only leave an old client with no page).
 */
export function negotiateEncoding(acceptEncoding: string | string[] | undefined): Encoding {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [rawName, ...params] = part.trim().split(';');
    const name = rawName?.trim().toLowerCase();
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.trim().split('=');
      if (key?.trim().toLowerCase() === 'q') {
        const parsed = Number(value);
        q = Number.isFinite(parsed) ? Math.min(Math.max(parsed, 0), 1) : 0;
      }
    }
    weights.set(name, q);
  }
  const weightOf = (coding: string) => weights.get(coding) ?? weights.get('*') ?? 0;
  // Brotli before gzip at equal weight (smaller); either before the raw bytes whenever it is acceptable at all.
  let best: Encoding = 'identity';
  let bestWeight = 0;
  for (const coding of ['br', 'gzip'] as const) {
    const weight = weightOf(coding);
    if (weight > bestWeight) {
      best = coding;
      bestWeight = weight;
    }
  }
  return best;
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Compresses like the server does on the fly (brotli level 5: close to level 11's size at a fraction of its CPU). */
function compress(bytes: Buffer, encoding: Exclude<Encoding, 'identity'>): Promise<Buffer> {
  if (encoding === 'br') {
    return brotli(bytes, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: 5,
        [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
  }
  return gzipAsync(bytes, { level: 6 });
}

const SIBLING_SUFFIX: Record<Exclude<Encoding, 'identity'>, string> = { br: '.br', gzip: '.gz' };

/** Compressed bodies kept in memory, bounded in total size (oldest dropped first). */
class CompressedCache {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): Buffer | undefined {
    return this.entries.get(key);
  }

  set(key: string, body: Buffer): void {
    if (body.length > this.maxBytes) return;
    this.entries.set(key, body);
    this.bytes += body.length;
    for (const [oldKey, oldBody] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= oldBody.length;
    }
  }
}

export interface StaticFileSender {
  /** Answers GET/HEAD for a regular file already resolved inside the build folder. */
  send(req: IncomingMessage, res: ServerResponse, file: string, info: Stats, contentType: string): Promise<void>;
}

export function createStaticFileSender(options: { cacheBytes?: number } = {}): StaticFileSender {
  const cache = new CompressedCache(options.cacheBytes ?? 64 * 1024 * 1024);
  // One compression per file and coding at a time, however many requests ask for it together.
  const pending = new Map<string, Promise<Buffer>>();

  async function compressedBody(file: string, info: Stats, encoding: Exclude<Encoding, 'identity'>): Promise<Buffer> {
    const sibling = `${file}${SIBLING_SUFFIX[encoding]}`;
    const siblingInfo = await stat(sibling).catch(() => null);
    if (siblingInfo?.isFile() && siblingInfo.mtimeMs >= info.mtimeMs) return readFile(sibling);
    const key = `${encoding}\0${file}\0${info.size}\0${info.mtimeMs}`;
    const cached = cache.get(key);
    if (cached) return cached;
    let job = pending.get(key);
    if (!job) {
      job = readFile(file)
        .then((bytes) => compress(bytes, encoding))
        .then((body) => {
          cache.set(key, body);
          return body;
        })
        .finally(() => pending.delete(key));
      pending.set(key, job);
    }
    return job;
  }

  return {
    async send(req, res, file, info, contentType) {
      const compressible = isCompressible(contentType);
      const encoding =
        compressible && info.size >= MIN_COMPRESS_BYTES
          ? negotiateEncoding(req.headers['accept-encoding'])
          : 'identity';
      const version = `${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}`;
      const etag = `"${version}${encoding === 'identity' ? '' : `-${encoding}`}"`;
      const headers: Record<string, string | number> = {
        'Content-Type': contentType,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control':
          hasContentHash(file) && !contentType.startsWith('text/html') ? IMMUTABLE_CACHE : REVALIDATE_CACHE,
        ETag: etag,
      };
      if (compressible) headers.Vary = 'Accept-Encoding';

      if (etagMatches(req.headers['if-none-match'], etag)) {
        res.writeHead(304, headers);
        res.end();
        return;
      }

      if (encoding !== 'identity') {
        const body = await compressedBody(file, info, encoding);
        res.writeHead(200, { ...headers, 'Content-Encoding': encoding, 'Content-Length': body.length });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }

      res.writeHead(200, { ...headers, 'Content-Length': info.size });
      if (req.method === 'HEAD') return void res.end();
      await new Promise<void>((done) => {
        const stream = createReadStream(file);
        stream.on('error', () => {
          res.destroy();
          done();
        });
        stream.on('end', done);
        stream.pipe(res);
      });
    },
  };
}

function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  // Weak comparison (RFC 9110 §13.1.2): W/ prefixes are ignored.
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
