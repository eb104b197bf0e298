/**
 * A WeChat-shaped logic layer for the COMPILED mini-program (client/dist/weapp), rendered by miniprogram-simulate
 * with WeChat's official wxml compiler.
 *
 * WeChat runs a mini-program's scripts in a JavaScript engine that is not a browser and forbids code generation.
 * Node (where jest runs) has a working `Function`, `eval`, a jsdom `document`, `fetch`, `TextEncoder`… so loading the
 * build with jest's own `require` (as home.smoke.test.ts does) cannot show what WeChat would do. Here every built
 * script runs in its own V8 realm (node:vm) whose globals are WeChat's:
 * - code generation off (`eval` and the real `Function` throw EvalError), and `Function` itself either
 *   - `returns-nothing`: a stand-in that returns nothing when called, as reported for WeChat (NervJS/taro#10258), so a
 *     library's `try { new Function('') }` probe passes and its later use crashes, or
 *   - `throws`: a stand-in that throws;
 * - none of fetch, XMLHttpRequest, atob, btoa, Blob, FileReader, localStorage, TextEncoder, document, window;
 * - `wx` (a fake answering Taro's probes, with storage, navigation capture and `wx.cloud.callFunction` handed to the
 *   caller), `App`, `Page`, `Component`, `getApp`, `getCurrentPages`, `requirePlugin`;
 * - `Date` fixed at the given instant (tests never read the wall clock).
 * The simulator's renderer (j-component in jsdom) stays in the host realm: it is WeChat's view layer, not the logic
 * layer. Pages are registered with simulate by wrapping Taro's `Page(config)` as a component over the page's wxml.
 */
import { readFileSync, existsSync } from 'fs';
import path from 'path';
import vm from 'vm';

type Cb = (res?: unknown) => void;
interface Opts {
  success?: Cb;
  fail?: Cb;
  complete?: Cb;
  [k: string]: unknown;
}

export type FunctionMode = 'returns-nothing' | 'throws';

export interface CloudCall {
  name: string;
  data: Record<string, unknown>;
  openid: string;
  /** Size of the payload as WeChat would send it (JSON, bytes): WeChat caps a callFunction near 100 KB. */
  payloadBytes: number;
}

/** A file on the phone that wx.chooseMedia / wx.chooseMessageFile hands the app (a temp path and real bytes). */
export interface PickableFile {
  /** e.g. `wxfile://tmp/photo.png` — the app reads the kind from the extension. */
  path: string;
  bytes: Buffer;
  /** chooseMessageFile's file name (the chat's name for it). */
  name?: string;
}

/** One wx.cloud.uploadFile the app made: where to, and the bytes that went. */
export interface CloudUpload {
  cloudPath: string;
  filePath: string;
  bytes: number;
  fileID: string;
  openid: string;
}

export interface LogicLayerOptions {
  dist: string;
  functionMode: FunctionMode;
  /** The instant the realm's `Date` reports (ISO). */
  now: string;
  /** wx.cloud.callFunction: answer `{ result }` as WeChat does; `openid` is who is using the phone. */
  callFunction(call: CloudCall): Promise<unknown>;
  /**
   * wx.cloud.uploadFile: put the bytes at `cloudPath` in the cloud's file storage as production storage would and
   * answer the fileID. Without it, uploads fail as they would offline.
   */
  uploadFile?(upload: { cloudPath: string; bytes: Buffer; openid: string }): Promise<{ fileID: string }>;
  /** wx.downloadFile: the bytes behind a URL the cloud lent (a temporary link), or null (HTTP 404). */
  downloadFile?(url: string): Promise<Buffer | null>;
}

export interface RenderedPage {
  route: string;
  /** The j-component instance (its `dom` is the rendered page). */
  comp: any;
  /** The Taro page instance (data, methods). */
  page: any;
  text(): string;
}

const BROWSER_GLOBALS = [
  'fetch',
  'XMLHttpRequest',
  'atob',
  'btoa',
  'Blob',
  'FileReader',
  'localStorage',
  'TextEncoder',
  'TextDecoder',
  'document',
  'window',
  'navigator',
];

