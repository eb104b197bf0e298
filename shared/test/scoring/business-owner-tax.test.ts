// 个体工商户/个人投资者: public copies describe a separate income-tax scale whose figures we could not find. The data
// holds an assumption in words (confidence C); that assumption's edges (personal income tax only, 1 point at ¥10,000,
// +1 per further full ¥5,000, the version's cap: 20, then 80) are golden cases in golden/income-tax.yaml.
import { INDICATORS, parseProfile, scorePoints } from '../../src/scoring';
import { base, item, ROUND_2025 } from './helpers';

const businessOwner = (yuan: number, cutoff = ROUND_2025) =>
  item(
    scorePoints({ ...base(cutoff), incomeTaxYuan: yuan, taxpayerType: 'business-owner' }, { cutoffDate: cutoff }),
    'incomeTax',
  );

describe('business-owner tax scale (unverified reading, C)', () => {
  test('the item says which reading it rests on: its own source, unverified, confidence C, the assumption', () => {
    const it = businessOwner(10000);
    expect(it.explanation).toBe('个体工商户、个人投资者（计分标准未核实）5年内纳税10000元：1分');
    expect([it.verified, it.confidence, it.source.doc]).toEqual([false, 'C', 'public-copy']);
    expect(it.source.description).toContain('个体工商户、个人投资者');
    expect(it.note).toContain('本工具的假设');
    expect(businessOwner(9999).explanation).toBe(
      '个体工商户、个人投资者（计分标准未核实）5年内纳税9999元，不足10000元：0分',
    );
  });

  test('an individual (or no answer) keeps the general scale and its B confidence', () => {
    for (const taxpayerType of ['individual', undefined] as const) {
      const it = item(
        scorePoints(
          { ...base(), incomeTaxYuan: 10000, ...(taxpayerType ? { taxpayerType } : {}) },
          { cutoffDate: ROUND_2025 },
        ),
        'incomeTax',
      );
      expect([it.points, it.verified, it.confidence, it.explanation]).toEqual([1, false, 'B', '5年内纳税10000元：1分']);
    }
  });

  test('the total warns that the estimate rests on unverified rules', () => {
    const r = scorePoints(
      { ...base(), incomeTaxYuan: 20000, taxpayerType: 'business-owner' },
      { cutoffDate: ROUND_2025 },
    );
    expect(r.warnings.find((w) => w.code === 'UNVERIFIED_RULES')?.message).toContain('个人所得税');
  });

  test('both tax versions hold the reading, in words, confidence C, with its alternative', () => {
    for (const v of INDICATORS.incomeTax.versions) {
      const r = v.params.businessOwner;
      expect([r.verified, r.confidence]).toEqual([false, 'C']);
      expect(r.params).toEqual({ threshold: 10000, firstPoints: 1, step: 5000, stepPoints: 1, cap: v.params.cap });
      expect(r.note).toContain('未找到该标准的具体数额');
      expect(r.alternatives?.length).toBe(1);
    }
  });

  test('the profile field is validated in Chinese', () => {
    expect(parseProfile({ birthDate: '1990-01-01', taxpayerType: 'business-owner' }).ok).toBe(true);
    expect(parseProfile({ birthDate: '1990-01-01', taxpayerType: 'company' })).toEqual({
      ok: false,
      errors: [{ field: 'taxpayerType', message: '纳税人身份必须是个人或个体工商户、个人投资者' }],
    });
  });
});
