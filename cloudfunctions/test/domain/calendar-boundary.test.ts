// The 2026/2027 boundary with the real flow: our official holiday data stops at 2026 (chinese-days 1.5.7), so from
// late November 2026 the objection deadline (+7 working days after the result), the objection answer deadline
// (+15) and the certificate date (+7 after the grant) can fall in January 2027. Every path must answer with the
// stable code CALENDAR_UNKNOWN (naming 2027) or a "pending" field — never INTERNAL, never a guessed date — until an
// administrator registers the year as data (`calendar.registerYear`), after which the same applications go on.
//
// The calendar is module state shared by the tests of this file (as it is per instance in production), so the tests
// that need 2027 unknown run first and only the last one registers 2027.
import {
  CALENDAR_ACTION_INPUTS,
  certificateDate,
  coveredCalendarYears,
  objectionAnswerDeadline,
  objectionDeadline,
  resultDate,
} from '@hz-points/shared';
import { COLLECTIONS } from '../../src/core/collections';
import { seedDemo } from '../../src/demo/seed';
import { REGISTRY } from '../../src/functions/registry';
import { CALENDAR_RETRY_MS, ensureCalendarYears } from '../../src/core/calendar-years';
import { verifyAuditChain } from '../../src/audit';
import { createTestCloud, snapshot, type TestCloud } from '../helpers/runtime';
import { PNG_BYTES } from '../helpers/fixtures';
import { uploadThroughStorage } from '../helpers/uploads';

