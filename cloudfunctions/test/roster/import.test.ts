// roster.import / assess / board / export through real actions: the agent uploads the spreadsheet through storage
// (prepareUpload purpose `roster` → bytes → commitUpload) and imports it. Good rows are kept, bad rows named (row and
// column); a file that is not a roster, or has no good row, stores nothing.
import ExcelJS from 'exceljs';
import { PRIVACY_POLICY_VERSION } from '@hz-points/shared';
import { seedDemo, DEMO_PERSON_IDS, demoIdNumber } from '../../src/demo/seed';
import { createTestCloud, snapshot, type TestCloud } from '../helpers/runtime';
import { bj } from '../helpers/world';
import { idNumberFor, PDF_BYTES } from '../helpers/fixtures';
import { prepareAndPut, uploadThroughStorage } from '../helpers/uploads';
import { FIXTURE_500_BAD_ROWS, buildRosterFixture } from './roster-fixture';
import { downloadLink } from '../helpers/download';
import { sweepFiles } from '../../src/functions/files-sweep';

let cloud: TestCloud;
beforeEach(async () => {
  cloud = createTestCloud(bj('2025-11-25'));
  await seedDemo(cloud.runtime);
});
afterEach(() => cloud.close());

const EMPLOYEE = { name: '演示员工', idNumber: demoIdNumber('1992-11-08', 5), phone: '13800000003' };
const APPLICANT = { name: '演示申请人', idNumber: demoIdNumber('1995-03-15', 1), phone: '13800000001' };

async function uploadRoster(openid: string, bytes: Buffer, kind: 'xlsx' | 'csv') {
  return (await uploadThroughStorage(cloud, openid, { purpose: 'roster', bytes, kind })).fileId;
}

