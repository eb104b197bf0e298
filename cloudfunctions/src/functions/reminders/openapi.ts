// The subscribe-message side of WeChat's open API as the sender sees it: template ids per deployment, the stand-in
// used where there is no WeChat (local cloud, tests without a fake), and how a failed send is classified.
import type { OpenApiPort, Runtime, SubscribeMessage } from '../../core/runtime';
import { TEMPLATES, type TemplateName } from './outbox';

/** Environment variable holding each template's id (set on the `reminders` function; docs/DEPLOY.md). */
const TEMPLATE_ENV: Record<TemplateName, string> = {
  status: 'SUBSCRIBE_TEMPLATE_STATUS',
  deadline: 'SUBSCRIBE_TEMPLATE_DEADLINE',
};

export function templateIdsFromEnv(env: NodeJS.ProcessEnv): Record<TemplateName, string | null> {
  const out = {} as Record<TemplateName, string | null>;
  for (const name of Object.keys(TEMPLATES) as TemplateName[]) {
    const id = env[TEMPLATE_ENV[name]]?.trim();
    out[name] = id ? id : null;
  }
  return out;
}

/** Ids the local stand-in uses (never sent anywhere). */
const LOCAL_TEMPLATE_IDS: Record<TemplateName, string> = { status: 'local-status', deadline: 'local-deadline' };

/** Local cloud: a message is logged (template and page only; the recipient is personal data), never sent. */
function localOpenApi(log: Runtime['log']): OpenApiPort {
  return {
    kind: 'local',
    subscribeMessage: {
      templateIds: LOCAL_TEMPLATE_IDS,
      async send(message: SubscribeMessage) {
        log('info', 'subscribe message (local mode: logged, not sent)', {
          templateId: message.templateId,
          page: message.page,
        });
      },
    },
  };
}

export function openApiOf(runtime: Runtime): OpenApiPort {
  return runtime.openapi ?? localOpenApi(runtime.log);
}

/** WeChat's answer when the person has no one-time subscription left for the template (or cancelled it). */
const NO_SUBSCRIPTION_LEFT = 43101;

/**
 * Errors that no retry can fix: a bad openid (40003), template id (40037), field value (47003) or page (41030),
 * and a function without the openapi permission (48001, -604101). Everything else (-1 system busy, 45009/45011
 * quota, CloudBase's negative transport codes, a thrown network error without a code) is worth retrying.
 */
const PERMANENT = new Set([40003, 40037, 47003, 41030, 48001, -604101]);

export type SendFailure = { kind: 'no-subscription' | 'permanent' | 'transient'; errCode: number | null };

export function classifySendError(err: unknown): SendFailure {
  const raw = (err as { errCode?: unknown; errcode?: unknown } | null) ?? {};
  const code = typeof raw.errCode === 'number' ? raw.errCode : typeof raw.errcode === 'number' ? raw.errcode : null;
  if (code === NO_SUBSCRIPTION_LEFT) return { kind: 'no-subscription', errCode: code };
  if (code !== null && PERMANENT.has(code)) return { kind: 'permanent', errCode: code };
  return { kind: 'transient', errCode: code };
}
