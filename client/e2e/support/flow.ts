// The frame every browser flow shares: one local cloud (its own data folder and clock), one headless chromium and
// the App driver, started before the file's tests and stopped after them. Call at the top level of a test file.
import type { Browser } from 'playwright-core';
import { App } from './app';
import { launchBrowser } from './browser';
import { startCloud, type LocalCloud } from './cloud';

export interface Flow {
  readonly cloud: LocalCloud;
  readonly browser: Browser;
  readonly app: App;
}

/** Registers beforeAll/afterAll; the returned object's fields are set once beforeAll has run. */
export function browserFlow(options: { now: string }): Flow {
  const flow = {} as { cloud: LocalCloud; browser: Browser; app: App };
  beforeAll(async () => {
    flow.cloud = await startCloud({ now: options.now });
    flow.browser = await launchBrowser();
    flow.app = new App(flow.browser, flow.cloud.url);
  });
  afterAll(async () => {
    await flow.app?.close();
    await flow.browser?.close();
    await flow.cloud?.stop();
  });
  return flow;
}
