// Development-only UI, present in the H5 (local cloud) build and absent from the weapp build. The condition is a
// build-time constant (Taro defines process.env.TARO_ENV), so webpack drops the require in the weapp build and the
// switcher's code is not even bundled (`npm run check:weapp-devtools` greps the output to prove it).
import type { ComponentType } from 'react';

// eslint-disable-next-line @typescript-eslint/no-var-requires
export const DevPersonaSwitcher: ComponentType | null = process.env.TARO_ENV === 'h5' ? require('./PersonaSwitcher').PersonaSwitcher : null;
