import {
  settlementPathways,
  PathwayProfileSchema,
  PATHWAY_RULES,
  type PathwayProfile,
  type Pathway,
  type PathwayResult,
} from '../../src/people';

const ON = '2025-11-03';
/** Birth date giving exactly `age` on ON when `birthdayToday`, else a day short of it (age − 1, turning tomorrow). */
const born = (age: number, birthdayToday = true) => `${2025 - age}-11-${birthdayToday ? '03' : '04'}`;

function entry(profile: PathwayProfile, pathway: Pathway, on = ON): PathwayResult {
  const r = settlementPathways(profile, { on }).find((e) => e.pathway === pathway);
  if (!r) throw new Error(`no entry for ${pathway}`);
  return r;
}

// A profile that meets every condition of the pathway it is named after.
const ok: Record<Exclude<Pathway, 'reunion-spouse'>, PathwayProfile> = {
  'graduate-college': {
    birthDate: born(30),
    education: 'junior-college',
    hukou: 'other',
    employedInUrbanDistricts: true,
  },
  'graduate-master': { birthDate: born(40), education: 'master', hukou: 'other' },
  skilled: {
    birthDate: born(40),
    skillLevel: 2,
    hukou: 'other',
    employedInUrbanDistricts: true,
    employerPaidInsuranceMonths: 6,
    legalStableResidenceInUrbanDistricts: true,
  },
  'reunion-elderly': {
    birthDate: born(62),
    sex: 'male',
    hukou: 'other',
    residencePermitValid: true,
    reunion: { with: 'child', relativeHasUrbanHukou: true, fixedResidenceInUrbanDistricts: true },
  },
  points: { birthDate: born(30), hukou: 'other', residencePermitValid: true, points: 100, fullCivilCapacity: true },
  county: { birthDate: born(30), county: { name: 'chunan', legalStableResidence: false, legalStableEmployment: true } },
};

describe('settlementPathways: shape', () => {
  test('one entry per pathway, in a fixed order', () => {
    expect(settlementPathways({ birthDate: born(30) }, { on: ON }).map((e) => e.pathway)).toEqual([
      'graduate-college',
      'graduate-master',
      'skilled',
      'reunion-elderly',
      'reunion-spouse',
      'points',
      'county',
    ]);
  });

  test.each(Object.entries(ok))('%s: the reference profile is eligible, with a Chinese basis', (pathway, profile) => {
    const r = entry(profile, pathway as Pathway);
    expect(r).toMatchObject({ eligible: true, status: 'eligible', reasons: [] });
    expect(r.basis).toMatch(/[\u4e00-\u9fa5]/);
    expect(r.conditions.every((c) => c.met === true && c.citation.clause.length > 0)).toBe(true);
  });

  test('an empty profile is undetermined everywhere, never eligible, and says what is missing', () => {
    for (const r of settlementPathways({ birthDate: born(30) }, { on: ON })) {
      expect(r.eligible).toBe(false);
      expect(r.reasons.length).toBeGreaterThan(0);
      expect(r.reasons.some((x) => x.startsWith('未提供'))).toBe(true);
    }
  });

  test('before R2023 took effect the pathways are not assessed', () => {
    expect(() => settlementPathways(ok.points, { on: '2023-05-07' })).toThrow(
      expect.objectContaining({ code: 'PATHWAY_RULES_NOT_IN_FORCE' }),
    );
    expect(entry(ok.points, 'points', '2023-05-08').eligible).toBe(true);
  });
});