describe('the 500-row roster with 20 bad rows', () => {
  test('imports in one action: 480 rows kept, each bad row named by row and column, the board shows all 480', async () => {
    const fixture = await buildRosterFixture({
      rows: 500,
      badRows: FIXTURE_500_BAD_ROWS,
      people: { 2: EMPLOYEE, 3: APPLICANT },
    });
    const fileId = await uploadRoster('demo-agent', fixture.bytes, 'xlsx');
    const r = await cloud.ok('demo-agent', 'roster', 'import', { fileId });
    expect(r.imported).toBe(480);
    expect(r.rejected).toBe(20);
    // Row numbers and columns as the fixture script planted them (kinds cycle: checksum, phone, name, months,
    // education, duplicate, ID typed as a number).
    expect(r.errors.map((e: any) => [e.row, e.column])).toEqual([
      [7, '身份证号码'],
      [31, '手机号码'],
      [58, '姓名'],
      [77, '社保缴纳月数'],
      [102, '文化程度'],
      [126, '身份证号码'],
      [149, '身份证号码'],
      [180, '身份证号码'],
      [203, '手机号码'],
      [231, '姓名'],
      [254, '社保缴纳月数'],
      [276, '文化程度'],
      [300, '身份证号码'],
      [333, '身份证号码'],
      [358, '身份证号码'],
      [377, '手机号码'],
      [402, '姓名'],
      [430, '社保缴纳月数'],
      [466, '文化程度'],
      [499, '身份证号码'],
    ]);
    expect(r.errors[0].message).toMatch(/^第7行“身份证号码”：/);
    expect(r.errors[2].message).toBe('第58行“姓名”：未填写');
    expect(r.errors[3].message).toBe('第77行“社保缴纳月数”：社保缴纳月数不能为负数');
    expect(r.errors[4].message).toBe(
      '第102行“文化程度”：“大学肄业”不在可选范围内（高中以下、高中、大专、本科、硕士、博士）',
    );
    expect(r.errors[5].message).toBe('第126行“身份证号码”：与第4行重复');
    expect(r.errors[6].message).toBe('第149行“身份证号码”：请将该列设为“文本”格式后重新填写（数字格式会丢失末几位）');
    // demo-agent holds demo-employee's active entrustment; demo-applicant is registered without one.
    expect(r.matches).toEqual({
      entrusted: 1,
      'entrustment-pending': 0,
      'needs-entrustment': 1,
      'not-registered': 478,
    });
    // Masked: the agent is not the owner of these numbers.
    expect(r.rows[0]).toMatchObject({
      row: 2,
      name: '演示员工',
      phone: '138****0003',
      personId: DEMO_PERSON_IDS.employee,
      match: 'entrusted',
    });
    expect(r.rows[0].idNumber).toBe(`330***********${EMPLOYEE.idNumber.slice(14)}`);
    expect(JSON.stringify(r)).not.toContain(EMPLOYEE.idNumber);

    const board = await cloud.ok('demo-agent', 'roster', 'board', {});
    expect(board.rows).toHaveLength(480);
    expect(board.counts.all).toBe(480);
    const employee = board.rows.find((x: any) => x.personId === DEMO_PERSON_IDS.employee);
    expect(employee).toMatchObject({
      onRoster: true,
      entrustment: 'active',
      stage: 'no-application',
      actor: 'agent',
      stageLabel: '未申请',
    });
    const applicant = board.rows.find((x: any) => x.personId === DEMO_PERSON_IDS.applicant);
    expect(applicant).toMatchObject({ stage: 'needs-entrustment', actor: 'agent' });
    expect(board.rows.filter((x: any) => x.personId === null)).toHaveLength(478);
    expect(board.rows.every((x: any) => !x.phone || /^\d{3}\*{4}\d{4}$/.test(x.phone))).toBe(true);

    // Every write audited per employee: one entry per stored row, the registered ones naming the person.
    const audit = await cloud.store.find<any>('audit', { action: 'roster.import' }, { limit: 1000 });
    expect(audit).toHaveLength(480);
    expect(audit.filter((a) => a.onBehalfOf === DEMO_PERSON_IDS.employee)).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(EMPLOYEE.idNumber);
  }, 60_000);

  test('the same roster as a UTF-8 CSV imports the same rows', async () => {
    const fixture = await buildRosterFixture({ rows: 500, badRows: FIXTURE_500_BAD_ROWS, format: 'csv' });
    const fileId = await uploadRoster('demo-agent', fixture.bytes, 'csv');
    const r = await cloud.ok('demo-agent', 'roster', 'import', { fileId });
    expect(r.imported).toBe(480);
    expect(r.errors.map((e: any) => e.row)).toEqual([...FIXTURE_500_BAD_ROWS]);
  }, 60_000);

  test('a CSV saved by Excel on Chinese Windows (GBK / GB18030 bytes) is read as Chinese', async () => {
    // 姓名,身份证号码,手机号码 / 张伟 in GBK, written out byte by byte.
    const header = Buffer.from('D0D5C3FB2CC9EDB7DDD6A4BAC5C2EB2CCAD6BBFABAC5C2EB0A', 'hex');
    const row = Buffer.concat([
      Buffer.from('D5C5CEB0', 'hex'),
      Buffer.from(`,${idNumberFor('1990-01-01', 7)},13900000007\n`, 'latin1'),
    ]);
    const fileId = await uploadRoster('demo-agent', Buffer.concat([header, row]), 'csv');
    const r = await cloud.ok('demo-agent', 'roster', 'import', { fileId });
    expect(r.imported).toBe(1);
    expect(r.rows[0]).toMatchObject({ row: 2, name: '张伟', phone: '139****0007', match: 'not-registered' });
  });
});

test('on the CloudBase stand-in (single-document transactions, 100-record pages) the 500-row roster imports the same', async () => {
  const cb = createTestCloud(bj('2025-11-25'), { store: 'cloudbase' });
  try {
    await seedDemo(cb.runtime);
    const fixture = await buildRosterFixture({
      rows: 500,
      badRows: FIXTURE_500_BAD_ROWS,
      people: { 2: EMPLOYEE, 3: APPLICANT },
    });
    const { fileId } = await uploadThroughStorage(cb, 'demo-agent', {
      purpose: 'roster',
      bytes: fixture.bytes,
      kind: 'xlsx',
    });
    const r = await cb.ok('demo-agent', 'roster', 'import', { fileId });
    expect([r.imported, r.rejected]).toEqual([480, 20]);
    // More than a page of 100: the adapter pages for the board.
    expect((await cb.ok('demo-agent', 'roster', 'board', {})).rows).toHaveLength(480);
    expect((await cb.ok('demo-agent', 'roster', 'assess', {})).count).toBe(480);
  } finally {
    await cb.close();
  }
}, 120_000);

