// Builds roster spreadsheets the way an HR department would fill the template: realistic names, GB 11643 ID numbers
// with their check character, mobile numbers, education and insurance history — and, at fixed rows, mistakes of
// several kinds. Deterministic (a seeded generator), so tests name the bad rows as literals. Used by the roster
// tests and the roster benchmark; `npx tsx cloudfunctions/test/roster/roster-fixture.ts out.xlsx [rows]` writes one.
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { idCheckCharacter, ROSTER_COLUMNS } from '@hz-points/shared';

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
  '彭',
  '曾',
  '肖',
  '田',
  '董',
  '袁',
  '潘',
  '蒋',
  '蔡',
  '余',
  '杜',
  '叶',
  '程',
  '魏',
  '苏',
  '吕',
  '丁',
  '任',
  '沈',
  '姚',
  '卢',
  '傅',
  '钟',
  '姜',
  '崔',
  '谭',
  '廖',
  '范',
  '汪',
  '陆',
  '金',
  '石',
  '戴',
  '贾',
  '韦',
  '夏',
  '邱',
  '方',
  '侯',
  '邹',
  '熊',
  '孟',
  '秦',
  '白',
  '江',
  '阎',
  '薛',
  '尹',
  '段',
  '雷',
  '黎',
  '史',
  '龙',
  '陶',
  '贺',
  '顾',
  '毛',
  '郝',
  '龚',
  '邵',
  '万',
  '钱',
  '严',
  '覃',
  '武',
  '戚',
  '莫',
  '孔',
  '欧阳',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '辉',
  '玲',
  '华',
  '建华',
  '建国',
  '志强',
  '晓燕',
  '海燕',
  '宇',
  '浩然',
  '子涵',
  '欣怡',
  '梓轩',
  '一诺',
  '佳怡',
  '俊杰',
  '雨涵',
  '思远',
  '嘉怡',
  '文博',
  '天宇',
  '晨曦',
  '诗涵',
  '梦瑶',
  '国栋',
  '海峰',
  '春梅',
  '秋月',
];
/** Zhejiang and neighbouring provinces' county codes, as on real cards of people who moved to Hangzhou. */
const REGIONS = [
  '330106',
  '330102',
  '330183',
  '330302',
  '330402',
  '330602',
  '331002',
  '340102',
  '341202',
  '360102',
  '362502',
  '410102',
  '411302',
  '420102',
  '430102',
  '510104',
  '522601',
  '320102',
  '350102',
  '370102',
];
const EDUCATION = ['高中', '大专', '本科', '本科', '本科', '硕士', '博士', '中专'];
const PHONE_PREFIXES = [
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '157',
  '158',
  '159',
  '176',
  '177',
  '180',
  '181',
  '185',
  '186',
  '187',
  '188',
  '189',
  '199',
];

/** A small seeded generator (mulberry32): the same seed gives the same roster on every machine. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  return { next, int, pick };
}

export type BadKind =
  | 'id-checksum'
  | 'phone-short'
  | 'name-missing'
  | 'months-negative'
  | 'education-unknown'
  | 'id-duplicate'
  | 'id-as-number';

/** The column each kind of mistake is reported in. */
export const BAD_KIND_COLUMN: Record<BadKind, string> = {
  'id-checksum': '身份证号码',
  'phone-short': '手机号码',
  'name-missing': '姓名',
  'months-negative': '社保缴纳月数',
  'education-unknown': '文化程度',
  'id-duplicate': '身份证号码',
  'id-as-number': '身份证号码',
};
const BAD_KINDS = Object.keys(BAD_KIND_COLUMN) as BadKind[];

export interface RosterPerson {
  name: string;
  idNumber: string;
  phone: string;
}

export interface RosterFixtureOptions {
  /** Data rows (the header is row 1, data from row 2). */
  rows: number;
  /** Spreadsheet row numbers that carry a mistake; the kinds cycle through BadKind in order. */
  badRows?: readonly number[];
  /** Real people placed at given spreadsheet rows (e.g. registered employees), the rest generated. */
  people?: Record<number, RosterPerson>;
  seed?: number;
  format?: 'xlsx' | 'csv';
}

export interface RosterFixture {
  bytes: Buffer;
  /** Per bad row: its row number, the kind of mistake and the column it must be reported in. */
  bad: { row: number; kind: BadKind; column: string }[];
}