describe('age limits ("以下" excludes the number; "满" includes it)', () => {
  test.each([
    // pathway, profile, age, birthday today?, eligible
    ['graduate-college', ok['graduate-college'], 35, false, true], // 34, turning 35 tomorrow
    ['graduate-college', ok['graduate-college'], 35, true, false],
    ['graduate-master', ok['graduate-master'], 45, false, true],
    ['graduate-master', ok['graduate-master'], 45, true, false],
    ['skilled', { ...ok.skilled, skillLevel: 1 }, 45, false, true],
    ['skilled', { ...ok.skilled, skillLevel: 1 }, 45, true, false],
    ['skilled', { ...ok.skilled, skillLevel: 2 }, 45, true, false],
    ['skilled', { ...ok.skilled, skillLevel: 3 }, 35, false, true],
    ['skilled', { ...ok.skilled, skillLevel: 3 }, 35, true, false],
    ['reunion-elderly', { ...ok['reunion-elderly'], sex: 'male' }, 60, false, false], // 59
    ['reunion-elderly', { ...ok['reunion-elderly'], sex: 'male' }, 60, true, true],
    ['reunion-elderly', { ...ok['reunion-elderly'], sex: 'female' }, 55, false, false], // 54
    ['reunion-elderly', { ...ok['reunion-elderly'], sex: 'female' }, 55, true, true],
    ['points', ok.points, 18, false, false], // 17
    ['points', ok.points, 18, true, true],
  ] as const)('%s at %i (birthday today: %s) → eligible %s', (pathway, profile, age, today, eligible) => {
    const r = entry({ ...profile, birthDate: born(age, today) }, pathway);
    expect(r.eligible).toBe(eligible);
    if (!eligible) {
      expect(r.conditions.filter((c) => c.met === false).map((c) => c.key)).toEqual(['age']);
      expect(r.reasons).toHaveLength(1);
      expect(r.reasons[0]).toMatch(new RegExp(`当前${today ? age : age - 1}周岁`));
    }
  });

  test('the limits come from the cited data', () => {
    expect(PATHWAY_RULES.graduateCollege).toMatchObject({
      maxAgeExclusive: 35,
      citation: { doc: 'R2023', clause: '二(一)', verified: true },
    });
    expect(PATHWAY_RULES.graduateMaster).toMatchObject({
      maxAgeExclusive: 45,
      citation: { doc: 'R2023', clause: '二(一)', verified: true },
    });
    expect(PATHWAY_RULES.skilled.tiers.map((t) => [t.maxSkillLevel, t.maxAgeExclusive])).toEqual([
      [2, 45],
      [3, 35],
    ]);
    expect(PATHWAY_RULES.reunionElderly.minAge).toEqual({ male: 60, female: 55 });
    expect(PATHWAY_RULES.points).toMatchObject({ minPoints: 100, minAge: 18 });
  });

  test('a woman of 55 passes where a man of 55 fails', () => {
    const base = { ...ok['reunion-elderly'], birthDate: born(55) };
    expect(entry({ ...base, sex: 'female' }, 'reunion-elderly').eligible).toBe(true);
    expect(entry({ ...base, sex: 'male' }, 'reunion-elderly').reasons).toEqual(['男性须满60周岁，当前55周岁']);
  });
});

