import { generateThread } from '../../seeds/big-thread';
import { fixture, type Fixture } from '../../seeds/fixtures';
import type { SeedComment, SeedPage } from '../../seeds/model';
import { phandroidPage } from '../../seeds/render/phandroid';
import { html5Comments } from '../../seeds/render/wordpress';

// Pages built to break the detector and the panel. Each is a Phandroid page (so the content
// script starts by itself) with something hostile in its comments, its scripts or its CSS.

/** One hostile page: how many comments the panel must list, and what else a test checks. */
export interface HostilePage {
  name: string;
  description: string;
  url: string;
  html(): string;
  expectedCount: number;
  /** Comments a page script adds after load; the panel must list them too. */
  addedLater?: number;
}

const base = () => fixture('000-phandroid').page;
const at = (name: string) => `https://phandroid.com/hostile/${name}/`;

function comment(id: number, text: string, children: SeedComment[] = []): SeedComment {
  return { id, kind: 'comment', author: `Reader ${id}`, authorInvented: true, publishedAt: '2013-10-11T15:00:00', paragraphs: [[text]], children };
}

function page(name: string, description: string, comments: SeedComment[], extraHead = '', expectedCount = countOf(comments), article: Partial<SeedPage> = {}): HostilePage {
  const seed: SeedPage = { ...base(), ...article, comments };
  const url = at(name);
  return {
    name, description, url, expectedCount,
    html: () => phandroidPage(seed, url, 'hostile corpus', html5Comments(comments, url)).replace('</head>', `${extraHead}</head>`),
  };
}

const countOf = (list: SeedComment[]): number => list.reduce((sum, c) => sum + 1 + countOf(c.children), 0);
const script = (code: string) => `<script>${code}</script>`;
const few = () => [comment(9001, 'First comment, plain.'), comment(9002, 'Second comment, plain.', [comment(9003, 'A reply.')])];

/** Every page of the corpus. */
export function hostilePages(): HostilePage[] {
  let deep = comment(20_099, 'The deepest reply, 100 levels down.');
  for (let id = 20_098; id >= 20_000; id--) deep = comment(id, `Reply at depth ${id - 20_000}.`, [deep]);
  const big = generateThread(base(), 10_000, base().paragraphs.join(' '));
  return [
    page('no-comments', 'an article without comments', []),
    { ...page('ten-thousand', '10,000 comments in nested threads', big.comments), expectedCount: 10_000 },
    page('nested-100', 'one thread nested 100 deep', [deep]),
    page('one-megabyte', 'a single comment of 1 MB', [comment(30_001, 'x'.repeat(200) + ' '.repeat(1) + 'Lorem ipsum dolor sit amet. '.repeat(37_500)), comment(30_002, 'A short one after it.')]),
    // Readability's excerpt is the first paragraph: 12,000 characters of it, above what a message may carry.
    page('long-article', 'an article whose first paragraph has 12,000 characters', few(), '', undefined, {
      paragraphs: ['Sony has announced '.padEnd(12_000, ' and the long first paragraph goes on'), ...base().paragraphs],
    }),
    page('ten-megabytes', 'a comment of 10 MB', [comment(31_001, 'Ten megabytes follow. ' + 'Lorem ipsum dolor sit amet. '.repeat(375_000)), comment(31_002, 'A short one after it.')]),
    page('markup-in-text', 'comments whose text is script, img onerror and look-alike comment markup', [
      comment(40_001, '<script>window.__pwned = "script"</script>'),
      comment(40_002, '<img src="x" onerror="window.__pwned = \'img\'">'),
      comment(40_003, '<li id="comment-999999" class="comment"><div class="comment-content">I am not a comment</div></li>'),
      comment(40_004, '</textarea><svg onload="window.__pwned = \'svg\'">'),
    ]),
    page('prototypes-replaced', 'a page that replaces Element.prototype methods and freezes Array.prototype', few(), script(`
      const boom = () => { throw new Error('hostile page: DOM method replaced'); };
      for (const name of ['querySelector', 'querySelectorAll', 'matches', 'closest', 'getElementsByClassName', 'getElementsByTagName', 'attachShadow', 'append', 'setAttribute']) Element.prototype[name] = boom;
      for (const name of ['querySelector', 'querySelectorAll', 'getElementsByClassName', 'createElement']) Document.prototype[name] = boom;
      Node.prototype.appendChild = boom; Node.prototype.insertBefore = boom;
      Array.prototype.map = boom; Array.prototype.filter = boom; Array.prototype.push = boom;
      Object.freeze(Array.prototype); Object.freeze(Object.prototype);
      window.JSON.parse = boom; window.Promise = undefined;`)),
    { ...page('observers-throw', 'a page whose MutationObserver callbacks throw, adding a comment after load', few(), script(`
      const Native = window.MutationObserver;
      window.MutationObserver = class extends Native { constructor() { super(() => { throw new Error('hostile observer'); }); } };
      new window.MutationObserver(() => {}).observe(document, { childList: true, subtree: true, attributes: true });
      setTimeout(() => {
        const li = document.createElement('li');
        li.id = 'comment-9004'; li.className = 'comment even thread-even depth-1';
        li.innerHTML = '<article id="div-comment-9004" class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Late Reader</b></div></footer><div class="comment-content"><p>Arrived after load.</p></div></article>';
        document.querySelector('ol.comment-list').appendChild(li);
      }, 800);`)), addedLater: 1 },
    page('css-everything', 'a page whose CSS hides, shrinks and restyles everything', few(),
      '<style>* { display: none !important; } html * { visibility: hidden !important; transform: scale(0) !important; font-size: 0 !important; } div, section { all: unset !important; }</style>'),
  ];
}

