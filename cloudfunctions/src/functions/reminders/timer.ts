// The daily timer trigger of the deployed `reminders` function (config.json written by scripts/build-cloud.mjs).
// A timer event has no caller, so it cannot go through invoke's caller check: it runs the sweep as the system, with
// the same transaction-plus-audit path as the admin action.
import { beijingDate } from '@hz-points/shared';
import { mutatorFor, type ActionContext } from '../../core/action';
import type { Runtime } from '../../core/runtime';
import type { CbCloud } from '../../storage/cloudbase-types';
import { createWxRuntime } from '../../wx/runtime';
import { sweep } from './index';

export const TIMER_ACTOR = 'system:timer';

export function timerContext(runtime: Runtime): ActionContext<Record<string, never>> {
  const now = runtime.now();
  return {
    functionName: 'reminders',
    actionName: 'sweep',
    input: {},
    openid: TIMER_ACTOR,
    runtime,
    now,
    today: beijingDate(now),
    account: null,
    person: null,
    mutate: mutatorFor(runtime, now, { openid: TIMER_ACTOR, personId: null }, 'reminders.sweep'),
  };
}

let runtime: Runtime | undefined;
export async function runTimer(cloud: CbCloud, create: (c: CbCloud) => Runtime = createWxRuntime) {
  runtime ??= create(cloud);
  try {
    const r = await sweep(timerContext(runtime));
    runtime.log('info', 'reminder sweep', r);
    return { ok: true as const, data: r };
  } catch (err) {
    runtime.log('error', 'reminder sweep failed', { errorName: err instanceof Error ? err.name : typeof err });
    return { ok: false as const, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } };
  }
}
