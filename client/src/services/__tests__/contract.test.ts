/**
 * @jest-environment node
 */
// The client's half of the one contract: real answers of the real handlers (invoke on the SQLite store, as the cloud
// tests run them) go through the client's own readers — the envelope check, `toMe`, the objection window, the home
// round card's line, the reviewer's countdown. A change of an answer's shape on the server fails here; a change of a
// reader that no longer fits what the server sends fails here too. (The functions' half:
// cloudfunctions/test/contract/results.test.ts holds every handler's result type to shared/src/api/results.ts.)
// Expected values are worked out by hand from the official 2025 schedule (国庆 10-01…10-08 off, 9-28 and 10-11 worked).
import type { ActionResult, ResultActionName, ResultFunctionName } from '@hz-points/shared';
import {
  bj,
  claimsFor,
  DEFAULT_PROFILE,
  scoredApplication,
  seededCloud,
} from '../../../../cloudfunctions/test/certificates/fixtures';
import { DEMO_PERSON_IDS } from '../../../../cloudfunctions/src/demo/seed';
import type { TestCloud } from '../../../../cloudfunctions/test/helpers/runtime';
import { isEnvelope } from '../envelope';
import { toMe } from '../session';
import { objectionWindow } from '../../packages/apply/objection/window';
import { roundLinePoints } from '../../pages/index/useRound';
import { describeDaysLeft } from '../../packages/review/queue/daysLeft';

let cloud: TestCloud;

/** One real call, read as the client reads it: an envelope first, then the declared result. */
async function answer<F extends ResultFunctionName, A extends ResultActionName<F>>(
  openid: string,
  fn: F,
  action: A,
  payload: Record<string, unknown> = {},
): Promise<ActionResult<F, A>> {
  const raw: unknown = await cloud.call(openid, fn, action, payload);
  expect(isEnvelope(raw)).toBe(true);
  const env = raw as { ok: true; data: ActionResult<F, A> } | { ok: false; error: { code: string; message: string } };
  if (!env.ok) throw new Error(`${fn}.${action}: ${env.error.code} ${env.error.message}`);
  return env.data;
}

beforeAll(async () => {
  cloud = await seededCloud('2025-09-17T09:00:00');
  // 演示申请人: result published on Wed 2025-09-17.
  await scoredApplication(cloud, DEMO_PERSON_IDS.applicant, 2025, '2025-09-17');
  // 演示员工: submitted on 2025-09-17, still in review.
  const { application } = await cloud.ok('demo-employee', 'applications', 'saveDraft', {
    year: 2025,
    claims: claimsFor(DEFAULT_PROFILE),
  });
  await cloud.ok('demo-employee', 'applications', 'submit', {
    applicationId: application.applicationId,
    commitment: true,
    requestId: 'contract-employee-2025',
  });
}, 120_000);
afterAll(() => cloud.close());

test('a failure is an envelope with a code and a Chinese message', async () => {
  const raw: unknown = await cloud.call('demo-applicant', 'rounds', 'get', { year: 'next' });
  expect(isEnvelope(raw)).toBe(true);
  expect(raw).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
});

test('accounts.me reads as the session: a reviewer with their department, an applicant by name', async () => {
  expect(toMe(await answer('demo-reviewer-hrss', 'accounts', 'me')).roles).toEqual([
    { role: 'reviewer', department: 'hrss' },
  ]);
  const applicant = toMe(await answer('demo-applicant', 'accounts', 'me'));
  expect(applicant).toMatchObject({ openid: 'demo-applicant', registered: true, name: '演示申请人', roles: [] });
});

test('applications.get reads as the objection window: closed before the result, open until the 7th working day after it', async () => {
  const list = await answer('demo-applicant', 'applications', 'list');
  const applicationId = list.applications.find((a) => a.year === 2025)!.applicationId;

  cloud.setNow(bj('2025-09-16T12:00:00'));
  const before = await answer('demo-applicant', 'applications', 'get', { applicationId });
  expect(objectionWindow(before.application, before.objection, new Date(bj('2025-09-16T12:00:00')))).toEqual({
    state: 'not-published',
  });

  cloud.setNow(bj('2025-09-17T12:00:00'));
  const after = await answer('demo-applicant', 'applications', 'get', { applicationId });
  // 9-18, 9-19, 9-22, 9-23, 9-24, 9-25, 9-26: the 7th working day after Wed 2025-09-17.
  expect(objectionWindow(after.application, after.objection, new Date(bj('2025-09-17T12:00:00')))).toEqual({
    state: 'open',
    lastDay: '2025-09-26',
  });
  // The applicant sees the points only once published.
  expect([before.application.published, before.application.points]).toEqual([false, null]);
  expect(after.application.published).toBe(true);
  expect(typeof after.application.points?.total).toBe('number');
});

test('review.queue reads as the reviewer countdown to the result day', async () => {
  cloud.setNow(bj('2025-09-17T12:00:00'));
  const queue = await answer('demo-reviewer-hrss', 'review', 'queue', { status: 'pending' });
  const item = queue.items.find((i) => i.applicant?.personId === DEMO_PERSON_IDS.employee)!;
  // Accepted 9-17 + 20 working days: 9-18…9-30 (10, with Sunday 9-28 worked), 10-09…10-21 (10, with Saturday 10-11).
  expect(item.resultDate).toBe('2025-10-21');
  // Today (Wed 9-17) to Mon 10-20, both counted: 1 + 10 + 9.
  expect(describeDaysLeft(item.resultDate, new Date(bj('2025-09-17T12:00:00')))).toBe(
    '距结果公布日（2025年10月21日）还剩20个工作日',
  );
});

test('rounds.get reads as the home card: no line, then the threshold the administrator set', async () => {
  const before = await answer('demo-applicant', 'rounds', 'get', { year: 2025 });
  expect(roundLinePoints(before.round)).toBeNull();
  await answer('demo-admin', 'rounds', 'setLine', { year: 2025, mode: 'threshold', threshold: 120 });
  const after = await answer('demo-applicant', 'rounds', 'get', { year: 2025 });
  expect(roundLinePoints(after.round)).toBe(120);
  expect(after.round.pointsApplication.closes).toMatch(/^2025-\d{2}-\d{2}$/);
});
