// The roster's row check (rules package): cells as HR writes them become a person and a calculator profile; every
// problem names the row and the column.
import { idCheckCharacter, missingRosterColumns, parseRosterRow, rosterColumnOf } from '../../src';

const ID = (first17: string) => first17 + idCheckCharacter(first17);
const TODAY = '2025-11-25';

test('headers: the template names, common aliases, and a note in brackets are recognised', () => {
  expect(rosterColumnOf('身份证号码')).toBe('idNumber');
  expect(rosterColumnOf('身份证号')).toBe('idNumber');
  expect(rosterColumnOf(' 手机号码（必填） ')).toBe('phone');
  expect(rosterColumnOf('学历')).toBe('education');
  expect(rosterColumnOf('部门')).toBeNull();
  expect(missingRosterColumns(['name'])).toEqual(['身份证号码', '手机号码']);
});

test('a good row: birth date from the ID number, HR words turned into the calculator profile', () => {
  const r = parseRosterRow(
    {
      name: '王芳',
      idNumber: ID('33010619951001001'),
      phone: '139 0000 0001',
      education: '大专',
      ownHome: '否',
      socialInsuranceMonths: '24',
      title: '中级',
    },
    2,
    TODAY,
  );
  expect(r).toEqual({
    ok: true,
    row: {
      row: 2,
      name: '王芳',
      idNumber: ID('33010619951001001'),
      phone: '13900000001',
      birthDate: '1995-10-01',
      profile: {
        birthDate: '1995-10-01',
        education: 'junior-college',
        hasDiplomaAndDegree: true,
        ownHome: false,
        socialInsuranceMonths: 24,
        title: 'intermediate',
      },
    },
  });
});

test('every problem of a row is reported, each naming the row and the column', () => {
  const r = parseRosterRow(
    {
      name: '',
      // A spreadsheet cell in number format: the lost last digits are what the row check must refuse.
      // eslint-disable-next-line no-loss-of-precision -- the lost precision is the case under test
      idNumber: 330106199510010010,
      phone: '1390000',
      education: '大学肄业',
      ownHome: '也许',
      rentalYears: -1,
    },
    12,
    TODAY,
  );
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.errors.map((e) => e.message)).toEqual([
    '第12行“姓名”：未填写',
    '第12行“身份证号码”：请将该列设为“文本”格式后重新填写（数字格式会丢失末几位）',
    '第12行“手机号码”：请输入11位中国大陆手机号码',
    '第12行“文化程度”：“大学肄业”不在可选范围内（高中以下、高中、大专、本科、硕士、博士）',
    '第12行“是否有自购产权住房”：应填写“是”或“否”，而不是“也许”',
  ]);
});

test('profile limits come from the calculator schema (with the ID number valid, the profile is checked)', () => {
  const r = parseRosterRow(
    { name: '李强', idNumber: ID('33010619900101002'), phone: '13900000002', rentalYears: '-1', skillLevel: 7 },
    3,
    TODAY,
  );
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.errors.map((e) => e.message)).toEqual([
    '第3行“职业技能等级”：职业技能等级必须是1至5的整数',
    '第3行“合法租赁年数”：合法租赁年数不能为负数',
  ]);
});

test('an ID number whose birth date is after today is refused', () => {
  const r = parseRosterRow({ name: '李强', idNumber: ID('33010620260101002'), phone: '13900000002' }, 4, TODAY);
  expect(r.ok).toBe(false);
});
