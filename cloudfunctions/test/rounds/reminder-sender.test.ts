// The reminder sender with a fake WeChat openapi: it delivers what a person subscribed to, retries transient errors
// with exponential backoff, drops on 43101 and records it, never sends a message twice (two runs at once, or a rerun
// after a run died between send and mark), and spends one recorded acceptance per message. Subscriptions are the
// tapping WeChat user's own; only the owner reads their messages.
//
// World: the demo seed; the applicant and the employee each have a scored 2025 application and issue their
// certificate on 2025-10-20 10:00 (Beijing), which queues one 办理进度通知 (status) message to each.
import { DEMO_PERSON_IDS } from '../../src/demo/seed';
import { COLLECTIONS } from '../../src/core/collections';
import type { OpenApiPort, SubscribeMessage } from '../../src/core/runtime';
import { sendDue } from '../../src/functions/reminders/sender';
import { resetTimerRuntime, runTimer } from '../../src/functions/reminders/timer';
import type { TestCloud } from '../helpers/runtime';
import { snapshot } from '../helpers/runtime';
import { bj, scoredApplication, seededCloud } from '../certificates/fixtures';

const IDS = { status: 'tmpl-status-0001', deadline: 'tmpl-deadline-0001' };

interface Fake {
  port: OpenApiPort;
  calls: SubscribeMessage[];
}

/** A fake openapi: `answer(n)` decides the n-th call (0-based): resolve, reject with an error, or hang. */
function fakeOpenApi(
  answer: (n: number, m: SubscribeMessage) => Promise<void> | void = () => undefined,
  ids: Record<string, string | null> = IDS,
): Fake {
  const calls: SubscribeMessage[] = [];
  return {
    calls,
    port: {
      kind: 'wechat',
      subscribeMessage: {
        templateIds: ids,
        async send(m) {
          const n = calls.length;
          calls.push(m);
          await answer(n, m);
        },
      },
    },
  };
}

async function world(fake: Fake | null): Promise<TestCloud> {
  const cloud = await seededCloud('2025-09-17T09:00:00');
  await scoredApplication(cloud, DEMO_PERSON_IDS.applicant, 2025, '2025-09-17');
  await scoredApplication(cloud, DEMO_PERSON_IDS.employee, 2025, '2025-09-17');
  if (fake) cloud.runtime.openapi = fake.port;
  cloud.setNow(bj('2025-10-20T10:00:00'));
  await cloud.ok('demo-applicant', 'certificates', 'issue', {
    applicationId: `app-2025-${DEMO_PERSON_IDS.applicant}`,
    residencePermitNo: '330106202300000001',
  });
  await cloud.ok('demo-employee', 'certificates', 'issue', {
    applicationId: `app-2025-${DEMO_PERSON_IDS.employee}`,
    residencePermitNo: '330106202300000003',
  });
  return cloud;
}

const subscribe = (
  cloud: TestCloud,
  openid: string,
  requestId: string,
  outcomes: { status?: string; deadline?: string } = { status: 'accept', deadline: 'accept' },
) =>
  cloud.call(openid, 'reminders', 'recordSubscription', {
    tap: 'applicationSubmitted',
    source: 'wechat',
    results: Object.entries(outcomes).map(([template, outcome]) => ({ template, outcome })),
    requestId,
  });

type Listed = {
  id: string;
  status: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
  dropReason: string | null;
  fields: Record<string, string>;
};
const mine = async (cloud: TestCloud, openid: string) =>
  await cloud.ok<{ reminders: Listed[]; credits: Record<string, number>; mode: string }>(
    openid,
    'reminders',
    'list',
    {},
  );
const audits = async (cloud: TestCloud) =>
  (
    await cloud.store.find<{
      _id: string;
      action: string;
      actor: { openid: string };
      details: Record<string, unknown>;
    }>('audit', {}, { limit: 10_000 })
  ).filter((a) => a.action === 'reminders.send');

