import type { FileStore, Store } from '../storage/store';

/**
 * What a handler runs against. The WeChat entry files build one from wx-server-sdk; the local cloud builds one
 * from SQLite and a data folder. Handlers never know which.
 */
export interface Runtime {
  store: Store;
  files: FileStore;
  /** The current instant. Local mode may override it (HZ_NOW / the dev clock endpoint); production is real time. */
  now: () => Date;
  /** Secret for signing certificates (HMAC) and similar; from the environment, never from the repo in production. */
  secrets: { certificateKey: string };
  /** Where logs go. Never pass personal data in clear to it. */
  log: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
}

/** Who is calling: the OPENID the platform vouches for (never a payload field). */
export interface Caller {
  openid: string | undefined;
}

/** Same shape as `wx.cloud.callFunction(...).result`: the local cloud returns exactly this as its HTTP body. */
export type Envelope<T = unknown> =
  | { ok: true; data: T }
  | { ok: false; error: { code: string; message: string } };
