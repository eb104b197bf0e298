// Golden scenario tables: one row per edge of every indicator (input, cut-off date, expected points).
// A policy officer can check each row against the indicator table in RULES.md.
import { scorePoints } from '../../src/scoring';
import { bornAged, item, pointsOf, ROUND_2022, ROUND_2025 } from './helpers';

describe('age (年龄)', () => {
  test.each`
    age   | cutoff        | expected | rule
    ${17} | ${ROUND_2025} | ${0}     | ${'under 18: 0 (assumption)'}
    ${18} | ${ROUND_2025} | ${30}    | ${'R2023: 18–40 → 30'}
    ${30} | ${ROUND_2025} | ${30}    | ${'R2023'}
    ${40} | ${ROUND_2025} | ${30}    | ${'R2023: 40 still 30'}
    ${41} | ${ROUND_2025} | ${28}    | ${'R2023: 41 → 28'}
    ${42} | ${ROUND_2025} | ${26}    | ${'R2023'}
    ${54} | ${ROUND_2025} | ${2}     | ${'R2023: 54 → 2'}
    ${55} | ${ROUND_2025} | ${0}     | ${'R2023: 55 → 0'}
    ${70} | ${ROUND_2025} | ${0}     | ${'R2023: never below 0'}
    ${18} | ${ROUND_2022} | ${30}    | ${'pre-2023'}
    ${40} | ${ROUND_2022} | ${30}    | ${'pre-2023'}
    ${43} | ${ROUND_2022} | ${30}    | ${'pre-2023: 43 and under 30'}
    ${44} | ${ROUND_2022} | ${29}    | ${'pre-2023: 44 → 29'}
    ${50} | ${ROUND_2022} | ${17}    | ${'pre-2023'}
    ${55} | ${ROUND_2022} | ${7}     | ${'pre-2023: 55 → 7'}
    ${56} | ${ROUND_2022} | ${5}     | ${'pre-2023: 56–60 → 5'}
    ${60} | ${ROUND_2022} | ${5}     | ${'pre-2023: 60 → 5'}
    ${61} | ${ROUND_2022} | ${0}     | ${'pre-2023: over 60 → 0'}
  `('$age 周岁 on $cutoff → $expected ($rule)', ({ age, cutoff, expected }) => {
    const result = scorePoints({ birthDate: bornAged(age, cutoff) }, { cutoffDate: cutoff });
    expect(item(result, 'age').points).toBe(expected);
    expect(item(result, 'age').explanation).toBe(`截止日${age}周岁：${expected}分`);
  });

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
  test.each`
    education           | both     | expected | explanation
    ${undefined}        | ${true}  | ${0}     | ${'未填写：0分'}
    ${'none'}           | ${true}  | ${0}     | ${'高中以下：0分'}
    ${'high-school'}    | ${true}  | ${10}    | ${'高中/中职：10分'}
    ${'junior-college'} | ${true}  | ${30}    | ${'大专/高职：30分'}
    ${'junior-college'} | ${false} | ${30}    | ${'大专/高职：30分'}
    ${'bachelor'}       | ${true}  | ${50}    | ${'本科学历且有学位：50分'}
    ${'bachelor'}       | ${false} | ${40}    | ${'本科（只有学历或只有学位）：40分'}
    ${'master'}         | ${true}  | ${70}    | ${'硕士研究生学历且有学位：70分'}
    ${'master'}         | ${false} | ${60}    | ${'硕士研究生（只有学历或只有学位）：60分'}
    ${'doctor'}         | ${true}  | ${90}    | ${'博士研究生学历且有学位：90分'}
    ${'doctor'}         | ${false} | ${80}    | ${'博士研究生（只有学历或只有学位）：80分'}
  `('$education (diploma and degree: $both) → $expected', ({ education, both, expected, explanation }) => {
    const result = scorePoints({ birthDate: '1995-10-01', education, hasDiplomaAndDegree: both }, { cutoffDate: ROUND_2025 });
    expect(item(result, 'education').points).toBe(expected);
    expect(item(result, 'education').explanation).toBe(explanation);
  });

  test('hasDiplomaAndDegree left out means both (default true)', () => {
    expect(pointsOf({ education: 'bachelor' }, 'education')).toBe(50);
  });
});

