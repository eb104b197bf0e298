// The rule data itself: cited, dated without gaps, honest about what is verified, and in half-point units.
import { COMBINATION_RULES, INDICATORS, RANKING_RULE, YEARLY_TIMELINE, scorePoints } from '../../src/scoring';
import { DEPARTMENTS, GUIDE_FAQ, guideIndicators } from '../../src/guide';
import type { IndicatorVersion, Source } from '../../src/scoring';

const indicators = Object.values(INDICATORS);
const versions = indicators.flatMap((ind) =>
  (ind.versions as IndicatorVersion<unknown>[]).map((v) => ({ code: ind.code, v })),
);

function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

const isSourceDoc = (s: Source) => s.doc === 'R2023' || s.doc === 'FAQ2021';

describe('every indicator', () => {
  test.each(indicators.map((i) => [i.code, i] as const))('%s: key, label, department and evidence', (code, ind) => {
    expect(ind.code).toBe(code);
    expect(ind.label).toMatch(/[\u4e00-\u9fa5]/);
    expect(DEPARTMENTS[ind.department]).toBeDefined();
    expect(ind.summary).toMatch(/[\u4e00-\u9fa5]/);
    if (ind.code !== 'familyPlanning') expect(ind.evidence.length).toBeGreaterThan(0);
  });

  test.each(indicators.map((i) => [i.code, i] as const))(
    '%s: versions cover all dates exactly once, in order',
    (_code, ind) => {
      const list = ind.versions as IndicatorVersion<unknown>[];
      expect(list[0]!.from).toBeNull();
      expect(list[list.length - 1]!.until).toBeNull();
      for (let i = 1; i < list.length; i++) {
        expect(list[i]!.from).toBe(list[i - 1]!.until);
        expect(list[i]!.from! > (list[i - 1]!.from ?? '')).toBe(true);
      }
    },
  );
});

