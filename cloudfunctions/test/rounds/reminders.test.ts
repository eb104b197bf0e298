// Reminders: WeChat's field limits are enforced before a message is queued; the deadline sweep reminds those who
// hold a certificate of ≥ 100 points and have not applied, once, in the last working days of the window; the timer
// path runs the same sweep as the system; `list` shows only the caller's own messages.
import { COLLECTIONS } from '../../src/core/collections';
import { DEMO_PERSON_IDS } from '../../src/demo/seed';
import { checkFields, TemplateFieldError } from '../../src/functions/reminders/outbox';
import { runTimer, timerContext, TIMER_ACTOR } from '../../src/functions/reminders/timer';
import { sweep, SWEEP_PAGE } from '../../src/functions/reminders';
import type { TestCloud } from '../helpers/runtime';
import { bj, scoredApplication, seededCloud } from '../certificates/fixtures';

describe('subscribe-message fields', () => {
  test('thing ≤ 20 characters, phrase ≤ 5 Chinese characters, dates as dates, no unknown or missing field', () => {
    const ok = { thing1: '积分落户申请', date2: '2025-11-28', thing3: '截止日24时止，节假日除外' };
    expect(() => checkFields('deadline', ok)).not.toThrow();
    expect(() => checkFields('deadline', { ...ok, thing1: '一二三四五六七八九十一二三四五六七八九十' })).not.toThrow();
    expect(() => checkFields('deadline', { ...ok, thing1: '一二三四五六七八九十一二三四五六七八九十一' })).toThrow(
      TemplateFieldError,
    );
    expect(() => checkFields('deadline', { ...ok, date2: '11月28日' })).toThrow(TemplateFieldError);
    expect(() => checkFields('deadline', { thing1: 'x', date2: '2025-11-28' })).toThrow(TemplateFieldError);
    expect(() => checkFields('deadline', { ...ok, extra: 'x' })).toThrow(TemplateFieldError);
    const status = { thing1: '积分有效凭证', phrase2: '已出具', date3: '2025-10-15', thing4: '2025年度积分148分' };
    expect(() => checkFields('status', status)).not.toThrow();
    expect(() => checkFields('status', { ...status, phrase2: '已经出具完毕' })).toThrow(TemplateFieldError);
    expect(() => checkFields('status', { ...status, phrase2: 'done' })).toThrow(TemplateFieldError);
  });
});

