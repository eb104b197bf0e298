// A release build names the real CloudBase environment; test and demo builds may keep the .env placeholders.
const { assertDeployableCloudEnv } = require('../../config/cloud-env');

describe('TARO_APP_CLOUD_ENV for a release build (config/cloud-env.js)', () => {
  it('allows the placeholders when HZ_DEPLOY is not set (npm test / npm start)', () => {
    expect(() => assertDeployableCloudEnv({ TARO_APP_CLOUD_ENV: 'hz-points-prod' })).not.toThrow();
    expect(() => assertDeployableCloudEnv({})).not.toThrow();
  });

  it.each([['hz-points-prod'], ['hz-points-dev'], ['hz-points-test'], [''], [undefined]])(
    'refuses %p with HZ_DEPLOY=1',
    (id) => {
      expect(() => assertDeployableCloudEnv({ HZ_DEPLOY: '1', TARO_APP_CLOUD_ENV: id })).toThrow(/TARO_APP_CLOUD_ENV/);
    },
  );

  it('accepts a real environment id with HZ_DEPLOY=1', () => {
    expect(() => assertDeployableCloudEnv({ HZ_DEPLOY: '1', TARO_APP_CLOUD_ENV: 'prod-9g2k7x1d3a' })).not.toThrow();
  });
});