describe('title and skill (职称/技能), and only the higher of education and title/skill', () => {
  test.each`
    title                 | skill        | education           | eduPoints | tsPoints
    ${'senior'}           | ${undefined} | ${undefined}        | ${0}      | ${100}
    ${'associate-senior'} | ${undefined} | ${undefined}        | ${0}      | ${80}
    ${'intermediate'}     | ${undefined} | ${undefined}        | ${0}      | ${60}
    ${'none'}             | ${undefined} | ${undefined}        | ${0}      | ${0}
    ${undefined}          | ${1}         | ${undefined}        | ${0}      | ${80}
    ${undefined}          | ${2}         | ${undefined}        | ${0}      | ${60}
    ${undefined}          | ${3}         | ${undefined}        | ${0}      | ${40}
    ${undefined}          | ${4}         | ${undefined}        | ${0}      | ${0}
    ${undefined}          | ${5}         | ${undefined}        | ${0}      | ${0}
    ${'intermediate'}     | ${1}         | ${undefined}        | ${0}      | ${80}
    ${'senior'}           | ${2}         | ${undefined}        | ${0}      | ${100}
    ${'associate-senior'} | ${undefined} | ${'bachelor'}       | ${0}      | ${80}
    ${'intermediate'}     | ${undefined} | ${'master'}         | ${70}     | ${0}
    ${undefined}          | ${3}         | ${'junior-college'} | ${0}      | ${40}
    ${undefined}          | ${3}         | ${'bachelor'}       | ${50}     | ${0}
    ${'associate-senior'} | ${undefined} | ${'doctor'}         | ${90}     | ${0}
  `('title $title, skill $skill, education $education → education $eduPoints, title/skill $tsPoints', ({ title, skill, education, eduPoints, tsPoints }) => {
    const result = scorePoints({ birthDate: '1995-10-01', title, skillLevel: skill, education }, { cutoffDate: ROUND_2025 });
    expect(item(result, 'education').points).toBe(eduPoints);
    expect(item(result, 'titleSkill').points).toBe(tsPoints);
    expect(result.total).toBe(30 + eduPoints + tsPoints);
  });

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
    const result = scorePoints({ birthDate: '1995-10-01', title: 'intermediate', skillLevel: 1 }, { cutoffDate: ROUND_2025 });
    expect(item(result, 'titleSkill').explanation).toBe('中级职称60分、高级技师（一级）80分，取较高：80分');
  });
});

describe('social insurance (社会保险): 0.5 per month, cap 120', () => {
  test.each`
    months | expected
    ${0}   | ${0}
    ${1}   | ${0.5}
    ${2}   | ${1}
    ${47}  | ${23.5}
    ${48}  | ${24}
    ${239} | ${119.5}
    ${240} | ${120}
    ${241} | ${120}
    ${600} | ${120}
  `('$months months → $expected', ({ months, expected }) => {
    expect(pointsOf({ socialInsuranceMonths: months }, 'socialInsurance')).toBe(expected);
  });
});

describe('residence registration (居住登记): 5 per full year, cap 100', () => {
  test.each`
    years | expected
    ${0}  | ${0}
    ${1}  | ${5}
    ${19} | ${95}
    ${20} | ${100}
    ${21} | ${100}
  `('$years years → $expected', ({ years, expected }) => {
    expect(pointsOf({ residenceRegistrationYears: years }, 'residenceRegistration')).toBe(expected);
  });
});

