// rankApplications: quota mode with the published tie-break order, threshold mode, and who is left out and why.
import fc from 'fast-check';
import { InvalidRankOptionsError, rankApplications } from '../../src/scoring';
import type { RankableApplication } from '../../src/scoring';

const app = (id: string, total: number | null, extra: Partial<RankableApplication> = {}): RankableApplication => ({
  id,
  total,
  socialInsuranceMonths: 60,
  residenceRegistrationYears: 5,
  submittedAt: '2025-09-01T10:00:00+08:00',
  meetsBasicConditions: true,
  ...extra,
});

describe('quota mode', () => {
  test('tie-break: total, then insurance months, then registration years, then submission time, then id', () => {
    const apps = [
      app('late', 120, { submittedAt: '2025-09-02T09:00:00+08:00' }),
      app('early', 120, { submittedAt: '2025-09-01T09:00:00+08:00' }),
      app('moreYears', 120, { residenceRegistrationYears: 6 }),
      app('moreMonths', 120, { socialInsuranceMonths: 61 }),
      app('top', 150),
      app('b-same', 110),
      app('a-same', 110),
    ];
    const result = rankApplications(apps, { mode: 'quota', quota: 3 });
    expect(result.ranked.map((r) => r.id)).toEqual([
      'top',
      'moreMonths',
      'moreYears',
      'early',
      'late',
      'a-same',
      'b-same',
    ]);
    expect(result.ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(result.ranked.filter((r) => r.admitted).map((r) => r.id)).toEqual(['top', 'moreMonths', 'moreYears']);
    expect(result.admittedCount).toBe(3);
    expect(result.line).toBe(120);
    expect(result.verified).toBe(false);
    expect(result.tieBreak[1]).toContain('社保缴纳月数');
  });

  test('submission instants compare across time-zone offsets and epoch milliseconds', () => {
    const result = rankApplications(
      [
        app('utc', 100, { submittedAt: '2025-09-01T01:00:00Z' }), // 09:00 Beijing
        app('bj', 100, { submittedAt: '2025-09-01T08:30:00+08:00' }),
        app('ms', 100, { submittedAt: Date.parse('2025-09-01T08:45:00+08:00') }),
      ],
      { mode: 'quota', quota: 1 },
    );
    expect(result.ranked.map((r) => r.id)).toEqual(['bj', 'ms', 'utc']);
  });

  test('vetoed, not eligible and under-100 applications are listed with a Chinese reason, never ranked', () => {
    const result = rankApplications(
      [app('ok', 100), app('veto', null), app('noPermit', 200, { meetsBasicConditions: false }), app('low', 99.5)],
      { mode: 'quota', quota: 10 },
    );
    expect(result.ranked.map((r) => r.id)).toEqual(['ok']);
    expect(result.ineligible).toEqual([
      { id: 'veto', reason: '存在一票否决情形' },
      { id: 'noPermit', reason: '不符合积分落户基本申请条件' },
      { id: 'low', reason: '积分未达到100分' },
    ]);
    expect(result.admittedCount).toBe(1);
  });

  test('quota 0 admits nobody and has no line; a bad quota is refused', () => {
    expect(rankApplications([app('a', 150)], { mode: 'quota', quota: 0 })).toMatchObject({
      admittedCount: 0,
      line: null,
    });
    expect(() => rankApplications([], { mode: 'quota', quota: -1 })).toThrow(InvalidRankOptionsError);
    expect(() => rankApplications([], { mode: 'quota', quota: 1.5 })).toThrow('落户指标数必须是非负整数');
  });

  test('an invalid submission time is refused with the application id', () => {
    expect(() => rankApplications([app('x', 120, { submittedAt: 'yesterday' })], { mode: 'quota', quota: 1 })).toThrow(
      '申请 x 的提交时间无效',
    );
  });
});

describe('threshold mode', () => {
  test('everyone at or above the line who meets the basic conditions is admitted', () => {
    const result = rankApplications(
      [app('a', 100), app('b', 99.5), app('c', 180), app('d', 140, { meetsBasicConditions: false })],
      { mode: 'threshold' },
    );
    expect(result.ranked.map((r) => [r.id, r.admitted])).toEqual([
      ['c', true],
      ['a', true],
    ]);
    expect(result.line).toBe(100);
    expect(result.ineligible.map((i) => i.id)).toEqual(['b', 'd']);
  });

  test('a raised line (R2023: adjusted to the city’s capacity): eligible but below the line are ranked, not admitted', () => {
    const result = rankApplications([app('a', 100), app('b', 130), app('c', 129.5)], { mode: 'threshold', line: 130 });
    expect(result.ranked.map((r) => [r.id, r.admitted])).toEqual([
      ['b', true],
      ['c', false],
      ['a', false],
    ]);
    expect(result).toMatchObject({ admittedCount: 1, line: 130, ineligible: [] });
  });

  test('a line below 100 never admits anyone under the 100-point application threshold', () => {
    const result = rankApplications([app('a', 95), app('b', 100)], { mode: 'threshold', line: 90 });
    expect(result.ranked.map((r) => [r.id, r.admitted])).toEqual([['b', true]]);
    expect(result.ineligible).toEqual([{ id: 'a', reason: '积分未达到100分' }]);
  });
});

describe('properties', () => {
  const appArb = fc.record({
    id: fc.string({ minLength: 1, maxLength: 6 }),
    total: fc.option(
      fc.integer({ min: 0, max: 600 }).map((h) => h / 2),
      { nil: null, freq: 10 },
    ),
    socialInsuranceMonths: fc.nat(240),
    residenceRegistrationYears: fc.nat(20),
    submittedAt: fc.integer({ min: 1.7e12, max: 1.8e12 }),
    meetsBasicConditions: fc.boolean(),
  });

  test('the result does not depend on input order, and admits min(quota, eligible) in non-increasing totals', () => {
    fc.assert(
      fc.property(fc.uniqueArray(appArb, { selector: (a) => a.id, maxLength: 60 }), fc.nat(30), (apps, quota) => {
        const a = rankApplications(apps, { mode: 'quota', quota });
        const b = rankApplications([...apps].reverse(), { mode: 'quota', quota });
        expect(b.ranked).toEqual(a.ranked);
        expect(a.admittedCount).toBe(Math.min(quota, a.ranked.length));
        for (let i = 1; i < a.ranked.length; i++)
          expect(a.ranked[i]!.total).toBeLessThanOrEqual(a.ranked[i - 1]!.total);
        expect(a.ranked.length + a.ineligible.length).toBe(apps.length);
        // Nobody left out ranks above the line.
        const admitted = a.ranked.filter((r) => r.admitted);
        const rejected = a.ranked.filter((r) => !r.admitted);
        if (admitted.length && rejected.length) expect(rejected[0]!.total).toBeLessThanOrEqual(a.line!);
      }),
    );
  });
});
