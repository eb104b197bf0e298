// The sender: turns queued outbox documents into WeChat subscribe messages (`cloud.openapi.subscribeMessage.send`
// through the runtime's openapi port). Run by the reminders timer every 5 minutes, and by admins (`reminders.send`).
//
// Never twice. Each message is claimed in a transaction (queued → sending, with a claim token) before the call, and
// the claim spends one of the recipient's subscription credits; only the run holding the claim marks the result.
// Two runs at once: the second finds the message no longer queued and skips it. A crash between the claim and the
// mark leaves it `sending`; a later run that finds a claim older than CLAIM_LEASE_MS cannot know whether WeChat
// delivered it, and marks it `unconfirmed` rather than send again (a missed message is visible in the app under
// 消息; a duplicate cannot be taken back). The spent credit stays spent for the same reason.
import { randomBytes } from 'node:crypto';
import type { SendReport } from '@hz-points/shared';
import { COLLECTIONS } from '../../core/collections';
import type { AuditInput } from '../../core/action';
import { mutatorFor } from '../../core/action';
import type { Runtime } from '../../core/runtime';
import { classifySendError, openApiOf, type SendFailure } from './openapi';
import type { OutboxDoc } from './outbox';
import { creditId, type CreditDoc } from './subscriptions';

/** The timer's period: the first retry waits one period, each later one twice as long (5, 10, 20, 40 min). */
const RETRY_BASE_MS = 5 * 60_000;
/** After this many transient failures the message is marked `failed`. */
const MAX_ATTEMPTS = 5;
/** A claim older than this belongs to a run that died (a function never runs this long). */
const CLAIM_LEASE_MS = 10 * 60_000;
/** Messages one run sends at most (the rest wait for the next run; keeps a run well inside the time budget). */
const MAX_PER_RUN = 40;
const PAGE = 100;
/**
 * A message younger than this is not dropped for want of a subscription: the action that queued it (e.g. a
 * settlement application) and the person's answer to the subscription dialog of the same tap arrive separately,
 * seconds apart, and a timer run may fall between them.
 */
const ANSWER_GRACE_MS = 3 * 60_000;

const SENDER_ACTOR = 'system:sender';

function retryDelayMs(attempts: number): number {
  return RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1);
}

/** Page and data of a message as WeChat takes them. */
function messageData(fields: Record<string, string>): Record<string, { value: string }> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { value: v }]));
}

type Claim =
  | { kind: 'claimed'; doc: OutboxDoc; token: string; templateId: string }
  | { kind: 'skipped' }
  | { kind: 'dropped' }
  | { kind: 'unconfigured' }
  | { kind: 'waiting' };

