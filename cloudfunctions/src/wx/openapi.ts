// The openapi port of a deployed function: `cloud.openapi.subscribeMessage.send` of wx-server-sdk (a cloud call:
// no access token; the function's config.json must grant `subscribeMessage.send`). Template ids come from the
// function's environment variables (docs/DEPLOY.md).
import type { OpenApiPort, SubscribeMessage } from '../core/runtime';
import { templateIdsFromEnv } from '../functions/reminders/openapi';

/** The part of wx-server-sdk's `cloud` this port uses. */
export interface CloudOpenApi {
  openapi?: {
    subscribeMessage?: { send(message: SubscribeMessage): Promise<{ errCode?: number; errMsg?: string } | undefined> };
  };
}

export function wxOpenApi(cloud: CloudOpenApi, env: NodeJS.ProcessEnv = process.env): OpenApiPort {
  return {
    kind: 'wechat',
    subscribeMessage: {
      templateIds: templateIdsFromEnv(env),
      async send(message) {
        const api = cloud.openapi?.subscribeMessage;
        // An old SDK or a function deployed without the permission: classified as permanent by the sender.
        if (!api) throw { errCode: -604101, errMsg: 'cloud.openapi.subscribeMessage unavailable' };
        // wx-server-sdk throws on failure ({ errCode, errMsg }); a resolved answer with a non-zero code is a failure too.
        const result = await api.send(message);
        if (result && typeof result.errCode === 'number' && result.errCode !== 0) throw result;
      },
    },
  };
}