describe('every failing condition is named', () => {
  test.each([
    ['graduate-college', { ...ok['graduate-college'], hukou: 'hangzhou-urban' }, ['notUrbanHukou'], '已是杭州市区户籍'],
    [
      'graduate-college',
      { ...ok['graduate-college'], education: 'high-school' },
      ['education'],
      '须为普通高校大专学历毕业生',
    ],
    [
      'graduate-college',
      { ...ok['graduate-college'], employedInUrbanDistricts: false },
      ['employedInUrbanDistricts'],
      '落实就业单位',
    ],
    ['graduate-master', { ...ok['graduate-master'], education: 'bachelor' }, ['education'], '硕士研究生'],
    ['skilled', { ...ok.skilled, skillLevel: 4 }, ['skillLevel'], '高级工'],
    ['skilled', { ...ok.skilled, employedInUrbanDistricts: false }, ['employedInUrbanDistricts'], '须在市区工作'],
    ['skilled', { ...ok.skilled, employerPaidInsuranceMonths: 5 }, ['employerPaidInsuranceMonths'], '当前5个月'],
    [
      'skilled',
      { ...ok.skilled, legalStableResidenceInUrbanDistricts: false },
      ['legalStableResidenceInUrbanDistricts'],
      '合法稳定住所',
    ],
    [
      'reunion-elderly',
      {
        ...ok['reunion-elderly'],
        reunion: { with: 'spouse', relativeHasUrbanHukou: true, fixedResidenceInUrbanDistricts: true },
      },
      ['reunionWithChild'],
      '投靠子女',
    ],
    [
      'reunion-elderly',
      {
        ...ok['reunion-elderly'],
        reunion: { with: 'child', relativeHasUrbanHukou: false, fixedResidenceInUrbanDistricts: true },
      },
      ['childHasUrbanHukou'],
      '市区户籍',
    ],
    [
      'reunion-elderly',
      {
        ...ok['reunion-elderly'],
        reunion: { with: 'child', relativeHasUrbanHukou: true, fixedResidenceInUrbanDistricts: false },
      },
      ['fixedResidence'],
      '合法固定住所',
    ],
    ['reunion-elderly', { ...ok['reunion-elderly'], residencePermitValid: false }, ['residencePermit'], '居住证'],
    ['points', { ...ok.points, residencePermitValid: false }, ['residencePermitValid'], '居住证'],
    ['points', { ...ok.points, points: 99.5 }, ['points'], '当前99.5分'],
    ['points', { ...ok.points, fullCivilCapacity: false }, ['fullCivilCapacity'], '完全民事行为能力'],
    ['points', { ...ok.points, hukou: 'hangzhou-urban' }, ['notUrbanHukou'], '已是杭州市区户籍'],
    [
      'county',
      { ...ok.county, county: { name: 'tonglu', legalStableResidence: false, legalStableEmployment: false } },
      ['residenceOrEmployment'],
      '桐庐县',
    ],
  ] as const)('%s: %j fails on %j', (pathway, profile, keys, text) => {
    const r = entry(profile as PathwayProfile, pathway);
    expect(r).toMatchObject({ eligible: false, status: 'ineligible' });
    expect(r.conditions.filter((c) => c.met === false).map((c) => c.key)).toEqual(keys);
    expect(r.reasons.join('；')).toContain(text);
    expect(r.basis).toBeUndefined();
  });

  test('several failures are all listed, in order', () => {
    const r = entry(
      {
        birthDate: born(50),
        skillLevel: 3,
        hukou: 'other',
        employedInUrbanDistricts: false,
        employerPaidInsuranceMonths: 2,
        legalStableResidenceInUrbanDistricts: false,
      },
      'skilled',
    );
    expect(r.conditions.filter((c) => c.met === false).map((c) => c.key)).toEqual([
      'age',
      'employedInUrbanDistricts',
      'employerPaidInsuranceMonths',
      'legalStableResidenceInUrbanDistricts',
    ]);
    expect(r.reasons).toHaveLength(4);
    expect(r.reasons[0]).toBe('具有高级工职业资格（或职业技能等级三级证书）的须35周岁以下（不含35周岁），当前50周岁');
  });

  test('points: 100 exactly passes (满100分), and 100 is only the threshold to apply', () => {
    const r = entry(ok.points, 'points');
    expect(r.eligible).toBe(true);
    expect(r.basis).toContain('准申请分值');
  });
});

