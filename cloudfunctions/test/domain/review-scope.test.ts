// review.queue answers only the caller's own department, read from the account at each call (issue 10): the queue
// page shows what the server sends, with no client-side filter, so the server must prove the scope. One application
// with items for three departments; each reviewer sees only theirs; another department's item is refused and left
// unchanged; a revoked reviewer is refused; a reviewer moved to another department sees only the new one's items.
import { seedDemo } from '../../src/demo/seed';
import { createTestCloud, type TestCloud } from '../helpers/runtime';

const bj = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`).toISOString();

interface QueueItem {
  itemId: string;
  indicator: string;
  department: string;
  status: string;
  applicationId: string;
}

let cloud: TestCloud;
let applicationId: string;

beforeEach(async () => {
  cloud = createTestCloud(bj('2025-09-26'));
  await seedDemo(cloud.runtime);
  const draft = await cloud.ok('demo-applicant', 'applications', 'saveDraft', {
    year: 2025,
    claims: [
      { indicator: 'rental', value: { rentalYears: 4 }, evidence: [] },
      { indicator: 'socialInsurance', value: { socialInsuranceMonths: 24 }, evidence: [] },
    ],
  });
  applicationId = draft.application.applicationId;
  await cloud.ok('demo-applicant', 'applications', 'submit', {
    applicationId,
    commitment: true,
    requestId: 'req-scope-0001',
  });
});
afterEach(() => cloud.close());

async function queueOf(openid: string, status?: string): Promise<{ items: QueueItem[]; total: number }> {
  return cloud.ok(openid, 'review', 'queue', { limit: 100, ...(status ? { status } : {}) });
}

test("each reviewer's queue holds only their own department's items, and its total counts only those", async () => {
  // Departments from the policy: 居住证/租房 years → housing (住建), 社会保险 → hrss (人社), age and records → public
  // security (公安); nothing of this application goes to education.
  const housing = await queueOf('demo-reviewer-housing');
  expect(housing.items.map((i) => [i.indicator, i.department])).toEqual([['rental', 'housing']]);
  expect(housing.total).toBe(1);

  const hrss = await queueOf('demo-reviewer-hrss');
  expect(hrss.items.map((i) => [i.indicator, i.department])).toEqual([['socialInsurance', 'hrss']]);
  expect(hrss.total).toBe(1);

  const ps = await queueOf('demo-reviewer-public-security');
  expect(ps.items.map((i) => i.indicator)).toEqual(expect.arrayContaining(['age', 'veto']));
  expect(ps.items.every((i) => i.department === 'public-security')).toBe(true);
  expect(ps.items.map((i) => i.indicator)).not.toContain('rental');
  expect(ps.items.map((i) => i.indicator)).not.toContain('socialInsurance');
  expect(ps.total).toBe(ps.items.length);

  expect(await queueOf('demo-reviewer-education')).toEqual({ items: [], total: 0 });
  // The status filter narrows within the department, never beyond it.
  expect(await queueOf('demo-reviewer-housing', 'approved')).toEqual({ items: [], total: 0 });
});

test("another department's item does not exist for a reviewer: NOT_FOUND, nothing changed", async () => {
  const [social] = (await queueOf('demo-reviewer-hrss')).items;
  expect(social!.indicator).toBe('socialInsurance');

  expect(await cloud.call('demo-reviewer-housing', 'review', 'getItem', { itemId: social!.itemId })).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  });
  expect(
    await cloud.call('demo-reviewer-housing', 'review', 'decide', {
      itemId: social!.itemId,
      decision: 'approved',
      acceptedValue: { socialInsuranceMonths: 60 },
    }),
  ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(
    await cloud.call('demo-reviewer-housing', 'review', 'decide', {
      itemId: social!.itemId,
      decision: 'returned',
      reason: '材料不全',
    }),
  ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

  // Still pending, as declared, in its own department's queue.
  const after = (await queueOf('demo-reviewer-hrss')).items;
  expect(after.map((i) => [i.itemId, i.status])).toEqual([[social!.itemId, 'pending']]);
});

test('the scope follows the account: a revoked reviewer is refused, a moved one sees the new department', async () => {
  await cloud.ok('demo-admin', 'accounts', 'revokeRole', { openid: 'demo-reviewer-housing', role: 'reviewer' });
  expect(await cloud.call('demo-reviewer-housing', 'review', 'queue', {})).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });

  await cloud.ok('demo-admin', 'accounts', 'grantRole', {
    openid: 'demo-reviewer-housing',
    role: 'reviewer',
    department: 'hrss',
  });
  const moved = await queueOf('demo-reviewer-housing');
  expect(moved.items.map((i) => [i.indicator, i.department])).toEqual([['socialInsurance', 'hrss']]);
  expect(moved.total).toBe(1);

  // An applicant (no reviewer role) cannot read any queue.
  expect(await cloud.call('demo-applicant', 'review', 'queue', {})).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
});
