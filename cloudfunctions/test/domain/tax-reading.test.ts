// An income-tax claim carries the taxpayer type (纳税人身份) through review into scoring: a 个体工商户/个人投资者 claim
// is scored on the unverified business-owner reading (confidence C), an individual's on the general scale (B).
// Expected values are literals from the rule data: ¥10,000 → 1 point on either scale (满1万元1分).
import { scorePoints } from '@hz-points/shared';
import { seedDemo } from '../../src/demo/seed';
import { profileFromItems } from '../../src/core/scoring';
import type { ItemDoc } from '../../src/core/model';
import { createTestCloud, type TestCloud } from '../helpers/runtime';

const bj = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`).toISOString();
const A = 'demo-applicant';

describe('income-tax claims carry the taxpayer type', () => {
  let cloud: TestCloud;
  beforeEach(async () => {
    cloud = createTestCloud(bj('2025-09-26'));
    await seedDemo(cloud.runtime);
  });
  afterEach(() => cloud.close());

  /** Draft → submit → every department approves the claimed values; returns the application id. */
  async function reviewedApplication(incomeTaxValue: Record<string, unknown>): Promise<string> {
    const draft = await cloud.ok(A, 'applications', 'saveDraft', {
      year: 2025,
      claims: [{ indicator: 'incomeTax', value: incomeTaxValue, evidence: [] }],
    });
    const { applicationId } = draft.application;
    await cloud.ok(A, 'applications', 'submit', { applicationId, commitment: true, requestId: 'req-tax-0001' });
    cloud.setNow(bj('2025-09-29'));
    for (const dept of ['tax', 'public-security']) {
      const { items } = await cloud.ok(`demo-reviewer-${dept}`, 'review', 'queue', { status: 'pending', limit: 100 });
      for (const item of items) {
        await cloud.ok(`demo-reviewer-${dept}`, 'review', 'decide', {
          itemId: item.itemId,
          decision: 'approved',
          acceptedValue: item.claimed,
        });
      }
    }
    return applicationId;
  }

  async function taxItemOf(applicationId: string) {
    const office = await cloud.ok('demo-district-office', 'applications', 'get', { applicationId });
    return office.application.points.detail.items.find((i: { code: string }) => i.code === 'incomeTax');
  }

  async function storedItems(applicationId: string): Promise<ItemDoc[]> {
    return cloud.store.find<ItemDoc>('items', { applicationId });
  }

  test('a business-owner claim is reviewed with its type and scores with the unverified reading (C)', async () => {
    const applicationId = await reviewedApplication({ incomeTaxYuan: 10000, taxpayerType: 'business-owner' });

    const items = await storedItems(applicationId);
    const tax = items.find((i) => i.indicator === 'incomeTax')!;
    expect(tax.claimed).toEqual({ incomeTaxYuan: 10000, taxpayerType: 'business-owner' });
    expect(tax.acceptedValue).toEqual({ incomeTaxYuan: 10000, taxpayerType: 'business-owner' });

    expect(await taxItemOf(applicationId)).toMatchObject({
      code: 'incomeTax',
      points: 1,
      explanation: '个体工商户、个人投资者（计分标准未核实）5年内纳税10000元：1分',
    });

    // The approved values map onto the profile with the type, and the scored item is the C-marked reading.
    const profile = profileFromItems(items, { birthDate: '1990-01-01' });
    expect(profile).toMatchObject({ incomeTaxYuan: 10000, taxpayerType: 'business-owner' });
    const scored = scorePoints(profile, { cutoffDate: '2025-10-01' }).items.find((i) => i.code === 'incomeTax')!;
    expect([scored.points, scored.verified, scored.confidence, scored.source.doc]).toEqual([
      1,
      false,
      'C',
      'public-copy',
    ]);
  });

  test('a claim without the type (older drafts) keeps the general scale (B)', async () => {
    const applicationId = await reviewedApplication({ incomeTaxYuan: 10000 });
    expect(await taxItemOf(applicationId)).toMatchObject({
      code: 'incomeTax',
      points: 1,
      explanation: '5年内纳税10000元：1分',
    });
    const profile = profileFromItems(await storedItems(applicationId), { birthDate: '1990-01-01' });
    expect(profile).not.toHaveProperty('taxpayerType');
    const scored = scorePoints(profile, { cutoffDate: '2025-10-01' }).items.find((i) => i.code === 'incomeTax')!;
    expect([scored.points, scored.verified, scored.confidence]).toEqual([1, false, 'B']);
  });

  test('an unknown taxpayer type is refused in Chinese and nothing is saved', async () => {
    const r = await cloud.call(A, 'applications', 'saveDraft', {
      year: 2025,
      claims: [{ indicator: 'incomeTax', value: { incomeTaxYuan: 10000, taxpayerType: 'company' }, evidence: [] }],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (!r.ok) expect(r.error.message).toContain('纳税人身份必须是个人或个体工商户、个人投资者');
    expect(await cloud.store.find('applications', {})).toHaveLength(0);
  });
});