describe('decisions where the sources are silent (unverified citations)', () => {
  test('a doctorate qualifies for the master pathway, cited as unverified', () => {
    const r = entry({ ...ok['graduate-master'], education: 'doctor' }, 'graduate-master');
    expect(r.eligible).toBe(true);
    expect(r.conditions.find((c) => c.key === 'education')?.citation.verified).toBe(false);
  });

  test('the 大专 pathway qualifies 大专 only; higher degrees are left to the policies R2023 does not cover', () => {
    expect(PATHWAY_RULES.graduateCollege.qualifyingEducation).toEqual(['junior-college']);
    expect(PATHWAY_RULES.graduateCollege.higherDegreeLevels).toEqual(['bachelor', 'master', 'doctor']);
    expect(PATHWAY_RULES.notCovered.citation).toEqual({
      doc: 'R2023',
      clause: '结尾（本意见未涉及事项根据国家、省、市现行相应政策办理）',
      verified: true,
    });
  });

  test('Yangtze-Delta hukou needs no residence permit for elderly reunion (verified); others need one (unverified)', () => {
    const base = { ...ok['reunion-elderly'], residencePermitValid: false };
    const ydr = entry({ ...base, hukou: 'yangtze-delta' }, 'reunion-elderly');
    expect(ydr.eligible).toBe(true);
    expect(ydr.conditions.find((c) => c.key === 'residencePermit')?.citation).toEqual({
      doc: 'R2023',
      clause: '二(三)',
      verified: true,
    });
    const other = entry({ ...base, hukou: 'other' }, 'reunion-elderly');
    expect(other.conditions.find((c) => c.key === 'residencePermit')).toMatchObject({
      met: false,
      citation: { verified: false },
    });
  });

  test('spouse reunion is never declared eligible: its other conditions are not in our sources', () => {
    const r = entry(
      {
        birthDate: born(30),
        hukou: 'yangtze-delta',
        reunion: { with: 'spouse', relativeHasUrbanHukou: true, fixedResidenceInUrbanDistricts: true },
      },
      'reunion-spouse',
    );
    expect(r).toMatchObject({ eligible: false, status: 'undetermined' });
    expect(r.reasons).toEqual([
      '夫妻投靠落户的其他条件（如结婚年限等）杭政办函〔2023〕33号未作规定；依该意见结尾“本意见未涉及事项根据国家、省、市现行相应政策办理”，本工具无法判断，请向拟落户地的户籍窗口（派出所）咨询',
    ]);
    expect(r.basis).toContain('免申领居住证');
    expect(
      entry(
        {
          birthDate: born(30),
          hukou: 'other',
          residencePermitValid: false,
          reunion: { with: 'spouse', relativeHasUrbanHukou: true },
        },
        'reunion-spouse',
      ).status,
    ).toBe('ineligible');
  });

  test('county: either residence or employment suffices; a missing fact is undetermined, not a failure', () => {
    expect(
      entry({ birthDate: born(30), county: { name: 'jiande', legalStableResidence: true } }, 'county').eligible,
    ).toBe(true);
    expect(
      entry({ birthDate: born(30), county: { name: 'jiande', legalStableResidence: false } }, 'county').status,
    ).toBe('undetermined');
  });
});

