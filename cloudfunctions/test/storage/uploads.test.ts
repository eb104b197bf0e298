// Evidence through storage, the way the mini-program sends it: files.prepareUpload → wx.cloud.uploadFile (the
// client's own call, straight to cloud storage) → files.commitUpload. Runs through the deployed entry (makeMain) over
// the CloudBase adapters and a stand-in of cloud storage, recording every function call: no file bytes, base64 or
// not, ever travel inside one.
import { makeMain } from '../../src/wx/entry';
import { createWxRuntime } from '../../src/wx/runtime';
import { seedDemo, DEMO_PERSON_IDS } from '../../src/demo/seed';
import { entrustmentId } from '../../src/core/model';
import type { Runtime } from '../../src/core/runtime';
import { fakeCloud } from '../local/fixtures/fake-cloud';
import { MB, noisePng } from '../helpers/photos';

const quiet = jest.spyOn(console, 'log').mockImplementation(() => undefined);
afterAll(() => quiet.mockRestore());

const PHOTO_3MB = noisePng(3 * MB, 3);
const JPEG_SMALL = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.alloc(2000, 9),
  Buffer.from([0xff, 0xd9]),
]);

async function world() {
  const cloud = fakeCloud();
  let now = new Date('2025-09-26T02:00:00Z');
  const base = createWxRuntime(cloud, { CERT_SIGNING_KEY: 'test-key-0123456789abcdef' });
  const runtime: Runtime = { ...base, now: () => new Date(now.getTime()) };
  await seedDemo(runtime);
  /** Every callFunction payload, as the platform would carry it (JSON). */
  const sent: Array<{ openid: string; action: string; bytes: number }> = [];
  const files = makeMain('files', cloud, { createRuntime: () => runtime });
  const applications = makeMain('applications', cloud, { createRuntime: () => runtime });
  const accounts = makeMain('accounts', cloud, { createRuntime: () => runtime });
  const call = async (openid: string, fn: typeof files, data: Record<string, unknown>): Promise<any> => {
    sent.push({ openid, action: String(data.action), bytes: Buffer.byteLength(JSON.stringify(data)) });
    cloud.as(openid);
    return fn(data, {});
  };
  /** wx.cloud.uploadFile as the mini-program calls it: straight to storage, no function involved. */
  const uploadFile = async (cloudPath: string, fileContent: Buffer) =>
    (await cloud.uploadFile({ cloudPath, fileContent })).fileID;
  const fileCount = () => runtime.store.count('files', {});
  const storedAt = async (cloudPath: string) =>
    (await cloud.downloadFile({ fileID: `cloud://env/${cloudPath}` }).catch(() => null))?.fileContent ?? null;
  return {
    cloud,
    runtime,
    sent,
    call,
    uploadFile,
    fileCount,
    storedAt,
    files: (openid: string, data: Record<string, unknown>) => call(openid, files, data),
    applications: (openid: string, data: Record<string, unknown>) => call(openid, applications, data),
    accounts: (openid: string, data: Record<string, unknown>) => call(openid, accounts, data),
    setNow: (iso: string) => (now = new Date(iso)),
  };
}

