import { describe, expect, it } from 'vitest';
import { foldSpace } from '../../layouts/text';
import { loadFixtures } from '../../seeds/fixtures';
import { flatten, seedText, type SeedComment } from '../../seeds/model';
import { expectedAuthor, expectedKey, extractHtml } from './helpers';

const fixtures = loadFixtures().filter((f) => f.committed);
const withThread = fixtures.flatMap((f) => {
  if (f.frame?.pageSize) return []; // the same thread as the fixture without paging, a page at a time
  if (f.frame) return [{ name: `${f.name} (${f.frame.layout} iframe)`, f, layout: f.frame.layout, html: f.frame.html, url: f.frame.url }];
  if (f.layout) return [{ name: f.name, f, layout: f.layout, html: f.html, url: f.url }];
  return [];
});

/**
 * Expected publishedAt per layout: what each markup can tell (the plugin fallback has no dates;
 * utterances prints the day only, "on Oct 11, 2013").
 */
function expectedDate(layout: string, fixtureName: string, comment: SeedComment): string | null {
  if (layout === 'disqus-wp') return null;
  // The day only: utterances, JomComment, Commento's locale title, Waline's and Valine's older comments.
  if (['utterances', 'jomcomment', 'commento', 'waline', 'valine'].includes(layout)) return `${comment.publishedAt.slice(0, 10)}T00:00:00`;
  // Machine times: Blogger's showComment=, Movable Type's abbr.published, Drupal 7's RDF, Komento, the embeds' datetime; the rest print local text
  // (as do Caschy, 003, and the old WordPress themes, wp-*).
  const zoned = (layout === 'wp' && !fixtureName.startsWith('003') && !fixtureName.startsWith('wp-')) || ['generic', 'giscus', 'blogger', 'komento', 'coral', 'isso', 'twikoo'].includes(layout)
    || fixtureName === 'movable-type' || fixtureName === 'drupal-7';
  return zoned ? `${comment.publishedAt}.000Z` : comment.publishedAt;
}