describe('elderly reunion at 80 without a permit: undetermined (a public copy exempts, R2023 does not; lower reading)', () => {
  const noPermit = { ...ok['reunion-elderly'], hukou: 'other' as const, residencePermitValid: false };
  const COPY = {
    doc: 'outside-source',
    clause:
      '公开转载（杭州网2018年10月17日户籍办事指南·老年投靠）：80周岁及以上老年人投靠在杭子女，不受“身边无子女”及《浙江省居住证》的条件限制；R2023施行后是否仍适用未经核实',
    verified: false,
    confidence: 'C',
  };
  const UNDETERMINED_AT_80 =
    '本人已满80周岁、未持有居住证：公开转载（杭州网2018年10月17日户籍办事指南·老年投靠，可信度C）称80周岁及以上老年人投靠在杭子女不受居住证条件限制，' +
    '但杭政办函〔2023〕33号未作此规定，本工具无法判断，请向拟落户地的户籍窗口（派出所）咨询';
  const PERMIT_REQUIRED = '非长三角区域户籍须持有有效居住证（据政策推断，未经核实）';
  const REQUIREMENT = '长三角区域户籍免申领居住证；其他户籍须持有有效居住证（推断，未经核实）';

  test.each([
    // birth date, on, status, permit condition met
    ['1945-11-03', ON, 'undetermined', null], // the 80th birthday itself
    ['1945-11-04', ON, 'ineligible', false], // 79, turns 80 tomorrow
    ['1930-01-01', ON, 'undetermined', null], // 95
    ['1944-02-29', '2024-02-29', 'undetermined', null], // leap-day birthday, 80 reached on the day
    ['1944-02-29', '2024-02-28', 'ineligible', false], // the day before: 79
    ['1944-02-29', '2025-02-28', 'undetermined', null], // 81 in a common year (no 29 Feb)
  ] as const)('born %s, on %s → %s, permit met %s', (birthDate, on, status, met) => {
    const r = entry({ ...noPermit, birthDate }, 'reunion-elderly', on);
    expect(r).toMatchObject({ eligible: false, status });
    const permit = r.conditions.find((c) => c.key === 'residencePermit');
    if (met === null) {
      expect(permit).toEqual({
        key: 'residencePermit',
        met: null,
        requirement: REQUIREMENT,
        reason: UNDETERMINED_AT_80,
        citation: COPY,
      });
      expect(r.reasons).toEqual([UNDETERMINED_AT_80]);
      expect(r.basis).toBe('不受“外地身边无子女”条件限制');
    } else {
      expect(permit).toEqual({
        key: 'residencePermit',
        met: false,
        requirement: REQUIREMENT,
        reason: PERMIT_REQUIRED,
        citation: {
          doc: 'outside-source',
          clause: '二(三) 仅规定长三角户籍免申领居住证；其他户籍须持居住证系据此推断',
          verified: false,
        },
      });
      expect(r.reasons).toEqual([PERMIT_REQUIRED]);
    }
  });

  test('the exemption is kept in the data, not used, confidence C', () => {
    expect(PATHWAY_RULES.reunionElderly.permitExemption).toMatchObject({
      fromAge: 80,
      used: false,
      confidence: 'C',
      citation: COPY,
    });
  });

  test('a parent of 80 holding a permit meets the condition on the inferred rule; a woman of 80 without one is undetermined too', () => {
    const withPermit = entry({ ...noPermit, residencePermitValid: true, birthDate: born(80) }, 'reunion-elderly');
    expect(withPermit).toMatchObject({ eligible: true, status: 'eligible', reasons: [] });
    const woman = entry({ ...noPermit, sex: 'female', birthDate: born(80) }, 'reunion-elderly');
    expect(woman).toMatchObject({ status: 'undetermined', reasons: [UNDETERMINED_AT_80] });
  });

  test('at 80, an unanswered permit or hukou question stays a missing fact, not the exemption', () => {
    const { residencePermitValid: _p, ...permitUnknown } = noPermit;
    expect(entry({ ...permitUnknown, birthDate: born(80) }, 'reunion-elderly').reasons).toEqual([
      '未提供居住证信息，无法判断：长三角区域户籍免申领居住证；其他户籍须持有有效居住证（推断，未经核实）',
    ]);
    const { hukou: _h, ...hukouUnknown } = noPermit;
    expect(entry({ ...hukouUnknown, birthDate: born(80) }, 'reunion-elderly').reasons).toEqual([
      '未提供户籍信息，无法判断：非杭州市区户籍',
      '未提供户籍信息，无法判断：长三角区域户籍免申领居住证；其他户籍须持有有效居住证（推断，未经核实）',
    ]);
  });

  test('a Yangtze-Delta parent of 80 keeps the verified R2023 exemption and is eligible', () => {
    const r = entry({ ...noPermit, hukou: 'yangtze-delta', birthDate: born(85) }, 'reunion-elderly');
    expect(r.eligible).toBe(true);
    expect(r.conditions.find((c) => c.key === 'residencePermit')?.citation).toEqual({
      doc: 'R2023',
      clause: '二(三)',
      verified: true,
    });
  });

  test('spouse reunion at 80 still needs the permit (the copy speaks of joining a child only)', () => {
    const r = entry(
      {
        birthDate: born(80),
        hukou: 'other',
        residencePermitValid: false,
        reunion: { with: 'spouse', relativeHasUrbanHukou: true },
      },
      'reunion-spouse',
    );
    expect(r.conditions.find((c) => c.key === 'residencePermit')?.met).toBe(false);
  });
});