describe('a file that is not a roster stores nothing', () => {
  test('a spreadsheet without the required columns: ROSTER_NOT_A_ROSTER naming them, nothing stored', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('工资表');
    sheet.addRow(['姓名', '部门', '基本工资']);
    sheet.addRow(['张伟', '财务部', 8000]);
    const fileId = await uploadRoster('demo-agent', Buffer.from(await wb.xlsx.writeBuffer()), 'xlsx');
    const before = await snapshot(cloud.store);
    const r = await cloud.call('demo-agent', 'roster', 'import', { fileId });
    expect(r).toEqual({
      ok: false,
      error: { code: 'ROSTER_NOT_A_ROSTER', message: '无法识别为员工名单：缺少“身份证号码”“手机号码”列' },
    });
    expect(await snapshot(cloud.store)).toBe(before);
  });

  test('a ZIP that is not a workbook is refused the same way', async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    const fileId = await uploadRoster('demo-agent', zip, 'xlsx');
    const before = await snapshot(cloud.store);
    const r = await cloud.call('demo-agent', 'roster', 'import', { fileId });
    expect(r).toMatchObject({ ok: false, error: { code: 'ROSTER_NOT_A_ROSTER' } });
    expect(await snapshot(cloud.store)).toBe(before);
  });

  test('a roster whose every row is bad: ROSTER_NO_VALID_ROWS with the first errors, nothing stored', async () => {
    const csv = '姓名,身份证号码,手机号码\n张伟,330106199001011230,1380000\n李娜,,13800000000\n';
    const fileId = await uploadRoster('demo-agent', Buffer.from(csv, 'utf-8'), 'csv');
    const before = await snapshot(cloud.store);
    const r = await cloud.call('demo-agent', 'roster', 'import', { fileId });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('ROSTER_NO_VALID_ROWS');
    expect(r.error.message).toContain('第2行“身份证号码”');
    expect(r.error.message).toContain('第2行“手机号码”：请输入11位中国大陆手机号码');
    expect(r.error.message).toContain('第3行“身份证号码”：未填写');
    expect(await snapshot(cloud.store)).toBe(before);
  });

  test('a PDF cannot be declared a roster, and bytes that are not text or a workbook are refused on commit', async () => {
    const declared = await cloud.call('demo-agent', 'files', 'prepareUpload', {
      purpose: 'roster',
      kind: 'pdf',
      size: PDF_BYTES.length,
    });
    expect(declared).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const { uploadId, fileID } = await prepareAndPut(cloud, 'demo-agent', {
      purpose: 'roster',
      bytes: PDF_BYTES,
      kind: 'csv',
    });
    const committed = await cloud.call('demo-agent', 'files', 'commitUpload', { uploadId, fileID });
    expect(committed).toEqual({
      ok: false,
      error: { code: 'FILE_TYPE_NOT_ALLOWED', message: '员工名单仅支持xlsx或csv表格文件' },
    });
    const binary = Buffer.from([0x41, 0x42, 0x00, 0x43]);
    const second = await prepareAndPut(cloud, 'demo-agent', { purpose: 'roster', bytes: binary, kind: 'csv' });
    expect(
      await cloud.call('demo-agent', 'files', 'commitUpload', { uploadId: second.uploadId, fileID: second.fileID }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FILE_TYPE_NOT_ALLOWED' },
    });
    expect(await cloud.store.find('files', { purpose: 'roster' })).toEqual([]);
  });
});