function idNumber(g: ReturnType<typeof generator>, used: Set<string>): string {
  for (;;) {
    const y = g.int(1970, 2003);
    const m = g.int(1, 12);
    const d = g.int(1, 28);
    const first17 = `${g.pick(REGIONS)}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(g.int(1, 999)).padStart(3, '0')}`;
    const id = first17 + idCheckCharacter(first17);
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

/** A wrong check character: the one that is not the right one, chosen deterministically. */
function breakChecksum(id: string): string {
  const right = id[17]!;
  return id.slice(0, 17) + (right === '1' ? '2' : '1');
}

export async function buildRosterFixture(options: RosterFixtureOptions): Promise<RosterFixture> {
  const g = generator(options.seed ?? 20261204);
  const used = new Set<string>(Object.values(options.people ?? {}).map((p) => p.idNumber));
  const badRows = options.badRows ?? [];
  const bad: RosterFixture['bad'] = [];
  const header = ROSTER_COLUMNS.map((c) => c.header);
  const lines: (string | number | null)[][] = [];
  let firstGeneratedId = '';
  for (let i = 0; i < options.rows; i++) {
    const rowNumber = i + 2;
    const person = options.people?.[rowNumber];
    const id = person?.idNumber ?? idNumber(g, used);
    if (!person && !firstGeneratedId) firstGeneratedId = id;
    const education = g.pick(EDUCATION);
    const months = g.int(0, 180);
    const owns = g.next() < 0.25;
    const values: Record<string, string | number | null> = {
      姓名: person?.name ?? `${g.pick(SURNAMES)}${g.pick(GIVEN)}`,
      身份证号码: id,
      手机号码: person?.phone ?? `${g.pick(PHONE_PREFIXES)}${String(g.int(0, 99999999)).padStart(8, '0')}`,
      文化程度: education,
      是否同时具有学历和学位: education === '本科' || education === '硕士' || education === '博士' ? '是' : null,
      专业技术职称: g.next() < 0.15 ? '中级' : null,
      职业技能等级: g.next() < 0.1 ? g.int(3, 5) : null,
      社保缴纳月数: months,
      居住登记年数: g.int(0, 10),
      是否有自购产权住房: owns ? '是' : '否',
      合法租赁年数: owns ? null : g.int(0, 8),
      个人所得税金额: g.next() < 0.3 ? g.int(0, 40000) : null,
    };
    const badIndex = badRows.indexOf(rowNumber);
    if (badIndex >= 0) {
      const kind = BAD_KINDS[badIndex % BAD_KINDS.length]!;
      bad.push({ row: rowNumber, kind, column: BAD_KIND_COLUMN[kind] });
      if (kind === 'id-checksum') values['身份证号码'] = breakChecksum(id);
      if (kind === 'phone-short') values['手机号码'] = String(values['手机号码']).slice(0, 10);
      if (kind === 'name-missing') values['姓名'] = null;
      if (kind === 'months-negative') values['社保缴纳月数'] = -12;
      if (kind === 'education-unknown') values['文化程度'] = '大学肄业';
      if (kind === 'id-duplicate') values['身份证号码'] = firstGeneratedId;
      // What Excel does to an ID typed into a General cell: a float, last digits gone.
      if (kind === 'id-as-number') values['身份证号码'] = Number(id.slice(0, 17));
    }
    lines.push(header.map((h) => values[h] ?? null));
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('员工名单');
  sheet.addRow(header);
  for (const line of lines) sheet.addRow(line);
  const bytes =
    options.format === 'csv'
      ? Buffer.from(await workbook.csv.writeBuffer())
      : Buffer.from(await workbook.xlsx.writeBuffer());
  return { bytes, bad };
}

/** The bad rows of the 500-row fixture: 20 rows spread through the file. */
export const FIXTURE_500_BAD_ROWS = [
  7, 31, 58, 77, 102, 126, 149, 180, 203, 231, 254, 276, 300, 333, 358, 377, 402, 430, 466, 499,
] as const;

if (require.main === module) {
  const [out, rows] = process.argv.slice(2);
  if (!out) throw new Error('usage: roster-fixture.ts <out.xlsx|out.csv> [rows]');
  buildRosterFixture({
    rows: Number(rows ?? 500),
    badRows: FIXTURE_500_BAD_ROWS,
    format: out.endsWith('.csv') ? 'csv' : 'xlsx',
  }).then((f) => {
    writeFileSync(out, f.bytes);
    console.log(`${out}: ${f.bytes.length} bytes, bad rows ${f.bad.map((b) => `${b.row}(${b.kind})`).join(' ')}`);
  });
}