describe('housing: own home (80 from 2024-07-01, 30 before) vs rental (6 per year, cap 30), the higher only', () => {
  test.each`
    ownHome  | rentalYears  | cutoff          | home  | rent  | total
    ${false} | ${1}         | ${ROUND_2025}   | ${0}  | ${6}  | ${36}
    ${false} | ${4}         | ${ROUND_2025}   | ${0}  | ${24} | ${54}
    ${false} | ${5}         | ${ROUND_2025}   | ${0}  | ${30} | ${60}
    ${false} | ${6}         | ${ROUND_2025}   | ${0}  | ${30} | ${60}
    ${true}  | ${undefined} | ${ROUND_2025}   | ${80} | ${0}  | ${110}
    ${true}  | ${4}         | ${ROUND_2025}   | ${80} | ${0}  | ${110}
    ${true}  | ${undefined} | ${'2024-07-01'} | ${80} | ${0}  | ${110}
    ${true}  | ${undefined} | ${'2024-06-30'} | ${30} | ${0}  | ${60}
    ${true}  | ${undefined} | ${'2023-10-01'} | ${30} | ${0}  | ${60}
    ${true}  | ${undefined} | ${ROUND_2022}   | ${30} | ${0}  | ${60}
    ${true}  | ${5}         | ${'2023-10-01'} | ${30} | ${0}  | ${60}
    ${true}  | ${4}         | ${'2023-10-01'} | ${30} | ${0}  | ${60}
  `('own home $ownHome, rental $rentalYears years, cut-off $cutoff → home $home, rental $rent', ({ ownHome, rentalYears, cutoff, home, rent, total }) => {
    const result = scorePoints({ birthDate: bornAged(30, cutoff), ownHome, rentalYears }, { cutoffDate: cutoff });
    expect(item(result, 'ownHome').points).toBe(home);
    expect(item(result, 'rental').points).toBe(rent);
    expect(result.total).toBe(total);
  });
});

describe('personal income tax (个人所得税): 1 at ¥10,000, +1 per full ¥5,000; cap 20, then 80 from 2023-05-08', () => {
  test.each`
    yuan       | cutoff          | expected
    ${0}       | ${ROUND_2025}   | ${0}
    ${9999}    | ${ROUND_2025}   | ${0}
    ${10000}   | ${ROUND_2025}   | ${1}
    ${14999}   | ${ROUND_2025}   | ${1}
    ${15000}   | ${ROUND_2025}   | ${2}
    ${105000}  | ${ROUND_2025}   | ${20}
    ${110000}  | ${ROUND_2025}   | ${21}
    ${404999}  | ${ROUND_2025}   | ${79}
    ${405000}  | ${ROUND_2025}   | ${80}
    ${1e7}     | ${ROUND_2025}   | ${80}
    ${9999}    | ${ROUND_2022}   | ${0}
    ${15000}   | ${ROUND_2022}   | ${2}
    ${104999}  | ${ROUND_2022}   | ${19}
    ${105000}  | ${ROUND_2022}   | ${20}
    ${405000}  | ${ROUND_2022}   | ${20}
    ${405000}  | ${'2023-05-07'} | ${20}
    ${405000}  | ${'2023-05-08'} | ${80}
  `('¥$yuan on $cutoff → $expected', ({ yuan, cutoff, expected }) => {
    expect(pointsOf({ incomeTaxYuan: yuan }, 'incomeTax', cutoff)).toBe(expected);
  });
});