export class LogicLayer {
  readonly context: vm.Context;
  readonly storage = new Map<string, unknown>();
  readonly calls: CloudCall[] = [];
  readonly navigations: string[] = [];
  readonly modals: Opts[] = [];
  readonly toasts: string[] = [];
  /** What the realm logged with console.error. */
  readonly errors: unknown[] = [];
  /** Files the app wrote (wx.getFileSystemManager().writeFile) and offered to send (wx.shareFileMessage). */
  readonly files = new Map<string, string>();
  readonly sharedFiles: string[] = [];
  /** The phone's temp/user files as bytes: picked files, downloads, files written with base64 encoding. */
  readonly tempFiles = new Map<string, Buffer>();
  /** What the next wx.chooseMedia / wx.chooseMessageFile returns (an empty list: the user cancels). */
  pickable: PickableFile[] = [];
  readonly uploads: CloudUpload[] = [];
  /** Progress events the app's UploadTask listeners received (percent). */
  readonly uploadProgress: number[] = [];
  /** Documents the app opened with wx.openDocument, and images it previewed. */
  readonly openedDocuments: { filePath: string; fileType?: string }[] = [];
  readonly previewedImages: string[] = [];
  readonly downloads: string[] = [];
  /** WeChat's privacy state: whether the user agreed, the app's listener, and how each request was answered. */
  readonly privacy = {
    agreed: false,
    listener: null as null | ((resolve: (r: any) => void, info: unknown) => void),
    answers: [] as unknown[],
  };
  /** Answer to the next wx.showModal (confirm or cancel). */
  modalAnswer: 'confirm' | 'cancel' = 'confirm';
  openid = 'demo-applicant';
  private appConfig: Record<string, any> | undefined;
  private readonly pages: any[] = [];
  private readonly modules = new Map<string, { exports: unknown }>();
  private currentRoute = '';
  private currentQuery: Record<string, string> = {};
  private readonly simulate: any;

  constructor(private readonly options: LogicLayerOptions) {
    this.simulate = require('miniprogram-simulate');
    // simulate runs a page's script with Node's require; run it in the WeChat-shaped realm instead.
    const utils = require('miniprogram-simulate/src/utils');
    utils.runJs = (file: string) => this.runScript(`${file}.js`, { fresh: true });

    const sandbox: Record<string, unknown> = {
      // What the app logs as an error (React's error reports, Taro's failures) is a test failure.
      console: {
        ...console,
        error: (...args: unknown[]) => void this.errors.push(args.map(String).join(' ').slice(0, 500)),
      },
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
      wx: this.createWx(),
      App: (cfg: Record<string, any>) => {
        this.appConfig = cfg;
      },
      getApp: () => this.appConfig,
      getCurrentPages: () => this.pages.slice(),
      requirePlugin: () => ({}),
      Page: (cfg: Record<string, any>) => this.registerPage(cfg),
      Component: (cfg: Record<string, any>) => (global as any).Component(withJsonSetData(cfg)),
      Behavior: (cfg: Record<string, any>) => (global as any).Behavior(cfg),
    };
    this.context = vm.createContext(sandbox, {
      name: 'wechat-logic-layer',
      codeGeneration: { strings: false, wasm: false },
    });
    vm.runInContext(realmPrelude(options.functionMode, Date.parse(options.now)), this.context, {
      filename: 'wechat-prelude.js',
    });
  }

  /** Whether a name is visible as a global inside the realm. */
  hasGlobal(name: string): boolean {
    return vm.runInContext(`typeof ${name} !== 'undefined'`, this.context) as boolean;
  }

  /** Evaluate an expression in the realm (for probing the environment). */
  evaluate<T = unknown>(source: string): T {
    return vm.runInContext(source, this.context) as T;
  }

  /** app.js: what WeChat runs first, then App's onLaunch/onShow. */
  launch(route = 'pages/index/index'): void {
    this.runScript(path.join(this.options.dist, 'app.js'));
    if (!this.appConfig) throw new Error('app.js did not call App()');
    const options = { path: route, query: {}, scene: 1001 };
    this.appConfig.onLaunch?.call(this.appConfig, options);
    this.appConfig.onShow?.call(this.appConfig, options);
  }

