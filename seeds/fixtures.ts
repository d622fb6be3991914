import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LayoutName } from '../layouts/registry';
import { generateThread } from './big-thread';
import type { SeedPage } from './model';
import { parseSeed, type CaptureStyle, type SeedFacts } from './parse';
import { caschyPage } from './render/caschy';
import { disqusEmbedDocument } from './render/disqus';
import { exampleBlogPage } from './render/example-blog';
import { phandroidPage } from './render/phandroid';
import { spaPage } from './render/spa';
import { forumPage, guestbookPage, talkPage } from './render/unknown';
import { blockThemeComments, html5Comments } from './render/wordpress';
import { wpDiscuz5Comments, wpDiscuz7Comments } from './render/wpdiscuz';
import { disqusEmbedUrl, xperiaBlogPage } from './render/xperiablog';

/** Where the seed texts and the built pages live. */
export const SEEDS_DIR = dirname(fileURLToPath(import.meta.url));

/** One offline page: what it is built from, the address it stands in for, what must be found on it. */
export interface Fixture {
  name: string;
  description: string;
  /** The real address the page is served under in end-to-end tests and the demo. */
  url: string;
  /** The layout the top document must be detected as (null: no thread in the top document). */
  layout: LayoutName | null;
  page: SeedPage;
  html(): string;
  /** The cross-origin Disqus iframe, for live Disqus pages. */
  frame?: { url: string; layout: LayoutName; html(): string; /** Threads shown before "Load more comments". */ pageSize?: number };
  /** Large generated pages are built on demand, not committed. */
  committed: boolean;
  /** On a site the extension does not know: it runs only when asked, with the generic layout allowed. */
  onDemand?: true;
}

const SEEDS = {
  phandroid: '000_e4ea809e101c93dc.txt',
  xperia2013: '001_bb408e0f6c2df4db.txt',
  xperia2016: '002_6228a04176b38144.txt',
  caschy: '003_3535f5bb2f64a44a.txt',
} as const;

function seed(file: string, style: CaptureStyle, facts: SeedFacts): SeedPage {
  return parseSeed(readFileSync(join(SEEDS_DIR, 'texts', file), 'utf8'), style, facts);
}

const XPERIA: CaptureStyle = { numberedReplies: false, header: 'xperia' };
const CASCHY: CaptureStyle = {
  numberedReplies: false,
  furniture: /^(Gefällt dir der Artikel|Avatar-Foto|Neueste Beiträge|Mit dem Absenden eines Kommentars|\d+ Kommentare$)/,
};

