// reminders: deadline and status messages. Status messages are queued by the action that changes the status (in
// its transaction); deadline messages by `sweep`. The timer of the deployed function (every 5 minutes, config.json
// of the built function) sends what is due (sender.ts) and runs the sweep once a day (timer.ts). `list` shows the
// caller's own messages with their state; `recordSubscription` records what the caller agreed to receive.
import {
  ListRemindersInput,
  SendRemindersInput,
  SweepRemindersInput,
  addCalendarDays,
  beijingDate,
  isOpenAt,
  workingDaysUntil,
  RANKING_RULE,
} from '@hz-points/shared';
import { COLLECTIONS } from '../../core/collections';
import { defineAction, defineFunction, type ActionContext } from '../../core/action';
import type { PersonDoc } from '../../core/model';
import type { Where } from '../../storage/store';
import { subjectOfCall } from '../../core/access';
import type { CertificateDoc } from '../certificates/model';
import { listSlice, PAGE_SIZE } from '../rounds/list';
import { publicationOf, settlementId, type RoundState, type SettlementDoc } from '../rounds/model';
import { openApiOf } from './openapi';
import { queueReminder, type OutboxDoc, type Reminder } from './outbox';
import { sendDue } from './sender';
import { creditsOf, recordSubscription, templates } from './subscriptions';

const C = COLLECTIONS;
/** Remind this many days before an admission notice expires. */
const NOTICE_REMINDER_DAYS = 7;
/** Remind applicants who have not applied to settle when this many working days of the window remain. */
const SETTLEMENT_REMINDER_WORKDAYS = 3;
/** Days after publication during which the sweep still sends the admission message (a missed timer run). */
const ADMISSION_MESSAGE_DAYS = 3;
/** Certificates read per page by the sweep. */
export const SWEEP_PAGE = 100;

function view(m: OutboxDoc) {
  return {
    id: m._id,
    template: m.template,
    fields: m.fields,
    page: m.page,
    status: m.status,
    createdAt: m.createdAt,
    sentAt: m.sentAt ?? null,
    /** When a retry is due (after a transient error), else null. */
    nextAttemptAt:
      m.status === 'queued' && typeof m.nextAttemptMs === 'number' ? new Date(m.nextAttemptMs).toISOString() : null,
    dropReason: m.dropReason ?? null,
  };
}

const list = defineAction({
  input: ListRemindersInput,
  access: 'registered',
  mutates: false,
  async run(ctx) {
    // Messages addressed to the caller; with onBehalfOf, those about that person (whom the caller may act for).
    const where: Where = ctx.input.onBehalfOf
      ? { personId: (await subjectOfCall(ctx)).subject._id, toOpenid: ctx.openid }
      : { toOpenid: ctx.openid };
    const docs = await ctx.runtime.store.find<OutboxDoc>(C.outbox, where, {
      orderBy: [['createdMs', 'desc']],
      limit: ctx.input.limit ?? 20,
      skip: ctx.input.skip ?? 0,
    });
    // The caller's unspent subscriptions (theirs, whoever the messages are about: see subscriptions.ts).
    const credits = await creditsOf(ctx.runtime.store, ctx.openid, openApiOf(ctx.runtime).subscribeMessage.templateIds);
    return { reminders: docs.map(view), credits, mode: openApiOf(ctx.runtime).kind };
  },
});

/** Working days from `from` to `to`, both included; null when the calendar of a year in between is unknown. */
function workdaysLeft(from: string, to: string): number | null {
  try {
    return workingDaysUntil(to, from);
  } catch {
    return null; // no working-day reminder rather than a wrong one
  }
}

async function queueAll(ctx: ActionContext<unknown>, reminders: Reminder[]): Promise<number> {
  let queued = 0;
  // One short transaction per message: each is independent, and a repeat is a no-op (dedupe key).
  for (const r of reminders) {
    const added = await ctx.mutate(async (tx, audit) => {
      const ok = await queueReminder(tx, r, ctx.now);
      if (ok)
        await audit({
          onBehalfOf: r.personId,
          target: { collection: C.outbox, id: r.dedupeKey },
          details: { template: r.template },
        });
      return ok;
    });
    if (added) queued++;
  }
  return queued;
}

