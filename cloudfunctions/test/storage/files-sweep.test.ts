// The file sweep (functions/files-sweep.ts): bytes no record points to are erased once older than the grace period
// (1 hour), never a recorded file, never bytes under a live upload ticket. Every stored file here comes from real
// actions (prepareUpload → bytes into storage → commitUpload; deleteAccount); failures are injected into the store or
// the file store at the one call that fails.
import { PRIVACY_POLICY_VERSION } from '@hz-points/shared';
import { createTestCloud, type TestCloud } from '../helpers/runtime';
import { prepareAndPut, uploadThroughStorage } from '../helpers/uploads';
import { JPEG_BYTES, PNG_BYTES, idNumberFor } from '../helpers/fixtures';
import { seedDemo } from '../../src/demo/seed';
import { sweepFiles, type FileSweepReport } from '../../src/functions/files-sweep';
import { StoreError, type FileStore, type Store } from '../../src/storage/store';
import { CloudbaseStore } from '../../src/storage/cloudbase';
import { CloudbaseStandin } from '../../src/storage/cloudbase-standin';
import { CloudbaseFileStore } from '../../src/storage/files-cloudbase';
import { invoke } from '../../src/core/invoke';
import type { Runtime } from '../../src/core/runtime';
import { fakeCloud } from '../local/fixtures/fake-cloud';
import { resetTimerRuntime, runTimer } from '../../src/functions/reminders/timer';

const CONSENT = { policyVersion: PRIVACY_POLICY_VERSION, agreed: true };
const START = '2025-09-26T02:00:00.000Z';

/** Every path the file store lists, through its own paging. */
async function storedPaths(files: FileStore): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { files: Array<{ path: string }>; cursor: string | null } = await files.listStored(cursor, 3);
    out.push(...page.files.map((f) => f.path));
    cursor = page.cursor;
  } while (cursor !== null);
  return out.sort();
}

function report(
  parts: Omit<Partial<FileSweepReport>, 'kept'> & { kept?: Partial<FileSweepReport['kept']> },
): FileSweepReport {
  return {
    ticketsExpired: 0,
    ticketsClosed: 0,
    scanned: 0,
    removed: 0,
    failed: 0,
    passCompleted: false,
    passRan: false,
    ...parts,
    kept: { recorded: 0, liveTicket: 0, young: 0, notJudged: 0, ...parts.kept },
  };
}

/** A commit whose transaction fails (the store refuses the one transaction of the commit). */
async function failedCommit(cloud: TestCloud, openid: string, bytes: Buffer) {
  const upload = await prepareAndPut(cloud, openid, { purpose: 'evidence', bytes });
  const spy = jest
    .spyOn(cloud.store, 'transaction')
    .mockRejectedValueOnce(new StoreError('UNAVAILABLE', 'injected: database down'));
  const r = await cloud.call(openid, 'files', 'commitUpload', { uploadId: upload.uploadId, fileID: upload.fileID });
  spy.mockRestore();
  expect(r).toMatchObject({ ok: false, error: { code: 'SERVICE_UNAVAILABLE' } });
  return upload;
}

/** A registered person with `count` committed evidence files, who then deletes the account while erasing fails. */
async function leaverWithUnerasedFiles(cloud: TestCloud, count: number) {
  await cloud.ok('leaver', 'accounts', 'register', {
    name: '离开的人',
    idNumber: idNumberFor('1991-07-07', 77),
    phone: '13711112222',
    privacyConsent: CONSENT,
  });
  const personId = (await cloud.ok('leaver', 'accounts', 'me')).person.personId as string;
  for (let i = 0; i < count; i++)
    await uploadThroughStorage(cloud, 'leaver', {
      purpose: 'evidence',
      bytes: Buffer.concat([PNG_BYTES, Buffer.from([i])]),
    });
  const spy = jest
    .spyOn(cloud.runtime.files, 'removeStored')
    .mockRejectedValueOnce(new Error('injected: storage down'));
  expect(await cloud.ok('leaver', 'accounts', 'deleteAccount', { confirm: true })).toEqual({ deleted: true });
  spy.mockRestore();
  return personId;
}

