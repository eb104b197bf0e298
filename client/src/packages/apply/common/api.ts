// Typed calls to the cloud functions used by the flow pages. Inputs are checked on the client with the same zod
// schemas the functions use (`ACTION_INPUTS`), so a form error is shown in Chinese before any network call; the
// server's envelope message is shown as is otherwise.
// Results are typed by the same contract the functions answer with (`ActionResults` in shared/src/api/results.ts).
import {
  ACTION_INPUTS,
  describeIssues,
  parseZh,
  type ActionInput,
  type ActionName,
  type FunctionName,
} from '@hz-points/shared';
import type { ActionResult, Envelope, ResultActionName, ResultFunctionName } from '@hz-points/shared';
import { callFunction } from '../../../services/cloud';

/** @deprecated The envelope is `Envelope` of the rules package; this alias stays for pages still importing it. */
export type Result<T> = Envelope<T>;

/** The declared result of `F.A` (shared `ActionResults`). */
export type DeclaredResult<F extends string, A extends string> = F extends ResultFunctionName
  ? A extends ResultActionName<F>
    ? ActionResult<F, A>
    : never
  : never;

/** No explicit result type given: the call answers the declared result of its action. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- a type-only brand: `typeof DECLARED` is its use
declare const DECLARED: unique symbol;
type Declared = typeof DECLARED;

/**
 * Calls `name.action` after validating the payload with the shared schema. Never throws. The result is the action's
 * declared result (`call('review', 'decide', …)`); an explicit first type argument is the older form, kept for pages
 * whose owners are rewriting them.
 */
export async function call<
  T = Declared,
  F extends FunctionName = FunctionName,
  A extends ActionName<F> = ActionName<F>,
>(
  name: F,
  action: A,
  payload: ActionInput<F, A>,
): Promise<Envelope<[T] extends [Declared] ? DeclaredResult<F, A> : T>> {
  type R = [T] extends [Declared] ? DeclaredResult<F, A> : T;
  const schema = (ACTION_INPUTS[name] as Record<string, unknown>)[action] as Parameters<typeof parseZh>[0];
  const parsed = parseZh(schema, payload);
  if (!parsed.success)
    return { ok: false, error: { code: 'VALIDATION_FAILED', message: describeIssues(parsed.error) } };
  try {
    const envelope = (await callFunction(name, { action, ...(payload as object) })) as Envelope<R> | undefined;
    if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
      return { ok: false, error: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } };
    }
    return envelope;
  } catch {
    return { ok: false, error: { code: 'SERVICE_UNAVAILABLE', message: '网络异常，请检查网络后重试' } };
  }
}

/** Sends without validating (callChecked validates first): the server validates again either way. */
async function callLoose<T>(name: string, action: string, payload: Record<string, unknown>): Promise<Envelope<T>> {
  try {
    const envelope = (await callFunction(name, { action, ...payload })) as Envelope<T> | undefined;
    if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
      return { ok: false, error: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } };
    }
    return envelope;
  } catch {
    return { ok: false, error: { code: 'SERVICE_UNAVAILABLE', message: '网络异常，请检查网络后重试' } };
  }
}

/** A request id for an idempotent submit: generated once per form, reused on retry (RequestIdSchema: 8–64 chars). */
export function newRequestId(): string {
  const random = Math.random().toString(36).slice(2, 12);
  return `req-${Date.now().toString(36)}-${random}`;
}

/**
 * For functions whose schemas live beside ACTION_INPUTS (certificates, rounds, settlement): validate with the
 * given shared schema, then send.
 */
export async function callChecked<F extends ResultFunctionName, A extends ResultActionName<F>>(
  schema: Parameters<typeof parseZh>[0],
  name: F,
  action: A,
  payload: Record<string, unknown>,
): Promise<Envelope<ActionResult<F, A>>> {
  const parsed = parseZh(schema, payload);
  if (!parsed.success)
    return { ok: false, error: { code: 'VALIDATION_FAILED', message: describeIssues(parsed.error) } };
  return callLoose<ActionResult<F, A>>(name, action, payload);
}