  /** Load and attach a page as WeChat would when navigating to it, and wait until `ready(text)` or timeout. */
  async open(url: string, ready: (text: string) => boolean = () => true, timeoutMs = 4000): Promise<RenderedPage> {
    const [route, search = ''] = url.replace(/^\//, '').split('?');
    this.currentRoute = route!;
    this.currentQuery = Object.fromEntries(new URLSearchParams(search));
    const id = this.simulate.load(path.join(this.options.dist, route!), {
      compiler: 'official',
      rootPath: this.options.dist,
    });
    const comp = this.simulate.render(id);
    comp.attach(globalThis.document.createElement('parent-wrapper'));
    const page = this.pages[this.pages.length - 1];
    const text = () => comp.dom.textContent ?? '';
    await this.waitFor(() => ready(text()), timeoutMs);
    return { route: route!, comp, page, text };
  }

  async waitFor(condition: () => boolean, timeoutMs = 4000): Promise<boolean> {
    for (let waited = 0; waited < timeoutMs; waited += 25) {
      if (condition()) {
        await this.simulate.sleep(30); // let pending setData calls land
        return true;
      }
      await this.simulate.sleep(25);
    }
    return condition();
  }

  /** Dispatch WeChat's tap on the element (a Taro view/button bound to the page's event handler). */
  tap(element: Element): void {
    this.dispatch(element, 'tap', {});
  }

  /** Typing into an input: Taro listens to `input` with `detail.value`. */
  input(element: Element, value: string): void {
    this.dispatch(element, 'input', { value, cursor: value.length });
  }

  /** An event as WeChat's view layer sends it: through the element's exparser node, so `bind<type>` handlers run. */
  dispatch(element: Element, type: string, detail: Record<string, unknown>): void {
    const exparser = require('miniprogram-exparser');
    const node = (element as any).__wxElement;
    if (!node) throw new Error(`not a rendered wx element: <${element.tagName}>`);
    exparser.Event.dispatchEvent(
      node,
      exparser.Event.create(type, detail, {
        bubbles: true,
        capturePhase: true,
        composed: true,
        extraFields: { touches: {}, changedTouches: {} },
      }),
    );
  }

  /** The files of one pick; the next pick has none unless the test offers more. */
  private takePicked(): PickableFile[] {
    const picked = this.pickable;
    this.pickable = [];
    for (const f of picked) this.tempFiles.set(f.path, f.bytes);
    return picked;
  }

  private registerPage(cfg: Record<string, any>): void {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the lifetimes below get the page as their `this`
    const layer = this;
    const methods: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(cfg)) if (typeof v === 'function') methods[k] = v;
    (global as any).Component({
      data: cfg.data ?? {},
      methods,
      lifetimes: {
        created(this: Record<string, any>) {
          sendDataAsJson(this);
        },
        attached(this: Record<string, any>) {
          this.route = layer.currentRoute;
          this.__route__ = layer.currentRoute;
          this.options = { ...layer.currentQuery };
          layer.pages.push(this);
          cfg.onLoad?.call(this, { ...layer.currentQuery });
          cfg.onShow?.call(this);
          cfg.onReady?.call(this);
        },
      },
    });
  }

  /** CommonJS for the built files inside the realm (chunks are cached; a page script runs on every load). */
  private runScript(file: string, opts: { fresh?: boolean } = {}): unknown {
    const resolved = file.endsWith('.js') ? file : `${file}.js`;
    const cached = this.modules.get(resolved);
    if (cached && !opts.fresh) return cached.exports;
    const module = { exports: {} as unknown };
    this.modules.set(resolved, module);
    const code = readFileSync(resolved, 'utf8');
    const wrapper = new vm.Script(`(function (module, exports, require) {${code}\n})`, { filename: resolved });
    const fn = wrapper.runInContext(this.context) as (m: unknown, e: unknown, r: (s: string) => unknown) => void;
    const dir = path.dirname(resolved);
    fn(module, module.exports, (spec: string) => {
      const target = path.resolve(dir, spec);
      if (!existsSync(target.endsWith('.js') ? target : `${target}.js`))
        throw new Error(`realm require: ${spec} not found from ${dir}`);
      return this.runScript(target);
    });
    return module.exports;
  }

