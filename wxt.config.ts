import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  // Explicit imports: every file says where its names come from.
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Comment Annotator',
    description: 'Tag the comments of an article page with your codebook, from the keyboard. Nothing leaves your machine.',
    // activeTab + scripting: a toolbar click or the shortcut lets the annotator into the page the
    // reader is on, on sites the content scripts are not declared for. No host permissions.
    permissions: ['activeTab', 'scripting'],
    // "Always run on this site" asks for that one site when the reader chooses it
    // (extension/always-sites.ts); nothing is granted at install. MV2 has no optional_host_permissions
    // (WXT drops the key there): Firefox takes the origins among optional_permissions.
    ...(manifestVersion === 3 ? { optional_host_permissions: ['*://*/*'] } : { optional_permissions: ['*://*/*'] }),
    action: { default_title: 'Comment Annotator (Alt+Shift+A)' },
    commands: {
      'toggle-panel': { suggested_key: { default: 'Alt+Shift+A' }, description: 'Open or close the comment panel' },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'comment-annotator@example.org',
          strict_min_version: '142.0',
          // Annotations stay on this machine: declare that nothing is collected.
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
  // WXT's ContentScriptContext announces the extension's id to the page (window.postMessage) and
  // stops or restarts the content script on DOM events any page script can dispatch; every
  // content script gets page/content-script-context.ts instead, same API, nothing through the page.
  vite: () => ({
    resolve: {
      alias: [{ find: /^wxt\/utils\/content-script-context$/, replacement: fileURLToPath(new URL('./page/content-script-context.ts', import.meta.url)) }],
    },
  }),
  webExt: {
    binaries: { chrome: '/usr/bin/chromium' },
    chromiumArgs: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  },
});