/** Every fixture page, built from the seeds (parsing is cheap; pages render on demand). */
export function loadFixtures(): Fixture[] {
  const phandroid = seed(SEEDS.phandroid, { numberedReplies: true },
    { title: 'Sony will dial back its Xperia push in the US', byline: 'Phandroid Staff', publishedAt: '2013-10-11T14:20:00', firstId: 341200 });
  const xperia2013 = seed(SEEDS.xperia2013, XPERIA, { publishedAt: '2013-10-12T08:15:00', firstId: 1120400 });
  const xperia2016 = seed(SEEDS.xperia2016, XPERIA, { publishedAt: '2016-06-30T09:40:00', firstId: 1846000 });
  const caschy = seed(SEEDS.caschy, CASCHY, { byline: 'Gastautor (erfunden)', publishedAt: '2025-08-08T10:30:00', firstId: 337100 });

  const phandroidUrl = 'https://phandroid.com/2013/10/11/sony-xperia-us-push/';
  const x2013Url = 'https://www.xperiablog.net/2013/10/12/kaz-confirms-no-big-plans-for-china-and-us-xperia-push/';
  const x2016Url = 'https://www.xperiablog.net/2016/06/30/sony-mobile-to-defocus-on-india-and-usa/';
  const x2016LiveUrl = 'https://www.xperiablog.net/2016/06/30/sony-mobile-to-defocus-on-india-and-usa-live/';
  const x2016MoreUrl = 'https://www.xperiablog.net/2016/06/30/sony-mobile-to-defocus-on-india-and-usa-load-more/';
  const caschyUrl = 'https://stadt-bremerhaven.de/sony-xperia-offizielles-statement-zum-austausch-des-xperia-1-vii/';
  const noCommentsUrl = 'https://phandroid.com/2013/10/12/sony-xperia-z1-us-pricing/';
  const bigUrl = 'https://phandroid.com/2013/10/13/sony-xperia-z1-mega-thread/';
  const blockUrl = 'https://blocktheme.example.org/2013/10/11/sony-xperia-us-push/';
  const wpd7Url = 'https://wpdiscuz.example.org/sony-xperia-statement/';
  const wpd5Url = 'https://wpdiscuz5.example.org/2013/10/11/sony-xperia-us-push/';
  const spaUrl = 'https://phandroid.com/2013/10/14/single-page-sony-xperia/';
  const spaSecondUrl = 'https://phandroid.com/2013/10/15/single-page-sony-statement/';
  const talkUrl = 'https://news.example.com/2025/08/08/sony-xperia-statement/';
  const guestbookUrl = 'https://guestbook.example.net/sony-xperia-us-push/';
  const forumUrl = 'https://forum.example.org/topic/kaz-confirms-no-big-plans-for-china-and-us/';
  // A forum has no pingbacks: its thread is the seed's reader comments.
  const forum: SeedPage = { ...xperia2013, comments: xperia2013.comments.filter((c) => c.kind === 'comment') };
  const big = generateThread(phandroid, 10_000, phandroid.paragraphs.join(' '));
  const noComments: SeedPage = { ...phandroid, title: 'Sony Xperia Z1 US pricing revealed', comments: [] };

  return [
    { name: '000-phandroid', description: 'Phandroid, WordPress html5 comments, ol at every depth', url: phandroidUrl, layout: 'wp', page: phandroid, committed: true,
      html: () => phandroidPage(phandroid, phandroidUrl, SEEDS.phandroid, html5Comments(phandroid.comments, phandroidUrl)) },
    { name: '001-xperiablog', description: 'Xperia Blog 2013, Disqus plugin fallback with 2013 quirks', url: x2013Url, layout: 'disqus-wp', page: xperia2013, committed: true,
      html: () => xperiaBlogPage(xperia2013, x2013Url, SEEDS.xperia2013, 'plugin', true) },
    { name: '002-xperiablog', description: 'Xperia Blog 2016, Disqus plugin fallback', url: x2016Url, layout: 'disqus-wp', page: xperia2016, committed: true,
      html: () => xperiaBlogPage(xperia2016, x2016Url, SEEDS.xperia2016, 'plugin', false) },
    { name: '002-xperiablog-live-disqus', description: 'Xperia Blog 2016 as it loads today: #disqus_thread holds the Disqus iframe', url: x2016LiveUrl, layout: null, page: xperia2016, committed: true,
      html: () => xperiaBlogPage(xperia2016, x2016LiveUrl, SEEDS.xperia2016, 'live', false),
      frame: { url: disqusEmbedUrl(x2016LiveUrl, xperia2016.title), layout: 'disqus', html: () => disqusEmbedDocument(xperia2016.comments, x2016LiveUrl, xperia2016.title) } },
    { name: '002-xperiablog-load-more', description: 'Xperia Blog 2016 with the Disqus iframe showing 10 threads until "Load more comments" is clicked', url: x2016MoreUrl, layout: null, page: xperia2016, committed: true,
      html: () => xperiaBlogPage(xperia2016, x2016MoreUrl, SEEDS.xperia2016, 'live', false),
      frame: { url: disqusEmbedUrl(x2016MoreUrl, xperia2016.title), layout: 'disqus', pageSize: 10, html: () => disqusEmbedDocument(xperia2016.comments, x2016MoreUrl, xperia2016.title, 10) } },
    { name: '003-caschy', description: 'Caschys Blog, WordPress xhtml comments (ol.commentlist, ul.children), German', url: caschyUrl, layout: 'wp', page: caschy, committed: true,
      html: () => caschyPage(caschy, caschyUrl, SEEDS.caschy) },
    { name: 'block-theme', description: 'WordPress block theme (ol.wp-block-comment-template), seed 000', url: blockUrl, layout: 'wp', page: phandroid, committed: true,
      html: () => exampleBlogPage(phandroid, blockUrl, SEEDS.phandroid, 'en-US', blockThemeComments(phandroid.comments, blockUrl)) },
    { name: 'wpdiscuz-7', description: 'wpDiscuz 7 (wpd- markup), seed 003', url: wpd7Url, layout: 'wpdiscuz', page: caschy, committed: true,
      html: () => exampleBlogPage(caschy, wpd7Url, SEEDS.caschy, 'de-DE', wpDiscuz7Comments(caschy.comments, 9)) },
    { name: 'wpdiscuz-5', description: 'wpDiscuz 5 (wc- markup), seed 000', url: wpd5Url, layout: 'wpdiscuz', page: phandroid, committed: true,
      html: () => exampleBlogPage(phandroid, wpd5Url, SEEDS.phandroid, 'en-US', wpDiscuz5Comments(phandroid.comments)) },
    { name: 'no-comments', description: 'Phandroid article with comments closed and a Recent Comments widget', url: noCommentsUrl, layout: null, page: noComments, committed: true,
      html: () => phandroidPage({ ...noComments, comments: phandroid.comments }, noCommentsUrl, SEEDS.phandroid, null) },
    { name: 'spa', description: 'A single-page site: "Next article" swaps in another article and its comments with history.pushState', url: spaUrl, layout: 'wp', page: phandroid, committed: true,
      html: () => spaPage(phandroid, spaUrl, caschy, spaSecondUrl, SEEDS.phandroid) },
    { name: 'unknown-talk', description: 'An unknown site with its own nested comment markup (author, time, text): found by the generic detector', url: talkUrl, layout: 'generic', page: caschy, committed: true, onDemand: true,
      html: () => talkPage(caschy, talkUrl, SEEDS.caschy) },
    { name: 'unknown-guestbook', description: 'An unknown site whose entries have no time and no author markup: the reader picks the thread', url: guestbookUrl, layout: null, page: phandroid, committed: true, onDemand: true,
      html: () => guestbookPage(phandroid, guestbookUrl, SEEDS.phandroid) },
    { name: 'unknown-forum', description: 'An unknown forum-style thread: flat posts, replies marked by depth classes, profile links as authors: found by the generic detector', url: forumUrl, layout: 'generic', page: forum, committed: true, onDemand: true,
      html: () => forumPage(forum, forumUrl, SEEDS.xperia2013) },
    { name: 'big-10000', description: '10,000 generated comments in nested threads, Phandroid markup', url: bigUrl, layout: 'wp', page: big, committed: false,
      html: () => phandroidPage(big, bigUrl, 'generated from seed 000', html5Comments(big.comments, bigUrl)) },
  ];
}

/** The fixture called `name`; throws with the known names otherwise. */
export function fixture(name: string): Fixture {
  const all = loadFixtures();
  const found = all.find((f) => f.name === name);
  if (!found) throw new Error(`No fixture "${name}"; known: ${all.map((f) => f.name).join(', ')}`);
  return found;
}