  private createWx(): unknown {
    // Answers cross into the realm as JSON, as WeChat's bridge delivers them (arrays of this realm, no host objects).
    const toRealm = (res: unknown) => this.evaluate<(s: string) => unknown>('JSON.parse')(JSON.stringify(res));
    const ok = (o: Opts | undefined, res: unknown = {}) => {
      o?.success?.(res);
      o?.complete?.(res);
      return Promise.resolve(res);
    };
    const fail = (o: Opts | undefined, errMsg: string) => {
      const err = toRealm({ errMsg });
      o?.fail?.(err);
      o?.complete?.(err);
      // With callbacks WeChat does not reject; without them (Taro's promise form) the promise rejects.
      return o?.fail || o?.success ? Promise.resolve(undefined) : Promise.reject(err);
    };
    const sys = {
      windowWidth: 375,
      windowHeight: 812,
      screenWidth: 375,
      screenHeight: 812,
      pixelRatio: 2,
      platform: 'ios',
      system: 'iOS 12.5',
      SDKVersion: '3.4.0',
      language: 'zh_CN',
      version: '8.0.50',
      statusBarHeight: 20,
      safeArea: { top: 20, bottom: 812, left: 0, right: 375, width: 375, height: 792 },
    };
    const navigate = (o: Opts) => {
      this.navigations.push(String(o.url));
      return ok(o);
    };
    const stub: Record<string, unknown> = {
      getSystemInfoSync: () => sys,
      getWindowInfo: () => sys,
      getDeviceInfo: () => sys,
      getAppBaseInfo: () => ({ SDKVersion: '3.4.0', fontSizeScaleFactor: 1 }),
      getSystemInfo: (o: Opts) => ok(o, sys),
      getStorageSync: (k: string) => (this.storage.has(k) ? this.storage.get(k) : ''),
      setStorageSync: (k: string, v: unknown) => void this.storage.set(k, v),
      removeStorageSync: (k: string) => void this.storage.delete(k),
      getStorage: (o: Opts) =>
        this.storage.has(String(o.key))
          ? ok(o, { data: this.storage.get(String(o.key)) })
          : (o.fail?.({ errMsg: 'getStorage:fail data not found' }), Promise.reject(new Error('not found'))),
      setStorage: (o: Opts) => (this.storage.set(String(o.key), o.data), ok(o)),
      removeStorage: (o: Opts) => (this.storage.delete(String(o.key)), ok(o)),
      canIUse: () => true,
      nextTick: (fn: () => void) => setTimeout(fn, 0),
      getLaunchOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001 }),
      getEnterOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001 }),
      onAppShow: () => undefined,
      onAppHide: () => undefined,
      onError: (fn: (e: unknown) => void) => void fn,
      createSelectorQuery: () => fakeSelectorQuery(),
      showToast: (o: Opts) => (this.toasts.push(String(o.title)), ok(o)),
      showModal: (o: Opts) => {
        this.modals.push(o);
        return ok(o, { confirm: this.modalAnswer === 'confirm', cancel: this.modalAnswer === 'cancel' });
      },
      navigateTo: navigate,
      redirectTo: navigate,
      reLaunch: navigate,
      switchTab: navigate,
      navigateBack: (o: Opts) => (this.navigations.push('back'), ok(o)),
      setNavigationBarTitle: (o: Opts) => ok(o),
      // Taro copies only the wx APIs it finds on wx: those the pages call must be here by name.
      pageScrollTo: (o: Opts) => ok(o),
      env: { USER_DATA_PATH: 'wxfile://usr' },
      getFileSystemManager: () => ({
        writeFile: (o: Opts) => {
          this.files.set(String(o.filePath), String(o.data));
          const encoding = o.encoding === 'base64' ? 'base64' : 'utf8';
          this.tempFiles.set(String(o.filePath), Buffer.from(String(o.data), encoding));
          return ok(o);
        },
        getFileInfo: (o: Opts) => {
          const bytes = this.tempFiles.get(String(o.filePath));
          if (!bytes) return fail(o, `getFileInfo:fail no such file ${String(o.filePath)}`);
          return ok(o, { size: bytes.length });
        },
      }),
      // The user picks the files the test put in `pickable` (temp paths whose bytes the phone holds).
      chooseMedia: (o: Opts) => {
        const picked = this.takePicked();
        if (picked.length === 0) return fail(o, 'chooseMedia:fail cancel');
        return ok(
          o,
          toRealm({
            type: 'image',
            tempFiles: picked.map((f) => ({ tempFilePath: f.path, size: f.bytes.length, fileType: 'image' })),
          }),
        );
      },
      chooseMessageFile: (o: Opts) => {
        const picked = this.takePicked();
        if (picked.length === 0) return fail(o, 'chooseMessageFile:fail cancel');
        return ok(
          o,
          toRealm({
            tempFiles: picked.map((f) => ({
              path: f.path,
              size: f.bytes.length,
              name: f.name ?? path.basename(f.path),
              type: 'file',
              time: 0,
            })),
          }),
        );
      },
      openDocument: (o: Opts) => {
        if (!this.tempFiles.has(String(o.filePath))) return fail(o, 'openDocument:fail file not found');
        this.openedDocuments.push({
          filePath: String(o.filePath),
          ...(o.fileType ? { fileType: String(o.fileType) } : {}),
        });
        return ok(o);
      },
      previewImage: (o: Opts) => (this.previewedImages.push(...((o.urls as string[]) ?? []).map(String)), ok(o)),
      downloadFile: (o: Opts) => {
        const url = String(o.url);
        this.downloads.push(url);
        const answer = this.options.downloadFile ? this.options.downloadFile(url) : Promise.resolve(null);
        return answer.then((bytes) => {
          if (!bytes) return ok(o, toRealm({ statusCode: 404, tempFilePath: '' }));
          const tempFilePath = `wxfile://tmp/download-${this.downloads.length}`;
          this.tempFiles.set(tempFilePath, bytes);
          return ok(o, toRealm({ statusCode: 200, tempFilePath }));
        });
      },
      shareFileMessage: (o: Opts) => (this.sharedFiles.push(String(o.filePath)), ok(o)),
      // __usePrivacyCheck__: WeChat asks the app's listener until the user agrees through the agree button.
      onNeedPrivacyAuthorization: (listener: (resolve: (r: any) => void, info: unknown) => void) => {
        this.privacy.listener = listener;
      },
      requirePrivacyAuthorize: (o: Opts) => {
        if (this.privacy.agreed) return ok(o);
        if (!this.privacy.listener) {
          o.fail?.({ errMsg: 'requirePrivacyAuthorize:fail no listener' });
          return Promise.resolve();
        }
        this.privacy.listener(
          (answer: { event: string }) => {
            this.privacy.answers.push(JSON.parse(JSON.stringify(answer)));
            if (answer.event === 'agree') {
              this.privacy.agreed = true;
              o.success?.({});
            } else o.fail?.({ errMsg: 'requirePrivacyAuthorize:fail privacy permission is not authorized' });
          },
          { referrer: 'requirePrivacyAuthorize' },
        );
        return Promise.resolve();
      },
      cloud: {
        init: () => undefined,
        callFunction: (o: Opts) => {
          const data = (o.data ?? {}) as Record<string, unknown>;
          const call: CloudCall = {
            name: String(o.name),
            data,
            openid: this.openid,
            payloadBytes: Buffer.byteLength(JSON.stringify(data), 'utf8'),
          };
          this.calls.push(call);
          // WeChat delivers the result as JSON: hand the realm its own copy (no host objects leak in).
          return this.options.callFunction(call).then(
            (result) => {
              const res = this.evaluate<(s: string) => unknown>('JSON.parse')(
                JSON.stringify({ result, errMsg: 'cloud.callFunction:ok' }),
              );
              o.success?.(res);
              o.complete?.(res);
              return res;
            },
            (error) => {
              o.fail?.({ errMsg: `cloud.callFunction:fail ${String(error)}` });
              throw error;
            },
          );
        },
        // Storage upload: the bytes of a temp file go to `cloudPath`; with callbacks the answer is the UploadTask,
        // whose progress listeners (registered right after the call returns) hear 50 and 100 before success.
        uploadFile: (o: Opts) => {
          const listeners: Array<(p: unknown) => void> = [];
          const task = {
            onProgressUpdate: (fn: (p: unknown) => void) => void listeners.push(fn),
            offProgressUpdate: () => undefined,
            abort: () => undefined,
          };
          const cloudPath = String(o.cloudPath);
          const filePath = String(o.filePath);
          const openid = this.openid;
          const done = (async () => {
            await new Promise((r) => setTimeout(r, 0));
            const bytes = this.tempFiles.get(filePath);
            if (!bytes || !this.options.uploadFile)
              return fail(o, `cloud.uploadFile:fail ${bytes ? 'no storage' : 'file not found'}`);
            for (const progress of [50, 100]) {
              this.uploadProgress.push(progress);
              const total = bytes.length;
              const event = toRealm({
                progress,
                totalBytesSent: Math.round((total * progress) / 100),
                totalBytesExpectedToSend: total,
              });
              for (const fn of listeners) fn(event);
            }
            let fileID: string;
            try {
              ({ fileID } = await this.options.uploadFile({ cloudPath, bytes, openid }));
            } catch (error) {
              return fail(o, `cloud.uploadFile:fail ${String(error)}`);
            }
            this.uploads.push({ cloudPath, filePath, bytes: bytes.length, fileID, openid });
            return ok(o, toRealm({ fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' }));
          })();
          return o.success || o.fail ? task : done;
        },
      },
    };
    // Any other wx.* API Taro probes for: a no-op that answers its callbacks.
    // (Not for data the runtime keeps on `wx`, e.g. webpack's chunk list `wx.webpackJsonp`.)
    return new Proxy(stub, {
      get: (t, k: string) => (k in t ? t[k] : k === 'webpackJsonp' ? undefined : (o?: Opts) => ok(o)),
    });
  }
}

