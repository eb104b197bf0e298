// One citation per rule and one department table (issue 11). The 20-working-day rule is in FAQ2021 question 五,
// its second step ("第二步：受理的 20 个工作日后自行查询积分。如有异议，需在 7 个工作日内提出"): the deadline data
// and the yearly timeline must cite it the same way.
import { DEADLINE_PERIODS } from '../../src/calendar';
import { DEPARTMENT_CODES, DEPARTMENT_LABELS } from '../../src/api/schemas';
import { DEPARTMENTS as GUIDE_DEPARTMENTS } from '../../src/guide';
import { DEPARTMENTS, YEARLY_TIMELINE } from '../../src/scoring';

const step = (key: string) => YEARLY_TIMELINE.find((s) => s.key === key)!.source;

test('the result and objection periods and their timeline steps cite FAQ2021 Q5, second step', () => {
  const secondStep = { doc: 'FAQ2021', clause: 'Q5', description: '第二步', verified: true };
  expect(DEADLINE_PERIODS.result.citation).toEqual(secondStep);
  expect(step('result')).toEqual(secondStep);
  expect(DEADLINE_PERIODS.objection.citation).toEqual(secondStep);
  expect(step('objection')).toEqual(secondStep);
});

test('the certificate and admission-notice periods cite the same steps as their timeline steps', () => {
  expect(DEADLINE_PERIODS.certificate.citation).toEqual({
    doc: 'FAQ2021',
    clause: 'Q5',
    description: '第三步',
    verified: true,
  });
  expect(step('certificate')).toEqual({ doc: 'FAQ2021', clause: 'Q5', description: '第三步', verified: true });
  expect(DEADLINE_PERIODS.admissionNotice.citation).toEqual({
    doc: 'FAQ2021',
    clause: 'Q5',
    description: '第四步',
    verified: true,
  });
  expect(step('admission')).toEqual({ doc: 'FAQ2021', clause: 'Q5', description: '第四步', verified: true });
});

test('one department table: codes, labels and the guide read the same rows (docs/CONTRACTS.md)', () => {
  expect(DEPARTMENT_CODES).toEqual([
    'public-security',
    'hrss',
    'housing',
    'education',
    'tax',
    'honours',
    'health',
    'civilization',
    'civil-affairs',
    'market-regulation',
  ]);
  expect(DEPARTMENT_LABELS).toEqual({
    'public-security': '公安',
    hrss: '人力社保',
    housing: '住保房管',
    education: '教育',
    tax: '税务',
    honours: '荣誉颁发部门',
    health: '卫生健康',
    civilization: '市委宣传部（文明办）',
    'civil-affairs': '民政',
    'market-regulation': '市场监管（知识产权）',
  });
  expect(GUIDE_DEPARTMENTS).toBe(DEPARTMENTS);
  expect(DEPARTMENTS.civilization).toEqual({
    name: '市委宣传部（文明办）',
    reviews: '志愿服务（FAQ2021 Q2：由团市委调整为市委宣传部（文明办））',
  });
});