describe('the file sweep on the local store (SQLite records, files in a folder)', () => {
  let cloud: TestCloud;
  beforeEach(async () => {
    // The seed's files were stored a day earlier: recorded, and old.
    cloud = createTestCloud('2025-09-25T02:00:00.000Z');
    await seedDemo(cloud.runtime);
    cloud.setNow(START);
  });
  afterEach(() => cloud.close());

  const sweepAt = async (iso: string, options: Parameters<typeof sweepFiles>[1] = {}) => {
    cloud.setNow(iso);
    return sweepFiles(cloud.runtime, options);
  };

  test('a commit whose transaction failed leaves bytes without a record; they go with the ticket, one second after its expiry + 1 hour, and the sweep is audited with counts only', async () => {
    const { cloudPath, uploadId } = await failedCommit(cloud, 'demo-applicant', JPEG_BYTES);
    // Nothing recorded, the bytes are there, the ticket is still pending (it expires at 02:30:00).
    expect(await cloud.store.find('files', { path: cloudPath })).toEqual([]);
    expect((await cloud.runtime.files.get(cloudPath))?.bytes.equals(JPEG_BYTES)).toBe(true);
    expect(await cloud.store.get('uploads', uploadId)).toMatchObject({
      status: 'pending',
      expiresAt: '2025-09-26T02:30:00.000Z',
    });

    // 03:29:59: the ticket is still inside expiry + grace — a commit started before expiry may still be running.
    expect(await sweepAt('2025-09-26T03:29:59.000Z')).toEqual(
      report({ scanned: 7, kept: { recorded: 6, liveTicket: 1 }, passRan: true, passCompleted: true }),
    );
    expect(await cloud.runtime.files.get(cloudPath)).not.toBeNull();

    // 03:30:01: past it. The ticket goes, and its bytes with it.
    expect(await sweepAt('2025-09-26T03:30:01.000Z')).toEqual(report({ ticketsExpired: 1 }));
    expect(await cloud.runtime.files.get(cloudPath)).toBeNull();
    expect(await cloud.store.get('uploads', uploadId)).toBeNull();
    expect(await storedPaths(cloud.runtime.files)).not.toContain(cloudPath);

    const audit = await cloud.store.find<any>('audit', {}, { orderBy: [['seq', 'asc']], limit: 1000 });
    const sweeps = audit.filter((e) => e.action === 'files.sweep');
    // One entry, for the run that removed something; none for the run that only looked.
    expect(sweeps).toHaveLength(1);
    expect(sweeps[0]).toMatchObject({
      actor: { openid: 'system:timer', personId: null },
      onBehalfOf: null,
      details: { ticketsExpired: 1, removed: 0 },
    });
    expect(JSON.stringify(sweeps[0])).not.toMatch(/p-demo-applicant|evidence\//);
  });

  test('a recorded file is never removed, however old; bytes under a live ticket are kept past the grace period of their own age', async () => {
    const recorded = await uploadThroughStorage(cloud, 'demo-applicant', { purpose: 'evidence', bytes: PNG_BYTES });
    const recordedPath = (await cloud.store.get<any>('files', recorded.fileId)).path as string;
    // A client that sent its bytes at 02:00 and has not committed yet (ticket until 02:30, live until 03:30).
    const pending = await prepareAndPut(cloud, 'demo-applicant', { purpose: 'evidence', bytes: JPEG_BYTES });

    // 03:15: the pending bytes are 75 minutes old — older than the grace period — but their ticket is live.
    expect(await sweepAt('2025-09-26T03:15:00.000Z')).toEqual(
      report({ scanned: 8, kept: { recorded: 7, liveTicket: 1 }, passRan: true, passCompleted: true }),
    );
    expect(await cloud.runtime.files.get(pending.cloudPath)).not.toBeNull();

    // Ten days on, a new day's pass: the recorded file stays; the abandoned upload and both tickets are gone.
    expect(await sweepAt('2025-10-06T03:15:00.000Z')).toEqual(
      report({
        ticketsExpired: 1,
        ticketsClosed: 1,
        scanned: 7,
        kept: { recorded: 7 },
        passRan: true,
        passCompleted: true,
      }),
    );
    expect((await cloud.runtime.files.get(recordedPath))?.bytes.equals(PNG_BYTES)).toBe(true);
    expect(await cloud.runtime.files.get(pending.cloudPath)).toBeNull();
    expect(await cloud.ok('demo-applicant', 'files', 'read', { fileId: recorded.fileId })).toMatchObject({
      size: PNG_BYTES.length,
    });
  });

  // Bytes a deleted account left behind when erasing them failed (no record, no live ticket), stored at 02:00:00.
  test.each([
    [
      '2025-09-26T02:59:59.000Z',
      report({ scanned: 7, kept: { recorded: 6, young: 1 }, passRan: true, passCompleted: true }),
      true,
    ],
    [
      '2025-09-26T03:00:01.000Z',
      report({ scanned: 7, removed: 1, kept: { recorded: 6 }, passRan: true, passCompleted: true }),
      false,
    ],
  ])(
    'unreferenced bytes stored at 02:00:00, swept at %s: kept while younger than 1 hour',
    async (at, expected, kept) => {
      const personId = await leaverWithUnerasedFiles(cloud, 1);
      const [orphan] = (await storedPaths(cloud.runtime.files)).filter((p) => p.startsWith(`evidence/${personId}/`));
      expect(orphan).toBeDefined();
      expect(await sweepAt(at)).toEqual(expected);
      expect((await cloud.runtime.files.get(orphan!)) !== null).toBe(kept);
    },
  );

  test("deleting an account erases the person's stored files at once", async () => {
    await cloud.ok('leaver', 'accounts', 'register', {
      name: '离开的人',
      idNumber: idNumberFor('1991-07-07', 77),
      phone: '13711112222',
      privacyConsent: CONSENT,
    });
    const personId = (await cloud.ok('leaver', 'accounts', 'me')).person.personId as string;
    await uploadThroughStorage(cloud, 'leaver', { purpose: 'evidence', bytes: PNG_BYTES });
    await uploadThroughStorage(cloud, 'leaver', { purpose: 'identity', bytes: JPEG_BYTES });
    const mine = (await storedPaths(cloud.runtime.files)).filter((p) => p.includes(`/${personId}/`));
    expect(mine).toHaveLength(2);

    expect(await cloud.ok('leaver', 'accounts', 'deleteAccount', { confirm: true })).toEqual({ deleted: true });
    expect((await storedPaths(cloud.runtime.files)).filter((p) => p.includes(`/${personId}/`))).toEqual([]);
    for (const p of mine) expect(await cloud.runtime.files.get(p)).toBeNull();
    // Everyone else's files stay: the seed's six delegation documents.
    expect(await storedPaths(cloud.runtime.files)).toHaveLength(6);
  });

  test('a refused deletion (an entrustment still active) erases nothing', async () => {
    const before = await storedPaths(cloud.runtime.files);
    expect(await cloud.call('demo-agent', 'accounts', 'deleteAccount', { confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_IN_USE' },
    });
    expect(await storedPaths(cloud.runtime.files)).toEqual(before);
  });

  test('the reminders timer runs it; a failing file sweep is reported and stops neither the deadline sweep nor sending', async () => {
    await failedCommit(cloud, 'demo-applicant', JPEG_BYTES);
    resetTimerRuntime();
    cloud.setNow('2025-09-26T03:30:01.000Z'); // 11:30:01 Beijing: the deadline sweep is due too
    const ok = await runTimer({} as never, () => cloud.runtime);
    expect(ok).toMatchObject({
      ok: true,
      data: {
        files: report({ ticketsExpired: 1, scanned: 6, kept: { recorded: 6 }, passRan: true, passCompleted: true }),
      },
    });

    resetTimerRuntime();
    const broken = jest
      .spyOn(cloud.runtime.files, 'listStored')
      .mockRejectedValueOnce(new Error('injected: storage down'));
    cloud.setNow('2025-09-27T03:30:01.000Z');
    const failed = await runTimer({} as never, () => cloud.runtime);
    broken.mockRestore();
    resetTimerRuntime();
    expect(failed).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
      data: { files: null, sweep: { queued: 0, considered: 0 }, send: { sent: 0 } },
    });
    expect(cloud.logs).toContainEqual({ level: 'error', message: 'file sweep failed', fields: { errorName: 'Error' } });
  });

  test('pages through more files than one page, across timer runs, keeping its place', async () => {
    const personId = await leaverWithUnerasedFiles(cloud, 5);
    // 11 stored files: the seed's 6 under docs/, then the leaver's 5 unreferenced ones under evidence/ (path order).
    expect(await storedPaths(cloud.runtime.files)).toHaveLength(11);
    const run = (at: string) => sweepAt(at, { pageSize: 2, maxPages: 2 });
    // Each run reads at most 2 pages of 2: tickets first (the leaver's 5 committed tickets), then the listing.
    expect(await run('2025-09-26T04:00:00.000Z')).toEqual(
      report({ ticketsClosed: 4, scanned: 4, kept: { recorded: 4 }, passRan: true }),
    );
    expect(await run('2025-09-26T04:05:00.000Z')).toEqual(
      report({ ticketsClosed: 1, scanned: 4, removed: 2, kept: { recorded: 2 }, passRan: true }),
    );
    expect(await run('2025-09-26T04:10:00.000Z')).toEqual(
      report({ scanned: 3, removed: 3, passRan: true, passCompleted: true }),
    );
    // The pass is done for the day: the next run lists nothing.
    expect(await run('2025-09-26T04:15:00.000Z')).toEqual(report({}));
    expect((await storedPaths(cloud.runtime.files)).filter((p) => p.includes(`/${personId}/`))).toEqual([]);
    expect(await storedPaths(cloud.runtime.files)).toHaveLength(6);
    expect(await cloud.store.count('uploads', {})).toBe(0);
  });
});

