// Over 300 lines on purpose: one router of the local cloud (functions, uploads, downloads, static H5, dev clock,
// demo) whose routes share the body limits, the caller header and the error answers.
import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { ERROR_CODES, MAX_FILE_BYTES } from '@hz-points/shared';
import type { Caller, Envelope, Runtime } from '../core/runtime';
import { receiveLocalUpload } from '../functions/files';
import { LOCAL_DOWNLOAD_PREFIX, LocalFileStore } from '../storage/files-local';
import type { DevClock } from './clock';
import { milestonesFor } from './demo-milestones';
import { createStaticFileSender } from './static-files';

/**
 * The local cloud over plain node:http (no framework: five routes, a body limit and static files do not need one).
 *
 *   POST /api/functions/<name>   body = the callFunction `data`, header X-WX-OPENID = the caller (local mode only)
 *   POST /api/files/upload/<uploadId>   raw file bytes for a files.prepareUpload ticket (stands in for
 *                                wx.cloud.uploadFile), answered with the files.commitUpload envelope
 *   GET  /api/files/download/<path>?expires=…&sig=…   a signed, short-lived link from files.read (getTempFileURL)
 *   GET|POST /api/dev/clock      read / set the dev clock            GET /api/dev/personas   demo personas
 *   GET  /api/dev/milestones     the next meaningful dates for the caller (the persona bar's 时间快进)
 *   everything else              the H5 build (client/dist/h5), index.html for "/"; brotli/gzip and cache headers
 *                                as static-files.ts decides
 *
 * Every failure becomes a JSON envelope with a stable code and a Chinese message; nothing thrown escapes a request.
 */
export type InvokeFn = (name: string, event: unknown, caller: Caller, runtime: Runtime) => Promise<Envelope>;

export interface LocalServerOptions {
  runtime: Runtime;
  clock: DevClock;
  invoke: InvokeFn;
  /** Status for an envelope error code (the domain's table); unknown codes are 500. */
  statusOf: (code: string) => number;
  personas: () => unknown;
  staticDir: string;
  /** Largest function-call body accepted (bytes). Files never travel in calls (see /api/files/upload; there is no
   * base64 upload action); uploads have their own limit, MAX_FILE_BYTES. */
  bodyLimit?: number;
}

const DEFAULT_BODY_LIMIT = 8 * 1024 * 1024;
/** An oversized body is drained up to this many bytes before its 413 (see readBody); past it the sender is cut off. */
const DISCARD_LIMIT = 64 * 1024 * 1024;

/**
 * Transport-level errors of the local server. BAD_JSON and PAYLOAD_TOO_LARGE are shared codes (the client knows
 * them); the rest keep messages specific to the HTTP layer (an unknown path, the dev clock's input).
 */
const SERVER_ERRORS = {
  BAD_JSON: ERROR_CODES.BAD_JSON,
  PAYLOAD_TOO_LARGE: ERROR_CODES.PAYLOAD_TOO_LARGE,
  // An upload over the file limit: the same words the commit would use, with the HTTP status of a body too large.
  FILE_TOO_LARGE: { status: 413, message: ERROR_CODES.FILE_TOO_LARGE.message },
  NOT_FOUND: { status: 404, message: '请求的地址不存在' },
  METHOD_NOT_ALLOWED: { status: 405, message: '不支持的请求方式' },
  VALIDATION_FAILED: { status: 400, message: '时间格式不正确，请使用带时区的 ISO 8601 时间' },
  INTERNAL: { status: 500, message: '系统繁忙，请稍后再试' },
} as const;
type ServerErrorCode = keyof typeof SERVER_ERRORS;

const UPLOAD_PREFIX = '/api/files/upload/';

const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

