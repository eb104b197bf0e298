// Typed calls to the cloud functions used by the flow pages. Inputs are checked on the client with the same zod
// schemas the functions use (`ACTION_INPUTS`), so a form error is shown in Chinese before any network call; the
// server's envelope message is shown as is otherwise.
import { ACTION_INPUTS, describeIssues, parseZh, type ActionInput, type ActionName, type FunctionName } from '@hz-points/shared';
import { callFunction } from '../../../services/cloud';

export type Result<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/** Calls `name.action` after validating the payload with the shared schema. Never throws. */
export async function call<T, F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  payload: ActionInput<F, A>,
): Promise<Result<T>> {
  const schema = (ACTION_INPUTS[name] as Record<string, unknown>)[action] as Parameters<typeof parseZh>[0];
  const parsed = parseZh(schema, payload);
  if (!parsed.success) return { ok: false, error: { code: 'VALIDATION_FAILED', message: describeIssues(parsed.error) } };
  try {
    const envelope = (await callFunction(name, { action, ...(payload as object) })) as Result<T> | undefined;
    if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
      return { ok: false, error: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } };
    }
    return envelope;
  } catch {
    return { ok: false, error: { code: 'SERVICE_UNAVAILABLE', message: '网络异常，请检查网络后重试' } };
  }
}

/** For functions whose schemas are not (yet) in ACTION_INPUTS: the server validates; we only send. */
export async function callLoose<T>(name: string, action: string, payload: Record<string, unknown>): Promise<Result<T>> {
  try {
    const envelope = (await callFunction(name as FunctionName, { action, ...payload })) as Result<T> | undefined;
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
export async function callChecked<T>(
  schema: Parameters<typeof parseZh>[0],
  name: string,
  action: string,
  payload: Record<string, unknown>,
): Promise<Result<T>> {
  const parsed = parseZh(schema, payload);
  if (!parsed.success) return { ok: false, error: { code: 'VALIDATION_FAILED', message: describeIssues(parsed.error) } };
  return callLoose<T>(name, action, payload);
}
