// A small stand-in for @tarojs/taro in jsdom: only what our code calls, backed by memory, with a `__reset` so
// each test starts clean. Navigation calls are recorded so tests can assert where a tap leads.
const storage = new Map<string, unknown>();
export const navigations: { kind: string; url: string }[] = [];
const cloudCalls: { name: string; data: unknown }[] = [];
let cloudHandler: (name: string, data: unknown) => unknown = () => ({
  ok: false,
  error: { code: 'UNMOCKED', message: '未模拟' },
});
let appBaseInfo: Record<string, unknown> = {};
/** The current page's query (`?applicationId=…`), as useRouter() / getCurrentInstance() report it. */
let routerParams: Record<string, string> = {};

const Taro = {
  getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
  navigateTo: async ({ url }: { url: string }) => void navigations.push({ kind: 'navigateTo', url }),
  redirectTo: async ({ url }: { url: string }) => void navigations.push({ kind: 'redirectTo', url }),
  reLaunch: async ({ url }: { url: string }) => void navigations.push({ kind: 'reLaunch', url }),
  navigateBack: async () => void navigations.push({ kind: 'navigateBack', url: '' }),
  setNavigationBarTitle: async () => undefined,
  showToast: async () => undefined,
  getAppBaseInfo: () => appBaseInfo,
  getEnv: () => 'WEB',
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  cloud: {
    init: () => undefined,
    callFunction: async ({ name, data }: { name: string; data: unknown }) => {
      cloudCalls.push({ name, data });
      return { result: await cloudHandler(name, data) };
    },
  },
  // nutui imports these; harmless defaults in jsdom.
  getSystemInfoSync: () => ({ windowWidth: 375, windowHeight: 812, pixelRatio: 2, platform: 'devtools' }),
  getWindowInfo: () => ({ windowWidth: 375, windowHeight: 812, pixelRatio: 2 }),
  createSelectorQuery: () => ({
    select: () => ({
      boundingClientRect: () => ({
        exec: (cb?: (r: unknown[]) => void) => cb?.([{ width: 0, height: 0, top: 0, left: 0 }]),
      }),
    }),
    selectAll: () => ({ boundingClientRect: () => ({ exec: (cb?: (r: unknown[]) => void) => cb?.([[]]) }) }),
    in: function () {
      return this;
    },
  }),
  nextTick: (fn: () => void) => setTimeout(fn, 0),
  pageScrollTo: () => undefined,
  getCurrentInstance: () => ({ router: { params: routerParams }, page: {} }),
  getCurrentPages: () => [],
  pxTransform: (n: number) => `${n / 2}px`,
};

export function __reset(): void {
  storage.clear();
  navigations.length = 0;
  cloudCalls.length = 0;
  appBaseInfo = {};
  routerParams = {};
  cloudHandler = () => ({ ok: false, error: { code: 'UNMOCKED', message: '未模拟' } });
}
export function __setCloudHandler(fn: (name: string, data: unknown) => unknown): void {
  cloudHandler = fn;
}
export function __cloudCalls() {
  return cloudCalls;
}
/** Opens the page under test with this query, e.g. `{ applicationId: 'app-1' }`. */
export function __setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}
export function __setAppBaseInfo(info: Record<string, unknown>): void {
  appBaseInfo = info;
}

const noopHook = () => undefined;
export const useLaunch = noopHook;
export const useDidShow = noopHook;
export const useDidHide = noopHook;
export const useReady = (fn: () => void) => fn;
export const useLoad = noopHook;
export const useUnload = noopHook;
export const usePageScroll = noopHook;
export const useRouter = () => ({ params: routerParams, path: '' });
export const useShareAppMessage = noopHook;
export const getEnv = Taro.getEnv;
export const ENV_TYPE = Taro.ENV_TYPE;
export const getSystemInfoSync = Taro.getSystemInfoSync;
export const getWindowInfo = Taro.getWindowInfo;
export const createSelectorQuery = Taro.createSelectorQuery;
export const nextTick = Taro.nextTick;
export const pageScrollTo = Taro.pageScrollTo;
export const getCurrentInstance = Taro.getCurrentInstance;
export const pxTransform = Taro.pxTransform;
export const navigateTo = Taro.navigateTo;
export const redirectTo = Taro.redirectTo;
export const navigateBack = Taro.navigateBack;
export const reLaunch = Taro.reLaunch;
export const showToast = Taro.showToast;
export class Events {
  private handlers = new Map<string, Set<(...a: unknown[]) => void>>();
  on(n: string, f: (...a: unknown[]) => void) {
    (this.handlers.get(n) ?? this.handlers.set(n, new Set()).get(n)!).add(f);
    return this;
  }
  off(n: string, f?: (...a: unknown[]) => void) {
    if (f) this.handlers.get(n)?.delete(f);
    else this.handlers.delete(n);
    return this;
  }
  trigger(n: string, ...a: unknown[]) {
    this.handlers.get(n)?.forEach((f) => f(...a));
    return this;
  }
}
export const eventCenter = new Events();

export default Taro;