const MISSING_BUILD_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>杭州居住证积分（本地）</title>
<style>body{font:18px/1.6 system-ui,sans-serif;max-width:40em;margin:3em auto;padding:0 1em;color:#222}code{background:#f2f2f2;padding:.1em .3em}</style>
</head><body>
<h1>尚未构建网页版</h1>
<p>本地云服务已启动，但没有找到 H5 构建结果（<code>client/dist/h5</code>）。</p>
<p>请在项目根目录运行 <code>npm run build -w client -- --type h5</code>（或直接运行 <code>npm start</code>，它会先构建再启动），然后刷新本页。</p>
<p>云函数接口可直接使用：<code>POST /api/functions/&lt;名称&gt;</code>。</p>
</body></html>
`;

export function createLocalServer(options: LocalServerOptions): Server {
  const staticRoot = resolve(options.staticDir);
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  // How much of an oversized body is read (and thrown away) so that its sender can read the 413.
  const discardLimit = Math.max(DISCARD_LIMIT, bodyLimit * 2);
  const { runtime } = options;
  const staticFiles = createStaticFileSender();

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      runtime.log('error', 'unhandled request failure', { errorName: err instanceof Error ? err.name : typeof err });
      if (!res.headersSent) sendError(res, 'INTERNAL');
      else res.destroy();
    });
  });
  // Malformed HTTP (bad request line, oversized headers): answer 400 instead of letting the socket error escape.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    const path = url.pathname;

    if (path.startsWith('/api/functions/')) {
      const name = path.slice('/api/functions/'.length);
      if (!FUNCTION_NAME.test(name)) return sendError(res, 'NOT_FOUND');
      if (req.method !== 'POST') return sendError(res, 'METHOD_NOT_ALLOWED', { Allow: 'POST' });
      const body = await readJson(req, res);
      if (body === NO_BODY) return;
      const caller: Caller = { openid: openidOf(req) };
      const envelope = await options.invoke(name, body, caller, runtime);
      const status = envelope.ok ? 200 : options.statusOf(envelope.error.code);
      sendJson(res, status, envelope);
      if (status >= 500)
        runtime.log('warn', 'function answered 5xx', { fn: name, code: envelope.ok ? '' : envelope.error.code });
      return;
    }

    if (path.startsWith(UPLOAD_PREFIX)) {
      if (req.method !== 'POST') return sendError(res, 'METHOD_NOT_ALLOWED', { Allow: 'POST' });
      const files = runtime.files;
      if (!(files instanceof LocalFileStore)) return sendError(res, 'NOT_FOUND');
      const uploadId = path.slice(UPLOAD_PREFIX.length);
      const bytes = await readBody(req, res, MAX_FILE_BYTES, 'FILE_TOO_LARGE');
      if (bytes === NO_BODY) return;
      const caller: Caller = { openid: openidOf(req) };
      const envelope = await receiveLocalUpload(runtime, caller, uploadId, bytes, options.invoke, (p, b) =>
        files.receiveUpload(p, b),
      );
      return sendJson(res, envelope.ok ? 200 : options.statusOf(envelope.error.code), envelope);
    }

    if (path.startsWith(LOCAL_DOWNLOAD_PREFIX)) {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return sendError(res, 'METHOD_NOT_ALLOWED', { Allow: 'GET, HEAD' });
      const files = runtime.files;
      const file = files instanceof LocalFileStore ? await files.openTemporaryUrl(req.url ?? '', runtime.now()) : null;
      // Forged, altered and expired links look like a missing file.
      if (!file) return sendError(res, 'NOT_FOUND');
      res.writeHead(200, {
        'Content-Type': file.contentType,
        'Content-Length': file.bytes.length,
        'Content-Disposition': 'inline',
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : file.bytes);
      return;
    }

    if (path === '/api/dev/clock') {
      if (req.method === 'GET')
        return sendJson(res, 200, { ok: true, data: { now: options.clock.now().toISOString() } });
      if (req.method !== 'POST') return sendError(res, 'METHOD_NOT_ALLOWED', { Allow: 'GET, POST' });
      const body = await readJson(req, res);
      if (body === NO_BODY) return;
      const now = (body as { now?: unknown }).now;
      if (now === null) {
        options.clock.reset();
      } else {
        try {
          options.clock.set(String(now));
        } catch {
          return sendError(res, 'VALIDATION_FAILED');
        }
      }
      runtime.log('info', 'dev clock set', { now: options.clock.now().toISOString() });
      return sendJson(res, 200, { ok: true, data: { now: options.clock.now().toISOString() } });
    }

    if (path === '/api/dev/milestones') {
      if (req.method !== 'GET') return sendError(res, 'METHOD_NOT_ALLOWED', { Allow: 'GET' });
      const now = options.clock.now();
      // rounds.get answers any WeChat user: nobody chosen in the persona bar reads as a user with no registration.
      const caller: Caller = { openid: openidOf(req) ?? 'local-dev-clock' };
      const milestones = await milestonesFor(now, (fn, event) => options.invoke(fn, event, caller, runtime));
      return sendJson(res, 200, { ok: true, data: { now: now.toISOString(), milestones } });
    }

    if (path === '/api/dev/personas') {
      if (req.method !== 'GET') return sendError(res, 'METHOD_NOT_ALLOWED', { Allow: 'GET' });
      return sendJson(res, 200, { ok: true, data: options.personas() });
    }

    if (path === '/api' || path.startsWith('/api/')) return sendError(res, 'NOT_FOUND');

    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendError(res, 'METHOD_NOT_ALLOWED', { Allow: 'GET, HEAD' });
    return serveStatic(req, res, path);
  }

  const NO_BODY = Symbol('no body');

  /** Reads and parses the body; on failure answers the request itself and returns NO_BODY. */
  async function readJson(req: IncomingMessage, res: ServerResponse): Promise<unknown | typeof NO_BODY> {
    const bytes = await readBody(req, res, bodyLimit);
    if (bytes === NO_BODY) return NO_BODY;
    try {
      const parsed: unknown = JSON.parse(bytes.toString('utf8'));
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      return parsed;
    } catch {
      sendError(res, 'BAD_JSON');
      return NO_BODY;
    }
  }

  /**
   * Reads the whole body up to `limit` bytes. Over the limit (declared or streamed) it answers 413 itself — but only
   * once the client has finished sending: closing a socket with unread data makes the kernel send a reset, and a
   * client still writing (Node's fetch, a browser) then reports EPIPE / ECONNRESET instead of the answer. The rest
   * of the body is read and discarded up to `discardLimit`; a client sending even more is cut off.
   */
  async function readBody(
    req: IncomingMessage,
    res: ServerResponse,
    limit: number,
    tooLarge: 'PAYLOAD_TOO_LARGE' | 'FILE_TOO_LARGE' = 'PAYLOAD_TOO_LARGE',
  ): Promise<Buffer | typeof NO_BODY> {
    const declared = Number(req.headers['content-length']);
    const declaredTooLarge = Number.isFinite(declared) && declared > limit;
    // Plain 'data'/'end' listeners rather than `for await (… of req)`: the async iterator costs ≈ 10 µs per request
    // (measured under the server bench), a visible share of a ≈ 0.7 ms submission.
    const chunks: Buffer[] = [];
    let size = 0;
    const outcome = await new Promise<'ok' | 'tooLarge' | 'cutOff' | 'aborted'>((done) => {
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size > discardLimit) {
          cleanup();
          done('cutOff');
          return;
        }
        if (!declaredTooLarge && size <= limit) chunks.push(chunk);
        else chunks.length = 0; // discarding: keep nothing of an oversized body
      };
      const onEnd = () => {
        cleanup();
        done(declaredTooLarge || size > limit ? 'tooLarge' : 'ok');
      };
      // Client went away mid-body (or the stream failed): nothing to answer.
      const onGone = () => {
        cleanup();
        done('aborted');
      };
      const cleanup = () => {
        req.off('data', onData);
        req.off('end', onEnd);
        req.off('error', onGone);
        req.off('close', onGone);
      };
      req.on('data', onData);
      req.on('end', onEnd);
      req.on('error', onGone);
      req.on('close', onGone);
    });
    if (outcome === 'aborted') {
      res.destroy();
      return NO_BODY;
    }
    if (outcome === 'tooLarge') {
      sendError(res, tooLarge, { Connection: 'close' });
      return NO_BODY;
    }
    if (outcome === 'cutOff') {
      // Far past any sensible upload: answer, then stop reading (this client may see a reset).
      sendError(res, tooLarge, { Connection: 'close' });
      res.once('finish', () => req.destroy());
      return NO_BODY;
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return sendError(res, 'NOT_FOUND');
    }
    const segments = decoded.split('/').filter((s) => s.length > 0);
    if (
      decoded.includes('\0') ||
      decoded.includes('\\') ||
      segments.some((s) => s === '..' || s === '.' || s.startsWith('.'))
    ) {
      return sendError(res, 'NOT_FOUND');
    }
    let file = resolve(staticRoot, ...segments);
    if (file !== staticRoot && !file.startsWith(staticRoot + sep)) return sendError(res, 'NOT_FOUND');

    let info: Stats | null = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = resolve(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info || !info.isFile()) {
      if (segments.length === 0) {
        const body = Buffer.from(MISSING_BUILD_PAGE);
        res.writeHead(503, {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Length': body.length,
          'Cache-Control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      return sendError(res, 'NOT_FOUND');
    }
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return staticFiles.send(req, res, file, info, type);
  }

  return server;
}

function openidOf(req: IncomingMessage): string | undefined {
  const raw = req.headers['x-wx-openid'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed.length > 0 ? trimmed : undefined;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': payload.length,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(payload);
}

function sendError(res: ServerResponse, code: ServerErrorCode, headers: Record<string, string> = {}): void {
  const { status, message } = SERVER_ERRORS[code];
  sendJson(res, status, { ok: false, error: { code, message } }, headers);
}
