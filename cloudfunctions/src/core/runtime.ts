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
  /**
   * WeChat open API (`cloud.openapi`), for subscribe messages. The WeChat runtime sets it; when absent (local cloud,
   * tests) the reminder sender uses a stand-in that logs instead of sending (functions/reminders/openapi.ts).
   */
  openapi?: OpenApiPort;
  /** How much one invocation of the publication job may do (rounds/publish-job.ts gives the defaults). */
  publication?: PublicationBudget;
}

/** Limits of one invocation of the publication job: it stops after the first chunk that crosses either. */
export interface PublicationBudget {
  /** Measured work (ms) after which no further chunk starts. */
  maxWorkMs?: number;
  /** Chunks (write transactions) per invocation. */
  maxChunks?: number;
  /**
   * A call that planned the publication writes for as long again as it planned (default true: SQLite finishes in one
   * call); false: it stops at `maxWorkMs` and stores the rest of the plan (CloudBase, where a call has a timeout).
   */
  extendAfterPlan?: boolean;
}

/** One subscribe message as `cloud.openapi.subscribeMessage.send` takes it (cloud-call field names). */
export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogramState: 'developer' | 'trial' | 'formal';
  lang: 'zh_CN';
}

export interface OpenApiPort {
  /** 'wechat' sends for real; 'local' only logs (and accepts simulated subscriptions). */
  kind: 'wechat' | 'local';
  subscribeMessage: {
    /** Template id per template name, as configured for this deployment; null = not configured. */
    templateIds: Readonly<Record<string, string | null>>;
    /** Resolves when WeChat accepted the message; rejects with `{ errCode: number, errMsg }` otherwise. */
    send(message: SubscribeMessage): Promise<void>;
  };
}

/** Who is calling: the OPENID the platform vouches for (never a payload field). */
export interface Caller {
  openid: string | undefined;
}

/**
 * Same shape as `wx.cloud.callFunction(...).result`: the local cloud returns exactly this as its HTTP body. The one
 * envelope of the contract (shared/src/api/results.ts), re-exported for the runtimes that build it.
 */
export type { Envelope } from '@hz-points/shared';
