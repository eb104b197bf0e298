// Idempotent submit, commitment, calendar-unknown years, and evidence type/size/magic-byte rejections.
import { MAX_FILE_BYTES, roundDates } from '@hz-points/shared';
import { seedDemo } from '../../src/demo/seed';
import type { RoundDoc } from '../../src/core/model';
import { createTestCloud, snapshot, type TestCloud } from '../helpers/runtime';
import { bj } from '../helpers/world';
import { JPEG_BYTES, PDF_BYTES, PNG_BYTES } from '../helpers/fixtures';
import { prepareAndPut, uploadThroughStorage } from '../helpers/uploads';

// The whole file runs twice: on the SQLite adapter and on the CloudBase adapter over its stand-in.
describe.each(['sqlite', 'cloudbase'] as const)('on %s', (storeKind) => {
  let cloud: TestCloud;
  beforeEach(async () => {
    cloud = createTestCloud(bj('2025-09-26'), { store: storeKind });
    await seedDemo(cloud.runtime);
  });
  afterEach(() => cloud.close());

  const A = 'demo-applicant';
  async function draft(year = 2025) {
    const r = await cloud.ok(A, 'applications', 'saveDraft', {
      year,
      claims: [{ indicator: 'rental', value: { rentalYears: 2 }, evidence: [] }],
    });
    return r.application.applicationId as string;
  }

  describe('submit', () => {
    test('the same request id returns the same result and stores nothing twice', async () => {
      const applicationId = await draft();
      const first = await cloud.call(A, 'applications', 'submit', {
        applicationId,
        commitment: true,
        requestId: 'same-id-0001',
      });
      expect(first.ok).toBe(true);
      const afterFirst = await snapshot(cloud.store);
      cloud.setNow(bj('2025-09-27'));
      const second = await cloud.call(A, 'applications', 'submit', {
        applicationId,
        commitment: true,
        requestId: 'same-id-0001',
      });
      expect(second).toEqual(first);
      expect(await snapshot(cloud.store)).toBe(afterFirst);
      // Another request id for a submitted application: ALREADY_SUBMITTED; the id reused for something else: refused.
      expect(
        await cloud.call(A, 'applications', 'submit', { applicationId, commitment: true, requestId: 'other-id-0002' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'ALREADY_SUBMITTED' },
      });
      expect(
        await cloud.call(A, 'applications', 'submit', {
          applicationId: 'app-2025-p-other',
          commitment: true,
          requestId: 'same-id-0001',
        }),
      ).toMatchObject({
        ok: false,
        error: { code: 'REQUEST_ID_REUSED' },
      });
      expect(await snapshot(cloud.store)).toBe(afterFirst);
    });

    test('concurrent submits with one request id create one set of items', async () => {
      const applicationId = await draft();
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          cloud.call(A, 'applications', 'submit', { applicationId, commitment: true, requestId: 'race-id-0001' }),
        ),
      );
      expect(results.every((r) => r.ok)).toBe(true);
      expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
      expect(await cloud.store.count('items', { applicationId })).toBe(8);
      expect(await cloud.store.count('audit', { action: 'applications.submit' })).toBe(1);
    });

    test('the commitment is required; nothing changes without it', async () => {
      const applicationId = await draft();
      const before = await snapshot(cloud.store);
      expect(
        await cloud.call(A, 'applications', 'submit', { applicationId, commitment: false, requestId: 'no-commit-01' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'COMMITMENT_REQUIRED' },
      });
      expect(await snapshot(cloud.store)).toBe(before);
    });

    test('a year whose holiday calendar is unknown fails with CALENDAR_UNKNOWN and stores nothing', async () => {
      // A 2027 round opened early by an administrator; the 2027 holidays are not yet published.
      const d = roundDates(2027);
      await cloud.store.set<RoundDoc>('rounds', {
        _id: 'round-2027',
        year: 2027,
        status: 'open',
        cutoffDate: d.cutoffDate,
        settlementOpens: d.settlementOpens,
        settlementCloses: d.settlementCloses,
        lookbackFrom: d.lookbackFrom,
        pointsApplication: { opens: null, closes: d.pointsApplication.closes, yearRound: true },
        createdAt: bj('2027-01-04'),
      });
      cloud.setNow(bj('2027-01-04'));
      const applicationId = await draft(2027);
      const before = await snapshot(cloud.store);
      const r = await cloud.call(A, 'applications', 'submit', {
        applicationId,
        commitment: true,
        requestId: 'unknown-cal-1',
      });
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'CALENDAR_UNKNOWN', message: expect.stringContaining('节假日') },
      });
      expect(await snapshot(cloud.store)).toBe(before);
    });

    test('a closed or missing round refuses drafts (ROUND_NOT_OPEN)', async () => {
      expect(await cloud.call(A, 'applications', 'saveDraft', { year: 2024, claims: [] })).toMatchObject({
        ok: false,
        error: { code: 'ROUND_NOT_OPEN' },
      });
    });

    test("claim values are the profile fields of their indicator; evidence must be the applicant's", async () => {
      const r = await cloud.call(A, 'applications', 'saveDraft', {
        year: 2025,
        claims: [{ indicator: 'rental', value: { rentalYears: -1 }, evidence: [] }],
      });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '合法租赁年数不能为负数' } });
      const other = await uploadThroughStorage(cloud, 'demo-employee', { purpose: 'evidence', bytes: PNG_BYTES });
      expect(
        await cloud.call(A, 'applications', 'saveDraft', {
          year: 2025,
          claims: [{ indicator: 'rental', value: { rentalYears: 2 }, evidence: [other.fileId] }],
        }),
      ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    });
  });

  describe('evidence upload (prepareUpload → bytes into storage → commitUpload)', () => {
    test.each([
      ['JPEG', JPEG_BYTES, 'image/jpeg'],
      ['PNG', PNG_BYTES, 'image/png'],
      ['PDF', PDF_BYTES, 'application/pdf'],
    ])('%s accepted by its magic bytes', async (_n, bytes, type) => {
      expect(await uploadThroughStorage(cloud, A, { purpose: 'evidence', bytes })).toEqual({
        fileId: expect.any(String),
        contentType: type,
        size: bytes.length,
      });
    });

    // The bytes are checked on commit: the refused commit records nothing (the ticket stays as prepared) and the
    // uploaded bytes are deleted. Raw bytes cannot be badly encoded: the base64 cases went with files.upload.
    const refusedOnCommit: Array<[string, string, 'jpg' | 'png' | 'pdf', Buffer]> = [
      ['a GIF declared as .jpg', 'FILE_TYPE_NOT_ALLOWED', 'jpg', Buffer.from('GIF89a........')],
      ['an EXE', 'FILE_TYPE_NOT_ALLOWED', 'pdf', Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0])],
      ['HTML', 'FILE_TYPE_NOT_ALLOWED', 'pdf', Buffer.from('<html><script>alert(1)</script>')],
      ['a truncated PNG signature', 'FILE_TYPE_NOT_ALLOWED', 'png', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
      ['a PNG declared as a JPEG', 'FILE_TYPE_NOT_ALLOWED', 'jpg', PNG_BYTES],
      [
        'over 4 MB uploaded (4 MB declared)',
        'FILE_TOO_LARGE',
        'png',
        Buffer.concat([PNG_BYTES, Buffer.alloc(MAX_FILE_BYTES)]),
      ],
      ['empty bytes uploaded', 'FILE_EMPTY', 'png', Buffer.alloc(0)],
    ];
    test.each(refusedOnCommit)(
      '%s is refused on commit (%s), nothing recorded, bytes deleted',
      async (_n, code, kind, bytes) => {
        const declaredSize = Math.min(Math.max(bytes.length, 1), MAX_FILE_BYTES);
        const { uploadId, cloudPath, fileID } = await prepareAndPut(cloud, A, {
          purpose: 'evidence',
          bytes,
          kind,
          declaredSize,
        });
        const before = await snapshot(cloud.store);
        expect(await cloud.call(A, 'files', 'commitUpload', { uploadId, fileID })).toMatchObject({
          ok: false,
          error: { code },
        });
        expect(await snapshot(cloud.store)).toBe(before);
        expect(await cloud.runtime.files.get(cloudPath)).toBeNull();
      },
    );

    test.each([
      ['over 4 MB declared', MAX_FILE_BYTES + 1],
      ['empty declared', 0],
    ])('%s is refused at prepare (VALIDATION_FAILED) and nothing is stored', async (_n, size) => {
      const before = await snapshot(cloud.store);
      expect(await cloud.call(A, 'files', 'prepareUpload', { purpose: 'evidence', kind: 'png', size })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED' },
      });
      expect(await snapshot(cloud.store)).toBe(before);
    });

    test('exactly 4 MB is accepted', async () => {
      const bytes = Buffer.concat([PNG_BYTES, Buffer.alloc(MAX_FILE_BYTES - PNG_BYTES.length)]);
      expect(await uploadThroughStorage(cloud, A, { purpose: 'evidence', bytes })).toMatchObject({
        contentType: 'image/png',
        size: 4 * 1024 * 1024,
      });
    });
  });
});