/** The permalink each family's markup gives, where it is not WordPress's `#comment-N` (the GitHub embeds link GitHub). */
const PERMALINK: Partial<Record<string, RegExp>> = {
  generic: /^https:\/\/[^#]+#talk-\d+$/,
  giscus: /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/discussions\/\d+#discussioncomment-\d+$/,
  utterances: /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/issues\/\d+#issuecomment-\d+$/,
  blogger: /^https:\/\/[^#?]+\?showComment=\d{12,}#c\d+$/,
  typepad: /^https:\/\/[^#]+#comment-[0-9a-f]+$/,
  komento: /^https:\/\/[^#]+#kmt-\d+$/,
  drupal: /^https:\/\/[^#/]+\/comment\/(\d+)#comment-\1$/,
  commtree: /^https:\/\/[^#]+\/comments\.pl\?sid=\d+&cid=\d+$/,
  coral: /^https:\/\/[^#?]+\?commentID=[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  commento: /^https:\/\/[^#]+#commento-[0-9a-f]{64}$/,
  isso: /^https:\/\/[^#]+#isso-\d+$/,
  waline: /^https:\/\/[^#]+#\d+$/,
  twikoo: /^https:\/\/[^#]+#[0-9a-f]{24}$/,
  valine: /^https:\/\/[^#]+#[0-9a-f]{24}$/,
  hyvor: /^https:\/\/talk\.hyvor\.com\/comment\/\d+$/,
};

describe.each(withThread)('layout on $name', ({ f, layout, html, url }) => {
  const result = extractHtml(html(), url, f.onDemand);
  const expected = flatten(f.page.comments);

  it('detects the right layout', () => {
    expect(result.layout).toBe(layout);
  });

  it('finds exactly the seed comments, in thread order, with their depth and threads', () => {
    expect(result.comments).toHaveLength(expected.length);
    expect(result.comments.filter((c) => c.parentKey === null)).toHaveLength(f.page.comments.length);
    const depthOf = new Map<SeedComment, number>();
    const parentOf = new Map<SeedComment, SeedComment | null>();
    const visit = (list: SeedComment[], depth: number, parent: SeedComment | null) => list.forEach((c) => {
      depthOf.set(c, depth);
      parentOf.set(c, parent);
      visit(c.children, depth + 1, c);
    });
    visit(f.page.comments, 0, null);
    const keyOf = new Map(expected.map((c, i) => [c, result.comments[i].key]));
    expected.forEach((seed, i) => {
      const got = result.comments[i];
      expect(got.depth, `depth of #${i}`).toBe(depthOf.get(seed));
      const parent = parentOf.get(seed);
      expect(got.parentKey, `parent of #${i}`).toBe(parent ? keyOf.get(parent) : null);
      expect(got.kind).toBe(seed.kind);
      const key = expectedKey(layout, seed, f.name);
      if (key) expect(got.key).toBe(key);
      else expect(got.key).toMatch(new RegExp(`^${layout}:${seed.kind}-[0-9a-f]{8}$`));
    });
  });

  it('reads each comment’s own text only (equal to the seed text after whitespace folding)', () => {
    expected.forEach((seed, i) => {
      expect(foldSpace(result.comments[i].text), `text of #${i} (${seed.author})`).toBe(foldSpace(seedText(seed)));
    });
  });

  it('keeps paragraphs apart with a blank line and no author, date or Reply link in the text', () => {
    const multi = expected.findIndex((c) => c.paragraphs.length > 1);
    if (multi !== -1) expect(result.comments[multi].text).toBe(seedText(expected[multi]));
    for (const c of result.comments) expect(c.text).not.toMatch(/^(Reply|Antworten)$|\bReply$|says:/m);
  });

  it('reads author, time and permalink where the markup has them', () => {
    expected.forEach((seed, i) => {
      const got = result.comments[i];
      expect(got.author).toBe(expectedAuthor(layout, seed));
      expect(got.publishedAt).toBe(expectedDate(layout, f.name, seed));
      if (layout === 'disqus-wp' || layout === 'openweb') expect(got.permalink).toBeNull();
      else expect(got.permalink).toMatch(PERMALINK[layout] ?? /^https:\/\/[^#]+#comment-\d+$/);
    });
  });

  it('gives every comment a unique key prefixed by its family', () => {
    const keys = result.comments.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key.startsWith(`${layout}:`)).toBe(true);
  });
});

describe('pages without a thread', () => {
  it('the no-comment page (with a Recent Comments widget linking to #comment-N) gives no layout and no comments', () => {
    const f = fixtures.find((x) => x.name === 'no-comments')!;
    const html = f.html();
    expect(html).toContain('widget_recent_comments');
    expect(html).toMatch(/#comment-\d+/);
    expect(extractHtml(html, f.url)).toEqual({ layout: null, comments: [] });
  });

  it('the live Disqus host page finds nothing itself: the comments are in the iframe', () => {
    const f = fixtures.find((x) => x.frame)!;
    expect(extractHtml(f.html(), f.url)).toEqual({ layout: null, comments: [] });
  });

  it('never takes Recent Comments widget rows for comments on pages that do have a thread', () => {
    for (const f of fixtures.filter((x) => x.layout && !x.onDemand)) {
      const html = f.html();
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const widgetLinks = doc.querySelectorAll('.widget_recent_comments a').length;
      expect(widgetLinks, f.name).toBeGreaterThan(0);
      expect(extractHtml(html, f.url).comments).toHaveLength(flatten(f.page.comments).length);
    }
  });

  it('an empty document, and WordPress post lists that look like Disqus posts, give nothing', () => {
    expect(extractHtml('<html><body></body></html>', 'https://x.example/')).toEqual({ layout: null, comments: [] });
    const postList = '<ul class="post-list"><li id="post-12" class="post-12 post type-post"><h2>Title</h2></li></ul>';
    expect(extractHtml(`<html><body>${postList}</body></html>`, 'https://x.example/').layout).toBeNull();
  });
});