describe('the deadline sweep', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await seededCloud('2025-09-17T09:00:00');
    await scoredApplication(cloud, DEMO_PERSON_IDS.applicant, 2025, '2025-09-17');
    await scoredApplication(cloud, DEMO_PERSON_IDS.employee, 2025, '2025-09-17');
    cloud.setNow(bj('2025-10-20T10:00:00'));
    await cloud.ok('demo-applicant', 'certificates', 'issue', {
      applicationId: `app-2025-${DEMO_PERSON_IDS.applicant}`,
      residencePermitNo: '330106202300000001',
    });
    await cloud.ok('demo-employee', 'certificates', 'issue', {
      applicationId: `app-2025-${DEMO_PERSON_IDS.employee}`,
      residencePermitNo: '330106202300000003',
    });
    cloud.setNow(bj('2025-11-04T10:00:00'));
    await cloud.ok('demo-employee', 'settlement', 'apply', {
      year: 2025,
      district: '滨江区',
      declarations: { validResidencePermit: true, fullCivilCapacity: true, hasUrbanHangzhouHukou: false },
      requestId: 'settle-employee-2025',
    });
  });
  afterAll(() => cloud.close());

  const deadlines = async (openid: string) =>
    (
      (await cloud.ok(openid, 'reminders', 'list', {})).reminders as Array<{
        template: string;
        fields: Record<string, string>;
      }>
    ).filter((m) => m.template === 'deadline');

  test('not while more than 3 working days remain; only admins may run it by hand', async () => {
    cloud.setNow(bj('2025-11-24T09:00:00'));
    expect(await cloud.call('demo-applicant', 'reminders', 'sweep', {})).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await cloud.ok('demo-admin', 'reminders', 'sweep', {})).toEqual({ queued: 0, considered: 0 });
  });

  test('in the last 3 working days (11-26..11-28; 11-29/30 are a weekend) the applicant who has not applied is reminded once', async () => {
    cloud.setNow(bj('2025-11-26T09:00:00'));
    expect(await cloud.ok('demo-admin', 'reminders', 'sweep', {})).toEqual({ queued: 1, considered: 1 });
    const mine = await deadlines('demo-applicant');
    expect(mine).toEqual(
      [
        {
          template: 'deadline',
          fields: { thing1: '积分落户申请', date2: '2025-11-30', thing3: '截止日24时止，节假日除外' },
        },
      ].map((m) => expect.objectContaining(m)),
    );
    // The employee applied: nothing for them.
    expect(await deadlines('demo-employee')).toEqual([]);
    // Idempotent, also through the timer path (which runs as the system, with an audit entry).
    cloud.setNow(bj('2025-11-27T09:00:00'));
    const timer = await runTimer({} as never, () => cloud.runtime);
    // The same timer run also drains the outbox: nobody in this world subscribed, so the four messages queued so far
    // (two certificates issued, one settlement applied, one deadline) are dropped, none sent.
    expect(timer).toEqual({
      ok: true,
      data: {
        sweep: { queued: 0, considered: 1 },
        send: { sent: 0, dropped: 4, retrying: 0, failed: 0, unconfirmed: 0, unconfigured: 0 },
        // The file sweep's daily pass: the seed's six delegation documents, all recorded.
        files: {
          ticketsExpired: 0,
          ticketsClosed: 0,
          scanned: 6,
          removed: 0,
          kept: { recorded: 6, liveTicket: 0, young: 0, notJudged: 0 },
          failed: 0,
          passCompleted: true,
          passRan: true,
        },
      },
    });
    expect(await deadlines('demo-applicant')).toHaveLength(1);
  });

  test('after 11-30 24:00 nothing more is due', async () => {
    cloud.setNow(bj('2025-12-01T00:00:00'));
    expect(await cloud.ok('demo-admin', 'reminders', 'sweep', {})).toEqual({ queued: 0, considered: 0 });
  });

  test("every queued message was audited; list never shows another person's messages", async () => {
    const outbox = await cloud.store.find<{ _id: string; toOpenid: string }>(COLLECTIONS.outbox, {}, { limit: 100 });
    const audit = await cloud.store.find<{ _id: string; action: string; actor: { openid: string } }>(
      'audit',
      {},
      { limit: 1000 },
    );
    expect(audit.some((a) => a.action === 'reminders.sweep' && a.actor.openid === 'demo-admin')).toBe(true);
    expect(outbox.length).toBeGreaterThanOrEqual(4); // two certificates issued, one settlement applied, one deadline
    for (const openid of ['demo-applicant', 'demo-employee', 'demo-guardian']) {
      const { reminders } = await cloud.ok(openid, 'reminders', 'list', {});
      const ids = new Set(outbox.filter((m) => m.toOpenid === openid).map((m) => m._id));
      expect(reminders.map((m: { id: string }) => m.id).sort()).toEqual([...ids].sort());
    }
    expect(TIMER_ACTOR).toBe('system:timer');
  });
});

describe('the sweep reads a round a page at a time', () => {
  let cloud: TestCloud;
  const certificateReads: number[] = [];
  beforeAll(async () => {
    cloud = await seededCloud('2025-09-17T09:00:00');
    await scoredApplication(cloud, DEMO_PERSON_IDS.applicant, 2025, '2025-09-17');
    await scoredApplication(cloud, DEMO_PERSON_IDS.employee, 2025, '2025-09-17');
    cloud.setNow(bj('2025-10-20T10:00:00'));
    await cloud.ok('demo-applicant', 'certificates', 'issue', {
      applicationId: `app-2025-${DEMO_PERSON_IDS.applicant}`,
      residencePermitNo: '330106202300000001',
    });
    await cloud.ok('demo-employee', 'certificates', 'issue', {
      applicationId: `app-2025-${DEMO_PERSON_IDS.employee}`,
      residencePermitNo: '330106202300000003',
    });
    // Records the page size of every read of the certificates collection.
    const find = cloud.store.find.bind(cloud.store);
    cloud.store.find = (async (collection: string, where: never, options?: { limit?: number }) => {
      if (collection === COLLECTIONS.certificates) certificateReads.push(options?.limit ?? Infinity);
      return find(collection, where, options);
    }) as typeof cloud.store.find;
  });
  afterAll(() => cloud.close());

  test('pages of one: both holders (neither applied) are reminded, in three reads of one', async () => {
    cloud.setNow(bj('2025-11-26T09:00:00'));
    expect(await sweep(timerContext(cloud.runtime), 1)).toEqual({ queued: 2, considered: 2 });
    expect(certificateReads).toEqual([1, 1, 1]);
  });

  test('the admin action reads pages of 100, never the whole round at once', async () => {
    certificateReads.length = 0;
    expect(await cloud.ok('demo-admin', 'reminders', 'sweep', {})).toEqual({ queued: 0, considered: 2 });
    expect(SWEEP_PAGE).toBe(100);
    expect(certificateReads).toEqual([100]);
  });
});
