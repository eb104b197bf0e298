import type { Envelope, Runtime } from '../core/runtime';
import type { CbCloud } from '../storage/cloudbase-types';
import { invoke } from '../core/invoke';
import { createWxRuntime, wxCaller } from './runtime';

/**
 * Body of a deployed function's `exports.main`. The generated entry file is two lines plus the require:
 *
 *   const cloud = require('wx-server-sdk'); cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
 *   exports.main = require('./bundle').makeMain('applications', cloud);
 *
 * The runtime is built once per container (warm invocations reuse it); the caller is read per invocation.
 */
export function makeMain(
  functionName: string,
  cloud: CbCloud,
  deps: { invoke?: typeof invoke; createRuntime?: (cloud: CbCloud) => Runtime } = {},
): (event: unknown, context: unknown) => Promise<Envelope> {
  const run = deps.invoke ?? invoke;
  let runtime: Runtime | undefined;
  return async (event) => {
    try {
      runtime ??= (deps.createRuntime ?? createWxRuntime)(cloud);
      return await run(functionName, event, wxCaller(cloud), runtime);
    } catch (err) {
      // invoke() already turns every failure into an envelope; this only catches a broken runtime build.
      console.log(
        JSON.stringify({
          level: 'error',
          msg: 'entry failure',
          fn: functionName,
          errorName: err instanceof Error ? err.name : typeof err,
        }),
      );
      return { ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } };
    }
  };
}
