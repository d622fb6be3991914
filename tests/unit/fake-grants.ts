import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { COMMENT_SITES } from '../../lib/sites';

// What Chromium reports: the manifest's content script matches count among granted origins.
const MANIFEST = {
  manifest_version: 3,
  name: 'test',
  version: '0',
  permissions: ['activeTab', 'scripting'],
  optional_host_permissions: ['*://*/*'],
  content_scripts: [
    { matches: ['*://disqus.com/embed/comments/*'], js: ['content-scripts/disqus.js'], all_frames: true },
    { matches: COMMENT_SITES, js: ['content-scripts/page.js'] },
  ],
} as unknown as ReturnType<typeof fakeBrowser.runtime.getManifest>;

/** The browser's side of site grants in a unit test: what a test sets, the fake browser answers. */
export interface FakeGrants {
  /** The origins the reader granted; permissions.getAll answers with these and the manifest's. */
  granted: string[];
  /** The registered content scripts; the scripting calls read and change them. */
  registered: { id: string; matches?: string[]; js?: string[] }[];
}

/** Mocks the permissions and scripting calls of the fake browser over a fresh FakeGrants. */
export function fakeGrants(): FakeGrants {
  const state: FakeGrants = { granted: [], registered: [] };
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue(MANIFEST);
  vi.spyOn(fakeBrowser.permissions, 'getAll').mockImplementation(async () =>
    ({ permissions: ['activeTab', 'scripting'], origins: [...MANIFEST.content_scripts!.flatMap((c) => c.matches ?? []), ...state.granted] }));
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation(async (filter) =>
    state.registered.filter((s) => !filter?.ids || filter.ids.includes(s.id)) as never);
  vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation(async (scripts) => {
    for (const s of scripts) {
      if (state.registered.some((r) => r.id === s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      state.registered.push(s);
    }
  });
  vi.spyOn(fakeBrowser.scripting, 'updateContentScripts').mockImplementation(async (scripts) => {
    state.registered = state.registered.map((r) => scripts.find((s) => s.id === r.id) ?? r);
  });
  vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation(async (filter) => {
    state.registered = state.registered.filter((r) => !filter?.ids?.includes(r.id));
  });
  for (const event of [fakeBrowser.permissions.onAdded, fakeBrowser.permissions.onRemoved]) {
    vi.spyOn(event, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(event, 'removeListener').mockImplementation(() => undefined);
  }
  return state;
}
