// The H5 build's stand-in for the `platform` package (41.7 KB of user-agent tables, ~6 KB gzipped, in app.js).
// Taro's H5 getDeviceInfo/getSystemInfo read only `manufacturer`, `product` and `os` from it, to fill the brand,
// model and system fields; this app reads none of those (theme/elder.ts reads getAppBaseInfo's font scale, which H5
// does not have). The OS family is still told from the user agent, so `platform` keeps saying iOS or Android.
// Aliased for `TARO_ENV=h5` only (config/index.ts); the mini-program build never bundles `platform`.
var ua = typeof navigator === 'object' && navigator ? String(navigator.userAgent || '') : '';
var family = /iPhone|iPad|iPod/.test(ua)
  ? 'iOS'
  : /Android/.test(ua)
    ? 'Android'
    : /Windows/.test(ua)
      ? 'Windows'
      : /Mac OS X/.test(ua)
        ? 'OS X'
        : /Linux/.test(ua)
          ? 'Linux'
          : null;
var version = (ua.match(/(?:Android|CPU (?:iPhone )?OS|Windows NT|Mac OS X) ([\d._]+)/) || [])[1];
var os = {
  family: family,
  version: version ? version.replace(/_/g, '.') : null,
  toString: function () {
    return family ? family + (this.version ? ' ' + this.version : '') : '';
  },
};
module.exports = { manufacturer: null, product: null, os: os, ua: ua };