/** The corpus as fixtures the test harness can serve under their addresses. */
export function hostileFixtures(): Fixture[] {
  return hostilePages().map((p) => ({ name: p.name, description: p.description, url: p.url, layout: null, page: base(), html: p.html, committed: false }));
}

// Pages that attack the extension's isolation rather than its detector: they try to learn the
// extension's id, stop the annotator, read which comments are coded, take another site's codings
// and code through the open panel. tests/e2e/isolation.test.ts runs them.

/** Every message the page receives, and a replay of anything that looks like WXT's script-started message as WXT's stop and restart events. */
const LISTEN_FOR_ID = script(`
  window.__messages = [];
  addEventListener('message', (event) => {
    let data;
    try { data = JSON.stringify(event.data); } catch { data = String(event.data); }
    window.__messages.push(data);
    const type = event.data && event.data.type;
    if (typeof type !== 'string' || !type.includes(':wxt:')) return;
    const prefix = type.slice(0, type.indexOf(':wxt:'));
    window.__replayed = prefix;
    document.dispatchEvent(new CustomEvent(prefix + ':wxt:content-script-started', { detail: { contentScriptName: 'page', messageId: 'the page' } }));
    window.dispatchEvent(new Event(prefix + ':wxt:locationchange'));
  }, true);`);

/** Describes each comment as the page sees it, before the extension runs (DOMContentLoaded) and on demand. */
const PROBE_CHIPS = script(`
  window.__probe = () => [...document.querySelectorAll('li.comment')].map((li) => ({
    id: li.id,
    elements: li.querySelectorAll('*').length,
    custom: [...li.querySelectorAll('*')].filter((e) => e.localName.includes('-')).length,
    height: Math.round(li.getBoundingClientRect().height),
  }));
  document.addEventListener('DOMContentLoaded', () => { window.__before = window.__probe(); });`);

/** Codes through the open panel: clicks [spam], writes a note, selects another row and closes the panel, all as script events. */
const FORGE_CLICKS = script(`
  window.__forge = () => {
    const root = document.querySelector('comment-annotator-panel')?.shadowRoot;
    if (!root) return 'no access to the panel';
    const spam = [...root.querySelectorAll('.ca-tagbtn')].find((b) => b.textContent.includes('spam'));
    spam.click();
    spam.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    const note = root.querySelector('.ca-note');
    note.focus();
    note.value = 'FORGED by the page';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    note.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    note.blur();
    const select = root.querySelector('select');
    select.value = 'untagged';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const rows = root.querySelectorAll('.ca-row');
    rows[rows.length - 1].click();
    root.querySelector('[aria-label="Close panel"]').click();
    return 'forged';
  };`);

/** The Xperia Blog page (2016) whose codings the look-alike page on phandroid.com goes after. */
export const XPERIA_VICTIM = () => fixture('002-xperiablog');

/** The text the look-alike page gives the victim page's first comment. */
export const FAKE_TEXT = 'FAKE text: this is not what QBerto wrote';

/** The isolation attacks, as pages under phandroid.com (where the content script starts by itself). */
export function isolationPages(): HostilePage[] {
  const victim = XPERIA_VICTIM();
  const lookAlike: HostilePage = {
    name: 'canonical-other-site',
    description: 'a phandroid.com page whose canonical link names an Xperia Blog article, with that article\'s comment markup and one comment\'s text changed',
    url: at('canonical-other-site'),
    expectedCount: 135,
    html: () => {
      const html = victim.html();
      const first = html.indexOf('<div id="dsq-comment-message-1846003" class="dsq-comment-message">');
      if (first < 0 || !html.includes(`<link rel="canonical" href="${victim.url}">`)) throw new Error('the Xperia Blog fixture changed: update the look-alike page');
      const end = html.indexOf('</div>', first);
      return `${html.slice(0, first)}<div id="dsq-comment-message-1846003" class="dsq-comment-message"><p>${FAKE_TEXT}</p>${html.slice(end)}`;
    },
  };
  return [
    page('listens-for-the-id', 'a page that reads every window message and replays WXT\'s stop and restart events with any id it sees', few(), LISTEN_FOR_ID),
    page('probes-chips', 'a page that measures its comments to find the coded ones while the panel is closed', few(), PROBE_CHIPS),
    page('forges-clicks', 'a page script that clicks the open panel\'s tag buttons, writes its note and closes it', few(), FORGE_CLICKS),
    lookAlike,
  ];
}

/** The isolation attacks as fixtures the harness serves, with the victim page. */
export function isolationFixtures(): Fixture[] {
  return [XPERIA_VICTIM(), ...isolationPages().map((p) => ({ name: p.name, description: p.description, url: p.url, layout: null, page: base(), html: p.html, committed: false }))];
}