/**
 * WeChat sends setData from the logic layer to the view layer as JSON. Doing the same here also hands the renderer
 * (host realm) host arrays and objects: exparser's `instanceof Array` is false for arrays made in another realm.
 */
function sendDataAsJson(instance: Record<string, any>): void {
  const setData = instance.setData;
  if (typeof setData !== 'function' || setData.__json) return;
  const patched = function (this: unknown, data: unknown, callback?: () => void) {
    return setData.call(instance, JSON.parse(JSON.stringify(data ?? {})), callback);
  };
  (patched as any).__json = true;
  instance.setData = patched;
}

function withJsonSetData(cfg: Record<string, any>): Record<string, any> {
  const lifetimes = { ...(cfg.lifetimes ?? {}) };
  const created = lifetimes.created ?? cfg.created;
  lifetimes.created = function (this: Record<string, any>, ...args: unknown[]) {
    sendDataAsJson(this);
    return created?.apply(this, args);
  };
  return { ...cfg, lifetimes };
}

/** WeChat answers `exec` with one result per query: a rect for `select`, a list of rects for `selectAll`. */
function fakeSelectorQuery() {
  const rect = { left: 0, top: 0, right: 375, bottom: 40, width: 375, height: 40, scrollTop: 0, scrollLeft: 0 };
  const results: unknown[] = [];
  let many = false;
  const query = {
    in: () => query,
    select: () => ((many = false), query),
    selectAll: () => ((many = true), query),
    selectViewport: () => ((many = false), query),
    boundingClientRect: () => (results.push(many ? [rect] : rect), query),
    scrollOffset: () => (results.push(rect), query),
    fields: () => (results.push(many ? [rect] : rect), query),
    exec: (cb?: Cb) => setTimeout(() => cb?.(results), 0),
  };
  return query;
}

