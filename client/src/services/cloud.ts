// weapp: cloud functions through WeChat cloud development. The H5 build resolves `./cloud` to cloud.h5.ts instead
// (Taro picks `*.h5.ts` for TARO_ENV=h5), because Taro's H5 `Taro.cloud` is a stub.
import Taro from '@tarojs/taro';
import { CLIENT_ERRORS, failure, isEnvelope, type Envelope } from './envelope';

export type { Envelope } from './envelope';

let initialised = false;

/** Called once from app.tsx at launch; callFunction calls it too, so the order never matters. */
export function initCloud(): void {
  if (initialised) return;
  Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV, traceUser: true });
  initialised = true;
}

/** Call a cloud function. Never throws: transport failures come back as `{ ok: false }` with a Chinese message. */
export async function callFunction<T = unknown>(name: string, data: Record<string, unknown>): Promise<Envelope<T>> {
  initCloud();
  let result: unknown;
  try {
    const res = await Taro.cloud.callFunction({ name, data });
    result = (res as { result?: unknown }).result;
  } catch {
    return failure(CLIENT_ERRORS.NETWORK);
  }
  return isEnvelope(result) ? (result as Envelope<T>) : failure(CLIENT_ERRORS.BAD_RESPONSE);
}
