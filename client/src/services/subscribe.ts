// Asking a person whether WeChat may send them reminders (subscribe messages), on the taps where they expect it:
// submitting an application, filing an objection, applying to settle. WeChat grants one message per "accept" of a
// template, and shows its dialog only when asked from a tap: after an `await` (a network call) it refuses ("can only
// be invoked by user TAP gesture"). So a page calls `offer()` synchronously in its tap handler, before its own
// request, and the answer is recorded (`reminders.recordSubscription`) whenever the person has answered.
//
// The template ids belong to the deployment (the reminders function's environment); `useReminderOffer` fetches
// them when the page opens, so that the tap itself has nothing to wait for. A tap before they arrived is recorded
// as "not offered".
//
// Local mode (the H5 build, which exists only for the local cloud) has no WeChat dialog: there the answer is
// simulated as "accept" and recorded with source `simulated` (the cloud refuses that source in WeChat), so the whole
// path — record, send, the 消息 page — can be watched on a laptop.
import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import {
  RecordSubscriptionInput,
  SUBSCRIPTION_TAPS,
  type SubscribeTemplateName,
  type SubscriptionTap,
} from '@hz-points/shared';
import { callFunction } from './cloud';

/** reminders.templates' answer (shared/src/api/results.ts). */
export type { SubscribeTemplates } from '@hz-points/shared';
import type { SubscribeTemplates } from '@hz-points/shared';

type Outcome = 'accept' | 'reject' | 'ban' | 'filter' | 'failed' | 'not-offered';
export interface OfferResult {
  /** Whether WeChat's dialog was opened (false on H5 and when no template id is known). */
  asked: boolean;
  results: Array<{ template: SubscribeTemplateName; outcome: Outcome }>;
  recorded: boolean;
}

let cached: SubscribeTemplates | null = null;
let loading: Promise<SubscribeTemplates | null> | null = null;

/** The deployment's templates (fetched once per app session). */
export function loadSubscribeTemplates(): Promise<SubscribeTemplates | null> {
  if (cached) return Promise.resolve(cached);
  loading ??= callFunction<SubscribeTemplates>('reminders', { action: 'templates' }).then((res) => {
    loading = null;
    if (res.ok) cached = res.data;
    return cached;
  });
  return loading;
}

/** Tests: forget the fetched templates. */
export function resetSubscribeTemplates(): void {
  cached = null;
  loading = null;
}

function newTapId(): string {
  return `tap-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

async function record(
  tap: SubscriptionTap,
  source: 'wechat' | 'simulated',
  results: OfferResult['results'],
  asked: boolean,
): Promise<OfferResult> {
  const payload = { tap, source, results, requestId: newTapId() };
  // Our own payload: a failure here is a bug, not the person's input.
  if (!RecordSubscriptionInput.safeParse(payload).success) return { asked, results, recorded: false };
  const res = await callFunction('reminders', { action: 'recordSubscription', ...payload });
  return { asked, results, recorded: res.ok };
}

/**
 * Call synchronously inside the tap handler (before any `await`). Never throws and never blocks the tap's own work:
 * the returned promise settles when the person has answered and the answer is recorded.
 */
export function offerReminders(tap: SubscriptionTap): Promise<OfferResult> {
  const wanted: readonly SubscribeTemplateName[] = SUBSCRIPTION_TAPS[tap];
  if (process.env.TARO_ENV !== 'weapp') {
    return record(
      tap,
      'simulated',
      wanted.map((template) => ({ template, outcome: 'accept' as const })),
      false,
    ).catch(() => ({
      asked: false,
      results: [],
      recorded: false,
    }));
  }
  const ids = new Map<string, SubscribeTemplateName>();
  for (const t of cached?.templates ?? []) if (t.templateId && wanted.includes(t.name)) ids.set(t.templateId, t.name);
  if (ids.size === 0) {
    return record(
      tap,
      'wechat',
      wanted.map((template) => ({ template, outcome: 'not-offered' as const })),
      false,
    ).catch(() => ({ asked: false, results: [], recorded: false }));
  }
  let asking: Promise<Record<string, unknown>>;
  try {
    // At most 3 templates per request (WeChat's limit); a tap asks for 1 or 2.
    asking = Promise.resolve(
      Taro.requestSubscribeMessage({ tmplIds: [...ids.keys()].slice(0, 3) } as Parameters<
        typeof Taro.requestSubscribeMessage
      >[0]) as unknown as Promise<Record<string, unknown>>,
    );
  } catch {
    asking = Promise.reject(new Error('requestSubscribeMessage threw'));
  }
  return asking
    .then(
      (answer) =>
        wanted.map((template) => {
          const id = [...ids].find(([, name]) => name === template)?.[0];
          const value = id ? answer?.[id] : undefined;
          const outcome: Outcome = !id
            ? 'not-offered'
            : value === 'accept' || value === 'reject' || value === 'ban' || value === 'filter'
              ? value
              : 'failed';
          return { template, outcome };
        }),
      () =>
        wanted.map((template) => ({
          template,
          outcome: (ids.size && [...ids.values()].includes(template) ? 'failed' : 'not-offered') as Outcome,
        })),
    )
    .then((results) => record(tap, 'wechat', results, true))
    .catch(() => ({ asked: true, results: [], recorded: false }));
}

/** For a page with a tap that should offer reminders: fetches the template ids on open; call the result in the tap. */
export function useReminderOffer(tap: SubscriptionTap): () => Promise<OfferResult> {
  useEffect(() => {
    // Only WeChat's dialog needs the ids (local mode simulates the answer without them).
    if (process.env.TARO_ENV === 'weapp') void loadSubscribeTemplates();
  }, []);
  return () => offerReminders(tap);
}
