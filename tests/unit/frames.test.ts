import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { commentKeyAt, extractComments, locateComment } from '../../layouts/registry';
import { PageChips } from '../../page/page-chips';
import { FRAME_LAYOUTS } from '../../layouts/frame-layouts';
import { COMMENT_FRAMES } from '../../lib/sites';
import { generateThread } from '../../seeds/big-thread';
import { fixture, loadFixtures } from '../../seeds/fixtures';
import { flatten, type SeedPage } from '../../seeds/model';
import { discussionCommentId, discussionPage, giscusWidgetDocument } from '../../seeds/render/giscus';
import { issueCommentId, utterancesDocument } from '../../seeds/render/utterances';
import { expectedKey, extractHtml, parsePage } from './helpers';

// Comment systems that live in a cross-origin iframe: the frame content script must be declared
// for each frame's address and nothing on the article page may pass for their comments; inside
// the frame, keys come from the GitHub links the embeds print, and locating, clicking and chips
// find the right element even where the markup nests one comment's links in another.

const frameFixtures = loadFixtures().filter((f) => f.committed && f.frame);
const GISCUS = fixture('giscus');
const UTTERANCES = fixture('utterances');

describe('the frame content script’s match patterns', () => {
  it.each(frameFixtures.map((f) => [f.name, f.frame!.url] as const))('%s: its frame address is matched', (_name, url) => {
    expect(COMMENT_FRAMES.some((pattern) => new MatchPattern(pattern).includes(url))).toBe(true);
  });

  it('match giscus in any locale but not giscus’s own pages or other hosts', () => {
    const matched = (url: string) => COMMENT_FRAMES.some((pattern) => new MatchPattern(pattern).includes(url));
    expect(matched('https://giscus.app/widget?origin=x')).toBe(true);
    expect(matched('https://giscus.app/zh-CN/widget?origin=x')).toBe(true);
    expect(matched('https://giscus.app/')).toBe(false);
    expect(matched('https://giscus.app/de')).toBe(false);
    expect(matched('https://utteranc.es/')).toBe(false);
    expect(matched('https://evil.example/utterances.html')).toBe(false);
  });
});

describe('the frame content script’s layouts', () => {
  // The frame's script looks only for the frame families (layouts/frame-layouts.ts): it must
  // find, key and locate every frame fixture's comments as the whole registry does.
  it.each(frameFixtures.map((f) => [f.name, f] as const))('%s: read in the frame as every layout reads it', (_name, f) => {
    const d = parsePage(f.frame!.html());
    const all = extractComments(d, f.frame!.url);
    const found = FRAME_LAYOUTS.detect(d);
    expect(all.comments.length).toBeGreaterThan(0);
    expect(found?.layout.name).toBe(all.layout);
    expect(found!.layout.extract(found!.thread, f.frame!.url)).toEqual(all.comments);
    for (const c of all.comments) expect(FRAME_LAYOUTS.locate(d, c.key)).toBe(locateComment(d, c.key));
  });

  it('finds nothing on an article page: the page families are not among them', () => {
    const wordpress = fixture('002-xperiablog');
    expect(extractHtml(wordpress.html(), wordpress.url).comments.length).toBeGreaterThan(0);
    expect(FRAME_LAYOUTS.detect(parsePage(wordpress.html()))).toBeNull();
  });
});

describe('article pages that hold a comment frame', () => {
  it.each(frameFixtures.map((f) => [f.name, f] as const))('%s: the page itself has no comments, even with the generic detector', (_name, f) => {
    expect(extractHtml(f.html(), f.url, true)).toEqual({ layout: null, comments: [] });
    expect(f.html()).toContain(`src="${f.frame!.url.replaceAll('&', '&amp;')}"`);
  });
});

