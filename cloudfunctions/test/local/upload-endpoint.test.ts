// Evidence through the local cloud the way the H5 build sends it: files.prepareUpload (a small JSON call), then the
// raw bytes (not base64 JSON) to POST /api/files/upload/<uploadId>, which stores them and runs files.commitUpload
// through invoke — the production checks. Node's fetch plays the browser.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../src/local/start';
import { MB, noisePng } from '../helpers/photos';

let cloud: LocalCloud;
let dir: string;
/** Bytes of every function-call body sent (JSON), to show the file never went through one. */
const functionBodies: number[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hz-upload-'));
  cloud = await startLocalCloud({
    port: 0,
    dataDir: join(dir, 'data'),
    now: '2025-09-26T10:00:00+08:00',
    staticDir: dir,
    log: () => undefined,
  });
});
afterAll(async () => {
  await cloud.close();
  rmSync(dir, { recursive: true, force: true });
});

async function fn(openid: string, name: string, data: Record<string, unknown>): Promise<any> {
  const body = JSON.stringify(data);
  functionBodies.push(Buffer.byteLength(body));
  const res = await fetch(`${cloud.url}/api/functions/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-WX-OPENID': openid },
    body,
  });
  return res.json();
}

async function upload(openid: string, uploadId: string, bytes: Buffer): Promise<{ status: number; body: any }> {
  const res = await fetch(`${cloud.url}/api/files/upload/${uploadId}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', 'X-WX-OPENID': openid },
    body: bytes,
  });
  return { status: res.status, body: await res.json() };
}

const filesOnDisk = () => {
  const root = join(dir, 'data', 'files', 'evidence');
  return existsSync(root)
    ? readdirSync(root, { recursive: true }).filter((f) => !String(f).endsWith('.meta.json') && String(f).includes('.'))
        .length
    : 0;
};

test('a 3 MB photo streams as raw bytes, is stored, and downloads through a short-lived signed link', async () => {
  const photo = noisePng(3 * MB, 11);
  const prepared = await fn('demo-applicant', 'files', {
    action: 'prepareUpload',
    purpose: 'evidence',
    kind: 'png',
    size: photo.length,
  });
  expect(prepared).toMatchObject({
    ok: true,
    data: { cloudPath: expect.stringMatching(/^evidence\/p-demo-applicant\/[0-9a-f]{32}\.png$/) },
  });
  const sent = await upload('demo-applicant', prepared.data.uploadId, photo);
  expect(sent).toEqual({
    status: 200,
    body: { ok: true, data: { fileId: expect.any(String), contentType: 'image/png', size: photo.length } },
  });

  const read = await fn('demo-applicant', 'files', { action: 'read', fileId: sent.body.data.fileId });
  expect(read.data.url).toMatch(
    /^\/api\/files\/download\/evidence\/p-demo-applicant\/[0-9a-f]{32}\.png\?expires=\d+&sig=/,
  );
  const got = await fetch(`${cloud.url}${read.data.url}`);
  expect(got.status).toBe(200);
  expect(got.headers.get('content-type')).toBe('image/png');
  expect(Buffer.from(await got.arrayBuffer()).equals(photo)).toBe(true);
  // An altered link opens nothing; the link dies after its 10 minutes.
  expect((await fetch(`${cloud.url}${read.data.url}x`)).status).toBe(404);
  cloud.local.clock.set('2025-09-26T10:11:00+08:00'); // the dev clock runs on: a minute of slack
  expect((await fetch(`${cloud.url}${read.data.url}`)).status).toBe(404);
  cloud.local.clock.set('2025-09-26T10:00:00+08:00');

  for (const bytes of functionBodies) expect(bytes).toBeLessThan(1024);
});

test('denials over HTTP: another caller, a wrong type, an oversize body — each answered in JSON, nothing stored', async () => {
  const before = filesOnDisk();
  const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 1)]);
  const mine = await fn('demo-applicant', 'files', {
    action: 'prepareUpload',
    purpose: 'evidence',
    kind: 'jpg',
    size: jpeg.length,
  });

  // Someone else's ticket: looks missing, and their bytes are never written.
  expect(await upload('demo-employee', mine.data.uploadId, jpeg)).toMatchObject({
    status: 404,
    body: { ok: false, error: { code: 'NOT_FOUND' } },
  });
  expect(await upload('demo-applicant', 'u-made-up', jpeg)).toMatchObject({ status: 404 });
  expect(filesOnDisk()).toBe(before);

  // Not a JPEG/PNG/PDF: refused by the commit, and the bytes removed again.
  expect(await upload('demo-applicant', mine.data.uploadId, Buffer.from('GIF89a not allowed'))).toMatchObject({
    status: 400,
    body: { ok: false, error: { code: 'FILE_TYPE_NOT_ALLOWED', message: '仅支持JPEG、PNG图片或PDF文件' } },
  });
  expect(filesOnDisk()).toBe(before);

  // Over 4 MB: a 413 the client can read (the body is drained first), nothing written.
  const big = await fn('demo-applicant', 'files', {
    action: 'prepareUpload',
    purpose: 'evidence',
    kind: 'png',
    size: 1000,
  });
  expect(await upload('demo-applicant', big.data.uploadId, noisePng(5 * MB, 2))).toEqual({
    status: 413,
    body: { ok: false, error: { code: 'FILE_TOO_LARGE', message: '文件过大：单个材料不得超过4MB' } },
  });
  expect(filesOnDisk()).toBe(before);
  expect(
    await cloud.local.runtime.store.count('files', {
      ownerPersonId: 'p-demo-applicant',
      purpose: 'evidence',
      contentType: 'image/jpeg',
    }),
  ).toBe(0);
});
