// The CloudBase environment the mini-program calls (Taro.cloud.init({ env })) comes from TARO_APP_CLOUD_ENV. The
// .env.* files hold placeholders so `npm test` / `npm start` builds work without an account; a release build
// (HZ_DEPLOY=1) must name the real environment, or every cloud call would go to an environment that does not exist.
// docs/DEPLOY.md: `HZ_DEPLOY=1 TARO_APP_CLOUD_ENV=<env id> NODE_ENV=production npx taro build --type weapp`.
const PLACEHOLDERS = new Set(['hz-points-dev', 'hz-points-prod', 'hz-points-test']);

/** Throws (stopping the build) when a release build would ship a placeholder or no environment id. */
function assertDeployableCloudEnv(env) {
  if (env.HZ_DEPLOY !== '1') return;
  const id = (env.TARO_APP_CLOUD_ENV || '').trim();
  if (!id || PLACEHOLDERS.has(id)) {
    throw new Error(
      `HZ_DEPLOY=1: TARO_APP_CLOUD_ENV is ${id ? `the placeholder "${id}"` : 'not set'}. ` +
        'Set it to the CloudBase environment id (云开发控制台 → 环境 ID), e.g. HZ_DEPLOY=1 TARO_APP_CLOUD_ENV=prod-xxxx npx taro build --type weapp.',
    );
  }
}

module.exports = { assertDeployableCloudEnv };