describe('silence is undetermined, never a failed condition (R2023 结尾)', () => {
  const CLOSING = { doc: 'R2023', clause: '结尾（本意见未涉及事项根据国家、省、市现行相应政策办理）', verified: true };

  test.each([
    ['bachelor', '本科'],
    ['master', '硕士研究生'],
    ['doctor', '博士研究生'],
  ] as const)(
    "a %s graduate asked about the 大专 pathway: undetermined, cites R2023's closing clause, points to the window",
    (education, label) => {
      const r = entry({ ...ok['graduate-college'], education }, 'graduate-college');
      expect(r).toMatchObject({ eligible: false, status: 'undetermined' });
      expect(r.conditions.find((c) => c.key === 'education')).toEqual({
        key: 'education',
        met: null,
        requirement: '普通高校大专学历毕业生',
        reason:
          `学历为${label}：杭政办函〔2023〕33号第二条（一）只规定了大专学历毕业生，未规定本科及以上学历能否按此条落户；` +
          '依该意见结尾“本意见未涉及事项根据国家、省、市现行相应政策办理”，本工具无法判断，请向拟落户地的户籍窗口（派出所）咨询',
        citation: CLOSING,
      });
      expect(r.reasons).toHaveLength(1);
      expect(r.reasons[0]).toContain('户籍窗口（派出所）');
      expect(r.basis).toBe('35周岁以下大专毕业生在市区落实就业单位后可在市区落户');
    },
  );

  test('a real failure beside the silence still makes the pathway ineligible, and both are named', () => {
    const r = entry({ ...ok['graduate-college'], education: 'bachelor', birthDate: born(35) }, 'graduate-college');
    expect(r.status).toBe('ineligible');
    expect(r.conditions.filter((c) => c.met !== true).map((c) => [c.key, c.met])).toEqual([
      ['education', null],
      ['age', false],
    ]);
  });

  test('no condition citing a silence of the sources ever fails, over many profiles', () => {
    const silences = [PATHWAY_RULES.notCovered.citation, PATHWAY_RULES.reunion.spouseConditionsCitation];
    const educations = [undefined, 'none', 'high-school', 'junior-college', 'bachelor', 'master', 'doctor'] as const;
    const hukous = [undefined, 'hangzhou-urban', 'yangtze-delta', 'other'] as const;
    for (const education of educations)
      for (const hukou of hukous)
        for (const withWhom of [undefined, 'child', 'spouse'] as const)
          for (const age of [20, 34, 35, 44, 60, 80]) {
            const profile: PathwayProfile = {
              birthDate: born(age),
              ...(education ? { education } : {}),
              ...(hukou ? { hukou } : {}),
              ...(withWhom ? { reunion: { with: withWhom, relativeHasUrbanHukou: true } } : {}),
              employedInUrbanDistricts: true,
            };
            for (const r of settlementPathways(profile, { on: ON }))
              for (const c of r.conditions) if (silences.includes(c.citation)) expect(c.met).not.toBe(false);
          }
  });
});

describe('PathwayProfileSchema', () => {
  test('accepts the reference profiles', () => {
    for (const p of Object.values(ok)) expect(PathwayProfileSchema.parse(p)).toEqual(p);
  });

  test.each([
    [{}, '出生日期必须填写'],
    [{ birthDate: '1990-02-30' }, '出生日期应为有效日期（YYYY-MM-DD）'],
    [{ birthDate: '1990-01-01', skillLevel: 6 }, '职业技能等级必须是1至5的整数'],
    [{ birthDate: '1990-01-01', education: 'phd' }, '文化程度不在可选范围内'],
    [{ birthDate: '1990-01-01', employerPaidInsuranceMonths: -1 }, '社保月数不能为负'],
    [{ birthDate: '1990-01-01', county: { name: 'xiaoshan' } }, '县（市）须为桐庐县、淳安县或建德市'],
    [{ birthDate: '1990-01-01', reunion: { with: 'parent' } }, '投靠对象须为子女或配偶'],
  ])('%j → %s', (input, message) => {
    const r = PathwayProfileSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(message);
  });
});
