// The points application deadline of a round (FAQ2021 Q6: 当年度10月1日前须完成积分申请) closes at 24:00 Beijing time
// on 09-30; afterwards an application goes to the next round (year-round acceptance, from 2024), which the demo seed
// opens once this year's deadline has passed.
import { seedDemo } from '../../src/demo/seed';
import { createTestCloud, snapshot, type TestCloud } from '../helpers/runtime';

const at = (isoBeijing: string) => new Date(`${isoBeijing}+08:00`).toISOString();
const A = 'demo-applicant';
const claims = [{ indicator: 'rental', value: { rentalYears: 2 }, evidence: [] }];

describe.each(['sqlite', 'cloudbase'] as const)('on %s', (storeKind) => {
  let cloud: TestCloud;
  afterEach(() => cloud.close());

  test('the 2025 round takes a draft and a submit until 2025-09-30 24:00 Beijing time, not a moment later', async () => {
    cloud = createTestCloud(at('2025-09-30T23:59:59.000'), { store: storeKind });
    await seedDemo(cloud.runtime);
    const draft = await cloud.ok(A, 'applications', 'saveDraft', { year: 2025, claims });
    const applicationId = draft.application.applicationId as string;

    cloud.setNow(at('2025-10-01T00:00:00.000'));
    const before = await snapshot(cloud.store);
    expect(
      await cloud.call(A, 'applications', 'submit', { applicationId, commitment: true, requestId: 'late-submit-01' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'ROUND_NOT_OPEN' },
    });
    expect(await cloud.call(A, 'applications', 'saveDraft', { year: 2025, claims })).toMatchObject({
      ok: false,
      error: { code: 'ROUND_NOT_OPEN' },
    });
    expect(await snapshot(cloud.store)).toBe(before);
  });

  test('on the last second it is still accepted', async () => {
    cloud = createTestCloud(at('2025-09-30T10:00:00.000'), { store: storeKind });
    await seedDemo(cloud.runtime);
    const draft = await cloud.ok(A, 'applications', 'saveDraft', { year: 2025, claims });
    cloud.setNow(at('2025-09-30T23:59:59.999'));
    const submitted = await cloud.ok(A, 'applications', 'submit', {
      applicationId: draft.application.applicationId,
      commitment: true,
      requestId: 'last-second-01',
    });
    expect(submitted.application.acceptedOn).toBe('2025-09-30');
  });

  test('after the deadline the seed opens the next round, which takes the application', async () => {
    cloud = createTestCloud(at('2025-10-15T10:00:00.000'), { store: storeKind });
    await seedDemo(cloud.runtime);
    expect(await cloud.call(A, 'applications', 'saveDraft', { year: 2025, claims })).toMatchObject({
      ok: false,
      error: { code: 'ROUND_NOT_OPEN' },
    });
    const draft = await cloud.ok(A, 'applications', 'saveDraft', { year: 2026, claims });
    expect(draft.application.year).toBe(2026);
  });
});
