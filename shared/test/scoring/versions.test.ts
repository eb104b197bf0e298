// Rule versions chosen by the round's cut-off date. The worked examples of RULES.md, the same profile scored in
// rounds from 2022 to 2025, and the warnings that depend on the date are golden cases in golden/rounds.yaml.
import { allRuleSets, InvalidCutoffDateError, ruleSetFor, scorePoints } from '../../src/scoring';
import { bornAged, ROUND_2022, ROUND_2025 } from './helpers';

describe('versions chosen by the cut-off date', () => {
  test('R2023 boundary: 2023-05-07 uses the old age table, 2023-05-08 the new one', () => {
    expect(scorePoints({ birthDate: bornAged(43, '2023-05-07') }, { cutoffDate: '2023-05-07' }).total).toBe(30);
    expect(scorePoints({ birthDate: bornAged(43, '2023-05-08') }, { cutoffDate: '2023-05-08' }).total).toBe(24);
  });

  test('verified flags follow the source: R2023 age verified, pre-2023 age and own home not', () => {
    const r2025 = scorePoints({ birthDate: bornAged(30, ROUND_2025), ownHome: true }, { cutoffDate: ROUND_2025 });
    const r2022 = scorePoints({ birthDate: bornAged(30, ROUND_2022) }, { cutoffDate: ROUND_2022 });
    const age25 = r2025.items.find((i) => i.code === 'age')!;
    const age22 = r2022.items.find((i) => i.code === 'age')!;
    expect([age25.verified, age25.confidence, age25.source]).toEqual([true, 'A', { doc: 'R2023', clause: '二(四)' }]);
    expect([age22.verified, age22.confidence, age22.source.doc]).toEqual([false, 'B', 'public-copy']);
    const home = r2025.items.find((i) => i.code === 'ownHome')!;
    expect(home.verified).toBe(false);
    expect(r2025.warnings.find((w) => w.code === 'UNVERIFIED_RULES')?.message).toContain('自购产权住房');
  });
});

describe('warnings that depend on the date', () => {
  test('an invalid cut-off date is rejected with a stable code and a Chinese message', () => {
    for (const bad of ['2025-02-30', '2025/10/01', '', '20251001']) {
      expect(() => scorePoints({ birthDate: '1990-01-01' }, { cutoffDate: bad })).toThrow(InvalidCutoffDateError);
    }
    try {
      ruleSetFor('2025-13-01');
      throw new Error('not thrown');
    } catch (e) {
      expect((e as InvalidCutoffDateError).code).toBe('INVALID_CUTOFF_DATE');
      expect((e as Error).message).toContain('指标截止日');
    }
  });
});

describe('rule sets', () => {
  test('the segments are ordered, contiguous and each picks exactly one version per indicator', () => {
    const sets = allRuleSets();
    expect(sets[0]!.from).toBeNull();
    expect(sets[sets.length - 1]!.until).toBeNull();
    for (let i = 1; i < sets.length; i++) expect(sets[i]!.from).toBe(sets[i - 1]!.until);
    expect(sets.map((s) => s.from)).toEqual([null, '2021-10-01', '2023-05-08', '2024-07-01']);
  });

  test('the same cut-off date always returns the same (cached) rule set', () => {
    expect(ruleSetFor('2025-10-01')).toBe(ruleSetFor('2025-10-01'));
    expect(ruleSetFor('2025-10-01')).toBe(ruleSetFor('2026-10-01'));
  });
});

describe('items carry what the review and the UI need', () => {
  test('department, version id and the assumption note', () => {
    const result = scorePoints(
      { birthDate: bornAged(30, ROUND_2025), volunteerHours: 40, ownHome: true },
      { cutoffDate: ROUND_2025 },
    );
    const vol = result.items.find((i) => i.code === 'volunteering')!;
    expect([vol.department, vol.versionId, vol.verified, vol.confidence]).toEqual([
      'civilization',
      'volunteering-cap10',
      false,
      'C',
    ]);
    expect(vol.note).toContain('10分');
    expect(result.items.find((i) => i.code === 'ownHome')!.department).toBe('housing');
  });
});

test('unfilled items are shared frozen values; scored items are not', () => {
  const a = scorePoints({ birthDate: bornAged(30, ROUND_2025) }, { cutoffDate: ROUND_2025 });
  const b = scorePoints({ birthDate: bornAged(40, ROUND_2025), volunteerHours: 40 }, { cutoffDate: ROUND_2025 });
  const charityA = a.items.find((i) => i.code === 'charity')!;
  expect(b.items.find((i) => i.code === 'charity')).toBe(charityA);
  expect(Object.isFrozen(charityA)).toBe(true);
  expect(charityA.explanation).toBe('未填写：0分');
  expect(b.items.find((i) => i.code === 'volunteering')).not.toBe(a.items.find((i) => i.code === 'volunteering'));
  expect(a.items.find((i) => i.code === 'age')).not.toBe(b.items.find((i) => i.code === 'age'));
});