/** Runs first inside the realm: WeChat's globals. */
function realmPrelude(mode: FunctionMode, nowMs: number): string {
  const fn =
    mode === 'returns-nothing'
      ? 'function Function() { return undefined; }'
      : "function Function() { throw new EvalError('Function is not allowed in WeChat'); }";
  return `
    'use strict';
    (function () {
      var disabled = ${fn};
      // Keep call/apply/bind reachable through Function.prototype (only code generation is what WeChat takes away).
      disabled.prototype = Object.getPrototypeOf(function () {});
      Object.defineProperty(globalThis, 'Function', { value: disabled, writable: true, configurable: true });
      Object.defineProperty(globalThis, 'eval', { value: function () { throw new EvalError('eval is not allowed in WeChat'); }, writable: true, configurable: true });
      var RealDate = Date;
      var NOW = ${nowMs};
      function FixedDate() {
        var args = Array.prototype.slice.call(arguments);
        if (!(this instanceof FixedDate)) return new RealDate(NOW).toString();
        return args.length === 0 ? new RealDate(NOW) : Reflect.construct(RealDate, args);
      }
      FixedDate.prototype = RealDate.prototype;
      FixedDate.now = function () { return NOW; };
      FixedDate.UTC = RealDate.UTC;
      FixedDate.parse = RealDate.parse;
      Object.defineProperty(globalThis, 'Date', { value: FixedDate, writable: true, configurable: true });
      ${BROWSER_GLOBALS.map((g) => `delete globalThis.${g};`).join('\n      ')}
    })();
  `;
}

export { BROWSER_GLOBALS };