describe('honours (奖项荣誉): per-level points and caps, one matter only its highest honour', () => {
  const h = (level: string, matter: string) => ({ level: level as 'national', matter });
  test.each`
    honours                                                                                  | expected | why
    ${[]}                                                                                    | ${0}     | ${'none'}
    ${[h('national', 'a')]}                                                                  | ${80}    | ${'national 80'}
    ${[h('national', 'a'), h('national', 'b'), h('national', 'c')]}                          | ${240}   | ${'3 national = cap'}
    ${[h('national', 'a'), h('national', 'b'), h('national', 'c'), h('national', 'd')]}      | ${240}   | ${'national cap 240'}
    ${[h('provincial', 'a'), h('provincial', 'b'), h('provincial', 'c')]}                    | ${150}   | ${'provincial cap 150'}
    ${[h('provincial', 'a'), h('provincial', 'b'), h('provincial', 'c'), h('provincial', 'd')]} | ${150} | ${'provincial cap'}
    ${[h('city', 'a'), h('city', 'b'), h('city', 'c'), h('city', 'd')]}                      | ${90}    | ${'city cap 90'}
    ${[h('district', 'a'), h('district', 'b'), h('district', 'c'), h('district', 'd')]}      | ${30}    | ${'district cap 30'}
    ${[h('district', 'a'), h('district', 'b')]}                                              | ${20}    | ${'district 10 each'}
    ${[h('national', 'a'), h('provincial', 'a')]}                                            | ${80}    | ${'same matter: highest only'}
    ${[h('district', 'a'), h('city', 'a'), h('provincial', 'a')]}                            | ${50}    | ${'same matter: provincial only'}
    ${[h('city', 'a'), h('city', ' a ')]}                                                    | ${30}    | ${'same matter after trimming'}
    ${[h('national', 'a'), h('provincial', 'b'), h('city', 'c'), h('district', 'd')]}        | ${170}   | ${'one of each'}
    ${[h('national', 'a'), h('national', 'a'), h('national', 'a'), h('national', 'a')]}      | ${80}    | ${'repeated matter counts once'}
    ${[h('provincial', 'a'), h('provincial', 'b'), h('provincial', 'c'), h('district', 'd'), h('provincial', 'd')]} | ${150} | ${'literal: matter d scores its provincial honour, which the full provincial cap discards'}
    ${[h('national', 'a'), h('provincial', 'a'), h('national', 'b'), h('national', 'c'), h('national', 'd')]} | ${240} | ${'literal: matter a scores national only; national cap 240'}
    ${[h('national', 'a'), h('national', 'b'), h('national', 'c'), h('national', 'd'), h('district', 'd')]} | ${240} | ${'literal: 3 national at the cap + matter d (national and district) → 240, not 250'}
    ${[h('national', 'a'), h('national', 'b'), h('national', 'c'), h('district', 'd')]}       | ${250}   | ${'3 national at the cap + a district honour of another matter'}
    ${[h('city', 'a'), h('district', 'a'), h('district', 'b'), h('district', 'c'), h('district', 'd')]} | ${60} | ${'literal: matter a at city 30 + 3 district 30 (cap)'}
    ${[h('national', 'a'), h('provincial', 'a'), h('city', 'a')]}                            | ${80}    | ${'one matter, three levels: one honour'}
  `('$why → $expected', ({ honours, expected }) => {
    expect(pointsOf({ honours }, 'honours')).toBe(expected);
  });

  test('the explanation says how many honours were not counted', () => {
    const result = scorePoints({ birthDate: '1995-10-01', honours: [h('national', 'a'), h('city', 'a')] }, { cutoffDate: ROUND_2025 });
    expect(item(result, 'honours').explanation).toBe('国家级1项：80分；同一事项只计最高一项，1项未计');
  });

  test('literal reading: a national honour added to a matter that held a district one lowers 250 to 240', () => {
    const full = [h('national', 'a'), h('national', 'b'), h('national', 'c')];
    const before = scorePoints({ birthDate: '1995-10-01', honours: [...full, h('district', 'd')] }, { cutoffDate: ROUND_2025 });
    const after = scorePoints({ birthDate: '1995-10-01', honours: [...full, h('district', 'd'), h('national', 'd')] }, { cutoffDate: ROUND_2025 });
    expect(item(before, 'honours').points).toBe(250);
    expect(item(before, 'honours').explanation).toBe('国家级3项、区、县级1项：250分');
    expect(item(after, 'honours').points).toBe(240);
    expect(item(after, 'honours').explanation).toBe('国家级4项（达上限240分）：240分；同一事项只计最高一项，1项未计');
  });
});

