// Webpack plugin for the H5 build (issue 10, "fast on a cheap phone"): which files each page needs, written once and
// used three ways.
//
// 1. index.html gets a small inline script that reads the route from the URL's hash and preloads that page's chunks
//    (JS and CSS). Without it, Taro's router asks for a page's chunks only after app.js has downloaded and run: on a
//    slow phone that serialises ~1 s of download behind ~0.5 s of parsing. With it, the page's chunks download while
//    app.js is still arriving and being parsed.
// 2. `route-chunks.json` (beside index.html) lists the entry files and each page's files, so the size report
//    (scripts/size.mjs) and the cheap-phone benchmark count "first-load JavaScript" the same way: what the browser
//    must download before the home page can render = the entry chunks (runtime, vendors, app) + the home page's chunk
//    group, JavaScript and CSS counted separately.
// 3. The same file records any stylesheet module that sits in more than one CSS chunk (`repeatedStylesheets`, which
//    should stay empty: a repeated stylesheet is downloaded and parsed once per chunk).
//
// It only reads the compilation and adds to index.html; the chunks themselves are unchanged.

const HOME_ROUTE = 'pages/index/index';
const MANIFEST = 'route-chunks.json';

/**
 * The page route an `import()` of Taro's H5 router loads: its request is the page module, absolute or relative to the
 * source root (`./packages/assess/calculator/index` → `packages/assess/calculator/index`).
 */
function routeOf(request, sourceRoot) {
  if (!request) return null;
  let route = request.replace(/\\/g, '/');
  const root = `${sourceRoot.replace(/\\/g, '/')}/`;
  if (route.startsWith(root)) route = route.slice(root.length);
  route = route.replace(/^\.\//, '').replace(/\.(tsx?|jsx?)$/, '');
  return /^(pages|packages)\/[\w/-]+$/.test(route) ? route : null;
}

function filesOf(chunks) {
  const js = [];
  const css = [];
  for (const chunk of chunks) {
    for (const file of chunk.files) {
      if (file.endsWith('.js')) js.push(file);
      else if (file.endsWith('.css')) css.push(file);
    }
  }
  return { js: [...new Set(js)], css: [...new Set(css)] };
}

/**
 * The inline preloader: route → indices into one file list (index.html stays small: each file name appears once).
 * An unknown route preloads nothing; the router then loads it as it always does.
 */
function preloadScript(routes) {
  const files = [];
  const indexOf = new Map();
  const ids = (list) =>
    list.map((f) => {
      if (!indexOf.has(f)) {
        indexOf.set(f, files.length);
        files.push(f);
      }
      return indexOf.get(f);
    });
  const table = {};
  for (const [route, { js, css }] of Object.entries(routes)) table[route] = ids([...css, ...js]);
  return (
    '!function(f,r){var p=location.hash.replace(/^#\\/?/,"").split("?")[0]||' +
    JSON.stringify(HOME_ROUTE) +
    ';(r[p]||[]).forEach(function(i){var l=document.createElement("link"),n=f[i];' +
    'l.rel="preload";l.as=/\\.css$/.test(n)?"style":"script";l.href="./"+n;document.head.appendChild(l)})}(' +
    JSON.stringify(files) +
    ',' +
    JSON.stringify(table) +
    ');'
  );
}

class RouteChunksPlugin {
  constructor(options) {
    this.sourceRoot = options.sourceRoot;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('RouteChunksPlugin', (compilation) => {
      // After html-webpack-plugin has written index.html (OPTIMIZE_INLINE) and after hashing settled the file names.
      compilation.hooks.processAssets.tap(
        { name: 'RouteChunksPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        () => {
          const initialChunks = new Set();
          for (const entry of compilation.entrypoints.values()) for (const c of entry.chunks) initialChunks.add(c);
          const initial = filesOf(initialChunks);

          const routes = {};
          for (const group of compilation.chunkGroups) {
            if (group.isInitial()) continue;
            const route = group.origins.map((o) => routeOf(o.request, this.sourceRoot)).find(Boolean);
            if (!route) continue;
            const own = filesOf(group.chunks.filter((c) => !initialChunks.has(c)));
            const known = routes[route] ?? { js: [], css: [] };
            routes[route] = {
              js: [...new Set([...known.js, ...own.js])],
              css: [...new Set([...known.css, ...own.css])],
            };
          }

          const repeatedStylesheets = [];
          for (const module of compilation.modules) {
            if (module.type !== 'css/mini-extract') continue;
            const chunks = [...compilation.chunkGraph.getModuleChunksIterable(module)];
            if (chunks.length > 1) {
              repeatedStylesheets.push({
                module: module.readableIdentifier(compilation.requestShortener),
                chunks: chunks.length,
              });
            }
          }

          const manifest = { home: HOME_ROUTE, initial, routes, repeatedStylesheets };
          compilation.emitAsset(MANIFEST, new sources.RawSource(`${JSON.stringify(manifest, null, 1)}\n`));

          const html = compilation.getAsset('index.html');
          if (html) {
            const text = html.source.source().toString();
            const tag = `<script>${preloadScript(routes)}</script>`;
            // Last in <head>, after the app's stylesheet: an inline script waits for the stylesheets before it, so
            // the preloads start once that first small response is in, and app.js and its vendors (which must
            // arrive and run before any page) have the link to themselves until then. Placed before the stylesheet,
            // the page's chunks shared the 1.6 Mbps with app.js from the start and the calculator showed its total
            // later, not sooner (cheap-phone bench, 4.0-4.5 s against 2.6-2.9 s).
            compilation.updateAsset('index.html', new sources.RawSource(text.replace('</head>', `${tag}</head>`)));
          }
        },
      );
    });
  }
}

module.exports = RouteChunksPlugin;
module.exports.MANIFEST = MANIFEST;
module.exports.routeOf = routeOf;
