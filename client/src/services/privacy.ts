// WeChat's privacy authorisation (since 2023): with `__usePrivacyCheck__` in app.json, WeChat asks the mini-program
// to show its own pop-up before the first call that collects personal information, through
// `wx.onNeedPrivacyAuthorization(resolve)`; the pop-up's agree button (open-type="agreePrivacyAuthorization") or
// `resolve({ event: 'disagree' })` answers it. `requirePrivacyAuthorization()` is how our code asks before collecting
// (registration): WeChat calls the listener only if the user has not agreed yet.
//
// The pop-up (packages/account/register/PrivacyPopup) renders from `privacyRequest`. Where WeChat's API is missing
// (H5, component tests, an old base library) our own pop-up is shown directly, so the flow is the same everywhere.
import Taro from '@tarojs/taro';
import { createStore } from '../lib/store';

type PrivacyAnswer = { event: 'agree'; buttonId: string } | { event: 'disagree' };

/** The open question, if any: the pop-up shows while this is set and answers through `answer`. */
export interface PrivacyRequest {
  /** What WeChat says triggered it (e.g. 'requirePrivacyAuthorize'), for the pop-up's wording. */
  referrer: string;
  answer(answer: PrivacyAnswer): void;
}

export const privacyRequest = createStore<PrivacyRequest | null>(null);

/** The agree button's id, as WeChat's resolve() must name it. */
export const PRIVACY_AGREE_BUTTON_ID = 'hz-privacy-agree';

type WeChatPrivacyApi = {
  onNeedPrivacyAuthorization?: (
    listener: (resolve: (r: PrivacyAnswer) => void, info: { referrer?: string }) => void,
  ) => void;
  requirePrivacyAuthorize?: (options: { success?: () => void; fail?: (e: { errMsg?: string }) => void }) => void;
};

const wechat = Taro as unknown as WeChatPrivacyApi;
let installed = false;

/** At launch (app.tsx): route WeChat's request to our pop-up. */
export function installPrivacyAuthorization(): void {
  if (installed || typeof wechat.onNeedPrivacyAuthorization !== 'function') return;
  installed = true;
  wechat.onNeedPrivacyAuthorization((resolve, info) => {
    privacyRequest.set({
      referrer: info?.referrer ?? '',
      answer: (a) => {
        privacyRequest.set(null);
        resolve(a);
      },
    });
  });
}

/** Shows our pop-up without WeChat (H5, tests, old base libraries): agree → true. */
function askOurselves(): Promise<boolean> {
  return new Promise((resolve) => {
    privacyRequest.set({
      referrer: 'registration',
      answer: (a) => {
        privacyRequest.set(null);
        resolve(a.event === 'agree');
      },
    });
  });
}

/** Before collecting personal information: true once the user has agreed (now or earlier), false if they refused. */
export function requirePrivacyAuthorization(): Promise<boolean> {
  if (typeof wechat.requirePrivacyAuthorize !== 'function' || typeof wechat.onNeedPrivacyAuthorization !== 'function')
    return askOurselves();
  installPrivacyAuthorization();
  return new Promise((resolve) => {
    wechat.requirePrivacyAuthorize!({ success: () => resolve(true), fail: () => resolve(false) });
  });
}