describe('the file sweep on the CloudBase adapters (database stand-in, cloud storage stand-in)', () => {
  let now = new Date(START);
  let cloud: ReturnType<typeof fakeCloud>;
  let runtime: Runtime;
  let store: Store;
  beforeEach(async () => {
    now = new Date(START);
    cloud = fakeCloud();
    store = new CloudbaseStore(new CloudbaseStandin({ throwOnNotFound: false }));
    runtime = {
      store,
      files: new CloudbaseFileStore(cloud, store, undefined, undefined, () => new Date(now.getTime())),
      now: () => new Date(now.getTime()),
      secrets: { certificateKey: 'test-key-not-secret' },
      log: () => undefined,
    };
    await seedDemo(runtime);
  });
  const call = async (openid: string, fn: string, data: Record<string, unknown>): Promise<any> => {
    const r = await invoke(fn, data, { openid }, runtime);
    if (!r.ok) throw new Error(`${fn}.${String(data.action)}: ${r.error.code}`);
    return r.data;
  };
  /** wx.cloud.uploadFile from the mini-program: straight to storage. */
  const clientUpload = async (openid: string, purpose: string, bytes: Buffer) => {
    const p = await call(openid, 'files', {
      action: 'prepareUpload',
      purpose,
      kind: bytes[0] === 0xff ? 'jpg' : 'png',
      size: bytes.length,
    });
    const { fileID } = await cloud.uploadFile({ cloudPath: p.cloudPath, fileContent: bytes });
    return { uploadId: p.uploadId as string, fileID };
  };
  const inStorage = async (fileID: string) => (await cloud.downloadFile({ fileID })).fileContent !== undefined;

  test('abandoned uploads, a failed commit and a deleted account leave nothing behind; recorded files stay; paging over the file index', async () => {
    // An upload the client gave up on after sending the bytes: no commit, so no index entry either.
    const abandoned = await clientUpload('demo-applicant', 'evidence', JPEG_BYTES);
    // A commit whose transaction failed: the bytes were accepted (indexed), no record.
    const failed = await clientUpload('demo-applicant', 'evidence', PNG_BYTES);
    const spy = jest.spyOn(store, 'transaction').mockRejectedValueOnce(new StoreError('UNAVAILABLE', 'injected'));
    expect(
      await invoke(
        'files',
        { action: 'commitUpload', uploadId: failed.uploadId, fileID: failed.fileID },
        { openid: 'demo-applicant' },
        runtime,
      ),
    ).toMatchObject({ ok: false, error: { code: 'SERVICE_UNAVAILABLE' } });
    spy.mockRestore();
    // A recorded file.
    const kept = await clientUpload('demo-applicant', 'evidence', Buffer.concat([PNG_BYTES, Buffer.from('kept')]));
    const keptFile = await call('demo-applicant', 'files', {
      action: 'commitUpload',
      uploadId: kept.uploadId,
      fileID: kept.fileID,
    });
    // A person who deletes the account: their two files are erased at once (deleteFile), index entries too.
    await call('leaver', 'accounts', {
      action: 'register',
      name: '离开的人',
      idNumber: idNumberFor('1991-07-07', 77),
      phone: '13711112222',
      privacyConsent: CONSENT,
    });
    const leaverFiles = [
      await clientUpload('leaver', 'evidence', PNG_BYTES),
      await clientUpload('leaver', 'identity', JPEG_BYTES),
    ];
    for (const u of leaverFiles)
      await call('leaver', 'files', { action: 'commitUpload', uploadId: u.uploadId, fileID: u.fileID });
    expect(await call('leaver', 'accounts', { action: 'deleteAccount', confirm: true })).toEqual({ deleted: true });
    for (const u of leaverFiles) expect(await inStorage(u.fileID)).toBe(false);
    // Index: the seed's 6, the failed commit's and the recorded one.
    expect(await store.count('fileIndex', {})).toBe(8);

    now = new Date('2025-09-26T03:30:01.000Z');
    expect(await sweepFiles(runtime, { pageSize: 3 })).toEqual(
      report({
        ticketsExpired: 2,
        ticketsClosed: 3,
        scanned: 7,
        kept: { recorded: 7 },
        passRan: true,
        passCompleted: true,
      }),
    );
    expect(await inStorage(abandoned.fileID)).toBe(false);
    expect(await inStorage(failed.fileID)).toBe(false);
    expect(await inStorage(kept.fileID)).toBe(true);
    expect(await call('demo-applicant', 'files', { action: 'read', fileId: keptFile.fileId })).toMatchObject({
      size: PNG_BYTES.length + 4,
    });
    expect(await store.count('fileIndex', {})).toBe(7);
    expect(await store.count('uploads', {})).toBe(0);
  });

  test('the pass pages through the file index backwards, erasing as it goes, without skipping an entry', async () => {
    // A person with five files deletes the account while storage is down: five index entries no record points to.
    await call('leaver', 'accounts', {
      action: 'register',
      name: '离开的人',
      idNumber: idNumberFor('1991-07-07', 77),
      phone: '13711112222',
      privacyConsent: CONSENT,
    });
    const orphans: string[] = [];
    for (let i = 0; i < 5; i++) {
      const u = await clientUpload('leaver', 'evidence', Buffer.concat([PNG_BYTES, Buffer.from([i])]));
      await call('leaver', 'files', { action: 'commitUpload', uploadId: u.uploadId, fileID: u.fileID });
      orphans.push(u.fileID);
    }
    const spy = jest.spyOn(cloud, 'deleteFile').mockRejectedValueOnce(new Error('injected: storage down'));
    expect(await call('leaver', 'accounts', { action: 'deleteAccount', confirm: true })).toEqual({ deleted: true });
    spy.mockRestore();
    for (const id of orphans) expect(await inStorage(id)).toBe(true);
    expect(await store.count('fileIndex', {})).toBe(11);

    now = new Date('2025-09-26T04:00:00.000Z');
    expect(await sweepFiles(runtime, { pageSize: 2, maxPages: 10 })).toEqual(
      report({ ticketsClosed: 5, scanned: 11, removed: 5, kept: { recorded: 6 }, passRan: true, passCompleted: true }),
    );
    for (const id of orphans) expect(await inStorage(id)).toBe(false);
    expect(await store.count('fileIndex', {})).toBe(6);
  });
});
