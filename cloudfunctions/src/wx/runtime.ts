import type { Caller, Runtime } from '../core/runtime';
import type { CbCloud } from '../storage/cloudbase-types';
import { CloudbaseStore } from '../storage/cloudbase';
import { CloudbaseFileStore } from '../storage/files-cloudbase';
import { INDEXES } from '../core/collections';
import { jsonLogger } from './log';
import { wxOpenApi, type CloudOpenApi } from './openapi';

/**
 * The Runtime of a deployed cloud function, built from the wx-server-sdk `cloud` object that the entry file
 * required and initialised (this module never imports wx-server-sdk itself: outside WeChat it reaches for the
 * network). Real clock; the certificate secret from the environment variable CERT_SIGNING_KEY (configured on
 * the function in the console, never in the repo).
 */
export function createWxRuntime(cloud: CbCloud, env: NodeJS.ProcessEnv = process.env): Runtime {
  const log = jsonLogger();
  // throwOnNotFound: false makes doc.get answer { data: null } for a missing record (wx-server-sdk ≥ 1.7.0).
  const store = new CloudbaseStore(cloud.database({ throwOnNotFound: false }), {
    onUnindexedQuery: (collection, fields) =>
      log('warn', 'index wanted: query without a declared index', { collection, fields }),
  });
  // Declares (records, no I/O) the indexes the console should have (docs/DEPLOY.md §5), so that a query outside
  // them is logged once per shape.
  for (const { collection, fields } of INDEXES) void store.ensureIndex(collection, fields);
  const secrets = {
    // A getter: a missing secret fails the certificate actions that need it, not every function at cold start.
    get certificateKey(): string {
      const key = env.CERT_SIGNING_KEY;
      if (!key || key.length < 16) throw new Error('CERT_SIGNING_KEY is not configured (at least 16 characters)');
      return key;
    },
  };
  return {
    store,
    // The environment id lets files.commitUpload refuse a fileID from another environment.
    files: new CloudbaseFileStore(cloud, store, undefined, cloud.getWXContext().ENV || undefined),
    now: () => new Date(),
    secrets,
    log,
    openapi: wxOpenApi(cloud as CbCloud & CloudOpenApi, env),
    // A call that planned the publication stops at the budget and stores the rest of the plan (rounds/publish-job.ts).
    publication: { extendAfterPlan: false },
  };
}

/** The caller as the platform vouches for it: OPENID from the function's WX context, never from the event. */
export function wxCaller(cloud: Pick<CbCloud, 'getWXContext'>): Caller {
  const openid = cloud.getWXContext().OPENID;
  return { openid: typeof openid === 'string' && openid.length > 0 ? openid : undefined };
}