describe('every version', () => {
  test.each(versions.map(({ code, v }) => [v.id, code, v] as const))('%s: cited and honest', (id, code, v) => {
    expect(id.startsWith(code)).toBe(true);
    expect(['R2023', 'FAQ2021', 'public-copy', 'our-choice']).toContain(v.source.doc);
    if (isSourceDoc(v.source)) expect(v.source.clause).toBeTruthy();
    else expect(v.source.description).toMatch(/[\u4e00-\u9fa5]/);
    if (v.verified) {
      // Verified only where one of the two source documents states it; confidence A.
      expect(isSourceDoc(v.source)).toBe(true);
      expect(v.confidence).toBe('A');
      expect((v.otherSources ?? []).every(isSourceDoc)).toBe(true);
    } else {
      expect(['B', 'C']).toContain(v.confidence);
      expect(v.note).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  test.each(versions.map(({ v }) => [v.id, v] as const))('%s: all point values are whole or half points', (_id, v) => {
    for (const n of numbersIn(v.params)) expect(Number.isInteger(n * 2)).toBe(true);
  });
});

describe('values the sources state (A), checked against RULES.md', () => {
  test.each`
    id                          | params
    ${'age-R2023'}              | ${{ minAge: 18, anchorAge: 40, anchorPoints: 30, perYear: 2, maxPoints: 30, floorPoints: 0, zeroAboveAge: null }}
    ${'criminal-150'}           | ${{ each: 150, once: false }}
    ${'drugRehab-100'}          | ${{ each: 100, once: false }}
    ${'detention-60'}           | ${{ each: 60, once: false }}
    ${'dishonesty-40'}          | ${{ each: 40, once: true }}
    ${'severeDishonesty-80'}    | ${{ each: 80, once: false }}
    ${'criminal-80'}            | ${{ each: 80, once: false }}
    ${'drugRehab-50'}           | ${{ each: 50, once: false }}
    ${'detention-30'}           | ${{ each: 30, once: false }}
    ${'familyPlanning-deleted'} | ${{ each: 0, once: false }}
  `('$id', ({ id, params }) => {
    const found = versions.find(({ v }) => v.id === id)!.v;
    expect(found.params).toEqual(params);
    expect(found.verified).toBe(true);
  });

  test('the tax cap is 20 before R2023 and 80 from 2023-05-08, both citing R2023 §二(四)', () => {
    const tax = INDICATORS.incomeTax.versions;
    expect(tax.map((v) => [v.until ?? v.from, v.params.cap, v.source])).toEqual([
      ['2023-05-08', 20, { doc: 'R2023', clause: '二(四)' }],
      ['2023-05-08', 80, { doc: 'R2023', clause: '二(四)' }],
    ]);
    // The per-amount rate is from public copies, so the versions stay unverified.
    expect(tax.every((v) => !v.verified)).toBe(true);
  });
});

describe('choices where sources are silent or conflict', () => {
  test.each`
    code                 | chosen                                            | alternative
    ${'bloodDonation'}   | ${{ cap: 10 }}                                    | ${{ cap: 20 }}
    ${'volunteering'}    | ${{ cap: 10 }}                                    | ${{ cap: 20 }}
    ${'inventionPatent'} | ${{ firstPatentee: 20, coPatentee: 10, cap: 20 }} | ${{ firstPatentee: 30, coPatentee: 15 }}
  `('$code: chosen value held with its alternative, confidence C', ({ code, chosen, alternative }) => {
    const v = (INDICATORS as unknown as Record<string, { versions: IndicatorVersion<Record<string, unknown>>[] }>)[
      code
    ]!.versions[0]!;
    expect(v.params).toMatchObject(chosen);
    expect(v.alternatives?.map((a) => a.params)).toContainEqual(alternative);
    expect([v.verified, v.confidence]).toEqual([false, 'C']);
  });

  test('skill levels 4 and 5 score 0, stated in the note', () => {
    const v = INDICATORS.titleSkill.versions[0]!;
    expect([v.params.skill[4], v.params.skill[5]]).toEqual([0, 0]);
    expect(v.note).toContain('四级');
  });

  test('the ranking tie-break is published, unverified, with alternatives', () => {
    expect(RANKING_RULE.order.map((o) => o.key)).toEqual([
      'total',
      'socialInsuranceMonths',
      'residenceRegistrationYears',
      'submittedAt',
    ]);
    expect(RANKING_RULE.verified).toBe(false);
    expect(RANKING_RULE.alternatives.length).toBeGreaterThan(0);
  });

  test('honours: the literal reading is used; the reading that gives more is kept, unused, with the worked figures', () => {
    const rule = COMBINATION_RULES.honoursSameMatter;
    expect(rule.reading).toBe('highest-per-matter');
    expect(rule.alternatives).toEqual([expect.objectContaining({ reading: 'best-total-per-matter', used: false })]);
    expect(rule.note).toContain('字面读法计240分，另一读法计250分');
    expect(rule.alternatives[0]!.note).toContain('250分');
    expect(INDICATORS.honours.versions[0]!.params.levels.national).toEqual({ each: 80, cap: 240 });
    expect(INDICATORS.honours.versions[0]!.params.levels.district).toEqual({ each: 10, cap: 30 });
  });

  test('combination rules are unverified data with a mode', () => {
    for (const rule of Object.values(COMBINATION_RULES)) {
      expect(rule.mode).toBe('higher-only');
      expect(rule.verified).toBe(false);
      expect(rule.description).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});

describe('veto (一票否决): the whole published list, each condition marked with its public copy', () => {
  test("every condition of the public copy's note 1, in order", () => {
    expect(INDICATORS.veto.versions[0]!.params.conditions.map((c) => [c.text, c.confidence])).toEqual([
      ['犯故意杀人罪', 'B'],
      ['犯故意伤害罪致人重伤或死亡', 'C'],
      ['犯强奸罪', 'C'],
      ['犯抢劫罪', 'B'],
      ['犯贩卖毒品罪', 'B'],
      ['犯放火罪', 'C'],
      ['犯爆炸罪', 'C'],
      ['犯投放危险物质罪', 'C'],
      ['被判处5年（含）以上有期徒刑的刑事犯罪', 'B'],
      ['参加国家禁止的组织', 'B'],
      ['参加国家禁止的活动', 'C'],
    ]);
  });

  test('none is in our two documents: every condition cites a public copy', () => {
    for (const c of INDICATORS.veto.versions[0]!.params.conditions) {
      expect(c.source.doc).toBe('public-copy');
      expect(c.source.description).toMatch(/公开转载/);
    }
    expect(INDICATORS.veto.versions[0]!.verified).toBe(false);
  });

  test('the vetoed score names the whole list', () => {
    const r = scorePoints({ birthDate: '1990-01-15', records: { vetoed: true } }, { cutoffDate: '2025-10-01' });
    expect(r.veto?.reason).toBe(
      '存在一票否决情形（以下之一：犯故意杀人罪、犯故意伤害罪致人重伤或死亡、犯强奸罪、犯抢劫罪、犯贩卖毒品罪、犯放火罪、犯爆炸罪、' +
        '犯投放危险物质罪、被判处5年（含）以上有期徒刑的刑事犯罪、参加国家禁止的组织、参加国家禁止的活动），不予积分。',
    );
  });
});

describe('departments and look-back windows', () => {
  test('volunteering is reviewed by 市委宣传部（文明办） (FAQ2021 Q2)', () => {
    expect(INDICATORS.volunteering.department).toBe('civilization');
    expect(DEPARTMENTS.civilization.name).toBe('市委宣传部（文明办）');
  });

  test.each(['charity', 'volunteering', 'honours', 'incomeTax'] as const)(
    '%s counts 5 years back (FAQ2021 Q5)',
    (code) => {
      expect(INDICATORS[code].lookBackYears).toBe(5);
      expect(INDICATORS[code].lookBackSource).toEqual({ doc: 'FAQ2021', clause: 'Q5' });
    },
  );

  test.each`
    code                       | department
    ${'age'}                   | ${'public-security'}
    ${'residenceRegistration'} | ${'public-security'}
    ${'criminal'}              | ${'public-security'}
    ${'socialInsurance'}       | ${'hrss'}
    ${'titleSkill'}            | ${'hrss'}
    ${'ownHome'}               | ${'housing'}
    ${'rental'}                | ${'housing'}
    ${'education'}             | ${'education'}
    ${'incomeTax'}             | ${'tax'}
    ${'honours'}               | ${'honours'}
    ${'bloodDonation'}         | ${'health'}
    ${'charity'}               | ${'civil-affairs'}
    ${'inventionPatent'}       | ${'market-regulation'}
  `('$code → $department', ({ code, department }) => {
    expect(INDICATORS[code as keyof typeof INDICATORS].department).toBe(department);
  });
});

describe('guide page data', () => {
  test('guide rows carry materials and the department name; deleted indicators are left out', () => {
    const rows = guideIndicators('2025-10-01');
    const volunteering = rows.find((r) => r.code === 'volunteering')!;
    expect(volunteering.departmentName).toBe('市委宣传部（文明办）');
    expect(volunteering.lookBack).toBe('只计截止日前5年内取得的材料');
    expect(rows.find((r) => r.code === 'familyPlanning')).toBeUndefined();
    expect(guideIndicators('2021-06-01').find((r) => r.code === 'familyPlanning')).toBeDefined();
    expect(rows.find((r) => r.code === 'age')!.verified).toBe(true);
    expect(rows.find((r) => r.code === 'education')!.evidence).toContain('毕业证书（取最高学历）');
  });

  test('timeline and FAQ entries are Chinese and cite their source', () => {
    for (const step of YEARLY_TIMELINE) {
      expect(step.text).toMatch(/[\u4e00-\u9fa5]/);
      expect(isSourceDoc(step.source)).toBe(true);
      expect(step.source.clause).toMatch(/^Q\d+$|^二/);
    }
    for (const entry of GUIDE_FAQ) {
      expect(entry.answer).toMatch(/[\u4e00-\u9fa5]/);
      expect(entry.sources.length).toBeGreaterThan(0);
    }
  });
});

describe('guide summaries stay in step with the numbers (a summary is prose, so a data change must touch both)', () => {
  test.each`
    code                  | numbers
    ${'age'} | ${() => {
      const p = INDICATORS.age.versions[1]!.params;
      return [p.anchorAge, p.anchorPoints, p.perYear];
    }}
    ${'socialInsurance'} | ${() => {
      const p = INDICATORS.socialInsurance.versions[0]!.params;
      return [p.rate, p.cap];
    }}
    ${'residenceRegistration'} | ${() => {
      const p = INDICATORS.residenceRegistration.versions[0]!.params;
      return [p.rate, p.cap];
    }}
    ${'rental'} | ${() => {
      const p = INDICATORS.rental.versions[0]!.params;
      return [p.rate, p.cap];
    }}
    ${'ownHome'}          | ${() => INDICATORS.ownHome.versions.map((v) => v.params.points)}
    ${'incomeTax'} | ${() => {
      const v = INDICATORS.incomeTax.versions;
      return [v[0]!.params.cap, v[1]!.params.cap, v[1]!.params.step];
    }}
    ${'honours'}          | ${() => Object.values(INDICATORS.honours.versions[0]!.params.levels).flatMap((l) => [l.each, l.cap])}
    ${'bloodDonation'} | ${() => {
      const p = INDICATORS.bloodDonation.versions[0]!.params;
      return [p.threshold, p.step, p.stepPoints, p.cap];
    }}
    ${'volunteering'} | ${() => {
      const p = INDICATORS.volunteering.versions[0]!.params;
      return [p.unit, p.rate, p.cap];
    }}
    ${'charity'} | ${() => {
      const p = INDICATORS.charity.versions[0]!.params;
      return [p.unit, p.rate, p.cap];
    }}
    ${'boneMarrow'}       | ${() => [INDICATORS.boneMarrow.versions[0]!.params.points]}
    ${'inventionPatent'} | ${() => {
      const p = INDICATORS.inventionPatent.versions[0]!.params;
      return [p.firstPatentee, p.cap];
    }}
    ${'criminal'}         | ${() => INDICATORS.criminal.versions.map((v) => v.params.each)}
    ${'drugRehab'}        | ${() => INDICATORS.drugRehab.versions.map((v) => v.params.each)}
    ${'detention'}        | ${() => INDICATORS.detention.versions.map((v) => v.params.each)}
    ${'dishonesty'}       | ${() => INDICATORS.dishonesty.versions.map((v) => v.params.each)}
    ${'severeDishonesty'} | ${() => [INDICATORS.severeDishonesty.versions[1]!.params.each]}
  `('$code summary mentions every current number', ({ code, numbers }) => {
    const summary = INDICATORS[code as keyof typeof INDICATORS].summary;
    for (const n of (numbers as () => number[])()) expect(summary).toContain(String(n));
  });
});
