// Photo uploads: `npx tsx cloudfunctions/bench/upload.bench.ts`. For a 1 MB and a 3 MB photo (PNG of noise, which
// does not compress), times the whole upload and counts the bytes each way sends:
// - H5 / local cloud: files.prepareUpload (JSON) + the raw bytes to POST /api/files/upload/<id> (stored and
//   committed in the same request), over loopback HTTP with Node's fetch;
// - weapp: prepareUpload → wx.cloud.uploadFile (a stand-in writing to memory) → commitUpload, through the deployed
//   entry over the CloudBase adapters; the function calls' bytes are counted apart from the storage bytes;
// - for comparison, the old base64 path (files.upload): what one callFunction carrying the photo would weigh.
// Median of HZ_BENCH_REPEATS (default 5) runs after one warm-up. Prints `name: value unit` lines.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startLocalCloud } from '../src/local/start';
import { makeMain } from '../src/wx/entry';
import { createWxRuntime } from '../src/wx/runtime';
import { seedDemo } from '../src/demo/seed';
import type { Runtime } from '../src/core/runtime';
import { fakeCloud } from '../test/local/fixtures/fake-cloud';
import { MB, noisePng } from '../test/helpers/photos';

const REPEATS = Math.max(1, Math.min(15, Number(process.env.HZ_BENCH_REPEATS ?? 5) || 5));
const SIZES = [1, 3];
/** WeChat's documented comfort limit for one callFunction field (see docs/DEPLOY.md). */
const CALL_FIELD_LIMIT = 100 * 1024;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (n: number) => (n / 1024).toFixed(1);

async function localPath(photo: Buffer): Promise<{ ms: number; functionBytes: number; rawBytes: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'hz-upload-bench-'));
  const cloud = await startLocalCloud({
    port: 0,
    dataDir: join(dir, 'data'),
    now: '2025-09-26T10:00:00+08:00',
    staticDir: dir,
    log: () => undefined,
  });
  try {
    const headers = { 'Content-Type': 'application/json', 'X-WX-OPENID': 'demo-applicant' };
    const once = async () => {
      const prepareBody = JSON.stringify({
        action: 'prepareUpload',
        purpose: 'evidence',
        kind: 'png',
        size: photo.length,
      });
      const t0 = performance.now();
      const prepared = (await (
        await fetch(`${cloud.url}/api/functions/files`, { method: 'POST', headers, body: prepareBody })
      ).json()) as any;
      const res = await fetch(`${cloud.url}/api/files/upload/${prepared.data.uploadId}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', 'X-WX-OPENID': 'demo-applicant' },
        body: photo,
      });
      const committed = (await res.json()) as any;
      const ms = performance.now() - t0;
      if (!committed.ok) throw new Error(`upload failed: ${committed.error.code}`);
      return { ms, functionBytes: Buffer.byteLength(prepareBody), rawBytes: photo.length };
    };
    await once();
    const runs = [];
    for (let i = 0; i < REPEATS; i++) runs.push(await once());
    return { ms: median(runs.map((r) => r.ms)), functionBytes: runs[0]!.functionBytes, rawBytes: runs[0]!.rawBytes };
  } finally {
    await cloud.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function weappPath(photo: Buffer): Promise<{ ms: number; functionBytes: number; storageBytes: number }> {
  const cloud = fakeCloud();
  const base = createWxRuntime(cloud, { CERT_SIGNING_KEY: 'bench-key-0123456789abcdef' });
  const runtime: Runtime = { ...base, now: () => new Date('2025-09-26T02:00:00Z'), log: () => undefined };
  await seedDemo(runtime);
  const files = makeMain('files', cloud, { createRuntime: () => runtime });
  cloud.as('demo-applicant');
  const once = async () => {
    let functionBytes = 0;
    const call = async (data: Record<string, unknown>): Promise<any> => {
      functionBytes += Buffer.byteLength(JSON.stringify(data));
      return files(data, {});
    };
    const t0 = performance.now();
    const p = await call({ action: 'prepareUpload', purpose: 'evidence', kind: 'png', size: photo.length });
    const { fileID } = await cloud.uploadFile({ cloudPath: p.data.cloudPath, fileContent: photo });
    const c = await call({ action: 'commitUpload', uploadId: p.data.uploadId, fileID });
    const ms = performance.now() - t0;
    if (!c.ok) throw new Error(`commit failed: ${c.error.code}`);
    return { ms, functionBytes, storageBytes: photo.length };
  };
  const quiet = console.log;
  console.log = () => undefined; // the entry logs JSON lines
  try {
    await once();
    const runs = [];
    for (let i = 0; i < REPEATS; i++) runs.push(await once());
    return {
      ms: median(runs.map((r) => r.ms)),
      functionBytes: runs[0]!.functionBytes,
      storageBytes: runs[0]!.storageBytes,
    };
  } finally {
    console.log = quiet;
  }
}

async function main(): Promise<void> {
  for (const mb of SIZES) {
    const photo = noisePng(mb * MB, mb);
    const label = `${mb}MB photo`;
    const local = await localPath(photo);
    console.log(`upload ${label}, H5 local cloud (prepare + raw body + commit): ${local.ms.toFixed(1)} ms`);
    console.log(
      `upload ${label}, H5 bytes sent: ${kb(local.functionBytes + local.rawBytes)} KB (function call ${local.functionBytes} B, raw body ${kb(local.rawBytes)} KB)`,
    );
    const weapp = await weappPath(photo);
    console.log(`upload ${label}, weapp path (prepare + uploadFile stand-in + commit): ${weapp.ms.toFixed(1)} ms`);
    console.log(
      `upload ${label}, weapp bytes in function calls: ${weapp.functionBytes} B (goal < ${kb(CALL_FIELD_LIMIT)} KB); to storage: ${kb(weapp.storageBytes)} KB`,
    );
    const base64Call = Buffer.byteLength(
      JSON.stringify({ action: 'upload', purpose: 'evidence', contentBase64: photo.toString('base64') }),
    );
    console.log(
      `upload ${label}, the old base64 callFunction would carry: ${kb(base64Call)} KB (${(base64Call / CALL_FIELD_LIMIT).toFixed(0)}× the field limit)`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
