import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LayoutName } from '../layouts/registry';
import { generateThread } from './big-thread';
import { flatten, type SeedPage } from './model';
import { parseSeed, type CaptureStyle, type SeedFacts } from './parse';
import { bloggerClassicComments, bloggerPage, bloggerThreadedComments } from './render/blogger';
import { caschyPage } from './render/caschy';
import { commentTreePage } from './render/comment-tree';
import { coralEmbed } from './render/coral';
import { disqusEmbedDocument } from './render/disqus';
import { drupal10Comments, drupal7Comments, drupalPage } from './render/drupal';
import { embedPage } from './render/embed-page';
import { commentoEmbed, issoEmbed, twikooEmbed, valineEmbed, walineEmbed } from './render/embeds';
import { exampleBlogPage } from './render/example-blog';
import { discussionPage, giscusEmbed, giscusWidgetDocument, giscusWidgetUrl } from './render/giscus';
import { hyvorEmbed } from './render/hyvor';
import { jCommentsHtml, joomlaPage, jomCommentHtml, komentoHtml } from './render/joomla';
import { openWebEmbed } from './render/openweb';
import { phandroidPage } from './render/phandroid';
import { spaPage } from './render/spa';
import { staticBlogPage } from './render/static-blog';
import { movableTypeComments, typepadComments, typepadPage } from './render/typepad';
import { forumPage, guestbookPage, talkPage } from './render/unknown';
import { issuePage, utterancesDocument, utterancesEmbed, utterancesFrameUrl } from './render/utterances';
import { blockThemeComments, html5Comments } from './render/wordpress';
import { classicComments, kubrickComments, oldThemePage, thesisComments, twoIdComments } from './render/wordpress-themes';
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
  /** The cross-origin comment iframe (Disqus, giscus, utterances) that holds the thread. */
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
  const twoIdsUrl = 'https://zwei-ids.example.de/2025/08/08/sony-xperia-statement/';
  const thesisUrl = 'https://thesis.example.org/2013/10/11/sony-xperia-us-push/';
  const classicUrl = 'https://classic.example.net/2013/10/12/kaz-no-big-plans/';
  const kubrickUrl = 'https://kubrick.example.net/2016/06/30/sony-mobile-defocus/';
  const spaUrl = 'https://phandroid.com/2013/10/14/single-page-sony-xperia/';
  const spaSecondUrl = 'https://phandroid.com/2013/10/15/single-page-sony-statement/';
  const talkUrl = 'https://news.example.com/2025/08/08/sony-xperia-statement/';
  const guestbookUrl = 'https://guestbook.example.net/sony-xperia-us-push/';
  const giscusUrl = 'https://notizen.example.dev/2025/08/sony-xperia-1-vii-austausch/';
  const utterancesUrl = 'https://phone-notes.example.io/posts/sony-xperia-us-push/';
  const discussion = discussionPage(caschy);
  const issue = issuePage(phandroid);
  const bloggerThreadedUrl = 'https://example-blog.blogspot.com/2013/10/sony-xperia-us-push.html';
  const bloggerClassicUrl = 'https://classic-example.blogspot.com/2013/10/sony-xperia-us-push.html';
  const typepadUrl = 'https://example-weblog.typepad.com/weblog/2016/06/sony-mobile-to-defocus.html';
  const movableTypeUrl = 'https://mt.example.org/weblog/2025/08/sony-xperia-statement.html';
  // Blogger nests replies one level deep: a reply to a reply sits in its thread's reply list.
  const oneLevel: SeedPage = { ...phandroid, comments: phandroid.comments.map((c) => ({ ...c, children: flatten(c.children).map((r) => ({ ...r, children: [] })) })) };
  // The classic list is flat and has no linkbacks (Blogger lists backlinks apart).
  const flat: SeedPage = { ...phandroid, comments: flatten(phandroid.comments).map((c) => ({ ...c, children: [] })) };
  const drupal7Url = 'https://community.example.org/news/sony-xperia-us-push';
  const drupal10Url = 'https://magazin.example.de/artikel/sony-xperia-statement';
  const jCommentsUrl = 'https://joomla.example.com/news/12-sony-xperia-us-push';
  const komentoUrl = 'https://komento.example.com/blog/sony-xperia-statement';
  const jomCommentUrl = 'https://jomcomment.example.com/news/sony-xperia-defocus';
  const commentTreeUrl = 'https://discuss.example.org/story/13/10/11/sony-xperia-us-push';
  const coralUrl = 'https://www.dailyledger.example/tech/2013/10/11/sony-xperia-us-push';
  const commentoUrl = 'https://notizen.example.de/sony-xperia-statement/';
  const issoUrl = 'https://blog.isso.example.org/posts/sony-xperia-us-push/';
  const walineUrl = 'https://waline.example.dev/posts/sony-xperia-us-push/';
  const twikooUrl = 'https://twikoo.example.dev/2025/08/08/sony-xperia-statement/';
  const valineUrl = 'https://valine.example.dev/sony-xperia-statement.html';
  const openWebUrl = 'https://www.metrodaily.example/tech/sony-xperia-us-push-20131011.html';
  const hyvorUrl = 'https://hyvor.example.de/artikel/sony-xperia-statement';
  const count = (p: SeedPage) => flatten(p.comments).length;
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
    { name: 'blogger-threaded', description: 'Blogger threaded comments (li.comment#c{id}, replies one level deep, showComment= times), seed 000', url: bloggerThreadedUrl, layout: 'blogger', page: oneLevel, committed: true, onDemand: true,
      html: () => bloggerPage(oneLevel, bloggerThreadedUrl, SEEDS.phandroid, bloggerThreadedComments(oneLevel.comments, bloggerThreadedUrl)) },
    { name: 'blogger-classic', description: 'Blogger classic comments (dl#comments-block, dt/dd rows, flat), seed 000', url: bloggerClassicUrl, layout: 'blogger', page: flat, committed: true, onDemand: true,
      html: () => bloggerPage(flat, bloggerClassicUrl, SEEDS.phandroid, bloggerClassicComments(flat.comments, bloggerClassicUrl)) },
    { name: 'typepad', description: 'TypePad comment boxes (div.comment#comment-{hex}, "Posted by: NAME | DATE" footer), seed 002', url: typepadUrl, layout: 'typepad', page: xperia2016, committed: true, onDemand: true,
      html: () => typepadPage(xperia2016, typepadUrl, SEEDS.xperia2016, typepadComments(xperia2016.comments, typepadUrl)) },
    { name: 'movable-type', description: 'Movable Type 4 comments (flat div.comment#comment-N, byline with abbr.published, "replied to" links for replies), seed 003', url: movableTypeUrl, layout: 'typepad', page: caschy, committed: true, onDemand: true,
      html: () => typepadPage(caschy, movableTypeUrl, SEEDS.caschy, movableTypeComments(caschy.comments, movableTypeUrl)) },
    { name: 'wp-two-ids', description: 'A Twenty-Eleven-style callback on a German theme: li#li-comment-N > article#comment-N, author line with "sagt:", date and "Antworten", seed 003', url: twoIdsUrl, layout: 'wp', page: caschy, committed: true, onDemand: true,
      html: () => exampleBlogPage(caschy, twoIdsUrl, SEEDS.caschy, 'de-DE', twoIdComments(caschy.comments, twoIdsUrl)) },
    { name: 'wp-thesis', description: 'Thesis 1.x: dt/dd pairs in dl#comment_list, replies in dl.children, seed 000', url: thesisUrl, layout: 'wp', page: phandroid, committed: true, onDemand: true,
      html: () => oldThemePage(phandroid, thesisUrl, SEEDS.phandroid, 'en-US', 'thesis_18', thesisComments(phandroid.comments)) },
    { name: 'wp-classic', description: 'The pre-2.7 "Classic" theme: li#comment-N without classes, text then "Comment by NAME — date", pingbacks, seed 001', url: classicUrl, layout: 'wp', page: xperia2013, committed: true, onDemand: true,
      html: () => oldThemePage(xperia2013, classicUrl, SEEDS.xperia2013, 'en-US', 'classic', classicComments(xperia2013.comments)) },
    { name: 'wp-kubrick', description: 'Kubrick, the WordPress 1.5–2.6 default theme: li.alt#comment-N, cite + "Says:", loose paragraphs, seed 002', url: kubrickUrl, layout: 'wp', page: xperia2016, committed: true, onDemand: true,
      html: () => oldThemePage(xperia2016, kubrickUrl, SEEDS.xperia2016, 'en-US', 'default', kubrickComments(xperia2016.comments)) },
    { name: 'no-comments', description: 'Phandroid article with comments closed and a Recent Comments widget', url: noCommentsUrl, layout: null, page: noComments, committed: true,
      html: () => phandroidPage({ ...noComments, comments: phandroid.comments }, noCommentsUrl, SEEDS.phandroid, null) },
    { name: 'spa', description: 'A single-page site: "Next article" swaps in another article and its comments with history.pushState', url: spaUrl, layout: 'wp', page: phandroid, committed: true,
      html: () => spaPage(phandroid, spaUrl, caschy, spaSecondUrl, SEEDS.phandroid) },
    { name: 'unknown-talk', description: 'An unknown site with its own nested comment markup (author, time, text): found by the generic detector', url: talkUrl, layout: 'generic', page: caschy, committed: true, onDemand: true,
      html: () => talkPage(caschy, talkUrl, SEEDS.caschy) },
    { name: 'unknown-guestbook', description: 'An unknown site whose entries have no time and no author markup: the reader picks the thread', url: guestbookUrl, layout: null, page: phandroid, committed: true, onDemand: true,
      html: () => guestbookPage(phandroid, guestbookUrl, SEEDS.phandroid) },
    { name: 'giscus', description: 'A static blog with giscus: seed 003 in the cross-origin giscus.app/de/widget iframe, replies one level deep as GitHub Discussions keeps them', url: giscusUrl, layout: null, page: discussion, committed: true, onDemand: true,
      html: () => staticBlogPage(discussion, giscusUrl, SEEDS.caschy, 'de-DE', giscusEmbed(giscusUrl, caschy.title)),
      frame: { url: giscusWidgetUrl(giscusUrl, caschy.title), layout: 'giscus', html: () => giscusWidgetDocument(discussion.comments, caschy.title) } },
    { name: 'utterances', description: 'A static blog with utterances: seed 000 in the cross-origin utteranc.es iframe, flat and oldest first as a GitHub issue keeps them', url: utterancesUrl, layout: null, page: issue, committed: true, onDemand: true,
      html: () => staticBlogPage(issue, utterancesUrl, SEEDS.phandroid, 'en-US', utterancesEmbed(utterancesUrl, phandroid.title)),
      frame: { url: utterancesFrameUrl(utterancesUrl, phandroid.title), layout: 'utterances', html: () => utterancesDocument(issue.comments, phandroid.title) } },
    { name: 'drupal-7', description: 'Drupal 7 (Bartik, RDF): a#comment-N before div.comment, replies in div.indented, seed 000', url: drupal7Url, layout: 'drupal', page: phandroid, committed: true, onDemand: true,
      html: () => drupalPage(phandroid, drupal7Url, SEEDS.phandroid, 'en', drupal7Comments(phandroid.comments)) },
    { name: 'drupal-10', description: 'Drupal 10 (Olivero): article#comment-N, replies in div.indented, German, seed 003', url: drupal10Url, layout: 'drupal', page: caschy, committed: true, onDemand: true,
      html: () => drupalPage(caschy, drupal10Url, SEEDS.caschy, 'de', drupal10Comments(caschy.comments, 'de')) },
    { name: 'joomla-jcomments', description: 'Joomla with JComments in tree mode (div#comment-item-N, div.comments-list#comments-list-P), seed 000', url: jCommentsUrl, layout: 'jcomments', page: phandroid, committed: true, onDemand: true,
      html: () => joomlaPage(phandroid, jCommentsUrl, SEEDS.phandroid, jCommentsHtml(phandroid.comments, jCommentsUrl)) },
    { name: 'joomla-komento', description: 'Joomla with Komento (flat ul.kmt-list, parentid and depth attributes), seed 003', url: komentoUrl, layout: 'komento', page: caschy, committed: true, onDemand: true,
      html: () => joomlaPage(caschy, komentoUrl, SEEDS.caschy, komentoHtml(caschy.comments, komentoUrl)) },
    { name: 'joomla-jomcomment', description: 'Joomla with JomComment (flat div#pc_N, "written by" bylines, day-only dates), seed 002', url: jomCommentUrl, layout: 'jomcomment', page: xperia2016, committed: true, onDemand: true,
      html: () => joomlaPage(xperia2016, jomCommentUrl, SEEDS.xperia2016, jomCommentHtml(xperia2016.comments)) },
    { name: 'comment-tree', description: 'A news discussion site with the Slash engine\'s #commentlisting tree (li#tree_N, ul#commtree_N), seed 000', url: commentTreeUrl, layout: 'commtree', page: phandroid, committed: true, onDemand: true,
      html: () => commentTreePage(phandroid, commentTreeUrl, SEEDS.phandroid) },
    { name: 'embed-coral', description: 'Coral 7+: the stream in an open shadow root on #coral-shadow-container (declarative shadow DOM), replies in reply-list logs after their parent, seed 000', url: coralUrl, layout: 'coral', page: phandroid, committed: true, onDemand: true,
      html: () => embedPage(phandroid, coralUrl, SEEDS.phandroid, { site: 'The Daily Ledger', lang: 'en', embed: coralEmbed(phandroid.comments, count(phandroid)) }) },
    { name: 'embed-commento', description: 'Commento in the page (#commento), replies in children containers, a German reader (de-DE dates), seed 003', url: commentoUrl, layout: 'commento', page: caschy, committed: true, onDemand: true,
      html: () => embedPage(caschy, commentoUrl, SEEDS.caschy, { site: 'Notizen', lang: 'de', embed: commentoEmbed(caschy.comments, 'de-DE') }) },
    { name: 'embed-isso', description: 'Isso in the page (#isso-thread), replies nested in .isso-follow-up, seed 000', url: issoUrl, layout: 'isso', page: phandroid, committed: true, onDemand: true,
      html: () => embedPage(phandroid, issoUrl, SEEDS.phandroid, { site: 'Isso Example', lang: 'en', embed: issoEmbed(phandroid.comments, count(phandroid)) }) },
    { name: 'embed-waline', description: 'Waline in the page (#waline), replies of every depth flattened into .wl-quote with @mentions, seed 000', url: walineUrl, layout: 'waline', page: phandroid, committed: true, onDemand: true,
      html: () => embedPage(phandroid, walineUrl, SEEDS.phandroid, { site: 'Waline Example', lang: 'en', embed: walineEmbed(phandroid.comments, count(phandroid)) }) },
    { name: 'embed-twikoo', description: 'Twikoo in the page (#tcomment), replies of every depth flattened into .tk-replies with "Reply @name:", seed 003', url: twikooUrl, layout: 'twikoo', page: caschy, committed: true, onDemand: true,
      html: () => embedPage(caschy, twikooUrl, SEEDS.caschy, { site: 'Twikoo Beispiel', lang: 'de', embed: twikooEmbed(caschy.comments, count(caschy)) }) },
    { name: 'embed-valine', description: 'Valine in the page (#vcomments), replies of every depth flattened into .vquote with "@name ,", seed 003', url: valineUrl, layout: 'valine', page: caschy, committed: true, onDemand: true,
      html: () => embedPage(caschy, valineUrl, SEEDS.caschy, { site: 'Valine Beispiel', lang: 'de', embed: valineEmbed(caschy.comments, count(caschy)) }) },
    { name: 'embed-openweb', description: 'OpenWeb (Spot.IM): the conversation in an open shadow root inside [data-spotim-module=conversation], message stacks with replies in .spcv_children-list, seed 000', url: openWebUrl, layout: 'openweb', page: phandroid, committed: true, onDemand: true,
      html: () => embedPage(phandroid, openWebUrl, SEEDS.phandroid, { site: 'Metro Daily', lang: 'en', embed: openWebEmbed(phandroid.comments, count(phandroid), 'sony-xperia-us-push-20131011') }) },
    { name: 'embed-hyvor', description: 'Hyvor Talk 3: <hyvor-talk-comments> with an open shadow root (declarative), comments keyed by their time link, replies in .comment-replies, a German reader, seed 003', url: hyvorUrl, layout: 'hyvor', page: caschy, committed: true, onDemand: true,
      html: () => embedPage(caschy, hyvorUrl, SEEDS.caschy, { site: 'Hyvor Beispiel', lang: 'de', embed: hyvorEmbed(caschy.comments, count(caschy), 'sony-xperia-statement') }) },
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