describe('giscus frame', () => {
  const doc = () => parsePage(GISCUS.frame!.html());
  const seeds = flatten(GISCUS.page.comments);
  const reply = seeds.find((c) => GISCUS.page.comments.some((top) => top.children.includes(c)))!;
  const parent = GISCUS.page.comments.find((top) => top.children.includes(reply))!;

  it('locates comments and replies by key, and a click inside one gives its key', () => {
    const d = doc();
    for (const c of [parent, reply]) {
      const el = locateComment(d, `giscus:${discussionCommentId(c)}`)!;
      expect(el.className).toBe(c === reply ? 'gsc-reply' : 'gsc-comment');
      expect(commentKeyAt(el.querySelector('p'), 'giscus')).toBe(`giscus:${discussionCommentId(c)}`);
    }
    // A click on the parent's own text is the parent's, not one of the replies inside it.
    expect(commentKeyAt(locateComment(d, `giscus:${discussionCommentId(parent)}`)!.querySelector('.gsc-comment-content p'), 'giscus'))
      .toBe(`giscus:${discussionCommentId(parent)}`);
  });

  it('a comment linking another comment does not make locate pick the linking one', () => {
    const d = doc();
    const [first, second] = GISCUS.page.comments;
    const firstEl = locateComment(d, `giscus:${discussionCommentId(first)}`)!;
    const secondEl = locateComment(d, `giscus:${discussionCommentId(second)}`)!;
    expect(secondEl).not.toBe(firstEl);
    const link = d.createElement('a');
    link.setAttribute('href', `https://github.com/o/r/discussions/41#discussioncomment-${discussionCommentId(second)}`);
    firstEl.querySelector('.gsc-comment-content')!.append(link);
    expect(locateComment(d, `giscus:${discussionCommentId(second)}`)).toBe(secondEl);
  });

  it('a minimized comment (no header) is left out and does not take a reply’s key', () => {
    const d = doc();
    const el = locateComment(d, `giscus:${discussionCommentId(parent)}`)!;
    el.querySelector('.gsc-comment-header')!.remove();
    const { comments } = extractComments(d, GISCUS.frame!.url);
    const keys = comments.map((c) => c.key);
    expect(keys).not.toContain(`giscus:${discussionCommentId(parent)}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(seeds.length - 1);
    expect(commentKeyAt(el.querySelector('.gsc-comment-content'), 'giscus')).toBeNull();
  });

  it('puts chips on the tagged comment only, inside the frame document', () => {
    const d = doc();
    const key = `giscus:${discussionCommentId(reply)}`;
    new PageChips(d, FRAME_LAYOUTS).render({ [key]: [{ name: 'praise', colour: '#080' }] });
    const hosts = d.querySelectorAll('comment-annotator-chips');
    expect(hosts).toHaveLength(1);
    expect(hosts[0].parentElement).toBe(locateComment(d, key));
  });

  it('reads a large generated discussion: every reply under its thread’s first comment', () => {
    const base: SeedPage = { title: 'T', byline: 'B', publishedAt: '2020-01-01T10:00:00', category: 'News', paragraphs: [], comments: [] };
    const page = discussionPage(generateThread(base, 300, 'alpha beta gamma delta epsilon zeta eta theta'));
    const { layout, comments } = extractHtml(giscusWidgetDocument(page.comments, 'T'), 'https://giscus.app/widget?x=1');
    expect(layout).toBe('giscus');
    const all = flatten(page.comments);
    expect(comments.map((c) => c.key)).toEqual(all.map((c) => expectedKey('giscus', c)));
    for (const top of page.comments) {
      for (const r of top.children) {
        const got = comments.find((c) => c.key === expectedKey('giscus', r))!;
        expect(got).toMatchObject({ parentKey: expectedKey('giscus', top), depth: 1 });
      }
    }
  });
});

describe('utterances frame', () => {
  const doc = () => parsePage(UTTERANCES.frame!.html());
  const seeds = flatten(UTTERANCES.page.comments);

  it('the new-comment form (also an article.timeline-comment) is not a comment', () => {
    const d = doc();
    const articles = d.querySelectorAll('article.timeline-comment');
    expect(articles).toHaveLength(seeds.length + 1);
    expect(commentKeyAt(articles[articles.length - 1].querySelector('textarea'), 'utterances')).toBeNull();
    expect(extractComments(d, UTTERANCES.frame!.url).comments).toHaveLength(seeds.length);
  });

  it('locates each comment by key; a click in its text gives the key back', () => {
    const d = doc();
    for (const c of [seeds[0], seeds[seeds.length - 1]]) {
      const key = `utterances:${issueCommentId(c)}`;
      expect(commentKeyAt(locateComment(d, key)!.querySelector('.markdown-body p'), 'utterances')).toBe(key);
    }
  });

  it('reads relative times as unknown and German dates as days; a time element wins', () => {
    const [a, b, c] = seeds;
    const html = utterancesDocument([a, b, c], 'T')
      .replace(/>on [A-Z][a-z]{2} \d+, \d{4}</, '>3 weeks ago<')
      .replace(/>on [A-Z][a-z]{2} \d+, \d{4}</, '>am 30. Juni 2016<')
      .replace(/>on [A-Z][a-z]{2} \d+, \d{4}</, '><relative-time datetime="2016-06-30T10:11:12Z">Jun 30, 2016</relative-time><');
    const { comments } = extractHtml(html, 'https://utteranc.es/utterances.html?x=1');
    expect(comments.map((x) => x.publishedAt)).toEqual([null, '2016-06-30T00:00:00', '2016-06-30T10:11:12.000Z']);
  });
});
