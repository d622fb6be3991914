import { describe, expect, it } from 'vitest';
import { allowGenericLayout, detectRepeatedBlocks, generalisePick, usePick } from '../../layouts/generic';
import { commentKeyAt, extractComments, locateComment } from '../../layouts/registry';
import { foldSpace } from '../../layouts/text';
import { fixture, loadFixtures } from '../../seeds/fixtures';
import { flatten, seedText } from '../../seeds/model';
import { extractHtml, parsePage } from './helpers';

describe('generic layout (pages the reader opened the panel on by hand)', () => {
  it('finds nothing unless the reader asked on that document', () => {
    const f = fixture('unknown-talk');
    expect(extractHtml(f.html(), f.url)).toEqual({ layout: null, comments: [] });
    expect(extractHtml(f.html(), f.url, true).comments).toHaveLength(9);
  });

  it('never replaces a known layout, and finds no thread on pages that have none', () => {
    for (const f of loadFixtures().filter((x) => x.committed && !x.onDemand && !x.frame)) {
      expect(extractHtml(f.html(), f.url, true).layout, f.name).toBe(f.layout);
    }
  });

  it('finds no thread in article text, link lists or forms', () => {
    const page = '<html><body><article><h1>T</h1><p>First paragraph of the article, long enough.</p><p>Second paragraph, also long enough to count.</p></article>'
      + '<ul class="related"><li><a href="/a">Another story from May 3</a></li><li><a href="/b">A third story from May 4</a></li></ul></body></html>';
    expect(extractHtml(page, 'https://x.example/', true)).toEqual({ layout: null, comments: [] });
  });

  it('a guestbook without times or author markup is not guessed; one click on an entry picks the whole thread', () => {
    const f = fixture('unknown-guestbook');
    const doc = parsePage(f.html());
    expect(detectRepeatedBlocks(doc)).toBeNull();
    allowGenericLayout(doc, null);
    expect(extractComments(doc, f.url).layout).toBeNull();

    const clicked = doc.querySelectorAll('#feedback > .gb-entry')[1].querySelector('p')!;
    const pick = generalisePick(clicked)!;
    expect(pick).toEqual({ thread: '#feedback', member: 'div.gb-entry' });
    usePick(doc, pick);
    const { layout, comments } = extractComments(doc, f.url);
    const seeds = flatten(f.page.comments);
    expect(layout).toBe('generic');
    expect(comments).toHaveLength(seeds.length);
    expect(comments.filter((c) => c.parentKey === null)).toHaveLength(f.page.comments.length);
    seeds.forEach((seed, i) => expect(foldSpace(comments[i].text)).toContain(foldSpace(seedText(seed))));
    expect(new Set(comments.map((c) => c.key)).size).toBe(comments.length);

    // Clicks in the page find their comment, and a key finds its element again.
    const second = comments[5];
    const element = locateComment(doc, second.key)!;
    expect(commentKeyAt(element.querySelector('p'), 'generic')).toBe(second.key);
  });

  it('a remembered pick that no longer fits the page is ignored', () => {
    const f = fixture('unknown-talk');
    const doc = parsePage(f.html());
    allowGenericLayout(doc, { thread: '#gone', member: 'div.x' });
    expect(extractComments(doc, f.url).comments).toHaveLength(9); // the detector still runs
    const broken = parsePage(f.html());
    allowGenericLayout(broken, { thread: ':::', member: '(' });
    expect(extractComments(broken, f.url).layout).toBe('generic');
  });
});
