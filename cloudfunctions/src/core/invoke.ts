// The one entry point of every cloud function (WeChat entry files and the local cloud both call it).
// Order (docs/CONTRACTS.md): validate → caller → authorise → run (load, rules, one transaction) → envelope.
import { beijingDate, describeIssues, zhErrorMap } from '@hz-points/shared';
import { StoreError } from '../storage/store';
import { REGISTRY } from '../functions/registry';
import { AppError, errorEnvelope } from './errors';
import { calendarUnknownError, ensureCalendarYears, storedDateError } from './calendar-years';
import { authorise } from './access';
import { mutatorFor, type ActionContext, type ActionDef, type FunctionDef } from './action';
import { COLLECTIONS } from './collections';
import type { AccountDoc, PersonDoc } from './model';
import type { Caller, Envelope, Runtime } from './runtime';

/** Keys the platform adds to a callFunction event (wx-server-sdk puts `userInfo` there); never trusted, dropped. */
const PLATFORM_KEYS = new Set(['userInfo']);

/** Time budget of one call (the platform's limit is higher; handlers are designed to finish well under it). */
const TIME_BUDGET_MS = 3000;

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export async function invoke(
  functionName: string,
  event: unknown,
  caller: Caller,
  runtime: Runtime,
  registry: Record<string, FunctionDef> = REGISTRY,
): Promise<Envelope> {
  const startedAt = Date.now();
  let actionKey = `${String(functionName)
    .replace(/[^A-Za-z0-9_-]/g, '?')
    .slice(0, 40)}.?`;
  try {
    const fn = Object.prototype.hasOwnProperty.call(registry, functionName) ? registry[functionName] : undefined;
    if (!fn) throw new AppError('UNKNOWN_FUNCTION');
    if (!isPlainObject(event)) throw new AppError('VALIDATION_FAILED', '请求格式不正确');
    const { action, ...rest } = event;
    if (typeof action !== 'string' || !Object.prototype.hasOwnProperty.call(fn.actions, action)) {
      throw new AppError('UNKNOWN_ACTION');
    }
    actionKey = `${fn.name}.${action}`;
    const def: ActionDef = fn.actions[action]!;
    for (const k of PLATFORM_KEYS) delete rest[k];

    const parsed = def.input.safeParse(rest, { error: zhErrorMap });
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', describeIssues(parsed.error));

    const openid = caller.openid;
    if (typeof openid !== 'string' || openid.length === 0 || openid.length > 128) {
      throw new AppError('UNAUTHENTICATED');
    }

    const account = await runtime.store.get<AccountDoc>(COLLECTIONS.accounts, openid);
    const person = account?.personId ? await runtime.store.get<PersonDoc>(COLLECTIONS.persons, account.personId) : null;
    authorise(def.access, account, person);
    await ensureCalendarYears(runtime.store, runtime.log, runtime.now().getTime()); // registered later years (cached; see calendar-years.ts)

    const now = runtime.now();
    const ctx: ActionContext<unknown> = {
      functionName: fn.name,
      actionName: action,
      input: parsed.data,
      openid,
      runtime,
      now,
      today: beijingDate(now),
      account,
      person,
      mutate: mutatorFor(runtime, now, { openid, personId: person?._id ?? null }, actionKey),
    };
    const data = await def.run(ctx);
    const elapsed = Date.now() - startedAt;
    // WeChat functions should answer well under 5 s: a slow action is logged (name and time only).
    if (elapsed > TIME_BUDGET_MS)
      runtime.log('warn', 'action over time budget', { action: actionKey, elapsedMs: elapsed });
    return { ok: true, data };
  } catch (err) {
    return toEnvelope(err, actionKey, runtime);
  }
}

/** Maps anything thrown to an envelope. Only AppErrors reach the user as they are; the rest is logged. */
function toEnvelope(err: unknown, actionKey: string, runtime: Runtime): Envelope<never> {
  if (err instanceof AppError) return errorEnvelope(err);
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'CALENDAR_UNKNOWN') return errorEnvelope(calendarUnknownError(err));
  const dateError = storedDateError(err, actionKey, runtime.log);
  if (dateError) return errorEnvelope(dateError);
  if (err instanceof StoreError) {
    if (err.code === 'CONFLICT' || err.code === 'DUPLICATE') return errorEnvelope(new AppError('CONFLICT'));
    if (err.code === 'UNAVAILABLE') {
      runtime.log('error', 'store unavailable', { action: actionKey, kind: err.code });
      return errorEnvelope(new AppError('SERVICE_UNAVAILABLE'));
    }
  }
  // A bug. The log names the action and the error class only: messages may quote personal data.
  runtime.log('error', 'unexpected exception in action', {
    action: actionKey,
    errorName: err instanceof Error ? err.name : typeof err,
    stack: err instanceof Error ? (err.stack ?? '').split('\n').slice(1, 6).join(' | ') : undefined,
  });
  return errorEnvelope(new AppError('INTERNAL'));
}