describe('who may use the roster', () => {
  test("another agent's roster file looks missing, and a roster file is no evidence", async () => {
    const fileId = await uploadRoster('demo-agent', Buffer.from('姓名,身份证号码,手机号码\n', 'utf-8'), 'csv');
    const before = await snapshot(cloud.store);
    expect(await cloud.call('demo-applicant', 'roster', 'import', { fileId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await snapshot(cloud.store)).toBe(before);
    const own = await uploadRoster('demo-applicant', Buffer.from('姓名,身份证号码,手机号码\n', 'utf-8'), 'csv');
    const draft = await cloud.call('demo-applicant', 'applications', 'saveDraft', {
      year: 2026,
      claims: [{ indicator: 'rental', value: { rentalYears: 2 }, evidence: [own] }],
    });
    expect(draft).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  test('someone who is not an agent gets FORBIDDEN from the board, the assessment and the export', async () => {
    for (const action of ['board', 'assess', 'export']) {
      expect(await cloud.call('demo-applicant', 'roster', action, {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
  });
});

test('an employee who registers after the import shows on the board as registered, waiting for an entrustment', async () => {
  const id = idNumberFor('1990-01-01', 8);
  const csv = `姓名,身份证号码,手机号码\n张伟,${id},13900000008\n`;
  const fileId = await uploadRoster('demo-agent', Buffer.from(csv, 'utf-8'), 'csv');
  await cloud.ok('demo-agent', 'roster', 'import', { fileId });
  const before = (await cloud.ok('demo-agent', 'roster', 'board', { filter: 'employee' })).rows;
  expect(before.map((r: any) => [r.name, r.stage, r.next])).toEqual([
    ['张伟', 'needs-entrustment', '员工本人须先在小程序完成实名登记，之后再建立委托'],
  ]);
  await cloud.ok('zhang-wei', 'accounts', 'register', {
    name: '张伟',
    idNumber: id,
    phone: '13900000008',
    privacyConsent: { policyVersion: PRIVACY_POLICY_VERSION, agreed: true },
  });
  const after = (await cloud.ok('demo-agent', 'roster', 'board', { filter: 'agent' })).rows.find(
    (r: any) => r.name === '张伟',
  );
  expect(after).toMatchObject({
    stage: 'needs-entrustment',
    actor: 'agent',
    next: '上传书面委托书和双方身份证件，建立委托',
  });
});

describe('batch self-assessment and export', () => {
  test('total, plan and who reaches 100 when, with the rules package', async () => {
    // The 94-point profile of the rules package's plan tests (大专, 24 months, 2 years' registration and rental,
    // born 1995-10-01), and the same person with a bachelor's degree and 48 months: 148 today.
    const csv = [
      '姓名,身份证号码,手机号码,文化程度,社保缴纳月数,居住登记年数,合法租赁年数',
      `王芳,${idNumberFor('1995-10-01', 1)},13900000001,大专,24,2,2`,
      `李强,${idNumberFor('1995-10-01', 2)},13900000002,本科,48,4,4`,
      `赵敏,${idNumberFor('1986-10-01', 3)},13900000003,,,,`,
    ].join('\n');
    const fileId = await uploadRoster('demo-agent', Buffer.from(csv, 'utf-8'), 'csv');
    await cloud.ok('demo-agent', 'roster', 'import', { fileId });
    const a = await cloud.ok('demo-agent', 'roster', 'assess', {});
    expect(a.count).toBe(3);
    expect(a.reaches100).toEqual({ now: 1, byCutoff: [{ cutoffDate: '2027-10-01', count: 1 }], notWithinYears: 1 });
    expect(a.rows.map((r: any) => [r.name, r.total, r.nextCutoff, r.nextTotal, r.reaches100])).toEqual([
      ['李强', 148, '2026-10-01', expect.any(Number), { when: 'now', total: 148 }],
      ['王芳', 94, '2026-10-01', 99, { when: '2027-10-01', total: 116 }],
      ['赵敏', expect.any(Number), '2026-10-01', expect.any(Number), null],
    ]);
    expect(a.rows[1].plan.map((p: any) => p.total)).toEqual([99, 116, 133, 150, 161]);
  });

  test('the board exports to a spreadsheet behind a short-lived link, masked, audited once', async () => {
    const csv = `姓名,身份证号码,手机号码\n演示员工,${EMPLOYEE.idNumber},${EMPLOYEE.phone}\n`;
    const fileId = await uploadRoster('demo-agent', Buffer.from(csv, 'utf-8'), 'csv');
    await cloud.ok('demo-agent', 'roster', 'import', { fileId });
    const r = await cloud.ok('demo-agent', 'roster', 'export', {});
    expect(r).toMatchObject({
      rows: 1,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(Date.parse(r.expiresAt) - Date.parse(bj('2025-11-25'))).toBe(10 * 60_000);
    const bytes = (await downloadLink(cloud.runtime, r.url))!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '姓名',
      '身份证号码',
      '手机号码',
      '办理状态',
      '待办方',
      '下一步',
      '退回原因',
      '积分',
      '异议截止日',
      '凭证编号',
    ]);
    expect(sheet.getRow(2).getCell(1).value).toBe('演示员工');
    expect(sheet.getRow(2).getCell(3).value).toBe('138****0003');
    expect(String(sheet.getRow(2).getCell(2).value)).toMatch(/^330\*{11}/);
    expect(sheet.getRow(2).getCell(4).value).toBe('未申请');
    const audit = await cloud.store.find<any>('audit', { action: 'roster.export' });
    expect(audit).toHaveLength(1);
  });

  test('the file sweep erases an export once its link is long dead, and keeps the recorded roster file', async () => {
    const csv = `姓名,身份证号码,手机号码\n演示员工,${EMPLOYEE.idNumber},${EMPLOYEE.phone}\n`;
    const fileId = await uploadRoster('demo-agent', Buffer.from(csv, 'utf-8'), 'csv');
    await cloud.ok('demo-agent', 'roster', 'import', { fileId });
    await cloud.ok('demo-agent', 'roster', 'export', {});
    const stored = async () => {
      const paths: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { files: Array<{ path: string }>; cursor: string | null } = await cloud.runtime.files.listStored(
          cursor,
          10,
        );
        paths.push(...page.files.map((f) => f.path));
        cursor = page.cursor;
      } while (cursor !== null);
      return paths;
    };
    expect((await stored()).filter((p) => p.startsWith('exports/'))).toHaveLength(1);
    // One hour after it was written (the grace period) it is still kept; one second later it is gone.
    cloud.setNow('2025-11-25T03:00:00.000Z');
    await sweepFiles(cloud.runtime);
    expect((await stored()).filter((p) => p.startsWith('exports/'))).toHaveLength(1);
    cloud.setNow('2025-11-26T03:00:01.000Z');
    await sweepFiles(cloud.runtime);
    const after = await stored();
    expect(after.filter((p) => p.startsWith('exports/'))).toHaveLength(0);
    expect(after.filter((p) => p.startsWith('rosters/'))).toHaveLength(1);
  });
});

test('a large roster is written in chunks and shown only once complete; a newer import replaces the rows it repeats', async () => {
  const first = await buildRosterFixture({ rows: 250, seed: 11 });
  const second = await buildRosterFixture({ rows: 250, seed: 12 });
  const assessed = async () => (await cloud.ok('demo-agent', 'roster', 'assess', {})).rows as Array<{ name: string }>;
  expect(
    (
      await cloud.ok('demo-agent', 'roster', 'import', {
        fileId: await uploadRoster('demo-agent', first.bytes, 'xlsx'),
      })
    ).imported,
  ).toBe(250);
  const before = await assessed();
  expect(before).toHaveLength(250);
  const stored = () => cloud.store.count('roster_entries', { agentPersonId: DEMO_PERSON_IDS.agent });

  // The second file's import dies in its second transaction (rows 101–200): its first 100 rows are stored, invisible.
  const secondFile = await uploadRoster('demo-agent', second.bytes, 'xlsx');
  const store = cloud.runtime.store;
  let transactions = 0;
  cloud.runtime.store = Object.assign(Object.create(Object.getPrototypeOf(store)), store, {
    transaction: (work: Parameters<typeof store.transaction>[0]) => {
      if (++transactions === 2) throw new Error('killed');
      return store.transaction(work);
    },
  });
  expect(await cloud.call('demo-agent', 'roster', 'import', { fileId: secondFile })).toMatchObject({
    ok: false,
    error: { code: 'INTERNAL' },
  });
  cloud.runtime.store = store;
  expect(await stored()).toBe(350);
  // Readers see exactly the first file's rows, none of the dead import's.
  expect(await assessed()).toEqual(before);

  // The first file again: its 250 rows replace the earlier 250 (swept), the dead import's rows stay hidden.
  expect(
    (
      await cloud.ok('demo-agent', 'roster', 'import', {
        fileId: await uploadRoster('demo-agent', first.bytes, 'xlsx'),
      })
    ).imported,
  ).toBe(250);
  expect(await assessed()).toHaveLength(250);
  expect(await stored()).toBe(350);
  const head = await cloud.store.get<{ _id: string; completed: string[] }>(
    'roster_heads',
    `rh-${DEMO_PERSON_IDS.agent}`,
  );
  expect(head!.completed).toHaveLength(2);
}, 120_000);