describe('delivery', () => {
  let cloud: TestCloud;
  afterEach(() => cloud.close());

  test('a subscribed message is sent once with the template id, page and fields; an unsubscribed one is dropped and recorded', async () => {
    const fake = fakeOpenApi();
    cloud = await world(fake);
    expect(await subscribe(cloud, 'demo-applicant', 'tap-applicant-0001')).toMatchObject({ ok: true });
    expect((await mine(cloud, 'demo-applicant')).credits).toEqual({ status: 1, deadline: 1 });

    cloud.setNow(bj('2025-10-20T10:05:00'));
    expect(await sendDue(cloud.runtime)).toEqual({
      sent: 1,
      dropped: 1,
      retrying: 0,
      failed: 0,
      unconfirmed: 0,
      unconfigured: 0,
    });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]).toEqual({
      touser: 'demo-applicant',
      templateId: 'tmpl-status-0001',
      page: 'packages/cert/index/index',
      data: {
        thing1: { value: '积分有效凭证' },
        phrase2: { value: '已出具' },
        date3: { value: '2025-10-20' },
        thing4: { value: expect.stringMatching(/^2025年度积分\d+分$/) },
      },
      miniprogramState: 'formal',
      lang: 'zh_CN',
    });

    const applicant = await mine(cloud, 'demo-applicant');
    expect(applicant.reminders).toEqual([
      expect.objectContaining({ status: 'sent', sentAt: '2025-10-20T02:05:00.000Z', dropReason: null }),
    ]);
    // One acceptance spent; the deadline one is still there.
    expect(applicant.credits).toEqual({ status: 0, deadline: 1 });
    // The employee never subscribed: nothing sent, the reason kept.
    expect((await mine(cloud, 'demo-employee')).reminders).toEqual([
      expect.objectContaining({ status: 'dropped', sentAt: null, dropReason: 'not-subscribed' }),
    ]);
    expect((await audits(cloud)).map((a) => [a.actor.openid, a.details.status]).sort()).toEqual([
      ['system:sender', 'dropped'],
      ['system:sender', 'sent'],
    ]);

    // A second run finds nothing to do.
    expect(await sendDue(cloud.runtime)).toMatchObject({ sent: 0, dropped: 0 });
    expect(fake.calls).toHaveLength(1);
  });

  test('a message is not dropped in the 3 minutes after it was queued: the answer to the same tap may still be on its way', async () => {
    const fake = fakeOpenApi();
    cloud = await world(fake);
    cloud.setNow(bj('2025-10-20T10:01:00'));
    expect(await sendDue(cloud.runtime)).toMatchObject({ sent: 0, dropped: 0 });
    expect((await mine(cloud, 'demo-employee')).reminders).toEqual([expect.objectContaining({ status: 'queued' })]);
    // The employee's answer arrives; the next run sends.
    await subscribe(cloud, 'demo-employee', 'tap-employee-0002', { status: 'accept' });
    cloud.setNow(bj('2025-10-20T10:02:59'));
    expect(await sendDue(cloud.runtime)).toMatchObject({ sent: 1, dropped: 0 });
    expect(fake.calls.map((c) => c.touser)).toEqual(['demo-employee']);
    // The applicant never answered: dropped once the 3 minutes are over.
    cloud.setNow(bj('2025-10-20T10:03:00'));
    expect(await sendDue(cloud.runtime)).toMatchObject({ sent: 0, dropped: 1 });
  });

  test('a transient error is retried after 5, then 10 minutes (not before), and the acceptance is spent only by the delivery', async () => {
    const fake = fakeOpenApi((n) => {
      if (n < 2) throw { errCode: -1, errMsg: 'system error' };
    });
    cloud = await world(fake);
    await subscribe(cloud, 'demo-applicant', 'tap-applicant-0002', { status: 'accept' });

    cloud.setNow(bj('2025-10-20T10:05:00'));
    expect(await sendDue(cloud.runtime)).toMatchObject({ sent: 0, retrying: 1 });
    let [msg] = (await mine(cloud, 'demo-applicant')).reminders;
    expect(msg).toMatchObject({ status: 'queued', nextAttemptAt: '2025-10-20T02:10:00.000Z' });
    // The failed attempt gave the acceptance back.
    expect((await mine(cloud, 'demo-applicant')).credits.status).toBe(1);

    cloud.setNow(bj('2025-10-20T10:09:59'));
    await sendDue(cloud.runtime);
    expect(fake.calls).toHaveLength(1);

    cloud.setNow(bj('2025-10-20T10:10:00'));
    expect(await sendDue(cloud.runtime)).toMatchObject({ sent: 0, retrying: 1 });
    [msg] = (await mine(cloud, 'demo-applicant')).reminders;
    expect(msg).toMatchObject({ status: 'queued', nextAttemptAt: '2025-10-20T02:20:00.000Z' });

    cloud.setNow(bj('2025-10-20T10:19:00'));
    await sendDue(cloud.runtime);
    expect(fake.calls).toHaveLength(2);

    cloud.setNow(bj('2025-10-20T10:20:00'));
    expect(await sendDue(cloud.runtime)).toMatchObject({ sent: 1, retrying: 0 });
    expect(fake.calls).toHaveLength(3);
    const after = await mine(cloud, 'demo-applicant');
    expect(after.reminders).toEqual([
      expect.objectContaining({ status: 'sent', sentAt: '2025-10-20T02:20:00.000Z', nextAttemptAt: null }),
    ]);
    expect(after.credits.status).toBe(0);
  });

  test('43101 (no subscription left at WeChat): dropped, recorded, the recorded acceptances zeroed, never retried', async () => {
    const fake = fakeOpenApi(() => {
      throw { errCode: 43101, errMsg: 'user refuse to accept the msg' };
    });
    cloud = await world(fake);
    await subscribe(cloud, 'demo-applicant', 'tap-applicant-0003', { status: 'accept' });
    await subscribe(cloud, 'demo-applicant', 'tap-applicant-0004', { status: 'accept' });
    expect((await mine(cloud, 'demo-applicant')).credits.status).toBe(2);

    cloud.setNow(bj('2025-10-20T10:05:00'));
    expect(await sendDue(cloud.runtime)).toMatchObject({ sent: 0, dropped: 2, retrying: 0, failed: 0 });
    const applicant = await mine(cloud, 'demo-applicant');
    expect(applicant.reminders).toEqual([
      expect.objectContaining({ status: 'dropped', dropReason: 'no-subscription-left' }),
    ]);
    expect(applicant.credits.status).toBe(0);
    expect((await audits(cloud)).find((a) => a.details.reason === 'no-subscription-left')?.details).toEqual({
      template: 'status',
      status: 'dropped',
      reason: 'no-subscription-left',
      errCode: 43101,
    });

    cloud.setNow(bj('2025-10-20T11:00:00'));
    await sendDue(cloud.runtime);
    expect(fake.calls).toHaveLength(1);
  });

  test('a permanent error (47003, a field WeChat refuses) fails at once and gives the acceptance back', async () => {
    const fake = fakeOpenApi(() => {
      throw { errCode: 47003, errMsg: 'argument invalid! data.thing4.value' };
    });
    cloud = await world(fake);
    await subscribe(cloud, 'demo-applicant', 'tap-applicant-0005', { status: 'accept' });
    cloud.setNow(bj('2025-10-20T10:05:00'));
    expect(await sendDue(cloud.runtime)).toMatchObject({ failed: 1, retrying: 0 });
    expect((await mine(cloud, 'demo-applicant')).reminders).toEqual([expect.objectContaining({ status: 'failed' })]);
    expect((await mine(cloud, 'demo-applicant')).credits.status).toBe(1);
    expect(cloud.logs.some((l) => l.level === 'error' && l.message === 'subscribe message failed')).toBe(true);
  });

  test('a template without a configured id leaves its messages queued and says so in the log', async () => {
    const fake = fakeOpenApi(undefined, { status: null, deadline: IDS.deadline });
    cloud = await world(fake);
    cloud.setNow(bj('2025-10-20T10:05:00'));
    expect(await sendDue(cloud.runtime)).toMatchObject({ sent: 0, dropped: 0, unconfigured: 2 });
    expect((await mine(cloud, 'demo-applicant')).reminders).toEqual([expect.objectContaining({ status: 'queued' })]);
    expect(
      cloud.logs.some((l) => l.level === 'error' && l.message.startsWith('subscribe template id not configured')),
    ).toBe(true);
  });
});

