// Taro plugin: after an H5 production build, writes `<file>.br` (brotli, best level) and `<file>.gz` (gzip -9) beside
// every text asset of 1 KB or more. The local cloud (cloudfunctions/src/local/static-files.ts) sends these to browsers
// that accept them, so a page load never waits for compression and gets the smallest bytes; a file without a fresh
// sibling (a watch build, an edited file) is compressed by the server instead. The weapp build is left alone: WeChat
// packs the mini-program itself.
const { readdirSync, readFileSync, statSync, writeFileSync } = require('fs');
const { extname, join } = require('path');
const { promisify } = require('util');
const zlib = require('zlib');

const TEXT_EXTENSIONS = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.map', '.wasm']);
const MIN_BYTES = 1024; // same threshold as the server (MIN_COMPRESS_BYTES)

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

function textAssets(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...textAssets(path));
    else if (TEXT_EXTENSIONS.has(extname(entry.name)) && statSync(path).size >= MIN_BYTES) out.push(path);
  }
  return out;
}

async function precompress(dir) {
  for (const file of textAssets(dir)) {
    const bytes = readFileSync(file);
    const [br, gz] = await Promise.all([
      brotli(bytes, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
      gzip(bytes, { level: 9 }),
    ]);
    // Written after the file itself, so the server sees them as at least as new (it ignores older siblings).
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, gz);
  }
}

module.exports = (ctx) => {
  ctx.onBuildFinish(async ({ error, stats, isWatch }) => {
    if (process.env.TARO_ENV !== 'h5' || error || isWatch) return;
    const outputDir = (stats && stats.compilation && stats.compilation.outputOptions.path) || ctx.paths.outputPath;
    await precompress(outputDir);
  });
};