export async function sendDue(
  runtime: Runtime,
  options: {
    actor?: { openid: string; personId: string | null };
    maxMessages?: number;
    miniprogramState?: 'developer' | 'trial' | 'formal';
  } = {},
): Promise<SendReport> {
  const now = runtime.now();
  const nowMs = now.getTime();
  const port = openApiOf(runtime);
  const actor = options.actor ?? { openid: SENDER_ACTOR, personId: null };
  const mutate = mutatorFor(runtime, now, actor, 'reminders.send');
  const store = runtime.store;
  const report: SendReport = { sent: 0, dropped: 0, retrying: 0, failed: 0, unconfirmed: 0, unconfigured: 0 };
  const audited = (doc: OutboxDoc, details: Record<string, unknown>): AuditInput => ({
    onBehalfOf: doc.personId,
    target: { collection: COLLECTIONS.outbox, id: doc._id },
    details: { template: doc.template, ...details },
  });

  // 1. Claims left by runs that died.
  for (const stale of await store.find<OutboxDoc>(
    COLLECTIONS.outbox,
    { status: 'sending' },
    { orderBy: [['createdMs', 'asc']], limit: PAGE },
  )) {
    if (typeof stale.claimedMs !== 'number' || nowMs - stale.claimedMs < CLAIM_LEASE_MS) continue;
    const marked = await mutate(async (tx, audit) => {
      const doc = await tx.get<OutboxDoc>(COLLECTIONS.outbox, stale._id);
      if (!doc || doc.status !== 'sending' || doc.claimToken !== stale.claimToken) return false;
      await tx.update(COLLECTIONS.outbox, doc._id, {
        status: 'unconfirmed',
        finishedAt: now.toISOString(),
        claimToken: null,
      });
      await audit(audited(doc, { status: 'unconfirmed' }));
      return true;
    });
    if (marked) {
      report.unconfirmed++;
      runtime.log('warn', 'reminder claim expired: marked unconfirmed, not sent again', { messageId: stale._id });
    }
  }

  // 2. Due messages, oldest first, until the per-run limit.
  const limit = options.maxMessages ?? MAX_PER_RUN;
  let handled = 0;
  let skip = 0;
  while (handled < limit) {
    const page = await store.find<OutboxDoc>(
      COLLECTIONS.outbox,
      { status: 'queued' },
      {
        orderBy: [
          ['createdMs', 'asc'],
          ['_id', 'asc'],
        ],
        limit: PAGE,
        skip,
      },
    );
    if (page.length === 0) break;
    let stayQueued = 0;
    for (const candidate of page) {
      if (handled >= limit) break;
      if (typeof candidate.nextAttemptMs === 'number' && candidate.nextAttemptMs > nowMs) {
        stayQueued++;
        continue;
      }
      const claim = await claimOne(candidate._id);
      if (claim.kind === 'unconfigured') {
        stayQueued++;
        report.unconfigured++;
        continue;
      }
      if (claim.kind === 'waiting') {
        stayQueued++;
        continue;
      }
      if (claim.kind === 'skipped') continue;
      handled++;
      if (claim.kind === 'dropped') {
        report.dropped++;
        continue;
      }
      // A retried message is queued again (with a later attempt time): it shifts the next page like the others.
      if ((await deliver(claim)) === 'retrying') stayQueued++;
    }
    // Documents that left `queued` no longer match the query; only those still queued shift the next page.
    skip += stayQueued;
    if (page.length < PAGE) break;
  }
  if (report.unconfigured > 0)
    runtime.log('error', 'subscribe template id not configured: messages left queued', { count: report.unconfigured });
  return report;

  async function claimOne(id: string): Promise<Claim> {
    return mutate(async (tx, audit): Promise<Claim> => {
      const doc = await tx.get<OutboxDoc>(COLLECTIONS.outbox, id);
      if (!doc || doc.status !== 'queued') return { kind: 'skipped' };
      if (typeof doc.nextAttemptMs === 'number' && doc.nextAttemptMs > nowMs) return { kind: 'skipped' };
      const templateId = port.subscribeMessage.templateIds[doc.template];
      if (!templateId) return { kind: 'unconfigured' };
      const credit = await tx.get<CreditDoc>(COLLECTIONS.subscriptionCredits, creditId(doc.toOpenid, templateId));
      if (!credit || credit.available < 1) {
        if (nowMs - doc.createdMs < ANSWER_GRACE_MS) return { kind: 'waiting' };
        await tx.update(COLLECTIONS.outbox, id, {
          status: 'dropped',
          dropReason: 'not-subscribed',
          finishedAt: now.toISOString(),
        });
        await audit(audited(doc, { status: 'dropped', reason: 'not-subscribed' }));
        return { kind: 'dropped' };
      }
      const token = randomBytes(12).toString('hex');
      await tx.update(COLLECTIONS.subscriptionCredits, credit._id, {
        available: credit.available - 1,
        used: credit.used + 1,
        updatedAt: now.toISOString(),
      });
      await tx.update(COLLECTIONS.outbox, id, {
        status: 'sending',
        claimToken: token,
        claimedMs: nowMs,
        templateId,
        attempts: (typeof doc.attempts === 'number' ? doc.attempts : 0) + 1,
      });
      return {
        kind: 'claimed',
        doc: { ...doc, attempts: (typeof doc.attempts === 'number' ? doc.attempts : 0) + 1 },
        token,
        templateId,
      };
    });
  }

  async function deliver(claim: Extract<Claim, { kind: 'claimed' }>): Promise<keyof SendReport | 'lost'> {
    const { doc, token, templateId } = claim;
    let failure: SendFailure | null = null;
    try {
      await port.subscribeMessage.send({
        touser: doc.toOpenid,
        templateId,
        page: doc.page,
        data: messageData(doc.fields),
        miniprogramState: options.miniprogramState ?? 'formal',
        lang: 'zh_CN',
      });
    } catch (err) {
      failure = classifySendError(err);
    }
    const attempts = doc.attempts as number;
    const outcome = await mutate(async (tx, audit) => {
      const current = await tx.get<OutboxDoc>(COLLECTIONS.outbox, doc._id);
      // Someone else marked it (an expired lease after a very slow call): theirs stands.
      if (!current || current.status !== 'sending' || current.claimToken !== token) return 'lost' as const;
      const cid = creditId(doc.toOpenid, templateId);
      const refund = async () => {
        // WeChat did not deliver, so its quota was not spent: give the credit back for the retry.
        const c = await tx.get<CreditDoc>(COLLECTIONS.subscriptionCredits, cid);
        if (c)
          await tx.update(COLLECTIONS.subscriptionCredits, cid, {
            available: c.available + 1,
            used: Math.max(0, c.used - 1),
            updatedAt: now.toISOString(),
          });
      };
      if (!failure) {
        await tx.update(COLLECTIONS.outbox, doc._id, {
          status: 'sent',
          sentAt: now.toISOString(),
          finishedAt: now.toISOString(),
          claimToken: null,
        });
        await audit(audited(doc, { status: 'sent', attempts }));
        return 'sent' as const;
      }
      if (failure.kind === 'no-subscription') {
        // Our count was ahead of WeChat's (or the person cancelled): trust WeChat and stop trying this template.
        const c = await tx.get<CreditDoc>(COLLECTIONS.subscriptionCredits, cid);
        if (c) await tx.update(COLLECTIONS.subscriptionCredits, cid, { available: 0, updatedAt: now.toISOString() });
        await tx.update(COLLECTIONS.outbox, doc._id, {
          status: 'dropped',
          dropReason: 'no-subscription-left',
          errCode: failure.errCode,
          finishedAt: now.toISOString(),
          claimToken: null,
        });
        await audit(audited(doc, { status: 'dropped', reason: 'no-subscription-left', errCode: failure.errCode }));
        return 'dropped' as const;
      }
      await refund();
      if (failure.kind === 'transient' && attempts < MAX_ATTEMPTS) {
        const nextAttemptMs = nowMs + retryDelayMs(attempts);
        await tx.update(COLLECTIONS.outbox, doc._id, {
          status: 'queued',
          nextAttemptMs,
          errCode: failure.errCode,
          claimToken: null,
        });
        return 'retrying' as const;
      }
      await tx.update(COLLECTIONS.outbox, doc._id, {
        status: 'failed',
        errCode: failure.errCode,
        finishedAt: now.toISOString(),
        claimToken: null,
      });
      await audit(audited(doc, { status: 'failed', errCode: failure.errCode, attempts }));
      return 'failed' as const;
    });
    if (outcome === 'lost') return outcome;
    report[outcome]++;
    if (outcome === 'failed')
      runtime.log('error', 'subscribe message failed', {
        messageId: doc._id,
        errCode: failure?.errCode ?? null,
        attempts,
      });
    else if (outcome === 'retrying')
      runtime.log('warn', 'subscribe message: transient error, will retry', {
        messageId: doc._id,
        errCode: failure?.errCode ?? null,
        attempts,
      });
    return outcome;
  }
}
