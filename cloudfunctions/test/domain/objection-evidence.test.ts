// Objections carry evidence (items, reason, evidence): the applicant's own uploaded evidence files, checked like a
// claim's evidence, stored on the objection and readable by the district office that answers it — and by nobody
// else without a role or a delegation. Dates in 2025 (fully known calendar): result 2025-10-30, objection 11-03.
import { seedDemo } from '../../src/demo/seed';
import { createTestCloud, snapshot, type TestCloud } from '../helpers/runtime';
import { downloadLink } from '../helpers/download';
import { PNG_BYTES } from '../helpers/fixtures';
import { uploadThroughStorage } from '../helpers/uploads';

const bj = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`).toISOString();
const A = 'demo-applicant';

let cloud: TestCloud;
let applicationId: string;

beforeEach(async () => {
  cloud = createTestCloud(bj('2025-09-26'));
  await seedDemo(cloud.runtime);
  const draft = await cloud.ok(A, 'applications', 'saveDraft', {
    year: 2025,
    claims: [
      { indicator: 'socialInsurance', value: { socialInsuranceMonths: 48 }, evidence: [] },
      { indicator: 'rental', value: { rentalYears: 4 }, evidence: [] },
    ],
  });
  applicationId = draft.application.applicationId;
  await cloud.ok(A, 'applications', 'submit', { applicationId, commitment: true, requestId: 'req-objev-0001' });
  cloud.setNow(bj('2025-09-29'));
  for (const dept of ['hrss', 'public-security', 'housing']) {
    const { items } = await cloud.ok(`demo-reviewer-${dept}`, 'review', 'queue', { status: 'pending', limit: 100 });
    for (const i of items) {
      await cloud.ok(`demo-reviewer-${dept}`, 'review', 'decide', {
        itemId: i.itemId,
        decision: 'approved',
        acceptedValue: i.claimed,
      });
    }
  }
  cloud.setNow(bj('2025-11-03'));
  expect((await cloud.ok(A, 'applications', 'get', { applicationId })).application.objectionOpen).toBe(true);
});
afterEach(() => cloud.close());

const fileObjection = (openid: string, evidence: string[] | undefined, requestId = 'obj-objev-0001') =>
  cloud.call(openid, 'objections', 'file', {
    applicationId,
    indicators: ['rental'],
    reason: '租赁合同实际为5年，附合同',
    ...(evidence === undefined ? {} : { evidence }),
    requestId,
  });

test('evidence is stored on the objection and read by the district office (access logged); others are denied', async () => {
  const { fileId } = await uploadThroughStorage(cloud, A, { purpose: 'evidence', bytes: PNG_BYTES });
  const filed = await fileObjection(A, [fileId]);
  expect(filed).toMatchObject({ ok: true, data: { objection: { evidence: [fileId], status: 'open' } } });
  const objectionId = (filed as any).data.objection.objectionId;
  expect(await cloud.store.get<any>('objections', objectionId)).toMatchObject({ evidence: [fileId] });

  // The applicant sees it on their application; the office in its list.
  expect((await cloud.ok(A, 'applications', 'get', { applicationId })).objection.evidence).toEqual([fileId]);
  const listed = await cloud.ok('demo-district-office', 'objections', 'list', { status: 'open' });
  expect(listed.objections[0]).toMatchObject({ objectionId, evidence: [fileId] });

  // Grant: the district office reads the bytes, and the read is in the access log.
  const read = await cloud.ok('demo-district-office', 'files', 'read', { fileId });
  expect((await downloadLink(cloud.runtime, read.url))?.equals(PNG_BYTES)).toBe(true);
  const logged = await cloud.store.find<any>('audit', { action: 'files.read' }, { limit: 10 });
  expect(
    logged.some(
      (e) => e.actor.openid === 'demo-district-office' && e.target.id === fileId && e.onBehalfOf === 'p-demo-applicant',
    ),
  ).toBe(true);

  // Denials: another applicant, a reviewer of a department the file was never shared with, an unregistered caller.
  for (const who of ['demo-employee', 'demo-reviewer-tax', 'someone-unregistered']) {
    expect(await cloud.call(who, 'files', 'read', { fileId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  }
});

test("evidence that is not the applicant's own evidence file is refused, nothing stored", async () => {
  const other = await uploadThroughStorage(cloud, 'demo-employee', { purpose: 'evidence', bytes: PNG_BYTES });
  const before = await snapshot(cloud.store);
  for (const evidence of [[other.fileId], ['f-does-not-exist']]) {
    const r = await fileObjection(A, evidence);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect((r as any).error.message).toContain('证明材料');
  }
  // Duplicates and malformed ids fail the schema.
  const own = await uploadThroughStorage(cloud, A, { purpose: 'evidence', bytes: PNG_BYTES });
  const afterUpload = await snapshot(cloud.store);
  expect(await fileObjection(A, [own.fileId, own.fileId])).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION_FAILED' },
  });
  expect(await fileObjection(A, ['../etc/passwd'])).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  expect(await snapshot(cloud.store)).toBe(afterUpload);
  expect(before).not.toBe(afterUpload); // the upload itself was stored
  // The employee cannot object to the applicant's application at all (no delegation): NOT_FOUND.
  expect(await fileObjection('demo-employee', [other.fileId], 'obj-objev-0002')).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  });
});

test('evidence is optional: an objection without it is stored with an empty list', async () => {
  const r = await fileObjection(A, undefined);
  expect(r).toMatchObject({ ok: true, data: { objection: { evidence: [] } } });
  expect(await cloud.store.get<any>('objections', (r as any).data.objection.objectionId)).toMatchObject({
    evidence: [],
  });
});
