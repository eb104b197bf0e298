// The outbox: every reminder is first a document here, written in the same transaction as the change it reports.
// The sender (sender.ts; the reminders timer every 5 minutes) turns queued documents into WeChat subscribe messages
// (`cloud.openapi.subscribeMessage.send`); locally it logs them instead. `reminders.list` shows them with their state.
import { createHash } from 'node:crypto';
import { COLLECTIONS } from '../../core/collections';
import type { DocOps } from '../../storage/store';

/** Our templates, each mapped to a subscribe-message template id in the environment (docs/DEPLOY.md). */
export const TEMPLATES = {
  /** 办理时限提醒: matter, last day, note. */
  deadline: { keys: ['thing1', 'date2', 'thing3'] },
  /** 办理进度通知: matter, status, date, note. */
  status: { keys: ['thing1', 'phrase2', 'date3', 'thing4'] },
} as const;
export type TemplateName = keyof typeof TEMPLATES;

export interface OutboxDoc {
  _id: string;
  /** The person the message is about. */
  personId: string;
  /** Who receives it: the person's own openid, or the delegate who acted for a person without WeChat. */
  toOpenid: string;
  template: TemplateName;
  fields: Record<string, string>;
  /** Mini-program page the message opens. */
  page: string;
  /**
   * queued → sending (claimed by a sender run) → sent | dropped (no subscription) | failed (permanent error or
   * retries exhausted) | unconfirmed (the claiming run died; not sent again). A transient error puts it back to
   * queued with `nextAttemptMs`. See sender.ts.
   */
  status: 'queued' | 'sending' | 'sent' | 'dropped' | 'failed' | 'unconfirmed';
  attempts?: number;
  nextAttemptMs?: number;
  claimToken?: string | null;
  claimedMs?: number;
  sentAt?: string;
  finishedAt?: string;
  dropReason?: 'not-subscribed' | 'no-subscription-left';
  errCode?: number | null;
  createdAt: string;
  /** Sort key for "my reminders", newest first. */
  createdMs: number;
  [k: string]: unknown;
}

export class TemplateFieldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateFieldError';
  }
}

/**
 * WeChat's value rules per field type (subscribe-message docs): thing ≤ 20 characters, phrase ≤ 5 Chinese
 * characters, character_string ≤ 32 ASCII, date a date. A violation is a bug in our wording, so it throws
 * (and the transaction with it) rather than send a message WeChat would reject.
 */
export function checkFields(template: TemplateName, fields: Record<string, string>): void {
  const keys = TEMPLATES[template].keys as readonly string[];
  for (const k of Object.keys(fields)) if (!keys.includes(k)) throw new TemplateFieldError(`unknown field ${k}`);
  for (const k of keys) {
    const v = fields[k];
    if (v === undefined || v.length === 0) throw new TemplateFieldError(`missing field ${k}`);
    const n = Array.from(v).length;
    if (k.startsWith('thing') && n > 20) throw new TemplateFieldError(`${k} longer than 20 characters`);
    if (k.startsWith('phrase') && (n > 5 || !/^[\u4e00-\u9fa5]+$/.test(v)))
      throw new TemplateFieldError(`${k} must be ≤ 5 Chinese characters`);
    if (k.startsWith('character_string') && !/^[\x21-\x7e]{1,32}$/.test(v))
      throw new TemplateFieldError(`${k} must be ≤ 32 ASCII characters`);
    if (k.startsWith('date') && !/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/.test(v))
      throw new TemplateFieldError(`${k} must be a date`);
  }
}

export interface Reminder {
  personId: string;
  toOpenid: string;
  template: TemplateName;
  fields: Record<string, string>;
  page: string;
  /** Same key → one message only (a repeated sweep or retried call queues nothing new). */
  dedupeKey: string;
}

/** Queues a reminder inside the caller's transaction; returns false when the same one was queued before. */
export async function queueReminder(tx: DocOps, r: Reminder, now: Date): Promise<boolean> {
  checkFields(r.template, r.fields);
  const _id = `msg-${createHash('sha256').update(`${r.toOpenid}\u0000${r.dedupeKey}`).digest('hex').slice(0, 32)}`;
  if (await tx.get(COLLECTIONS.outbox, _id)) return false;
  const doc: OutboxDoc = {
    _id,
    personId: r.personId,
    toOpenid: r.toOpenid,
    template: r.template,
    fields: r.fields,
    page: r.page,
    status: 'queued',
    createdAt: now.toISOString(),
    createdMs: now.getTime(),
  };
  await tx.insert(COLLECTIONS.outbox, doc);
  return true;
}

/** Who gets a message about `person`: the person's own WeChat, else the delegate acting now. */
export function recipientOf(person: { openid: string | null }, actorOpenid: string): string {
  return person.openid ?? actorOpenid;
}
