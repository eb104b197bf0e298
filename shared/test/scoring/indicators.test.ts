// Behaviour of single indicators beyond their golden cases. The golden scenario tables (one case per edge of every
// indicator: input, cut-off date, expected points, citation) are YAML files in golden/, run by golden.test.ts.
import { scorePoints } from '../../src/scoring';
import { bornAged, item, pointsOf, ROUND_2025 } from './helpers';

describe('age (年龄)', () => {
  test('a birthday one day after the cut-off is not yet reached (周岁)', () => {
    // Born 1985-10-02: 39 on 2025-10-01, so still 30; born 1984-10-02: 40 → 30; born 1984-10-01: 41 → 28.
    expect(scorePoints({ birthDate: '1984-10-02' }, { cutoffDate: ROUND_2025 }).total).toBe(30);
    expect(scorePoints({ birthDate: '1984-10-01' }, { cutoffDate: ROUND_2025 }).total).toBe(28);
  });

  test('a 02-29 birth reaches its birthday on 03-01 of a non-leap year (people/ageOn convention)', () => {
    // 1984-02-29: on 2025-10-01 the birthday of 2025 has passed → 41 → 28.
    expect(scorePoints({ birthDate: '1984-02-29' }, { cutoffDate: ROUND_2025 }).total).toBe(28);
  });

  test('under 18 warns; born after the cut-off scores 0 and warns', () => {
    const minor = scorePoints({ birthDate: bornAged(17, ROUND_2025) }, { cutoffDate: ROUND_2025 });
    expect(minor.warnings.map((w) => w.code)).toContain('UNDER_18');
    const unborn = scorePoints({ birthDate: '2026-01-01' }, { cutoffDate: ROUND_2025 });
    expect(unborn.total).toBe(0);
    expect(unborn.warnings.map((w) => w.code)).toContain('BORN_AFTER_CUTOFF');
  });
});

describe('education (文化程度)', () => {
  test('hasDiplomaAndDegree left out means both (default true)', () => {
    expect(pointsOf({ education: 'bachelor' }, 'education')).toBe(50);
  });
});

describe('title and skill (职称/技能), and only the higher of education and title/skill', () => {
  test('equal points count once, and the explanation says which one counted', () => {
    // 博士 holding only one certificate (80) vs 副高 (80): education is kept, title/skill explains why it is 0.
    const result = scorePoints(
      { birthDate: '1995-10-01', education: 'doctor', hasDiplomaAndDegree: false, title: 'associate-senior' },
      { cutoffDate: ROUND_2025 },
    );
    expect(result.total).toBe(30 + 80);
    expect(item(result, 'titleSkill').points).toBe(0);
    expect(item(result, 'titleSkill').explanation).toContain('只计较高一项');
    expect(item(result, 'education').explanation).toContain('只计此项');
  });

  test('the explanation names the higher of title and skill', () => {
    const result = scorePoints(
      { birthDate: '1995-10-01', title: 'intermediate', skillLevel: 1 },
      { cutoffDate: ROUND_2025 },
    );
    expect(item(result, 'titleSkill').explanation).toBe('中级职称60分、高级技师（一级）80分，取较高：80分');
  });
});

describe('honours (奖项荣誉): per-level points and caps, one matter only its highest honour', () => {
  const h = (level: string, matter: string) => ({ level: level as 'national', matter });
  test('the explanation says how many honours were not counted', () => {
    const result = scorePoints(
      { birthDate: '1995-10-01', honours: [h('national', 'a'), h('city', 'a')] },
      { cutoffDate: ROUND_2025 },
    );
    expect(item(result, 'honours').explanation).toBe('国家级1项：80分；同一事项只计最高一项，1项未计');
  });

  test('literal reading: a national honour added to a matter that held a district one lowers 250 to 240', () => {
    const full = [h('national', 'a'), h('national', 'b'), h('national', 'c')];
    const before = scorePoints(
      { birthDate: '1995-10-01', honours: [...full, h('district', 'd')] },
      { cutoffDate: ROUND_2025 },
    );
    const after = scorePoints(
      { birthDate: '1995-10-01', honours: [...full, h('district', 'd'), h('national', 'd')] },
      { cutoffDate: ROUND_2025 },
    );
    expect(item(before, 'honours').points).toBe(250);
    expect(item(before, 'honours').explanation).toBe('国家级3项、区、县级1项：250分');
    expect(item(after, 'honours').points).toBe(240);
    expect(item(after, 'honours').explanation).toBe('国家级4项（达上限240分）：240分；同一事项只计最高一项，1项未计');
  });
});

describe('deductions (减分, FAQ2021 Q3)', () => {
  test('deductions explain themselves and warn how acts are counted', () => {
    const result = scorePoints({ birthDate: '1995-10-01', records: { criminal: 2 } }, { cutoffDate: ROUND_2025 });
    expect(item(result, 'criminal').explanation).toBe('一般刑事犯罪记录2次，每次扣150分：-300分');
    expect(result.warnings.map((w) => w.code)).toContain('DEDUCTION_ONE_ACT');
  });
});

describe('veto (一票否决)', () => {
  test('a veto gives no total, no items and a reason', () => {
    const result = scorePoints(
      { birthDate: '1995-10-01', education: 'doctor', records: { vetoed: true } },
      { cutoffDate: ROUND_2025 },
    );
    expect(result.total).toBeNull();
    expect(result.items).toEqual([]);
    expect(result.veto?.reason).toContain('一票否决');
    expect(result.veto?.verified).toBe(false);
  });

  test('vetoed: false scores normally', () => {
    expect(scorePoints({ birthDate: '1995-10-01', records: { vetoed: false } }, { cutoffDate: ROUND_2025 }).total).toBe(
      30,
    );
  });
});
