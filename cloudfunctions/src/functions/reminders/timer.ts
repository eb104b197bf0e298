// The timer trigger of the deployed `reminders` function (config.json written by scripts/build-cloud.mjs). WeChat
// allows one timer trigger per function, so one trigger every 5 minutes does both jobs: it sends what is due
// (sender.ts) on every run, and runs the deadline sweep once a day, on the first run from 09:00 Beijing time.
// A timer event has no caller, so it cannot go through invoke's caller check: it runs as the system, with the same
// transaction-plus-audit path as the admin actions.
import { beijingDate, beijingHour, type SendReport } from '@hz-points/shared';
import { COLLECTIONS } from '../../core/collections';
import { mutatorFor, type ActionContext } from '../../core/action';
import { AppError, errorEnvelope } from '../../core/errors';
import type { Runtime } from '../../core/runtime';
import type { CbCloud } from '../../storage/cloudbase-types';
import { createWxRuntime } from '../../wx/runtime';
import { continueRunningPublications, type TimerPublicationStep } from '../rounds/publish-job';
import { sweep } from './index';
import { sendDue } from './sender';
import { sweepFiles, type FileSweepReport } from '../files-sweep';

export const TIMER_ACTOR = 'system:timer';
/** The sweep's hour (Beijing): reminders arrive in the morning, not at midnight. */
export const SWEEP_HOUR = 9;
/** `_id` = 'daily-sweep': the Beijing date of the last completed sweep. */
const SWEEP_STATE_ID = 'daily-sweep';

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

/**
 * The daily sweep, when due: from SWEEP_HOUR on, once per Beijing date (a run that fails is retried by the next
 * timer run). Two runs at once may both sweep: harmless, the sweep queues each reminder once (dedupe keys).
 */
async function sweepIfDue(runtime: Runtime): Promise<{ queued: number; considered: number } | null> {
  const ctx = timerContext(runtime);
  if (beijingHour(ctx.now) < SWEEP_HOUR) return null;
  const state = await runtime.store.get<{ _id: string; lastOn: string }>(COLLECTIONS.reminderRuns, SWEEP_STATE_ID);
  if (state && state.lastOn >= ctx.today) return null;
  const result = await sweep(ctx);
  await runtime.store.transaction((tx) => tx.set(COLLECTIONS.reminderRuns, { _id: SWEEP_STATE_ID, lastOn: ctx.today }));
  return result;
}

let runtime: Runtime | undefined;
export async function runTimer(
  cloud: CbCloud,
  create: (c: CbCloud) => Runtime = createWxRuntime,
  env: NodeJS.ProcessEnv = process.env,
) {
  runtime ??= create(cloud);
  const rt = runtime;
  const data: {
    sweep: { queued: number; considered: number } | null;
    send: SendReport | null;
    files?: FileSweepReport | null;
    publication?: TimerPublicationStep[];
  } = { sweep: null, send: null };
  let failed = false;
  // The two jobs fail independently: a broken sweep must not stop messages, nor the reverse.
  try {
    data.sweep = await sweepIfDue(rt);
  } catch (err) {
    failed = true;
    rt.log('error', 'reminder sweep failed', { errorName: err instanceof Error ? err.name : typeof err });
  }
  try {
    const state = env.WX_MINIPROGRAM_STATE;
    data.send = await sendDue(rt, {
      actor: { openid: TIMER_ACTOR, personId: null },
      miniprogramState: state === 'developer' || state === 'trial' ? state : 'formal',
    });
  } catch (err) {
    failed = true;
    rt.log('error', 'reminder sender failed', { errorName: err instanceof Error ? err.name : typeof err });
  }
  // The file sweep (functions/files-sweep.ts) rides on the same trigger, failing on its own like the two above.
  try {
    data.files = await sweepFiles(rt, { actor: { openid: TIMER_ACTOR, personId: null } });
  } catch (err) {
    failed = true;
    data.files = null;
    rt.log('error', 'file sweep failed', { errorName: err instanceof Error ? err.name : typeof err });
  }
  // Also continues a round's publication job left running (an administrator who closed the page): the timer is
  // the function's only trigger, and the job is safe to continue from any invocation. Reported only when one ran.
  try {
    const steps = await continueRunningPublications(rt, TIMER_ACTOR);
    if (steps.length > 0) data.publication = steps;
  } catch (err) {
    failed = true;
    rt.log('error', 'publication continuation failed', { errorName: err instanceof Error ? err.name : typeof err });
  }
  rt.log('info', 'reminder timer', data);
  if (failed) return { ...errorEnvelope(new AppError('INTERNAL')), data };
  return { ok: true as const, data };
}

/** Tests: forget the runtime built by an earlier runTimer call. */
export function resetTimerRuntime(): void {
  runtime = undefined;
}