describe('never twice', () => {
  let cloud: TestCloud;
  afterEach(() => cloud.close());

  test('two sender runs at once send each message once', async () => {
    // Each call yields before answering, so the two runs interleave.
    const fake = fakeOpenApi(() => new Promise<void>((r) => setTimeout(r, 5)));
    cloud = await world(fake);
    await subscribe(cloud, 'demo-applicant', 'tap-applicant-0006', { status: 'accept' });
    await subscribe(cloud, 'demo-employee', 'tap-employee-0001', { status: 'accept' });
    cloud.setNow(bj('2025-10-20T10:05:00'));
    const [a, b] = await Promise.all([sendDue(cloud.runtime), sendDue(cloud.runtime)]);
    expect(a.sent + b.sent).toBe(2);
    expect(fake.calls.map((c) => c.touser).sort()).toEqual(['demo-applicant', 'demo-employee']);
  });

  test('a run that died between send and mark: the rerun does not send again; after the lease the message is marked unconfirmed', async () => {
    let delivered: () => void = () => undefined;
    const reached = new Promise<void>((r) => (delivered = r));
    // The first call reaches WeChat, then the process "dies": the call never returns to the sender.
    const fake = fakeOpenApi((n) => {
      if (n === 0) {
        delivered();
        return new Promise<void>(() => undefined);
      }
    });
    cloud = await world(fake);
    await subscribe(cloud, 'demo-applicant', 'tap-applicant-0007', { status: 'accept' });
    cloud.setNow(bj('2025-10-20T10:05:00'));
    void sendDue(cloud.runtime, { maxMessages: 1 });
    await reached;
    expect(fake.calls).toHaveLength(1);

    // The next timer run, 5 minutes later: the claim is still fresh, the message is left alone.
    cloud.setNow(bj('2025-10-20T10:10:00'));
    expect(await sendDue(cloud.runtime)).toMatchObject({ sent: 0, unconfirmed: 0 });
    // After the 10-minute lease: marked unconfirmed, not sent again; the acceptance stays spent.
    cloud.setNow(bj('2025-10-20T10:15:00'));
    expect(await sendDue(cloud.runtime)).toMatchObject({ sent: 0, unconfirmed: 1 });
    cloud.setNow(bj('2025-10-20T11:00:00'));
    await sendDue(cloud.runtime);
    expect(fake.calls.filter((c) => c.touser === 'demo-applicant')).toHaveLength(1);
    const applicant = await mine(cloud, 'demo-applicant');
    expect(applicant.reminders).toEqual([expect.objectContaining({ status: 'unconfirmed', sentAt: null })]);
    expect(applicant.credits.status).toBe(0);
    expect(cloud.logs.some((l) => l.level === 'warn' && l.message.startsWith('reminder claim expired'))).toBe(true);
  });
});