/** Deadline and publication messages due today (idempotent: run it as often as you like). */
export async function sweep(
  ctx: ActionContext<unknown>,
  pageSize = SWEEP_PAGE,
): Promise<{ queued: number; considered: number }> {
  const store = ctx.runtime.store;
  const today = beijingDate(ctx.now);
  const year = Number(today.slice(0, 4));
  const due: Reminder[] = [];
  const totals = { queued: 0, considered: 0 };
  const persons = new Map<string, PersonDoc | null>();
  // Queues what a page found due, then forgets it (and the persons read for it).
  const flush = async () => {
    totals.considered += due.length;
    totals.queued += await queueAll(ctx, due.splice(0));
    persons.clear();
  };
  const personOf = async (id: string) => {
    if (!persons.has(id)) persons.set(id, await store.get<PersonDoc>(COLLECTIONS.persons, id));
    return persons.get(id)!;
  };

  for (const y of [year - 1, year]) {
    const round = await store.get<RoundState>(COLLECTIONS.rounds, `round-${y}`);
    if (!round) continue;

    // 1. The settlement window closes soon: those holding a certificate of ≥ 100 points who have not applied.
    const left = today >= round.settlementOpens ? workdaysLeft(today, round.settlementCloses) : null;
    if (
      !round.published &&
      round.status === 'open' &&
      left !== null &&
      left >= 1 &&
      left <= SETTLEMENT_REMINDER_WORKDAYS &&
      isOpenAt(round.settlementCloses, ctx.now)
    ) {
      // A page at a time (a round has tens of thousands of certificates): memory stays bounded.
      for (let skip = 0; ; skip += pageSize) {
        const certs = await store.find<CertificateDoc>(
          C.certificates,
          { year: y, status: 'active' },
          { orderBy: [['_id', 'asc']], limit: pageSize, skip },
        );
        for (const c of certs) {
          if (c.content.total < RANKING_RULE.minimumPoints) continue;
          const s = await store.get<SettlementDoc>(C.settlements, settlementId(y, c.personId));
          if (s && s.status === 'submitted') continue;
          const p = await personOf(c.personId);
          if (!p?.openid) continue; // no WeChat: the delegate sees it in the app; a message needs the person's consent
          due.push({
            personId: c.personId,
            toOpenid: p.openid,
            template: 'deadline',
            fields: { thing1: '积分落户申请', date2: round.settlementCloses, thing3: '截止日24时止，节假日除外' },
            page: 'packages/settle/index/index',
            dedupeKey: `settlement-closing:${y}`,
          });
        }
        await flush();
        if (certs.length < pageSize) break;
      }
    }

    // 2. Published list: the admitted are told once, and again when the notice is about to expire.
    // Every notice of a publication shares its dates, so most days nothing is due and the list is not read.
    const pub = publicationOf(round);
    const admissionDue = pub !== null && today <= addCalendarDays(pub.on, ADMISSION_MESSAGE_DAYS);
    const expiryDue =
      pub !== null &&
      today >= addCalendarDays(pub.noticeExpiresOn, -NOTICE_REMINDER_DAYS) &&
      isOpenAt(pub.noticeExpiresOn, ctx.now);
    if (round.published && (admissionDue || expiryDue)) {
      for (let from = 0; from < round.published.admittedCount; from += PAGE_SIZE) {
        const results = await listSlice(store, publicationOf(round)!, from, PAGE_SIZE, round.published.admittedCount);
        for (const r of results) {
          if (!r.notice) continue;
          const p = await personOf(r.personId);
          if (!p?.openid) continue;
          // The admission message goes out with the first sweeps after publication, not on every later day.
          if (today <= addCalendarDays(round.published.on, ADMISSION_MESSAGE_DAYS)) {
            due.push({
              personId: r.personId,
              toOpenid: p.openid,
              template: 'status',
              fields: {
                thing1: '积分落户准入',
                phrase2: '已获准入',
                date3: r.notice.issuedOn,
                thing4: `通知书有效期至${r.notice.expiresOn}`,
              },
              page: 'packages/settle/index/index',
              dedupeKey: `admitted:${round.published.batch}`,
            });
          }
          const expiryReminderFrom = addCalendarDays(r.notice.expiresOn, -NOTICE_REMINDER_DAYS);
          if (today < expiryReminderFrom || !isOpenAt(r.notice.expiresOn, ctx.now)) continue;
          const s = await store.get<SettlementDoc>(C.settlements, r.settlementId);
          if (!s?.settledOn) {
            due.push({
              personId: r.personId,
              toOpenid: p.openid,
              template: 'deadline',
              fields: {
                thing1: '积分落户准入通知书到期',
                date2: r.notice.expiresOn,
                thing3: '请持通知书到户籍窗口办理',
              },
              page: 'packages/settle/index/index',
              dedupeKey: `notice-expiring:${round.published.batch}`,
            });
          }
        }
        await flush();
      }
    }
  }
  return totals;
}

const sweepAction = defineAction({
  input: SweepRemindersInput,
  access: ['admin'],
  mutates: true,
  async run(ctx) {
    return sweep(ctx);
  },
});

const sendAction = defineAction({
  input: SendRemindersInput,
  access: ['admin'],
  mutates: true,
  async run(ctx) {
    return sendDue(ctx.runtime, { actor: { openid: ctx.openid, personId: ctx.person?._id ?? null } });
  },
});

export const remindersFunction = defineFunction('reminders', {
  list,
  sweep: sweepAction,
  recordSubscription,
  templates,
  send: sendAction,
});
