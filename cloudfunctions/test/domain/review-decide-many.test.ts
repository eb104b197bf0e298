// review.decideMany: public security approves one applicant's own-record items (age, deductions, veto) in one
// action, each audited; refused for another department, a non-reviewer, the reviewer's own application and an item
// that is not confirmed from the department's records — and a refusal changes nothing.
import { seedDemo } from '../../src/demo/seed';
import { createTestCloud, type TestCloud } from '../helpers/runtime';

const bj = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`).toISOString();
const PS = 'demo-reviewer-public-security';

let cloud: TestCloud;
beforeEach(async () => {
  cloud = createTestCloud(bj('2025-09-26'));
  await seedDemo(cloud.runtime);
});
afterEach(() => cloud.close());

async function submitted(openid = 'demo-applicant'): Promise<string> {
  const draft = await cloud.ok(openid, 'applications', 'saveDraft', {
    year: 2025,
    claims: [
      { indicator: 'rental', value: { rentalYears: 4 }, evidence: [] },
      { indicator: 'residenceRegistration', value: { residenceRegistrationYears: 4 }, evidence: [] },
    ],
  });
  await cloud.ok(openid, 'applications', 'submit', {
    applicationId: draft.application.applicationId,
    commitment: true,
    requestId: 'req-many-0001',
  });
  return draft.application.applicationId;
}

async function psQueue(
  openid = PS,
): Promise<
  Array<{ itemId: string; indicator: string; claimed: Record<string, unknown>; status: string; resultDate: string }>
> {
  return (await cloud.ok(openid, 'review', 'queue', { limit: 100 })).items;
}

const OWN_RECORD = ['age', 'criminal', 'drugRehab', 'detention', 'dishonesty', 'severeDishonesty', 'veto'];

test('public security approves the seven own-record items of one applicant in one action, audited per item', async () => {
  const applicationId = await submitted();
  const items = await psQueue();
  // Submitted 2025-09-26: result 20 working days later, across National Day (review-cycle.test.ts).
  expect(items[0]!.resultDate).toBe('2025-10-30');
  const own = items.filter((i) => OWN_RECORD.includes(i.indicator));
  expect(own.map((i) => i.indicator).sort()).toEqual([...OWN_RECORD].sort());
  const res = await cloud.ok(PS, 'review', 'decideMany', {
    applicationId,
    approvals: own.map((i) => ({ itemId: i.itemId, acceptedValue: i.claimed })),
  });
  expect(res.items).toHaveLength(7);
  expect(res.items.every((i: { status: string }) => i.status === 'approved')).toBe(true);
  const criminal = res.items.find((i: { indicator: string }) => i.indicator === 'criminal');
  expect(criminal.acceptedValue).toEqual({ criminal: 0 });
  const veto = res.items.find((i: { indicator: string }) => i.indicator === 'veto');
  expect(veto.acceptedValue).toEqual({ vetoed: false });
  // Residence registration is not in the batch and stays pending.
  expect((await psQueue()).find((i) => i.indicator === 'residenceRegistration')?.status).toBe('pending');
  const audit = await cloud.store.find<{ _id: string; action: string; target: { id: string } }>(
    'audit',
    { action: 'review.decideMany' },
    { limit: 100 },
  );
  expect(audit.map((a) => a.target.id).sort()).toEqual(own.map((i) => i.itemId).sort());
});

test('a changed value is recorded as confirmed, and a value not of the indicator is refused', async () => {
  const applicationId = await submitted();
  const own = (await psQueue()).filter((i) => OWN_RECORD.includes(i.indicator));
  const detention = own.find((i) => i.indicator === 'detention')!;
  const bad = await cloud.call(PS, 'review', 'decideMany', {
    applicationId,
    approvals: [{ itemId: detention.itemId, acceptedValue: { detention: '两次' } }],
  });
  expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  const res = await cloud.ok(PS, 'review', 'decideMany', {
    applicationId,
    approvals: [{ itemId: detention.itemId, acceptedValue: { detention: 2 } }],
  });
  expect(res.items[0].acceptedValue).toEqual({ detention: 2 });
});

describe('denials change nothing', () => {
  async function expectUnchanged(run: () => Promise<unknown>) {
    const before = JSON.stringify(await cloud.store.find('items', {}, { limit: 1000, orderBy: [['_id', 'asc']] }));
    await run();
    expect(JSON.stringify(await cloud.store.find('items', {}, { limit: 1000, orderBy: [['_id', 'asc']] }))).toBe(
      before,
    );
  }

  test('another department: NOT_FOUND', async () => {
    const applicationId = await submitted();
    const own = (await psQueue()).filter((i) => OWN_RECORD.includes(i.indicator));
    await expectUnchanged(async () => {
      const r = await cloud.call('demo-reviewer-housing', 'review', 'decideMany', {
        applicationId,
        approvals: own.map((i) => ({ itemId: i.itemId, acceptedValue: i.claimed })),
      });
      expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });
  });

  test('not a reviewer: FORBIDDEN', async () => {
    const applicationId = await submitted();
    const own = (await psQueue()).filter((i) => OWN_RECORD.includes(i.indicator));
    await expectUnchanged(async () => {
      const r = await cloud.call('demo-applicant', 'review', 'decideMany', {
        applicationId,
        approvals: own.map((i) => ({ itemId: i.itemId, acceptedValue: i.claimed })),
      });
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    });
  });

  test("the reviewer's own application: FORBIDDEN", async () => {
    await cloud.ok('demo-admin', 'accounts', 'grantRole', {
      openid: 'demo-applicant',
      role: 'reviewer',
      department: 'public-security',
    });
    const applicationId = await submitted();
    const own = (await psQueue('demo-applicant')).filter((i) => OWN_RECORD.includes(i.indicator));
    expect(own).toHaveLength(7);
    await expectUnchanged(async () => {
      const r = await cloud.call('demo-applicant', 'review', 'decideMany', {
        applicationId,
        approvals: own.map((i) => ({ itemId: i.itemId, acceptedValue: i.claimed })),
      });
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    });
  });

  test('an item the department does not confirm from its records (residence registration): VALIDATION_FAILED', async () => {
    const applicationId = await submitted();
    const items = await psQueue();
    const age = items.find((i) => i.indicator === 'age')!;
    const registration = items.find((i) => i.indicator === 'residenceRegistration')!;
    await expectUnchanged(async () => {
      const r = await cloud.call(PS, 'review', 'decideMany', {
        applicationId,
        approvals: [
          { itemId: age.itemId, acceptedValue: age.claimed },
          { itemId: registration.itemId, acceptedValue: { residenceRegistrationYears: 4 } },
        ],
      });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    });
  });

  test('an item of another application: NOT_FOUND', async () => {
    await submitted();
    const items = await psQueue();
    const age = items.find((i) => i.indicator === 'age')!;
    await expectUnchanged(async () => {
      const r = await cloud.call(PS, 'review', 'decideMany', {
        applicationId: 'no-such-application',
        approvals: [{ itemId: age.itemId, acceptedValue: age.claimed }],
      });
      expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });
  });
});
