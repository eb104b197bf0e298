// Webpack plugin for looking inside a build: with HZ_BUNDLE_REPORT=<file.json> set, `taro build` writes each chunk's
// modules and their sizes (before minification), largest first, to that file. Used to find what sits in the weapp
// main package or the H5 first load; it changes nothing in the build itself.
const fs = require('fs');

module.exports = class BundleReport {
  constructor(file) {
    this.file = file;
  }

  apply(compiler) {
    compiler.hooks.done.tap('BundleReport', (stats) => {
      const { compilation } = stats;
      const report = {};
      for (const chunk of compilation.chunks) {
        const modules = [];
        for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
          const id = (m.resource || m.identifier()).replace(/^.*node_modules\//, 'node_modules/');
          modules.push([id, m.size()]);
        }
        modules.sort((a, b) => b[1] - a[1]);
        report[`${chunk.name || chunk.id} (${[...chunk.files].join(', ')})`] = modules;
      }
      fs.writeFileSync(this.file, JSON.stringify(report, null, 1));
    });
  }
};