describe('subscriptions and access', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await world(fakeOpenApi());
  });
  afterAll(() => cloud.close());

  test('a tap is recorded once per request id, with every answer; only accepts add acceptances', async () => {
    const first = await cloud.ok('demo-applicant', 'reminders', 'recordSubscription', {
      tap: 'settlementApplied',
      source: 'wechat',
      results: [
        { template: 'status', outcome: 'accept' },
        { template: 'deadline', outcome: 'reject' },
      ],
      requestId: 'tap-settle-0001',
    });
    expect(first).toEqual({
      subscription: {
        id: expect.stringMatching(/^sub-[0-9a-f]{32}$/),
        tap: 'settlementApplied',
        source: 'wechat',
        results: [
          { template: 'status', outcome: 'accept', credited: true },
          { template: 'deadline', outcome: 'reject', credited: false },
        ],
        at: '2025-10-20T02:00:00.000Z',
      },
      repeated: false,
    });
    // A retried call (same request id) adds nothing.
    const again = await cloud.ok('demo-applicant', 'reminders', 'recordSubscription', {
      tap: 'settlementApplied',
      source: 'wechat',
      results: [{ template: 'status', outcome: 'accept' }],
      requestId: 'tap-settle-0001',
    });
    expect(again).toMatchObject({ repeated: true, subscription: { id: first.subscription.id } });
    expect((await mine(cloud, 'demo-applicant')).credits).toEqual({ status: 1, deadline: 0 });
    const audit = await cloud.store.find<{
      _id: string;
      action: string;
      actor: { openid: string };
      onBehalfOf: string | null;
      details: Record<string, unknown>;
    }>('audit', {}, { limit: 10_000 });
    expect(audit.filter((a) => a.action === 'reminders.recordSubscription')).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ openid: 'demo-applicant' }),
        onBehalfOf: null,
        details: { tap: 'settlementApplied', source: 'wechat', outcomes: { status: 'accept', deadline: 'reject' } },
      }),
    ]);
  });

  test("an agent's tap subscribes the agent's own WeChat (messages go to the openid that accepted), not the employee's", async () => {
    await cloud.ok('demo-agent', 'reminders', 'recordSubscription', {
      tap: 'applicationSubmitted',
      source: 'wechat',
      results: [{ template: 'status', outcome: 'accept' }],
      requestId: 'tap-agent-0001',
    });
    expect((await mine(cloud, 'demo-agent')).credits).toEqual({ status: 1, deadline: 0 });
    expect((await mine(cloud, 'demo-employee')).credits).toEqual({ status: 0, deadline: 0 });
  });

  test('refused, and nothing changed: a simulated answer in WeChat, a template the tap does not ask for, an unregistered caller, a repeated template', async () => {
    const collections = ['subscriptions', 'subscription_credits', 'audit'];
    const before = await snapshot(cloud.store, collections);
    const base = {
      tap: 'objectionFiled',
      source: 'wechat',
      results: [{ template: 'status', outcome: 'accept' }],
      requestId: 'tap-denied-0001',
    };
    expect(
      await cloud.call('demo-applicant', 'reminders', 'recordSubscription', { ...base, source: 'simulated' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '仅本地模式可模拟订阅' },
    });
    expect(
      await cloud.call('demo-applicant', 'reminders', 'recordSubscription', {
        ...base,
        results: [{ template: 'deadline', outcome: 'accept' }],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: '该操作不订阅“办理时限提醒”' },
    });
    expect(await cloud.call('wx-stranger', 'reminders', 'recordSubscription', base)).toMatchObject({
      ok: false,
      error: { code: 'NOT_REGISTERED' },
    });
    expect(
      await cloud.call('demo-applicant', 'reminders', 'recordSubscription', {
        ...base,
        results: [
          { template: 'status', outcome: 'accept' },
          { template: 'status', outcome: 'accept' },
        ],
      }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(
      await cloud.call('demo-applicant', 'reminders', 'recordSubscription', { ...base, openid: 'demo-employee' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await snapshot(cloud.store, collections)).toBe(before);
  });

  test('only the owner reads their messages: others see none of them, a delegate without a delegation is refused, only admins send by hand', async () => {
    const applicantIds = (await mine(cloud, 'demo-applicant')).reminders.map((m) => m.id);
    expect(applicantIds).toHaveLength(1);
    for (const openid of ['demo-employee', 'demo-agent', 'demo-guardian']) {
      const { reminders } = await mine(cloud, openid);
      expect(reminders.map((m) => m.id)).not.toContain(applicantIds[0]);
    }
    // Staff accounts have no messages of their own (no person), and no role reads anyone else's.
    for (const openid of ['demo-admin', 'demo-district-office']) {
      expect(await cloud.call(openid, 'reminders', 'list', {})).toMatchObject({
        ok: false,
        error: { code: 'NOT_REGISTERED' },
      });
    }
    expect(
      await cloud.call('demo-agent', 'reminders', 'list', { onBehalfOf: DEMO_PERSON_IDS.applicant }),
    ).toMatchObject({ ok: false, error: { code: 'DELEGATION_REQUIRED' } });
    // The agent may act for the employee, but the employee's messages went to the employee's own WeChat.
    expect(await cloud.ok('demo-agent', 'reminders', 'list', { onBehalfOf: DEMO_PERSON_IDS.employee })).toMatchObject({
      reminders: [],
    });
    expect(await cloud.call('demo-applicant', 'reminders', 'send', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await cloud.call(undefined, 'reminders', 'list', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  test('templates: the ids of this deployment and what each tap asks for', async () => {
    expect(await cloud.ok('demo-applicant', 'reminders', 'templates', {})).toEqual({
      mode: 'wechat',
      taps: {
        applicationSubmitted: ['status', 'deadline'],
        objectionFiled: ['status'],
        settlementApplied: ['status', 'deadline'],
      },
      templates: [
        { name: 'deadline', title: '办理时限提醒', templateId: 'tmpl-deadline-0001' },
        { name: 'status', title: '办理进度通知', templateId: 'tmpl-status-0001' },
      ],
    });
  });
});

describe('local mode (no openapi port)', () => {
  let cloud: TestCloud;
  afterAll(() => cloud.close());

  test('a simulated acceptance is recorded; the admin send logs the message instead of sending and marks it sent', async () => {
    cloud = await world(null);
    expect(
      await cloud.call('demo-applicant', 'reminders', 'recordSubscription', {
        tap: 'applicationSubmitted',
        source: 'simulated',
        results: [{ template: 'status', outcome: 'accept' }],
        requestId: 'tap-local-0001',
      }),
    ).toMatchObject({ ok: true });
    cloud.setNow(bj('2025-10-20T10:05:00'));
    expect(await cloud.ok('demo-admin', 'reminders', 'send', {})).toMatchObject({ sent: 1, dropped: 1 });
    const applicant = await mine(cloud, 'demo-applicant');
    expect(applicant.mode).toBe('local');
    expect(applicant.reminders).toEqual([expect.objectContaining({ status: 'sent' })]);
    expect(cloud.logs.filter((l) => l.message.startsWith('subscribe message (local mode'))).toEqual([
      {
        level: 'info',
        message: 'subscribe message (local mode: logged, not sent)',
        fields: { templateId: 'local-status', page: 'packages/cert/index/index' },
      },
    ]);
    const outbox = await cloud.store.find<{ _id: string; status: string }>(COLLECTIONS.outbox, {}, { limit: 10 });
    expect(outbox.map((m) => m.status).sort()).toEqual(['dropped', 'sent']);
  });
});

describe('the timer (one trigger every 5 minutes)', () => {
  let cloud: TestCloud;
  afterAll(() => cloud.close());

  test('sends on every run; sweeps once a day, on the first run from 09:00 Beijing', async () => {
    const fake = fakeOpenApi();
    cloud = await world(fake);
    await subscribe(cloud, 'demo-applicant', 'tap-timer-0001', { status: 'accept' });
    resetTimerRuntime();
    const tick = async (local: string) => {
      cloud.setNow(bj(local));
      return runTimer({} as never, () => cloud.runtime);
    };
    expect(await tick('2025-10-21T08:55:00')).toEqual({
      ok: true,
      data: {
        sweep: null,
        send: { sent: 1, dropped: 1, retrying: 0, failed: 0, unconfirmed: 0, unconfigured: 0 },
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
    expect(fake.calls).toHaveLength(1);
    // 09:00: the day's sweep (nothing due on 2025-10-21), then 09:05 and the next day's 08:55: no sweep.
    expect((await tick('2025-10-21T09:00:00')).data.sweep).toEqual({ queued: 0, considered: 0 });
    expect((await tick('2025-10-21T09:05:00')).data.sweep).toBeNull();
    expect((await tick('2025-10-22T08:55:00')).data.sweep).toBeNull();
    expect((await tick('2025-10-22T09:00:00')).data.sweep).toEqual({ queued: 0, considered: 0 });
    expect(fake.calls).toHaveLength(1);
  });
});
