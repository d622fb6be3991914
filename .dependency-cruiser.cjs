// Folder rules: a file's folder says where it runs and what it may import; imports point down.
//
//   entrypoints/                 thin WXT entry files: anything below
//   background/   page/          the service worker | content scripts (never each other)
//   components/                  Preact UI: panel/ (shown in the page), popup/ review/ options/, common/
//   extension/    storage/       browser-API services of the extension's own contexts | the database
//   lib/                         shared by every runtime: messages, bounds, keys, urls, text hashes
//   layouts/                     comment detection: plain DOM code that also runs in Node
//

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    { name: 'layouts-import-nothing-of-ours', severity: 'error', from: { path: '^layouts/' }, to: { path: '^(lib|storage|extension|components|page|background|entrypoints)/' } },
    { name: 'lib-imports-only-layouts', severity: 'error', from: { path: '^lib/' }, to: { path: '^(storage|extension|components|page|background|entrypoints)/' } },
    { name: 'storage-below-ui', severity: 'error', from: { path: '^storage/' }, to: { path: '^(extension|components|page|background|entrypoints)/' } },
    { name: 'extension-below-ui', severity: 'error', from: { path: '^extension/' }, to: { path: '^(storage|components|page|background|entrypoints)/' } },
    { name: 'components-below-runtimes', severity: 'error', from: { path: '^components/' }, to: { path: '^(page|background|entrypoints)/' } },
    { name: 'panel-never-opens-the-database', comment: 'The panel runs in the page: the database lives in the background.', severity: 'error', from: { path: '^components/panel/' }, to: { path: '^(storage|extension|components/(popup|review|options))/' } },
    { name: 'surfaces-apart', comment: 'popup, review and options share only components/common.', severity: 'error', from: { path: '^components/(popup|review|options)/' }, to: { path: '^components/(panel|popup|review|options)/', pathNot: '^components/$1/' } },
    { name: 'page-never-opens-the-database', severity: 'error', from: { path: '^page/' }, to: { path: '^(storage|extension|background|components/(popup|review|options|common))/' } },
    { name: 'background-has-no-ui', severity: 'error', from: { path: '^background/' }, to: { path: '^(components|page)/' } },
    { name: 'entrypoints-are-leaves', severity: 'error', from: { pathNot: '^entrypoints/' }, to: { path: '^entrypoints/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|\\.output|\\.wxt)/' },
    tsPreCompilationDeps: true,
    ...(require('node:fs').existsSync('tsconfig.json') ? { tsConfig: { fileName: 'tsconfig.json' } } : {}),
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
