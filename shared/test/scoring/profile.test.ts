// The profile schema: what it accepts, and every rejection with its field and Chinese message.
import { parseProfile, PROFILE_FIELD_LABELS, ProfileSchema } from '../../src/scoring';

const ok = { birthDate: '1995-10-01' };

describe('accepted profiles', () => {
  test('only birthDate is required; hasDiplomaAndDegree defaults to true', () => {
    const result = parseProfile(ok);
    expect(result).toEqual({ ok: true, profile: { birthDate: '1995-10-01', hasDiplomaAndDegree: true } });
  });

  test('a full profile round-trips; matters are trimmed', () => {
    const full = {
      birthDate: '2000-02-29',
      education: 'master',
      hasDiplomaAndDegree: false,
      title: 'intermediate',
      skillLevel: 3,
      socialInsuranceMonths: 60,
      residenceRegistrationYears: 5,
      ownHome: false,
      rentalYears: 3,
      incomeTaxYuan: 12345.67,
      honours: [{ level: 'city', matter: ' 抗疫先进个人 ' }],
      boneMarrowDonation: false,
      bloodDonationMl: 400,
      volunteerHours: 35.5,
      donationYuan: 2000,
      inventionPatents: [{ firstPatentee: true }],
      records: { criminal: 0, drugRehab: 0, detention: 0, dishonesty: false, severeDishonesty: 0, vetoed: false },
    };
    const result = parseProfile(full);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.profile).toEqual({ ...full, honours: [{ level: 'city', matter: '抗疫先进个人' }] });
  });

  test('unknown keys are dropped, not scored', () => {
    const result = parseProfile({ ...ok, bonusPoints: 1000 });
    expect(result.ok && 'bonusPoints' in result.profile).toBe(false);
  });
});

describe('rejections name the field in Chinese', () => {
  test.each`
    input                                                       | field                                 | message
    ${{}}                                                       | ${'birthDate'}                        | ${'出生日期必须填写'}
    ${{ birthDate: '2025-02-30' }}                              | ${'birthDate'}                        | ${'出生日期不是有效的日期'}
    ${{ birthDate: '2023-02-29' }}                              | ${'birthDate'}                        | ${'出生日期不是有效的日期'}
    ${{ birthDate: '1995/10/01' }}                              | ${'birthDate'}                        | ${'出生日期格式应为YYYY-MM-DD'}
    ${{ birthDate: 19951001 }}                                  | ${'birthDate'}                        | ${'出生日期必须填写'}
    ${{ ...ok, socialInsuranceMonths: -1 }}                     | ${'socialInsuranceMonths'}            | ${'社保缴纳月数不能为负数'}
    ${{ ...ok, socialInsuranceMonths: 1.5 }}                    | ${'socialInsuranceMonths'}            | ${'社保缴纳月数必须是整数'}
    ${{ ...ok, socialInsuranceMonths: '12' }}                   | ${'socialInsuranceMonths'}            | ${'社保缴纳月数必须是数字'}
    ${{ ...ok, socialInsuranceMonths: 5000 }}                   | ${'socialInsuranceMonths'}            | ${'社保缴纳月数不能超过1200个月'}
    ${{ ...ok, residenceRegistrationYears: -2 }}                | ${'residenceRegistrationYears'}       | ${'居住登记年数不能为负数'}
    ${{ ...ok, rentalYears: 2.5 }}                              | ${'rentalYears'}                      | ${'合法租赁年数必须是整数'}
    ${{ ...ok, incomeTaxYuan: -0.01 }}                          | ${'incomeTaxYuan'}                    | ${'个人所得税金额不能为负数'}
    ${{ ...ok, incomeTaxYuan: Number.NaN }}                     | ${'incomeTaxYuan'}                    | ${'个人所得税金额必须是数字'}
    ${{ ...ok, bloodDonationMl: -200 }}                         | ${'bloodDonationMl'}                  | ${'无偿献血量不能为负数'}
    ${{ ...ok, volunteerHours: -1 }}                            | ${'volunteerHours'}                   | ${'志愿服务时长不能为负数'}
    ${{ ...ok, donationYuan: -1 }}                              | ${'donationYuan'}                     | ${'慈善捐赠金额不能为负数'}
    ${{ ...ok, education: 'phd' }}                              | ${'education'}                        | ${'文化程度不在可选范围内'}
    ${{ ...ok, title: 'professor' }}                            | ${'title'}                            | ${'专业技术职称不在可选范围内'}
    ${{ ...ok, skillLevel: 0 }}                                 | ${'skillLevel'}                       | ${'职业技能等级必须是1至5的整数'}
    ${{ ...ok, skillLevel: 6 }}                                 | ${'skillLevel'}                       | ${'职业技能等级必须是1至5的整数'}
    ${{ ...ok, ownHome: 'yes' }}                                | ${'ownHome'}                          | ${'是否有自购产权住房必须选择"是"或"否"'}
    ${{ ...ok, hasDiplomaAndDegree: 1 }}                        | ${'hasDiplomaAndDegree'}              | ${'是否同时具有学历和学位必须选择"是"或"否"'}
    ${{ ...ok, honours: [{ level: 'galactic', matter: 'x' }] }} | ${'honours.0.level'}                  | ${'荣誉级别必须是国家级、省级、市级或区、县级'}
    ${{ ...ok, honours: [{ level: 'city', matter: '  ' }] }}    | ${'honours.0.matter'}                 | ${'荣誉事项不能为空'}
    ${{ ...ok, honours: [{ level: 'city' }] }}                  | ${'honours.0.matter'}                 | ${'荣誉事项必须填写'}
    ${{ ...ok, honours: 'many' }}                               | ${'honours'}                          | ${'荣誉格式不正确'}
    ${{ ...ok, inventionPatents: [{}] }}                        | ${'inventionPatents.0.firstPatentee'} | ${'是否第一专利权人必须选择"是"或"否"'}
    ${{ ...ok, records: { criminal: -1 } }}                     | ${'records.criminal'}                 | ${'刑事犯罪记录次数不能为负数'}
    ${{ ...ok, records: { detention: 0.5 } }}                   | ${'records.detention'}                | ${'拘留次数必须是整数'}
    ${{ ...ok, records: { severeDishonesty: -3 } }}             | ${'records.severeDishonesty'}         | ${'列入严重失信名单次数不能为负数'}
    ${{ ...ok, records: { vetoed: 'no' } }}                     | ${'records.vetoed'}                   | ${'是否存在一票否决情形必须选择"是"或"否"'}
    ${{ ...ok, records: [] }}                                   | ${'records'}                          | ${'减分记录格式不正确'}
  `('$field: $message', ({ input, field, message }) => {
    const result = parseProfile(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContainEqual({ field, message });
  });

  test('a non-object is rejected with a Chinese message', () => {
    const result = parseProfile('hello');
    expect(result).toEqual({ ok: false, errors: [{ field: '', message: '积分自评信息格式不正确' }] });
  });

  test('every error message names a field label', () => {
    const labels = Object.values(PROFILE_FIELD_LABELS);
    const result = parseProfile({
      birthDate: 'x',
      socialInsuranceMonths: -1,
      honours: [{ level: 'x', matter: '' }],
      records: { criminal: 1.2 },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.length).toBe(5);
      for (const e of result.errors) expect(labels.some((l) => e.message.startsWith(l))).toBe(true);
    }
  });

  test('the exported schema is the one parseProfile uses', () => {
    expect(ProfileSchema.safeParse({ birthDate: '2025-02-30' }).success).toBe(false);
    expect(ProfileSchema.safeParse({ birthDate: '2024-02-29' }).success).toBe(true);
  });
});
