import { residencePermitEligibility, RESIDENCE_PERMIT_RULES } from '../../src/people';

const adult = '1990-05-01';

describe('residencePermitEligibility: half a year of registration (6 calendar months to the day)', () => {
  test.each([
    ['2025-01-15', '2025-07-14', false, '2025-07-15'],
    ['2025-01-15', '2025-07-15', true, '2025-07-15'],
    ['2024-08-31', '2025-02-27', false, '2025-02-28'], // the 31st clamps to February's last day
    ['2024-08-31', '2025-02-28', true, '2025-02-28'],
    ['2023-08-31', '2024-02-29', true, '2024-02-29'], // leap February
    ['2025-12-31', '2026-06-30', true, '2026-06-30'],
  ])('registered %s, applying %s → %s (complete on %s)', (registrationStart, on, eligible, completeOn) => {
    const r = residencePermitEligibility({ registrationStart, on, legalStableEmployment: true, birthDate: adult });
    expect(r.eligible).toBe(eligible);
    expect(r.registrationCompleteOn).toBe(completeOn);
    if (!eligible) expect(r.reasons).toEqual([`居住登记未满半年（自${registrationStart}起，${completeOn}满半年）`]);
    else expect(r).toMatchObject({ route: 'general', status: 'eligible', reasons: [] });
  });

  test.each([
    [{ legalStableResidence: true }, true],
    [{ legalStableEmployment: true }, true],
    [{ continuousStudy: true }, true],
    [{ legalStableResidence: false, legalStableEmployment: false, continuousStudy: true }, true],
    [{ legalStableResidence: false, legalStableEmployment: false, continuousStudy: false }, false],
  ])('one of residence, employment, study: %j → %s', (facts, eligible) => {
    const r = residencePermitEligibility({
      registrationStart: '2024-01-01',
      on: '2025-01-01',
      birthDate: adult,
      ...facts,
    });
    expect(r.eligible).toBe(eligible);
    if (!eligible) {
      expect(r.status).toBe('ineligible');
      expect(r.reasons).toEqual(['须符合“有合法稳定住所”“合法稳定就业”“连续就读”条件之一']);
    }
  });

  test('both general conditions failing are both named', () => {
    const r = residencePermitEligibility({
      registrationStart: '2024-12-01',
      on: '2025-01-01',
      legalStableResidence: false,
      legalStableEmployment: false,
      continuousStudy: false,
      birthDate: adult,
    });
    expect(r.conditions.map((c) => [c.key, c.met])).toEqual([
      ['registration', false],
      ['residenceEmploymentOrStudy', false],
    ]);
    expect(r.reasons).toHaveLength(2);
  });

  test('missing facts are undetermined, not refused', () => {
    const r = residencePermitEligibility({ on: '2025-01-01', birthDate: adult });
    expect(r).toMatchObject({ eligible: false, status: 'undetermined', route: null });
    expect(r.reasons.every((x) => x.startsWith('未提供'))).toBe(true);
  });

  test('a registration after the application date is rejected; malformed dates throw INVALID_DATE', () => {
    expect(
      residencePermitEligibility({ registrationStart: '2025-02-01', on: '2025-01-01', legalStableEmployment: true })
        .reasons,
    ).toEqual(['居住登记日期晚于申请日期']);
    expect(() => residencePermitEligibility({ registrationStart: '2025-02-30', on: '2025-09-01' })).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
  });

  test('the half-year reading is cited as unverified data', () => {
    expect(RESIDENCE_PERMIT_RULES.minRegistrationMonths).toBe(6);
    expect(RESIDENCE_PERMIT_RULES.halfYearCitation.verified).toBe(false);
    expect(RESIDENCE_PERMIT_RULES.citation).toEqual({ doc: 'R2023', clause: '三(一)', verified: true });
  });
});

describe('residencePermitEligibility: under 16 on a parent or guardian permit', () => {
  test.each([
    ['2010-01-02', '2026-01-01', true], // 15, turning 16 tomorrow
    ['2010-01-01', '2026-01-01', false], // 16 today
  ])('born %s, applying %s, parent holds a permit → %s', (birthDate, on, eligible) => {
    const r = residencePermitEligibility({ on, birthDate, parentOrGuardianPermit: true });
    expect(r.eligible).toBe(eligible);
    if (eligible) expect(r).toMatchObject({ route: 'minor-with-parent', basis: expect.stringContaining('当前15周岁') });
  });

  test('a minor without a parent permit may still qualify on the general route', () => {
    const r = residencePermitEligibility({
      on: '2025-09-01',
      birthDate: '2012-03-01',
      parentOrGuardianPermit: false,
      registrationStart: '2025-01-01',
      continuousStudy: true,
    });
    expect(r).toMatchObject({ eligible: true, route: 'general' });
  });

  test('a minor failing both routes is refused with every reason', () => {
    const r = residencePermitEligibility({
      on: '2025-09-01',
      birthDate: '2012-03-01',
      parentOrGuardianPermit: false,
      registrationStart: '2025-06-01',
      continuousStudy: false,
      legalStableResidence: false,
      legalStableEmployment: false,
    });
    expect(r).toMatchObject({ eligible: false, status: 'ineligible' });
    expect(r.reasons).toContain('共同居住的父母或法定监护人均未持有居住证');
    expect(r.reasons).toHaveLength(3);
  });

  test('a minor whose general route fails but parent permit is unknown is undetermined', () => {
    const r = residencePermitEligibility({
      on: '2025-09-01',
      birthDate: '2012-03-01',
      registrationStart: '2025-06-01',
      continuousStudy: true,
    });
    expect(r.status).toBe('undetermined');
  });
});
