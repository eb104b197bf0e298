import { makeMain } from '../../src/wx/entry';
import { createWxRuntime } from '../../src/wx/runtime';
import { seedDemo } from '../../src/demo/seed';
import { verifyAuditChain } from '../../src/audit';
import type { Runtime } from '../../src/core/runtime';
import { fakeCloud } from './fixtures/fake-cloud';

/**
 * The domain's own flows over the CloudBase adapter (in-process stand-in), through the deployed entry: the queries
 * the handlers make (equality, dot paths, null, ordering, paging, counts) and their transactions must behave as on
 * SQLite, where the domain tests run.
 */
const quiet = jest.spyOn(console, 'log').mockImplementation(() => undefined);
afterAll(() => quiet.mockRestore());

const DEPARTMENTS = [
  'public-security',
  'hrss',
  'housing',
  'education',
  'tax',
  'honours',
  'health',
  'civilization',
  'civil-affairs',
  'market-regulation',
];

test('seed → draft → submit → every department reviewer sees exactly the submitted items', async () => {
  const cloud = fakeCloud();
  const base = createWxRuntime(cloud, { CERT_SIGNING_KEY: 'test-key-0123456789abcdef' });
  const runtime: Runtime = { ...base, now: () => new Date('2025-09-26T02:00:00Z') };
  await seedDemo(runtime);
  const fn = (name: string) => makeMain(name, cloud, { createRuntime: () => runtime });
  const applications = fn('applications');
  const review = fn('review');

  cloud.as('demo-applicant');
  const draft = (await applications(
    { action: 'saveDraft', year: 2025, claims: [{ indicator: 'rental', value: { rentalYears: 3 }, evidence: [] }] },
    {},
  )) as any;
  expect(draft).toMatchObject({ ok: true });
  const applicationId = draft.data.application.applicationId;
  const submitted = (await applications(
    { action: 'submit', applicationId, commitment: true, requestId: 'wx-domain-0001' },
    {},
  )) as any;
  expect(submitted).toMatchObject({ ok: true, data: { application: { status: 'reviewing' } } });
  // The same requestId again: the recorded result, not a second submission.
  expect(
    await applications({ action: 'submit', applicationId, commitment: true, requestId: 'wx-domain-0001' }, {}),
  ).toMatchObject({ ok: true });
  const listed = (await applications({ action: 'list' }, {})) as any;
  expect(listed.data.applications.map((a: any) => a.applicationId)).toContain(applicationId);

  let seen = 0;
  for (const dept of DEPARTMENTS) {
    cloud.as(`demo-reviewer-${dept}`);
    const q = (await review({ action: 'queue', status: 'pending', limit: 100 }, {})) as any;
    expect(q).toMatchObject({ ok: true });
    expect(q.data.total).toBe(q.data.items.length);
    for (const item of q.data.items) expect(item.applicationId).toBe(applicationId);
    seen += q.data.items.length;
  }
  const items = await runtime.store.count('items', { applicationId });
  expect(items).toBeGreaterThan(1);
  expect(seen).toBe(items);

  // An applicant cannot read the reviewers' queue; nothing was written by the refusal.
  cloud.as('demo-applicant');
  expect(await review({ action: 'queue', status: 'pending' }, {})).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect(await verifyAuditChain(runtime.store)).toMatchObject({ ok: true });
});