describe('donations and service', () => {
  test.each`
    ml      | expected
    ${0}    | ${0}
    ${199}  | ${0}
    ${200}  | ${1}
    ${299}  | ${1}
    ${300}  | ${1.5}
    ${399}  | ${1.5}
    ${400}  | ${2}
    ${1999} | ${9.5}
    ${2000} | ${10}
    ${5000} | ${10}
  `('blood $ml ml → $expected (cap 10, chosen)', ({ ml, expected }) => {
    expect(pointsOf({ bloodDonationMl: ml }, 'bloodDonation')).toBe(expected);
  });

  test.each`
    hours  | expected
    ${19}  | ${0}
    ${20}  | ${2}
    ${39}  | ${2}
    ${40}  | ${4}
    ${99}  | ${8}
    ${100} | ${10}
    ${500} | ${10}
  `('volunteering $hours h → $expected (cap 10, chosen)', ({ hours, expected }) => {
    expect(pointsOf({ volunteerHours: hours }, 'volunteering')).toBe(expected);
  });

  test.each`
    yuan     | expected
    ${999}   | ${0}
    ${1000}  | ${2}
    ${4999}  | ${8}
    ${5000}  | ${10}
    ${50000} | ${10}
  `('charity ¥$yuan → $expected (cap 10)', ({ yuan, expected }) => {
    expect(pointsOf({ donationYuan: yuan }, 'charity')).toBe(expected);
  });

  test.each`
    donated  | expected
    ${true}  | ${80}
    ${false} | ${0}
  `('bone marrow $donated → $expected', ({ donated, expected }) => {
    expect(pointsOf({ boneMarrowDonation: donated }, 'boneMarrow')).toBe(expected);
  });

  test.each`
    patents                                                | expected | why
    ${[{ firstPatentee: true }]}                           | ${20}    | ${'first patentee full'}
    ${[{ firstPatentee: false }]}                          | ${10}    | ${'co-patentee half'}
    ${[{ firstPatentee: false }, { firstPatentee: false }]} | ${20}   | ${'two halves reach the cap'}
    ${[{ firstPatentee: true }, { firstPatentee: true }]}  | ${20}    | ${'cap 20 (chosen)'}
    ${[]}                                                  | ${0}     | ${'none'}
  `('patents: $why → $expected', ({ patents, expected }) => {
    expect(pointsOf({ inventionPatents: patents }, 'inventionPatent')).toBe(expected);
  });
});

describe('deductions (减分, FAQ2021 Q3)', () => {
  test.each`
    records                                         | cutoff          | total   | why
    ${{ criminal: 1 }}                              | ${ROUND_2025}   | ${-120} | ${'criminal −150'}
    ${{ criminal: 2 }}                              | ${ROUND_2025}   | ${-270} | ${'each act'}
    ${{ drugRehab: 1 }}                             | ${ROUND_2025}   | ${-70}  | ${'drug rehab −100'}
    ${{ detention: 1 }}                             | ${ROUND_2025}   | ${-30}  | ${'detention −60'}
    ${{ detention: 3 }}                             | ${ROUND_2025}   | ${-150} | ${'detention ×3'}
    ${{ dishonesty: true }}                         | ${ROUND_2025}   | ${-10}  | ${'any dishonesty record −40 once'}
    ${{ severeDishonesty: 1 }}                      | ${ROUND_2025}   | ${-50}  | ${'severe list −80'}
    ${{ severeDishonesty: 2 }}                      | ${ROUND_2025}   | ${-130} | ${'severe list ×2'}
    ${{ dishonesty: true, severeDishonesty: 1 }}    | ${ROUND_2025}   | ${-90}  | ${'other record −40 plus severe −80'}
    ${{ criminal: 0, detention: 0, dishonesty: false }} | ${ROUND_2025} | ${30}  | ${'zero counts'}
    ${{ criminal: 1 }}                              | ${'2021-10-01'} | ${-120} | ${'2021 revision from the 2021-10-01 cut-off'}
    ${{ criminal: 1 }}                              | ${'2021-06-01'} | ${-50}  | ${'superseded −80'}
    ${{ drugRehab: 1 }}                             | ${'2021-06-01'} | ${-20}  | ${'superseded −50'}
    ${{ detention: 1 }}                             | ${'2021-06-01'} | ${0}    | ${'superseded −30'}
    ${{ dishonesty: true }}                         | ${'2021-06-01'} | ${10}   | ${'superseded −20'}
    ${{ severeDishonesty: 1 }}                      | ${'2021-06-01'} | ${10}   | ${'superseded −20'}
  `('$why', ({ records, cutoff, total }) => {
    // Base: 30 years old → 30 points of age, under either age table.
    expect(scorePoints({ birthDate: bornAged(30, cutoff), records }, { cutoffDate: cutoff }).total).toBe(total);
  });

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
    expect(scorePoints({ birthDate: '1995-10-01', records: { vetoed: false } }, { cutoffDate: ROUND_2025 }).total).toBe(30);
  });
});
