// The H5 build as the local cloud sends it: brotli/gzip by Accept-Encoding (precompressed siblings or compressed once
// and kept), the decompressed bytes equal to the file, Vary on every compressible answer, a year of immutable caching
// for content-hashed names and revalidation (ETag, 304) for index.html and anything unhashed.
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startLocalCloud, type LocalCloud } from '../../src/local/start';
import { hasContentHash, negotiateEncoding } from '../../src/local/static-files';
import { probeInvoke } from './fixtures/probe';

interface Res {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(cloud: LocalCloud, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Res> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: cloud.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

// Script-like text well over the 1 KB compression threshold, different on every line so it is not trivially small.
const BUNDLE = Buffer.from(
  Array.from({ length: 400 }, (_, i) => `export const 积分${i} = ${i * 7919} % 97; // 第${i}行\n`).join(''),
  'utf8',
);
const HTML = Buffer.from(
  `<!doctype html><html lang="zh-CN"><title>新杭州人家园</title>${'<p>居住证积分</p>'.repeat(200)}</html>`,
);
const PNG_LIKE = Buffer.alloc(4096, 7);

describe('local cloud: compressed, cached static files', () => {
  let cloud: LocalCloud;
  let dir: string;
  let staticDir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hz-static-'));
    staticDir = join(dir, 'h5');
    mkdirSync(join(staticDir, 'js'), { recursive: true });
    mkdirSync(join(staticDir, 'css'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), HTML);
    writeFileSync(join(staticDir, 'js', 'app.68f59f99.js'), BUNDLE);
    writeFileSync(join(staticDir, 'js', 'plain.js'), BUNDLE);
    writeFileSync(join(staticDir, 'css', 'app.68f59f991aa3fda95e89.css'), `.hz{color:#1f6fd1}\n`.repeat(100));
    writeFileSync(join(staticDir, 'js', 'tiny.12345678.js'), 'console.log(1)');
    writeFileSync(join(staticDir, 'logo.0a1b2c3d.png'), PNG_LIKE);
    cloud = await startLocalCloud({
      port: 0,
      dataDir: join(dir, 'data'),
      now: '2026-05-01T09:00:00+08:00',
      invoke: probeInvoke,
      demo: null,
      staticDir,
      log: () => undefined,
    });
  });
  afterAll(async () => {
    await cloud.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('brotli when accepted: Content-Encoding br, Vary, and the decompressed bytes are the file', async () => {
    const res = await get(cloud, '/js/app.68f59f99.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(BUNDLE.length / 2);
    expect(brotliDecompressSync(res.body).equals(BUNDLE)).toBe(true);
  });

  test('gzip when brotli is not accepted (or refused with q=0)', async () => {
    for (const accept of ['gzip', 'gzip, deflate', 'br;q=0, gzip']) {
      const res = await get(cloud, '/js/app.68f59f99.js', { 'Accept-Encoding': accept });
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.headers.vary).toBe('Accept-Encoding');
      expect(gunzipSync(res.body).equals(BUNDLE)).toBe(true);
    }
  });

  test('the raw bytes without Accept-Encoding, with identity only, or with every offered coding refused', async () => {
    const cases: Record<string, string>[] = [
      {},
      { 'Accept-Encoding': 'identity' },
      { 'Accept-Encoding': 'br;q=0, gzip;q=0' },
      { 'Accept-Encoding': 'deflate' },
    ];
    for (const headers of cases) {
      const res = await get(cloud, '/js/app.68f59f99.js', headers);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      // Still varies: a cache must not give this uncompressed copy's key to a brotli client, nor the reverse.
      expect(res.headers.vary).toBe('Accept-Encoding');
      expect(res.body.equals(BUNDLE)).toBe(true);
      expect(res.headers['content-length']).toBe(String(BUNDLE.length));
    }
  });

  test('hashed files are cached for a year, immutable; index.html and unhashed files are revalidated', async () => {
    const accept = { 'Accept-Encoding': 'br' };
    expect((await get(cloud, '/js/app.68f59f99.js', accept)).headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    expect((await get(cloud, '/css/app.68f59f991aa3fda95e89.css', accept)).headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    expect((await get(cloud, '/logo.0a1b2c3d.png', accept)).headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    const index = await get(cloud, '/', accept);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(index.body).equals(HTML)).toBe(true);
    expect((await get(cloud, '/js/plain.js', accept)).headers['cache-control']).toBe('no-cache');
  });

  test('index.html revalidates with its ETag: 304 without a body while unchanged, 200 after a rebuild', async () => {
    const first = await get(cloud, '/index.html', { 'Accept-Encoding': 'gzip' });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+-gzip"$/);
    const again = await get(cloud, '/index.html', { 'Accept-Encoding': 'gzip', 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers['cache-control']).toBe('no-cache');
    expect(again.headers.vary).toBe('Accept-Encoding');
    // Another representation's tag does not match this one.
    expect((await get(cloud, '/index.html', { 'Accept-Encoding': 'br', 'If-None-Match': etag })).status).toBe(200);

    const rebuilt = Buffer.from(`${HTML.toString()}<!-- rebuilt -->`);
    writeFileSync(join(staticDir, 'index.html'), rebuilt);
    const later = new Date(Date.parse('2026-05-01T01:00:00Z') + 60_000);
    utimesSync(join(staticDir, 'index.html'), later, later);
    const fresh = await get(cloud, '/index.html', { 'Accept-Encoding': 'gzip', 'If-None-Match': etag });
    expect(fresh.status).toBe(200);
    // Not the compressed copy of the old file kept in memory.
    expect(gunzipSync(fresh.body).equals(rebuilt)).toBe(true);
  });

  test('a precompressed sibling written at build time is sent when it is as new as the file, ignored when older', async () => {
    const file = join(staticDir, 'js', 'vendor.0badc0de.js');
    const sibling = `${file}.br`;
    writeFileSync(file, BUNDLE);
    // A sibling with a recognisable body (still valid brotli of the same bytes, at the highest level).
    const best = brotliCompressSync(BUNDLE);
    writeFileSync(sibling, best);
    const t = new Date('2026-05-01T01:00:00Z');
    utimesSync(file, t, t);
    utimesSync(sibling, t, t);
    const res = await get(cloud, '/js/vendor.0badc0de.js', { 'Accept-Encoding': 'br' });
    expect(res.body.equals(best)).toBe(true);
    expect(brotliDecompressSync(res.body).equals(BUNDLE)).toBe(true);

    // The file is rebuilt after its sibling: the sibling is stale and must not be sent.
    const changed = Buffer.concat([BUNDLE, Buffer.from('export const 新 = 1;\n')]);
    writeFileSync(file, changed);
    const newer = new Date('2026-05-01T02:00:00Z');
    utimesSync(file, newer, newer);
    const after = await get(cloud, '/js/vendor.0badc0de.js', { 'Accept-Encoding': 'br' });
    expect(brotliDecompressSync(after.body).equals(changed)).toBe(true);
  });

  test('tiny files and already-compressed types are sent as they are; images do not vary', async () => {
    const tiny = await get(cloud, '/js/tiny.12345678.js', { 'Accept-Encoding': 'br' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe('console.log(1)');
    const png = await get(cloud, '/logo.0a1b2c3d.png', { 'Accept-Encoding': 'br' });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers.vary).toBeUndefined();
    expect(png.body.equals(PNG_LIKE)).toBe(true);
  });

  test('HEAD answers the same headers as GET, without a body', async () => {
    const getRes = await get(cloud, '/js/app.68f59f99.js', { 'Accept-Encoding': 'br' });
    const head = await get(cloud, '/js/app.68f59f99.js', { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const name of ['content-encoding', 'content-length', 'content-type', 'cache-control', 'vary', 'etag']) {
      expect(head.headers[name]).toBe(getRes.headers[name]);
    }
  });
});

describe('Accept-Encoding negotiation', () => {
  test.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br', 'br'],
    ['br', 'br'],
    ['GZIP', 'gzip'],
    ['gzip;q=1.0, br;q=0.5', 'gzip'],
    ['br;q=0.5, gzip;q=0.5', 'br'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['identity', 'identity'],
    ['deflate', 'identity'],
    [['gzip', 'br'], 'br'],
    ['br;q=abc, gzip', 'gzip'],
  ] as const)('%j → %s', (header, expected) => {
    expect(negotiateEncoding(header as string | string[] | undefined)).toBe(expected);
  });
});

describe('content-hash names', () => {
  test.each([
    ['js/app.68f59f99.js', true],
    ['css/app.68f59f991aa3fda95e89.css', true],
    ['static/images/logo.0a1b2c3d.png', true],
    ['index.html', false],
    ['js/app.1234.js', false],
    ['js/app.js', false],
    ['js/vendors.not-a-hash.js', false],
  ])('%s → %s', (file, hashed) => {
    expect(hasContentHash(file)).toBe(hashed);
  });
});