test('a 3 MB photo reaches the server as a stored file; no function call carries more than 1 KB', async () => {
  const w = await world();
  expect(PHOTO_3MB.length).toBeGreaterThan(3 * MB);
  const prepared = await w.files('demo-applicant', {
    action: 'prepareUpload',
    purpose: 'evidence',
    kind: 'png',
    size: PHOTO_3MB.length,
  });
  expect(prepared).toMatchObject({
    ok: true,
    data: { uploadId: expect.any(String), maxBytes: 4 * MB, expiresAt: '2025-09-26T02:30:00.000Z' },
  });
  const { uploadId, cloudPath } = prepared.data;
  expect(cloudPath).toMatch(/^hz-points\/evidence\/p-demo-applicant\/[0-9a-f]{32}\.png$/);

  const fileID = await w.uploadFile(cloudPath, PHOTO_3MB);
  const committed = await w.files('demo-applicant', { action: 'commitUpload', uploadId, fileID });
  expect(committed).toEqual({
    ok: true,
    data: { fileId: expect.any(String), contentType: 'image/png', size: PHOTO_3MB.length },
  });
  const fileId = committed.data.fileId;

  // Stored, recorded for the applicant, and usable as evidence of a claim.
  expect((await w.runtime.files.get(cloudPath.slice('hz-points/'.length)))?.bytes.equals(PHOTO_3MB)).toBe(true);
  expect(await w.runtime.store.get('files', fileId)).toMatchObject({
    ownerPersonId: 'p-demo-applicant',
    uploadedByPersonId: 'p-demo-applicant',
    purpose: 'evidence',
    size: PHOTO_3MB.length,
  });
  const draft = await w.applications('demo-applicant', {
    action: 'saveDraft',
    year: 2025,
    claims: [{ indicator: 'rental', value: { rentalYears: 3 }, evidence: [fileId] }],
  });
  expect(draft).toMatchObject({ ok: true });

  // Read back as a temporary link (getTempFileURL with a 10-minute maxAge), not as bytes.
  const read = await w.files('demo-applicant', { action: 'read', fileId });
  expect(read).toEqual({
    ok: true,
    data: {
      fileId,
      contentType: 'image/png',
      size: PHOTO_3MB.length,
      url: expect.stringMatching(/^https:\/\/tmp\.example\//),
      expiresAt: '2025-09-26T02:10:00.000Z',
    },
  });
  expect(JSON.stringify(read).length).toBeLessThan(1024);

  // The recorded payloads: four calls, none bigger than 1 KB (a base64 photo would be > 4 MB).
  expect(w.sent.map((s) => s.action)).toEqual(['prepareUpload', 'commitUpload', 'saveDraft', 'read']);
  for (const s of w.sent) expect(s.bytes).toBeLessThan(1024);
});

test('a delegate uploads for the person they act for; the file is that person’s', async () => {
  const w = await world();
  const photo = noisePng(100 * 1024, 5);
  const p = await w.files('demo-agent', {
    action: 'prepareUpload',
    onBehalfOf: DEMO_PERSON_IDS.employee,
    purpose: 'evidence',
    kind: 'png',
    size: photo.length,
  });
  expect(p.data.cloudPath).toMatch(/^hz-points\/evidence\/p-demo-employee\//);
  const c = await w.files('demo-agent', {
    action: 'commitUpload',
    uploadId: p.data.uploadId,
    fileID: await w.uploadFile(p.data.cloudPath, photo),
  });
  expect(await w.runtime.store.get('files', c.data.fileId)).toMatchObject({
    ownerPersonId: 'p-demo-employee',
    uploadedByPersonId: 'p-demo-agent',
  });
});

describe('denials: nothing recorded, refused bytes deleted', () => {
  test('no one prepares an upload into the evidence of a person they may not act for', async () => {
    const w = await world();
    const before = await w.fileCount();
    expect(
      await w.files('demo-employee', {
        action: 'prepareUpload',
        onBehalfOf: DEMO_PERSON_IDS.applicant,
        purpose: 'evidence',
        kind: 'jpg',
        size: 1000,
      }),
    ).toMatchObject({ ok: false, error: { code: 'DELEGATION_REQUIRED' } });
    // Delegation documents are the agent's own: never uploaded "for" someone.
    expect(
      await w.files('demo-agent', {
        action: 'prepareUpload',
        onBehalfOf: DEMO_PERSON_IDS.employee,
        purpose: 'identity',
        kind: 'pdf',
        size: 1000,
      }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await w.runtime.store.count('uploads', {})).toBe(0);
    expect(await w.fileCount()).toBe(before);
  });

  test("a caller cannot commit someone else's upload ticket (it looks missing), and the owner still can", async () => {
    const w = await world();
    const before = await w.fileCount();
    const p = await w.files('demo-applicant', {
      action: 'prepareUpload',
      purpose: 'evidence',
      kind: 'jpg',
      size: JPEG_SMALL.length,
    });
    const fileID = await w.uploadFile(p.data.cloudPath, JPEG_SMALL);
    for (const other of ['demo-employee', 'demo-agent', 'demo-guardian']) {
      expect(await w.files(other, { action: 'commitUpload', uploadId: p.data.uploadId, fileID })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    }
    expect(await w.fileCount()).toBe(before);
    const own = await w.files('demo-applicant', { action: 'commitUpload', uploadId: p.data.uploadId, fileID });
    expect(await w.runtime.store.get('files', own.data.fileId)).toMatchObject({ ownerPersonId: 'p-demo-applicant' });
    // A retried commit (answer lost) gets the same file; nothing new is written.
    expect(await w.files('demo-applicant', { action: 'commitUpload', uploadId: p.data.uploadId, fileID })).toEqual(own);
    expect(await w.fileCount()).toBe(before + 1);
  });

  test('a delegation revoked between prepare and commit denies the commit and deletes the bytes', async () => {
    const w = await world();
    const before = await w.fileCount();
    const p = await w.files('demo-agent', {
      action: 'prepareUpload',
      onBehalfOf: DEMO_PERSON_IDS.employee,
      purpose: 'evidence',
      kind: 'jpg',
      size: JPEG_SMALL.length,
    });
    const fileID = await w.uploadFile(p.data.cloudPath, JPEG_SMALL);
    expect(
      await w.accounts('demo-employee', {
        action: 'revokeEntrustment',
        entrustmentId: entrustmentId(DEMO_PERSON_IDS.agent, DEMO_PERSON_IDS.employee),
      }),
    ).toMatchObject({ ok: true });
    expect(await w.files('demo-agent', { action: 'commitUpload', uploadId: p.data.uploadId, fileID })).toMatchObject({
      ok: false,
      error: { code: 'DELEGATION_REQUIRED' },
    });
    expect(await w.fileCount()).toBe(before);
    expect(await w.storedAt(p.data.cloudPath)).toBeNull();
  });

  test.each([
    ['a GIF', 'png', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')],
    ['an executable', 'pdf', Buffer.from('MZ\x90\x00\x03', 'latin1')],
    ['a JPEG declared as a PDF', 'pdf', JPEG_SMALL],
  ])('a wrong-type file (%s) is refused with nothing stored', async (_label, kind, bytes) => {
    const w = await world();
    const before = await w.fileCount();
    const p = await w.files('demo-applicant', {
      action: 'prepareUpload',
      purpose: 'evidence',
      kind,
      size: bytes.length,
    });
    const fileID = await w.uploadFile(p.data.cloudPath, bytes);
    expect(
      await w.files('demo-applicant', { action: 'commitUpload', uploadId: p.data.uploadId, fileID }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FILE_TYPE_NOT_ALLOWED', message: expect.stringMatching(/JPEG、PNG图片或PDF/) },
    });
    expect(await w.fileCount()).toBe(before);
    expect(await w.storedAt(p.data.cloudPath)).toBeNull();
  });

  test('an oversize file is refused: declared at prepare, or actually uploaded bigger than declared', async () => {
    const w = await world();
    const before = await w.fileCount();
    expect(
      await w.files('demo-applicant', { action: 'prepareUpload', purpose: 'evidence', kind: 'png', size: 4 * MB + 1 }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/不得超过4MB/) } });
    const big = noisePng(4 * MB + 10_000, 7);
    const p = await w.files('demo-applicant', {
      action: 'prepareUpload',
      purpose: 'evidence',
      kind: 'png',
      size: 1000,
    });
    const fileID = await w.uploadFile(p.data.cloudPath, big);
    expect(
      await w.files('demo-applicant', { action: 'commitUpload', uploadId: p.data.uploadId, fileID }),
    ).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE', message: '文件过大：单个材料不得超过4MB' } });
    expect(await w.fileCount()).toBe(before);
    expect(await w.storedAt(p.data.cloudPath)).toBeNull();
  });

  test('a fileID naming another file, nothing uploaded, or an expired ticket: refused, nothing recorded', async () => {
    const w = await world();
    const before = await w.fileCount();
    const a = await w.files('demo-applicant', {
      action: 'prepareUpload',
      purpose: 'evidence',
      kind: 'jpg',
      size: JPEG_SMALL.length,
    });
    const b = await w.files('demo-applicant', {
      action: 'prepareUpload',
      purpose: 'evidence',
      kind: 'jpg',
      size: JPEG_SMALL.length,
    });
    const fileOfB = await w.uploadFile(b.data.cloudPath, JPEG_SMALL);
    expect(
      await w.files('demo-applicant', { action: 'commitUpload', uploadId: a.data.uploadId, fileID: fileOfB }),
    ).toMatchObject({ ok: false, error: { code: 'FILE_NOT_UPLOADED' } });
    expect(
      await w.files('demo-applicant', {
        action: 'commitUpload',
        uploadId: a.data.uploadId,
        fileID: `cloud://env/${a.data.cloudPath}`,
      }),
    ).toMatchObject({ ok: false, error: { code: 'FILE_NOT_UPLOADED' } });
    w.setNow('2025-09-26T02:30:01Z'); // 30 minutes and a second after prepare
    expect(
      await w.files('demo-applicant', { action: 'commitUpload', uploadId: b.data.uploadId, fileID: fileOfB }),
    ).toMatchObject({ ok: false, error: { code: 'UPLOAD_EXPIRED', message: expect.stringMatching(/重新选择文件/) } });
    expect(await w.storedAt(b.data.cloudPath)).toBeNull();
    expect(await w.fileCount()).toBe(before);
  });
});
