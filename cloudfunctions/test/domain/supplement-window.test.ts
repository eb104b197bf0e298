// The supplement window of a returned item runs until 24:00 Beijing on the result date, whatever the state of the
// application's other items (API.md "Supplement window"). The scenario that used to close it early: every other item
// decided long before the result date, so the application was "scored" and its result published from 00:00 on the
// result date — refusing the supplement a whole day too soon. Fixed instants; every fixture through real actions.
//
// Dates (National Day 2025: holidays 10-01..10-08, make-up working days 09-28 and 10-11): accepted 2025-09-26 (Fri)
// → result date 2025-10-30 (Thu, +20 working days). With a returned item the result is published the day after,
// 2025-10-31 (Fri); the objection deadline is then the 7th working day after it: 11-03, 04, 05, 06, 07, 10, 11 →
// 2025-11-11.
import { seedDemo } from '../../src/demo/seed';
import { createTestCloud, snapshot, type TestCloud } from '../helpers/runtime';

/** Beijing wall-clock time → ISO instant. */
const bj = (date: string, time = '10:00:00.000') => new Date(`${date}T${time}+08:00`).toISOString();
const A = 'demo-applicant';
const DEPARTMENTS = ['hrss', 'housing', 'public-security'] as const;

describe.each(['sqlite', 'cloudbase'] as const)('on %s', (storeKind) => {
  let cloud: TestCloud;
  afterEach(() => cloud.close());

  /** Submits on 2025-09-26; on 2025-09-29 every department decides: social insurance returned, the rest approved. */
  async function everyOtherItemDecidedEarly(opts: { returnOne: boolean }): Promise<string> {
    cloud = createTestCloud(bj('2025-09-26'), { store: storeKind });
    await seedDemo(cloud.runtime);
    const draft = await cloud.ok(A, 'applications', 'saveDraft', {
      year: 2025,
      claims: [
        { indicator: 'socialInsurance', value: { socialInsuranceMonths: 48 }, evidence: [] },
        { indicator: 'rental', value: { rentalYears: 4 }, evidence: [] },
      ],
    });
    const applicationId = draft.application.applicationId as string;
    const submitted = await cloud.ok(A, 'applications', 'submit', {
      applicationId,
      commitment: true,
      requestId: 'sup-window-01',
    });
    expect(submitted.application).toMatchObject({ acceptedOn: '2025-09-26', resultDate: '2025-10-30' });

    cloud.setNow(bj('2025-09-29'));
    for (const dept of DEPARTMENTS) {
      const reviewer = `demo-reviewer-${dept}`;
      const { items } = await cloud.ok(reviewer, 'review', 'queue', { status: 'pending', limit: 100 });
      for (const item of items) {
        if (opts.returnOne && item.indicator === 'socialInsurance') {
          await cloud.ok(reviewer, 'review', 'decide', {
            itemId: item.itemId,
            decision: 'returned',
            reason: '请补充社保缴费明细',
          });
        } else {
          await cloud.ok(reviewer, 'review', 'decide', {
            itemId: item.itemId,
            decision: 'approved',
            acceptedValue: item.claimed,
          });
        }
      }
    }
    const view = await cloud.ok(A, 'applications', 'get', { applicationId });
    expect(view.items.every((i: { status: string }) => i.status === 'approved' || i.status === 'returned')).toBe(true);
    return applicationId;
  }

  const supplementSocialInsurance = (applicationId: string) =>
    cloud.call(A, 'applications', 'supplement', {
      applicationId,
      indicator: 'socialInsurance',
      value: { socialInsuranceMonths: 48 },
      evidence: [],
    });

  test('open at 23:59:59.999 Beijing on the result date: the result is not shown while the item can still change', async () => {
    const applicationId = await everyOtherItemDecidedEarly({ returnOne: true });

    // During the result date the result stays unpublished: the returned item may still come back to review.
    cloud.setNow(bj('2025-10-30', '00:00:00.000'));
    let view = await cloud.ok(A, 'applications', 'get', { applicationId });
    expect(view.application).toMatchObject({ status: 'scored', published: false, points: null, supplementOpen: true });

    cloud.setNow(bj('2025-10-30', '23:59:59.999'));
    view = await cloud.ok(A, 'applications', 'get', { applicationId });
    expect(view.application).toMatchObject({ published: false, supplementOpen: true });
    const sup = await supplementSocialInsurance(applicationId);
    expect(sup).toMatchObject({
      ok: true,
      data: { item: { indicator: 'socialInsurance', status: 'pending' }, application: { status: 'reviewing' } },
    });
  });

  test('closed at 00:00 Beijing the next day, nothing stored; the result is published that day with the item at 0', async () => {
    const applicationId = await everyOtherItemDecidedEarly({ returnOne: true });

    cloud.setNow(bj('2025-10-31', '00:00:00.000'));
    const before = await snapshot(cloud.store);
    expect(await supplementSocialInsurance(applicationId)).toMatchObject({
      ok: false,
      error: { code: 'WINDOW_CLOSED' },
    });
    expect(await snapshot(cloud.store)).toBe(before);

    const view = await cloud.ok(A, 'applications', 'get', { applicationId });
    expect(view.application).toMatchObject({
      status: 'scored',
      published: true,
      supplementOpen: false,
      resultOn: '2025-10-31',
      objectionDeadline: '2025-11-11',
    });
    // age 30 (born 1990, 35 on the cut-off 2025-10-01) + rental 4 years 24; social insurance returned → 0.
    expect(view.application.points.total).toBe(54);
  });

  test('without a returned item the result is published at 00:00 on the result date, as before', async () => {
    const applicationId = await everyOtherItemDecidedEarly({ returnOne: false });

    cloud.setNow(bj('2025-10-29', '23:59:59.999'));
    expect((await cloud.ok(A, 'applications', 'get', { applicationId })).application.published).toBe(false);

    cloud.setNow(bj('2025-10-30', '00:00:00.000'));
    const view = await cloud.ok(A, 'applications', 'get', { applicationId });
    expect(view.application).toMatchObject({
      published: true,
      resultOn: '2025-10-30',
      objectionDeadline: '2025-11-10',
    });
  });

  test('reviewers may still change decisions during the result date of an application with a returned item', async () => {
    const applicationId = await everyOtherItemDecidedEarly({ returnOne: true });
    cloud.setNow(bj('2025-10-30', '16:00:00.000'));
    const view = await cloud.ok('demo-district-office', 'applications', 'get', { applicationId });
    const rental = view.items.find((i: { indicator: string }) => i.indicator === 'rental');
    expect(
      await cloud.call('demo-reviewer-housing', 'review', 'decide', {
        itemId: rental.itemId,
        decision: 'approved',
        acceptedValue: { rentalYears: 5 },
      }),
    ).toMatchObject({ ok: true, data: { application: { status: 'scored' } } });
  });
});