/** Beijing wall-clock time → ISO instant. */
const bj = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`).toISOString();

/**
 * TEST-ONLY 2027 schedule. NOT the State Council's notice (not published in our sources as of 2026-11-25) and never
 * product data: plausible dates that pass the registration checks, used only to show that registering a year lets
 * the blocked applications go on.
 */
const TEST_ONLY_2027 = {
  year: 2027,
  holidays: [
    '2027-01-01',
    '2027-01-02',
    '2027-01-03',
    '2027-02-05',
    '2027-02-06',
    '2027-02-07',
    '2027-02-08',
    '2027-02-09',
    '2027-02-10',
    '2027-02-11',
    '2027-02-12',
    '2027-04-05',
    '2027-05-01',
    '2027-05-02',
    '2027-05-03',
    '2027-05-04',
    '2027-05-05',
    '2027-06-09',
    '2027-09-15',
    '2027-10-01',
    '2027-10-02',
    '2027-10-03',
    '2027-10-04',
    '2027-10-05',
    '2027-10-06',
    '2027-10-07',
  ],
  workdays: ['2027-02-20', '2027-10-09'],
  source: '测试专用（TEST-ONLY，非国务院办公厅关于2027年部分节假日安排的通知原文）',
};

const CALENDAR_AND_AUDIT = [COLLECTIONS.calendarYears, COLLECTIONS.audit] as const;

const CLAIMS = [
  { indicator: 'socialInsurance', value: { socialInsuranceMonths: 48 }, evidence: [] },
  { indicator: 'residenceRegistration', value: { residenceRegistrationYears: 4 }, evidence: [] },
];

let cloud: TestCloud;
afterEach(async () => {
  await cloud?.close();
  cloud = undefined as unknown as TestCloud;
});

function expectCalendarUnknown(result: any, year = 2027) {
  expect(result).toMatchObject({ ok: false, error: { code: 'CALENDAR_UNKNOWN' } });
  expect(result.error.message).toContain(`${year}年`);
  expect(result.error.message).toContain('尚未公布');
}

function expectNoBug() {
  expect(cloud.logs.filter((l) => l.level === 'error')).toEqual([]);
}

async function draftAndSubmit(openid: string, requestId: string) {
  const draft = await cloud.ok(openid, 'applications', 'saveDraft', { year: 2027, claims: CLAIMS });
  const applicationId = draft.application.applicationId as string;
  const submitted = await cloud.ok(openid, 'applications', 'submit', { applicationId, commitment: true, requestId });
  return { applicationId, submitted: submitted.application };
}

/** Every pending item of one application, in every department, as the staff queue shows them. */
async function pendingItems(applicationId: string) {
  const out: Array<{ dept: string; itemId: string; claimed: unknown }> = [];
  for (const dept of ['hrss', 'public-security', 'housing', 'education', 'tax']) {
    const { items } = await cloud.ok(`demo-reviewer-${dept}`, 'review', 'queue', { status: 'pending', limit: 100 });
    for (const i of items)
      if (i.applicationId === applicationId) out.push({ dept, itemId: i.itemId, claimed: i.claimed });
  }
  return out;
}

const decide = (i: { dept: string; itemId: string; claimed: unknown }) =>
  cloud.call(`demo-reviewer-${i.dept}`, 'review', 'decide', {
    itemId: i.itemId,
    decision: 'approved',
    acceptedValue: i.claimed,
  });

/** Approves every item but the last; returns the last (its decision scores the application). */
async function approveAllButLast(applicationId: string) {
  const items = await pendingItems(applicationId);
  expect(items.length).toBeGreaterThan(1);
  for (const i of items.slice(0, -1)) expect((await decide(i)).ok).toBe(true);
  return items[items.length - 1]!;
}

test('built-in data stops at 2026: 2027 is unknown to this file until its last test', () => {
  expect(coveredCalendarYears()).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
});

test('submitted 2026-11-25: result day in December; the scoring decision answers CALENDAR_UNKNOWN and changes nothing', async () => {
  cloud = createTestCloud(bj('2026-11-25'));
  await seedDemo(cloud.runtime);
  const A = 'demo-applicant';
  const { applicationId, submitted } = await draftAndSubmit(A, 'req-boundary-0001');
  // 20 working days after 2026-11-25 (no holiday in between): 2026-12-23.
  expect(submitted).toMatchObject({
    status: 'reviewing',
    acceptedOn: '2026-11-25',
    resultDate: '2026-12-23',
    objectionDeadline: null,
  });
  expect(resultDate('2026-11-25')).toBe('2026-12-23');

  cloud.setNow(bj('2026-12-01'));
  const last = await approveAllButLast(applicationId);
  // The last decision would score and publish on 2026-12-23 with an objection deadline 7 working days later, in
  // January 2027: refused with a stable code, the decision itself rolled back (the reviewer retries once 2027 is in).
  const before = await snapshot(cloud.store);
  expectCalendarUnknown(await decide(last));
  expect(await snapshot(cloud.store)).toBe(before);

  // Reading the application: clear pending state, no guessed date.
  const view = await cloud.ok(A, 'applications', 'get', { applicationId });
  expect(view.application).toMatchObject({
    status: 'reviewing',
    resultDate: '2026-12-23',
    published: false,
    objectionDeadline: null,
    objectionOpen: false,
    points: null,
    confirmed: false,
  });
  const office = await cloud.ok('demo-district-office', 'applications', 'get', { applicationId });
  expect(office.application).toMatchObject({ status: 'reviewing', objectionDeadline: null, points: null });

  // On the result day: nothing published, so no objection and no certificate yet — each with its own code.
  cloud.setNow(bj('2026-12-23'));
  expect((await cloud.ok(A, 'applications', 'get', { applicationId })).application.published).toBe(false);
  expect(
    await cloud.call(A, 'objections', 'file', {
      applicationId,
      indicators: ['rental'],
      reason: '年限有误',
      requestId: 'obj-boundary-1',
    }),
  ).toMatchObject({ ok: false, error: { code: 'RESULT_NOT_PUBLISHED' } });
  expect(
    await cloud.call(A, 'certificates', 'issue', { applicationId, residencePermitNo: '330100202400001' }),
  ).toMatchObject({ ok: false, error: { code: 'POINTS_NOT_FINAL' } });
  expectNoBug();
});

test('submission: accepted on 2026-12-03 (result 2026-12-31), CALENDAR_UNKNOWN from 2026-12-04 with the draft kept', async () => {
  cloud = createTestCloud(bj('2026-12-03'));
  await seedDemo(cloud.runtime);
  const early = await draftAndSubmit('demo-employee', 'req-boundary-0002');
  expect(early.submitted).toMatchObject({ status: 'reviewing', acceptedOn: '2026-12-03', resultDate: '2026-12-31' });

  cloud.setNow(bj('2026-12-04'));
  const draft = await cloud.ok('demo-applicant', 'applications', 'saveDraft', { year: 2027, claims: CLAIMS });
  const applicationId = draft.application.applicationId;
  const before = await snapshot(cloud.store);
  expectCalendarUnknown(
    await cloud.call('demo-applicant', 'applications', 'submit', {
      applicationId,
      commitment: true,
      requestId: 'req-boundary-0003',
    }),
  );
  expect(await snapshot(cloud.store)).toBe(before);
  const view = await cloud.ok('demo-applicant', 'applications', 'get', { applicationId });
  expect(view.application).toMatchObject({ status: 'draft', submittedAt: null, resultDate: null });
  expectNoBug();
});

test('cold start: a year stored in calendarYears (by another instance) is applied before the next action', async () => {
  cloud = createTestCloud(bj('2026-11-25'));
  await seedDemo(cloud.runtime);
  // TEST-ONLY 2028 (a year nothing else in this file uses), written straight to the store as another instance would.
  const y2028 = {
    ...TEST_ONLY_2027,
    year: 2028,
    holidays: TEST_ONLY_2027.holidays.map((d) => d.replace('2027-', '2028-')),
    workdays: ['2028-02-19', '2028-10-14'],
  };
  await cloud.store.insert(COLLECTIONS.calendarYears, {
    _id: 'year-2028',
    ...y2028,
    registeredAt: bj('2026-11-25'),
    registeredByOpenid: 'demo-admin',
  });
  expect(coveredCalendarYears()).not.toContain(2028);
  const listed = await cloud.ok('someone-unregistered', 'calendar', 'list', {});
  expect(coveredCalendarYears()).toContain(2028);
  expect(listed.covered).toContain(2028);
  expect(listed.years.find((y: any) => y.year === 2028)).toMatchObject({
    origin: 'registered',
    registeredAt: bj('2026-11-25'),
  });
  expect(listed.years.find((y: any) => y.year === 2026)).toMatchObject({ origin: 'built-in' });
  expect(JSON.stringify(listed)).not.toContain('demo-admin');
  expect(coveredCalendarYears()).not.toContain(2027);

  // Cached: a second call within the refresh time does not read again (a broken read would be logged otherwise).
  const find = cloud.store.find.bind(cloud.store);
  let reads = 0;
  cloud.store.find = ((c: string, ...rest: any[]) => {
    if (c === COLLECTIONS.calendarYears) reads++;
    return (find as any)(c, ...rest);
  }) as typeof cloud.store.find;
  await cloud.ok('demo-applicant', 'accounts', 'me', {});
  expect(reads).toBe(0);
  // After the refresh time it reads again; a failing read is logged, not fatal.
  cloud.store.find = (async () => {
    throw new Error('store down');
  }) as typeof cloud.store.find;
  const later = cloud.runtime.now().getTime() + 3_600_000;
  await ensureCalendarYears(cloud.store, cloud.runtime.log, later);
  expect(cloud.logs.filter((l) => l.message === 'calendar years not loaded')).toHaveLength(1);
  // …and not retried on every call (a missing collection must not cost a failing read per call), only after a pause.
  await ensureCalendarYears(cloud.store, cloud.runtime.log, later + 1_000);
  expect(cloud.logs.filter((l) => l.message === 'calendar years not loaded')).toHaveLength(1);
  await ensureCalendarYears(cloud.store, cloud.runtime.log, later + CALENDAR_RETRY_MS);
  expect(cloud.logs.filter((l) => l.message === 'calendar years not loaded')).toHaveLength(2);
  cloud.store.find = find;
  cloud.logs.length = 0;
});

test('objection in December with its answer due in 2027: pending; an admin registers 2027 and everything goes on', async () => {
  cloud = createTestCloud(bj('2026-11-20'));
  await seedDemo(cloud.runtime);
  const E = 'demo-employee';
  const A = 'demo-applicant';
  // E: submitted 2026-11-20 → result 2026-12-18, objection deadline 2026-12-29 (both in 2026).
  const e = await draftAndSubmit(E, 'req-boundary-0010');
  expect(e.submitted.resultDate).toBe('2026-12-18');
  // A: submitted 2026-11-25 → result 2026-12-23, objection deadline in January 2027.
  cloud.setNow(bj('2026-11-25'));
  const a = await draftAndSubmit(A, 'req-boundary-0011');
  expect(a.submitted.resultDate).toBe('2026-12-23');

  cloud.setNow(bj('2026-11-30'));
  for (const i of await pendingItems(e.applicationId)) expect((await decide(i)).ok).toBe(true);
  const lastOfA = await approveAllButLast(a.applicationId);
  expectCalendarUnknown(await decide(lastOfA));

  // E's result is published on 2026-12-18; E objects the same day with evidence. The answer would be due 15 working
  // days later (January 2027): the objection is accepted, its answer deadline pending — never a guessed date.
  cloud.setNow(bj('2026-12-18'));
  const eView = await cloud.ok(E, 'applications', 'get', { applicationId: e.applicationId });
  expect(eView.application).toMatchObject({
    published: true,
    resultOn: '2026-12-18',
    objectionDeadline: '2026-12-29',
    objectionOpen: true,
  });
  const { fileId } = await uploadThroughStorage(cloud, E, { purpose: 'evidence', bytes: PNG_BYTES });
  const filed = await cloud.ok(E, 'objections', 'file', {
    applicationId: e.applicationId,
    indicators: ['residenceRegistration'],
    reason: '居住登记年限应为5年',
    evidence: [fileId],
    requestId: 'obj-boundary-0010',
  });
  expect(filed.objection).toMatchObject({
    status: 'open',
    answerDeadline: null,
    answerDeadlinePending: true,
    overdue: false,
    evidence: [fileId],
  });
  const listed = await cloud.ok('demo-district-office', 'objections', 'list', { status: 'open' });
  expect(listed.objections[0]).toMatchObject({ answerDeadline: null, answerDeadlinePending: true, overdue: false });

  // Answered on 2026-12-28: fine (lateness unknown, recorded as null). The certificate date (+7 working days after
  // the grant on 2026-12-28) is in January 2027: CALENDAR_UNKNOWN, nothing issued.
  cloud.setNow(bj('2026-12-28'));
  await cloud.ok('demo-district-office', 'objections', 'answer', {
    objectionId: filed.objection.objectionId,
    reply: '经复核，维持原认定',
    changes: [],
  });
  const issueE = () =>
    cloud.call(E, 'certificates', 'issue', { applicationId: e.applicationId, residencePermitNo: '330100202400003' });
  expectCalendarUnknown(await issueE());

  // ---- Registration of 2027 by an administrator ----
  const register = (openid: string, payload: Record<string, unknown> = TEST_ONLY_2027) =>
    cloud.call(openid, 'calendar', 'registerYear', payload);

  // Non-admins are denied, nothing stored, nothing audited.
  let before = await snapshot(cloud.store, CALENDAR_AND_AUDIT);
  for (const who of [
    'demo-applicant',
    'demo-agent',
    'demo-district-office',
    'demo-reviewer-hrss',
    'someone-unregistered',
  ]) {
    expect(await register(who)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }
  expect(await snapshot(cloud.store, CALENDAR_AND_AUDIT)).toBe(before);

  // Bad data is refused with a Chinese reason: a date outside the year, a weekday as make-up day, a day in both
  // lists, too few weekday holidays, a source that is not the State Council notice, and the built-in 2026.
  const bad: Array<[Record<string, unknown>, string, RegExp]> = [
    [{ ...TEST_ONLY_2027, holidays: [...TEST_ONLY_2027.holidays, '2026-12-31'] }, 'VALIDATION_FAILED', /2026-12-31/],
    [{ ...TEST_ONLY_2027, holidays: [...TEST_ONLY_2027.holidays, '2027-02-30'] }, 'VALIDATION_FAILED', /2027-02-30/],
    [{ ...TEST_ONLY_2027, workdays: ['2027-02-22'] }, 'VALIDATION_FAILED', /不是周末/],
    [{ ...TEST_ONLY_2027, workdays: ['2027-01-02'] }, 'VALIDATION_FAILED', /不能同时/],
    [{ ...TEST_ONLY_2027, holidays: TEST_ONLY_2027.holidays.slice(0, 12) }, 'VALIDATION_FAILED', /少于法定节假日/],
    [{ ...TEST_ONLY_2027, holidays: [...TEST_ONLY_2027.holidays, '2027-01-01'] }, 'VALIDATION_FAILED', /重复/],
    [{ ...TEST_ONLY_2027, source: '网上看到的放假安排表格' }, 'VALIDATION_FAILED', /国务院/],
    [
      {
        ...TEST_ONLY_2027,
        year: 2026,
        holidays: TEST_ONLY_2027.holidays.map((d) => d.replace('2027-', '2026-')),
        workdays: [],
      },
      'CONFLICT',
      /内置/,
    ],
  ];
  for (const [payload, code, message] of bad) {
    const r = await register('demo-admin', payload);
    expect(r).toMatchObject({ ok: false, error: { code } });
    expect((r as any).error.message).toMatch(message);
  }
  expect(await snapshot(cloud.store, CALENDAR_AND_AUDIT)).toBe(before);
  expect(coveredCalendarYears()).not.toContain(2027);

  // The administrator registers 2027: stored, audited, applied at once.
  const ok = await register('demo-admin');
  expect(ok).toMatchObject({
    ok: true,
    data: { year: { year: 2027, origin: 'registered', source: TEST_ONLY_2027.source } },
  });
  expect(coveredCalendarYears()).toContain(2027);
  const stored = await cloud.store.get<any>(COLLECTIONS.calendarYears, 'year-2027');
  expect(stored).toMatchObject({ year: 2027, registeredByOpenid: 'demo-admin', workdays: TEST_ONLY_2027.workdays });
  expect(stored.holidays).toEqual([...TEST_ONLY_2027.holidays].sort());
  const audits = await cloud.store.find<any>(COLLECTIONS.audit, { action: 'calendar.registerYear' }, { limit: 10 });
  expect(audits).toHaveLength(1);
  expect(audits[0]).toMatchObject({
    actor: { openid: 'demo-admin' },
    target: { collection: COLLECTIONS.calendarYears, id: 'year-2027' },
    details: { year: 2027, holidays: TEST_ONLY_2027.holidays.length, workdays: 2 },
  });
  await expect(verifyAuditChain(cloud.store)).resolves.toMatchObject({ ok: true });
  // Registered once: a second registration is a conflict, nothing changes.
  before = await snapshot(cloud.store, CALENDAR_AND_AUDIT);
  expect(await register('demo-admin', { ...TEST_ONLY_2027, workdays: [] })).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
  expect(await snapshot(cloud.store, CALENDAR_AND_AUDIT)).toBe(before);
  const list = await cloud.ok(A, 'calendar', 'list', {});
  expect(list.years.find((y: any) => y.year === 2027)).toMatchObject({
    origin: 'registered',
    source: TEST_ONLY_2027.source,
  });

  // The same applications go on. E's pending answer deadline is now computed on read (2026-12-18 + 15 working days).
  const eAfter = await cloud.ok(E, 'applications', 'get', { applicationId: e.applicationId });
  expect(eAfter.objection).toMatchObject({
    answerDeadline: objectionAnswerDeadline('2026-12-18'),
    answerDeadlinePending: false,
    overdue: false,
  });
  expect(eAfter.objection.answerDeadline.startsWith('2027-01-')).toBe(true);
  // E's certificate: a date in January 2027, named in the message.
  const notYet = await issueE();
  expect(notYet).toMatchObject({ ok: false, error: { code: 'CERTIFICATE_NOT_YET_AVAILABLE' } });
  expect(certificateDate('2026-12-28').startsWith('2027-01-')).toBe(true);
  expect((notYet as any).error.message).toContain(certificateDate('2026-12-28'));
  // A's last decision now scores: result on 2026-12-28 (its result day has passed), objection deadline in 2027.
  expect((await decide(lastOfA)).ok).toBe(true);
  const aAfter = await cloud.ok(A, 'applications', 'get', { applicationId: a.applicationId });
  expect(aAfter.application).toMatchObject({
    status: 'scored',
    published: true,
    resultOn: '2026-12-28',
    objectionDeadline: objectionDeadline('2026-12-28'),
    objectionOpen: true,
  });
  expect(aAfter.application.objectionDeadline.startsWith('2027-01-')).toBe(true);
  expectNoBug();
});

test('the calendar function takes its inputs from the shared schemas (the client validates with the same)', () => {
  expect(Object.keys(REGISTRY.calendar!.actions).sort()).toEqual(Object.keys(CALENDAR_ACTION_INPUTS.calendar).sort());
  for (const [action, def] of Object.entries(REGISTRY.calendar!.actions)) {
    expect(def.input).toBe((CALENDAR_ACTION_INPUTS.calendar as Record<string, unknown>)[action]);
  }
  expect(REGISTRY.calendar!.actions.registerYear!.access).toEqual(['admin']);
});
