// One whole review cycle on fixed dates across National Day 2025 (holidays 10-01..10-08, make-up working days
// 09-28 and 10-11): draft → submit (automatic acceptance 2025-09-26) → department reviews (one item returned and
// supplemented) → result on 2025-10-30 (+20 working days) → objection → answer → confirmed score.
import { seedDemo } from '../../src/demo/seed';
import { verifyAuditChain } from '../../src/audit';
import { createTestCloud, type TestCloud } from '../helpers/runtime';
import { PNG_BYTES } from '../helpers/fixtures';
import { uploadThroughStorage } from '../helpers/uploads';

/** Beijing wall-clock time → ISO instant. */
const bj = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`).toISOString();

// The whole file runs twice: on the SQLite adapter and on the CloudBase adapter over its stand-in.
describe.each(['sqlite', 'cloudbase'] as const)('on %s', (storeKind) => {
  let cloud: TestCloud;
  beforeEach(async () => {
    cloud = createTestCloud(bj('2025-09-26'), { store: storeKind });
    await seedDemo(cloud.runtime);
  });
  afterEach(() => cloud.close());

  async function approveAllPending(dept: string, values: Record<string, Record<string, unknown>> = {}) {
    const { items } = await cloud.ok(`demo-reviewer-${dept}`, 'review', 'queue', { status: 'pending', limit: 100 });
    for (const item of items) {
      await cloud.ok(`demo-reviewer-${dept}`, 'review', 'decide', {
        itemId: item.itemId,
        decision: 'approved',
        acceptedValue: values[item.indicator] ?? item.claimed,
      });
    }
    return items.length as number;
  }

  test('draft → submit → review with a return and supplement → result → objection → answer → confirmed', async () => {
    const A = 'demo-applicant';
    const { fileId } = await uploadThroughStorage(cloud, A, { purpose: 'evidence', bytes: PNG_BYTES });
    const draft = await cloud.ok(A, 'applications', 'saveDraft', {
      year: 2025,
      claims: [
        { indicator: 'education', value: { education: 'bachelor', hasDiplomaAndDegree: true }, evidence: [fileId] },
        { indicator: 'socialInsurance', value: { socialInsuranceMonths: 48 }, evidence: [] },
        { indicator: 'residenceRegistration', value: { residenceRegistrationYears: 4 }, evidence: [] },
        { indicator: 'rental', value: { rentalYears: 4 }, evidence: [] },
      ],
    });
    const applicationId = draft.application.applicationId;
    expect(draft.application.status).toBe('draft');

    // Resumable: reading it back gives the same claims.
    const resumed = await cloud.ok(A, 'applications', 'get', { applicationId });
    expect(resumed.application.claims).toHaveLength(4);

    const submitted = await cloud.ok(A, 'applications', 'submit', {
      applicationId,
      commitment: true,
      requestId: 'req-cycle-0001',
    });
    expect(submitted.application).toMatchObject({
      status: 'reviewing',
      acceptedOn: '2025-09-26',
      resultDate: '2025-10-30',
    });

    // A submitted application cannot be edited.
    const edit = await cloud.call(A, 'applications', 'saveDraft', { year: 2025, claims: [] });
    expect(edit).toMatchObject({ ok: false, error: { code: 'ALREADY_SUBMITTED' } });

    // The education reviewer may read the evidence; the tax reviewer may not.
    expect((await cloud.call('demo-reviewer-education', 'files', 'read', { fileId })).ok).toBe(true);
    expect(await cloud.call('demo-reviewer-tax', 'files', 'read', { fileId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    // Department reviews on 2025-09-29; the queue masks identity.
    cloud.setNow(bj('2025-09-29'));
    const hrssQueue = await cloud.ok('demo-reviewer-hrss', 'review', 'queue', {});
    expect(hrssQueue.items).toHaveLength(1);
    expect(hrssQueue.items[0].applicant.idNumber).toMatch(/^\d{3}\*+\d{3}[\dX]$/);
    expect(hrssQueue.items[0].applicant.phone).toBe('138****0001');
    await cloud.ok('demo-reviewer-hrss', 'review', 'decide', {
      itemId: hrssQueue.items[0].itemId,
      decision: 'reviewing',
    });
    await cloud.ok('demo-reviewer-hrss', 'review', 'decide', {
      itemId: hrssQueue.items[0].itemId,
      decision: 'returned',
      reason: '请补充社保缴费明细',
    });
    expect(await approveAllPending('education')).toBe(1);
    expect(await approveAllPending('housing')).toBe(1);
    // Public security: age, residence registration and the six default declarations.
    expect(await approveAllPending('public-security')).toBe(8);

    // Everything decided (one returned): scored, but not visible to the applicant before the result day.
    let view = await cloud.ok(A, 'applications', 'get', { applicationId });
    expect(view.application).toMatchObject({ status: 'scored', published: false, points: null, supplementOpen: true });
    const returned = view.items.find((i: any) => i.indicator === 'socialInsurance');
    expect(returned).toMatchObject({ status: 'returned', returnReason: '请补充社保缴费明细' });

    // Supplement during the window (2025-10-20), then HRSS approves.
    cloud.setNow(bj('2025-10-20'));
    const sup = await cloud.ok(A, 'applications', 'supplement', {
      applicationId,
      indicator: 'socialInsurance',
      value: { socialInsuranceMonths: 48 },
      evidence: [],
    });
    expect(sup.item.status).toBe('pending');
    expect(sup.application.status).toBe('reviewing');
    // A second supplement of a non-returned item is refused.
    expect(
      await cloud.call(A, 'applications', 'supplement', {
        applicationId,
        indicator: 'rental',
        value: { rentalYears: 9 },
        evidence: [],
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(await approveAllPending('hrss')).toBe(1);

    // 2025-10-29 23:59 Beijing: still not published.
    cloud.setNow(bj('2025-10-29', '23:59'));
    view = await cloud.ok(A, 'applications', 'get', { applicationId });
    expect(view.application.published).toBe(false);
    expect(view.application.points).toBeNull();
    // The district office already sees the computed points: 30 (age) + 50 + 24 + 20 + 24 = 148 (RULES.md example).
    const office = await cloud.ok('demo-district-office', 'applications', 'get', { applicationId });
    expect(office.application.points.total).toBe(148);
    expect(office.applicant.idNumber).toContain('*');

    // Result day 2025-10-30: published; the objection deadline is 7 working days later (2025-11-10).
    cloud.setNow(bj('2025-10-30', '00:00'));
    view = await cloud.ok(A, 'applications', 'get', { applicationId });
    expect(view.application).toMatchObject({
      published: true,
      resultOn: '2025-10-30',
      objectionDeadline: '2025-11-10',
      confirmed: false,
    });
    expect(view.application.points.total).toBe(148);
    // Items are locked after publication: only an objection changes them.
    const eduItem = view.items.find((i: any) => i.indicator === 'education');
    expect(
      await cloud.call('demo-reviewer-education', 'review', 'decide', {
        itemId: eduItem.itemId,
        decision: 'reviewing',
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });

    // Objection on 2025-11-03 about the rental item: answer due 15 working days later (2025-11-24).
    cloud.setNow(bj('2025-11-03'));
    const { objection } = await cloud.ok(A, 'objections', 'file', {
      applicationId,
      indicators: ['rental'],
      reason: '租赁合同实际为5年',
      requestId: 'obj-cycle-0001',
    });
    expect(objection).toMatchObject({
      status: 'open',
      filedOn: '2025-11-03',
      answerDeadline: '2025-11-24',
      overdue: false,
    });
    expect(
      await cloud.call(A, 'objections', 'file', {
        applicationId,
        indicators: ['rental'],
        reason: '再次异议',
        requestId: 'obj-cycle-0002',
      }),
    ).toMatchObject({ ok: false, error: { code: 'ALREADY_SUBMITTED' } });
    view = await cloud.ok(A, 'applications', 'get', { applicationId });
    expect(view.application.confirmed).toBe(false);

    // Not answered by 2025-11-25: flagged overdue in the office's list.
    cloud.setNow(bj('2025-11-25'));
    const listed = await cloud.ok('demo-district-office', 'objections', 'list', { status: 'open' });
    expect(listed.objections).toHaveLength(1);
    expect(listed.objections[0]).toMatchObject({ overdue: true, answerDeadline: '2025-11-24' });
    expect(listed.objections[0].applicant.idNumber).toContain('*');

    // The answer changes the rental value to 5 years: 30 points instead of 24 → 154, recomputed by scorePoints.
    const answered = await cloud.ok('demo-district-office', 'objections', 'answer', {
      objectionId: objection.objectionId,
      reply: '经复核，租赁年限认定为5年',
      changes: [{ indicator: 'rental', acceptedValue: { rentalYears: 5 } }],
    });
    expect(answered.objection).toMatchObject({
      status: 'answered',
      pointsBefore: 148,
      pointsAfter: 154,
      overdue: true,
    });
    view = await cloud.ok(A, 'applications', 'get', { applicationId });
    expect(view.application).toMatchObject({ confirmed: true });
    expect(view.application.points.total).toBe(154);

    // Every step is in the audit chain, with the actor and the person acted for, and the chain verifies.
    const audit = await cloud.store.find<any>('audit', {}, { orderBy: [['seq', 'asc']], limit: 1000 });
    const actions = audit.map((e) => e.action);
    for (const a of [
      'files.prepareUpload',
      'files.commitUpload',
      'applications.saveDraft',
      'applications.submit',
      'review.decide',
      'applications.supplement',
      'objections.file',
      'objections.answer',
    ]) {
      expect(actions).toContain(a);
    }
    const submitEntry = audit.find((e) => e.action === 'applications.submit');
    expect(submitEntry.actor.openid).toBe(A);
    expect(submitEntry.onBehalfOf).toBe('p-demo-applicant');
    expect((await verifyAuditChain(cloud.store)).ok).toBe(true);
  });

  test('without an objection the score is confirmed after the objection window (24:00 Beijing of the last day); an agent acts for the employee', async () => {
    const agent = 'demo-agent';
    const employee = 'p-demo-employee';
    const draft = await cloud.ok(agent, 'applications', 'saveDraft', {
      onBehalfOf: employee,
      year: 2025,
      claims: [{ indicator: 'education', value: { education: 'master', hasDiplomaAndDegree: true }, evidence: [] }],
    });
    const applicationId = draft.application.applicationId;
    await cloud.ok(agent, 'applications', 'submit', { applicationId, commitment: true, requestId: 'req-agent-0001' });
    await approveAllPending('education');
    await approveAllPending('public-security');

    cloud.setNow(bj('2025-11-10', '23:59'));
    let view = await cloud.ok('demo-employee', 'applications', 'get', { applicationId });
    expect(view.application).toMatchObject({
      published: true,
      objectionDeadline: '2025-11-10',
      confirmed: false,
      objectionOpen: true,
    });
    // Age on 2025-10-01 for 1992-11-08: 32 → 30 points; 硕士 70.
    expect(view.application.points.total).toBe(100);

    cloud.setNow(bj('2025-11-11', '00:00'));
    view = await cloud.ok('demo-employee', 'applications', 'get', { applicationId });
    expect(view.application).toMatchObject({ confirmed: true, objectionOpen: false });
    expect(
      await cloud.call(agent, 'objections', 'file', {
        applicationId,
        indicators: ['education'],
        reason: '迟到的异议',
        requestId: 'obj-late-0001',
      }),
    ).toMatchObject({ ok: false, error: { code: 'WINDOW_CLOSED' } });

    const submitEntry = (await cloud.store.find<any>('audit', { action: 'applications.submit' }))[0];
    expect(submitEntry.actor.openid).toBe(agent);
    expect(submitEntry.onBehalfOf).toBe(employee);
  });

  test('a supplement after the result date is refused (WINDOW_CLOSED) and the returned item scores 0', async () => {
    const A = 'demo-applicant';
    const draft = await cloud.ok(A, 'applications', 'saveDraft', {
      year: 2025,
      claims: [
        { indicator: 'rental', value: { rentalYears: 4 }, evidence: [] },
        { indicator: 'socialInsurance', value: { socialInsuranceMonths: 24 }, evidence: [] },
      ],
    });
    const applicationId = draft.application.applicationId;
    await cloud.ok(A, 'applications', 'submit', { applicationId, commitment: true, requestId: 'req-window-01' });
    const { items } = await cloud.ok('demo-reviewer-housing', 'review', 'queue', {});
    await cloud.ok('demo-reviewer-housing', 'review', 'decide', {
      itemId: items[0].itemId,
      decision: 'returned',
      reason: '合同未备案',
    });
    await approveAllPending('hrss');
    await approveAllPending('public-security');

    // The window runs until the result date (2025-10-30) 24:00 Beijing: the first instant after it.
    cloud.setNow(bj('2025-10-31', '00:00'));
    expect(
      await cloud.call(A, 'applications', 'supplement', {
        applicationId,
        indicator: 'rental',
        value: { rentalYears: 4 },
        evidence: [],
      }),
    ).toMatchObject({ ok: false, error: { code: 'WINDOW_CLOSED' } });
    const view = await cloud.ok(A, 'applications', 'get', { applicationId });
    // 30 (age 30) + 12 (24 months) + 0 (rental returned).
    expect(view.application.points.total).toBe(42);
  });

  test('an objection answered at 00:30 Beijing the day after its deadline is flagged overdue (Beijing dates, not UTC)', async () => {
    const A = 'demo-applicant';
    const draft = await cloud.ok(A, 'applications', 'saveDraft', {
      year: 2025,
      claims: [{ indicator: 'rental', value: { rentalYears: 4 }, evidence: [] }],
    });
    const applicationId = draft.application.applicationId;
    await cloud.ok(A, 'applications', 'submit', { applicationId, commitment: true, requestId: 'req-overdue-1' });
    await approveAllPending('housing');
    await approveAllPending('public-security');
    cloud.setNow(bj('2025-11-03'));
    const { objection } = await cloud.ok(A, 'objections', 'file', {
      applicationId,
      indicators: ['rental'],
      reason: '年限有误',
      requestId: 'obj-overdue-1',
    });
    expect(objection.answerDeadline).toBe('2025-11-24');
    // 2025-11-25 00:30 Beijing is still 2025-11-24 in UTC.
    cloud.setNow(bj('2025-11-25', '00:30'));
    const answered = await cloud.ok('demo-district-office', 'objections', 'answer', {
      objectionId: objection.objectionId,
      reply: '维持原认定',
      changes: [],
    });
    expect(answered.objection).toMatchObject({ overdue: true, pointsBefore: 54, pointsAfter: 54 });
  });

  test('a reviewer cannot decide on their own application', async () => {
    await cloud.ok('demo-admin', 'accounts', 'grantRole', {
      openid: 'demo-applicant',
      role: 'reviewer',
      department: 'housing',
    });
    const draft = await cloud.ok('demo-applicant', 'applications', 'saveDraft', {
      year: 2025,
      claims: [{ indicator: 'rental', value: { rentalYears: 4 }, evidence: [] }],
    });
    await cloud.ok('demo-applicant', 'applications', 'submit', {
      applicationId: draft.application.applicationId,
      commitment: true,
      requestId: 'req-self-review',
    });
    const { items } = await cloud.ok('demo-applicant', 'review', 'queue', {});
    expect(items).toHaveLength(1);
    expect(
      await cloud.call('demo-applicant', 'review', 'decide', {
        itemId: items[0].itemId,
        decision: 'approved',
        acceptedValue: { rentalYears: 9 },
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      (
        await cloud.call('demo-reviewer-housing', 'review', 'decide', {
          itemId: items[0].itemId,
          decision: 'reviewing',
        })
      ).ok,
    ).toBe(true);
  });
});
