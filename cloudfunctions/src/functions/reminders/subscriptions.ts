// What a person agreed to receive. WeChat's one-time subscriptions allow one message per "accept" of a template,
// and the sender may only spend what was granted: each accept recorded here adds one credit for (openid, template
// id); the sender consumes one per message (sender.ts).
//
// The subscriber is the WeChat user who tapped, whoever the tap acted for: WeChat grants the subscription to that
// openid, and messages go to `toOpenid` (the person's own WeChat, or the delegate acting for a person without one,
// outbox.ts recipientOf). An agent's tap therefore adds credits to the agent's openid, never to the employee's.
//
// The client reports what WeChat answered; it cannot be verified here. A forged "accept" only makes the sender try:
// WeChat then answers 43101 and the message is dropped (and the credit zeroed), so nobody gets a message they did
// not agree to.
import { createHash } from 'node:crypto';
import { RecordSubscriptionInput, SUBSCRIPTION_TAPS, SubscriptionTemplatesInput } from '@hz-points/shared';
import { COLLECTIONS } from '../../core/collections';
import { defineAction } from '../../core/action';
import { AppError } from '../../core/errors';
import type { DocOps } from '../../storage/store';
import { openApiOf } from './openapi';
import { TEMPLATES, type TemplateName } from './outbox';

/** Shown to staff and in docs/DEPLOY.md: the template to pick in the WeChat console and its fields. */
const TEMPLATE_INFO: Record<TemplateName, { title: string; fields: Record<string, string> }> = {
  status: {
    title: '办理进度通知',
    fields: { thing1: '办理事项', phrase2: '办理状态', date3: '办理日期', thing4: '备注' },
  },
  deadline: { title: '办理时限提醒', fields: { thing1: '办理事项', date2: '截止日期', thing3: '温馨提示' } },
};

export interface CreditDoc {
  _id: string;
  openid: string;
  template: TemplateName;
  templateId: string;
  /** Accepts not yet spent on a message. */
  available: number;
  accepted: number;
  used: number;
  updatedAt: string;
  [k: string]: unknown;
}

export interface SubscriptionDoc {
  _id: string;
  openid: string;
  /** The tapping person (not whom they acted for: the subscription is theirs). */
  personId: string;
  tap: keyof typeof SUBSCRIPTION_TAPS;
  source: 'wechat' | 'simulated';
  results: Array<{ template: TemplateName; outcome: string; templateId: string | null; credited: boolean }>;
  at: string;
  [k: string]: unknown;
}

const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
export const creditId = (openid: string, templateId: string) => `cr-${hash(openid, templateId)}`;

/** Adds one credit (inside the caller's transaction). */
async function addCredit(
  tx: DocOps,
  openid: string,
  template: TemplateName,
  templateId: string,
  now: Date,
): Promise<number> {
  const _id = creditId(openid, templateId);
  const c = await tx.get<CreditDoc>(COLLECTIONS.subscriptionCredits, _id);
  if (!c) {
    await tx.insert<CreditDoc>(COLLECTIONS.subscriptionCredits, {
      _id,
      openid,
      template,
      templateId,
      available: 1,
      accepted: 1,
      used: 0,
      updatedAt: now.toISOString(),
    });
    return 1;
  }
  await tx.update(COLLECTIONS.subscriptionCredits, _id, {
    available: c.available + 1,
    accepted: c.accepted + 1,
    updatedAt: now.toISOString(),
  });
  return c.available + 1;
}

/** Unspent accepts of `openid` per template (0 where none). */
export async function creditsOf(
  ops: Pick<DocOps, 'get'>,
  openid: string,
  ids: Readonly<Record<string, string | null>>,
): Promise<Record<TemplateName, number>> {
  const out = {} as Record<TemplateName, number>;
  for (const name of Object.keys(TEMPLATES) as TemplateName[]) {
    const id = ids[name];
    out[name] = id
      ? ((await ops.get<CreditDoc>(COLLECTIONS.subscriptionCredits, creditId(openid, id)))?.available ?? 0)
      : 0;
  }
  return out;
}

function view(d: SubscriptionDoc) {
  return {
    id: d._id,
    tap: d.tap,
    source: d.source,
    results: d.results.map(({ template, outcome, credited }) => ({ template, outcome, credited })),
    at: d.at,
  };
}

export const recordSubscription = defineAction({
  input: RecordSubscriptionInput,
  access: 'registered',
  mutates: true,
  async run(ctx) {
    const port = openApiOf(ctx.runtime);
    const { tap, source, results, requestId } = ctx.input;
    // In WeChat only WeChat's own answer counts; local mode has no dialog to answer.
    if (source === 'simulated' && port.kind !== 'local') throw new AppError('FORBIDDEN', '仅本地模式可模拟订阅');
    const asked: readonly string[] = SUBSCRIPTION_TAPS[tap];
    const stray = results.find((r) => !asked.includes(r.template));
    if (stray) throw new AppError('VALIDATION_FAILED', `该操作不订阅“${TEMPLATE_INFO[stray.template].title}”`);
    const _id = `sub-${hash(ctx.openid, requestId)}`;
    const ids = port.subscribeMessage.templateIds;
    return ctx.mutate(async (tx, audit) => {
      const prior = await tx.get<SubscriptionDoc>(COLLECTIONS.subscriptions, _id);
      if (prior) return { subscription: view(prior), repeated: true };
      const recorded: SubscriptionDoc['results'] = [];
      for (const r of results) {
        const templateId = ids[r.template] ?? null;
        const credited = r.outcome === 'accept' && templateId !== null;
        if (credited) await addCredit(tx, ctx.openid, r.template, templateId, ctx.now);
        recorded.push({ template: r.template, outcome: r.outcome, templateId, credited });
      }
      const doc: SubscriptionDoc = {
        _id,
        openid: ctx.openid,
        personId: ctx.person!._id,
        tap,
        source,
        results: recorded,
        at: ctx.now.toISOString(),
      };
      await tx.insert(COLLECTIONS.subscriptions, doc);
      await audit({
        target: { collection: COLLECTIONS.subscriptions, id: _id },
        details: { tap, source, outcomes: Object.fromEntries(recorded.map((r) => [r.template, r.outcome])) },
      });
      return { subscription: view(doc), repeated: false };
    });
  },
});

/** The templates of this deployment (ids are not secret: WeChat shows them to every client that asks). */
export const templates = defineAction({
  input: SubscriptionTemplatesInput,
  access: 'caller',
  mutates: false,
  async run(ctx) {
    const port = openApiOf(ctx.runtime);
    const ids = port.subscribeMessage.templateIds;
    return {
      mode: port.kind,
      taps: SUBSCRIPTION_TAPS,
      templates: (Object.keys(TEMPLATES) as TemplateName[]).map((name) => ({
        name,
        title: TEMPLATE_INFO[name].title,
        templateId: ids[name] ?? null,
      })),
    };
  },
});
