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

/** A small hand-written page: an article, then `after` (a thread, a widget, a list). */
function page(after: string, aside = ''): string {
  return `<!DOCTYPE html><html><head><title>T</title></head><body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<main><article><h1>Council approves the new bridge</h1><p>The council voted on Tuesday to approve the long-debated bridge over the river, ending years of argument.</p>
<p>Construction is expected to begin next spring and to take about two years, the mayor said after the vote.</p></article>${after}</main>${aside}</body></html>`;
}

const detect = (html: string) => extractHtml(html, 'https://site.example/story', true);
const words = (n: number, seed: string) => Array.from({ length: n }, (_, i) => `${seed}${i}`).join(' ');

describe('generic detector: signals', () => {
  it('reads a thread named like comments, with odd/even and depth classes, nested replies and furniture left out', () => {
    const li = (id: number, cls: string, who: string, text: string, replies = '') => `<li id="note-${id}" class="comment ${cls}">
<div class="comment-head"><cite class="fn">${who}</cite> <span class="says">says:</span> <time datetime="2024-05-0${id}T10:00:00Z">May ${id}, 2024</time></div>
<div class="comment-content"><p>${text}</p></div><div class="comment-actions"><a href="#r">Reply</a> <span class="votes">12 points</span></div>${replies}</li>`;
    const thread = `<section id="comments"><h2>3 Comments</h2><ol class="comment-list">
${li(1, 'odd thread-odd depth-1', 'Ann Lee', 'I walk across that river every day and a bridge would save me an hour.',
    `<ul class="children">${li(2, 'even depth-2', 'Bo Chen', 'Same here, the ferry is always late in winter.')}</ul>`)}
${li(3, 'alt thread-even depth-1', 'Cy Diaz', 'Two years sounds optimistic for a project of this size.')}</ol></section>`;
    const { layout, comments } = detect(page(thread));
    expect(layout).toBe('generic');
    expect(comments.map((c) => [c.key, c.parentKey, c.depth, c.author])).toEqual([
      ['generic:note-1', null, 0, 'Ann Lee'], ['generic:note-2', 'generic:note-1', 1, 'Bo Chen'], ['generic:note-3', null, 0, 'Cy Diaz'],
    ]);
    expect(comments[0].text).toBe('I walk across that river every day and a bridge would save me an hour.');
    expect(comments[1].publishedAt).toBe('2024-05-02T10:00:00.000Z');
  });

  it('finds blocks without comment classes under a "Comments" heading, with dates as text and profile links as authors', () => {
    const post = (who: string, date: string, text: string) => `<div><div><a href="/user/${who}">${who}</a></div><div>${date}</div><div>${text}</div></div>`;
    const thread = `<h3>4 Comments</h3><div>${post('ann', '10/03/2012', 'The bridge has been promised for twenty years; I will believe it when I drive over it.')}
${post('bo', '10/04/2012', 'Good news for the shops on the east bank, they have suffered since the ferry cuts.')}
${post('cy', '10/05/2012', 'Who pays for the maintenance afterwards? Nobody at the meeting could answer that.')}</div>`;
    const { layout, comments } = detect(page(thread));
    expect(layout).toBe('generic');
    expect(comments.map((c) => c.author)).toEqual(['ann', 'bo', 'cy']);
    expect(comments[2].text).toBe('10/05/2012\n\nWho pays for the maintenance afterwards? Nobody at the meeting could answer that.');
  });

  it('finds each detected comment again from a click and from its key, past empty spacer blocks', () => {
    const post = (who: string, text: string) => `<div><div><a href="/user/${who}">${who}</a></div><div>10/0${who.length}/2012</div><div>${text}</div></div><div></div>`;
    const doc = parsePage(page(`<h3>Comments</h3><div>${post('ann', 'The bridge will change how the whole east bank lives and works.')}
${post('bob', 'The bridge will change how the whole east bank lives and works.')}${post('cyra', 'I would rather see the ferry service fixed first, honestly.')}</div>`));
    allowGenericLayout(doc, null);
    const { comments } = extractComments(doc, 'https://site.example/story');
    expect(comments.map((c) => c.author)).toEqual(['ann', 'bob', 'cyra']);
    for (const c of comments) {
      const element = locateComment(doc, c.key)!;
      expect(element.textContent).toContain(c.author);
      expect(commentKeyAt(element.lastElementChild, 'generic')).toBe(c.key);
    }
  });

  it('takes the linked name out of an author box with badges and counts, without "said," or link labels', () => {
    const item = (id: number, box: string, text: string) => `<div class="comment" id="r${id}"><div class="comment-author">${box}</div><p>${text}</p></div>`;
    const thread = `<div id="comments">${item(1, '<span class="badge">TOP USER</span> <a href="/u/ann">ann</a> 387 Fans', 'The bridge is long overdue and the council knows it.')}
${item(2, '<a href="https://bo.example.org">Homepage</a> <a href="/u/bo">Bo Chen</a>', 'Who will run the ferry until the bridge is finished?')}
${item(3, 'Cy Diaz said,', 'Two years is what they said about the tunnel too.')}</div>`;
    expect(detect(page(thread)).comments.map((c) => c.author)).toEqual(['ann', 'Bo Chen', 'Cy Diaz']);
  });

  it('takes parents from depth classes when replies are not nested, and keeps comments without time or author', () => {
    const flat = (id: number, depth: number, text: string) => `<div class="kommentar level-${depth}" id="k${id}"><p>${text}</p></div>`;
    const thread = `<div id="kommentare"><h2>Kommentare</h2>${flat(1, 1, 'Endlich wird die Brücke gebaut, darauf warten wir seit Jahren.')}
${flat(2, 2, 'Warten wir ab, ob der Zeitplan wirklich hält, ich habe Zweifel.')}${flat(3, 1, 'Die Fähre war ohnehin nie pünktlich, gut so.')}</div>`;
    const { comments } = detect(page(thread));
    expect(comments.map((c) => [c.key, c.parentKey, c.author, c.publishedAt])).toEqual([
      ['generic:k1', null, null, null], ['generic:k2', 'generic:k1', null, null], ['generic:k3', null, null, null],
    ]);
  });

  it('reads the "Posted by NAME at DATE" line a template prints after each block', () => {
    const entry = (id: number, who: string, text: string) => `<div id="c${id}"><p>${text}</p></div>
<p class="posted">Posted by: <a href="https://${who}.example.org">${who}</a> at October ${id}, 2012 5:42 AM</p>`;
    const { comments } = detect(page(`<h2 id="comments">Comments</h2>${entry(17, 'Molly', 'I hope you keep writing about the bridge, nobody else does.')}
${entry(18, 'Ed', 'The old ferry pier would make a nice park once the bridge opens.')}`));
    expect(comments.map((c) => [c.author, c.publishedAt])).toEqual([['Molly', '2012-10-17T05:42:00'], ['Ed', '2012-10-18T05:42:00']]);
  });

  it('takes a byline inside a block as its author and date, and leaves prose that mentions a date alone', () => {
    const block = (id: number, text: string, byline: string) => `<div class="comment" id="cm${id}"><div class="body"><p>${text}</p></div><div class="signature">${byline}</div></div>`;
    const thread = `<div id="comments">${block(1, 'See you at the opening on May 5, 2026, I will bring coffee.', 'October 11, 2012 | <a href="/contributor/1">Eve</a>')}
${block(2, 'Nobody asked the ferry crews what they think about all this.', 'Posted by: <a href="https://ed.example.org">Ed Park</a> on Oct 31, 2012 6:44:07 AM')}</div>`;
    const { comments } = detect(page(thread));
    expect(comments.map((c) => [c.author, c.publishedAt, c.text])).toEqual([
      ['Eve', '2012-10-11T00:00:00', 'See you at the opening on May 5, 2026, I will bring coffee.'],
      ['Ed Park', '2012-10-31T06:44:00', 'Nobody asked the ferry crews what they think about all this.'],
    ]);
  });

  it('reads a definition-list thread: the meta line (dt) before each comment (dd)', () => {
    const pair = (who: string, day: number, text: string) => `<dt><span class="comment-author">${who}</span> on July ${day}, 2012 at 10:28 pm</dt><dd class="comment"><p>${text}</p></dd>`;
    const { comments } = detect(page(`<div id="comments"><dl class="comment_list">${pair('Marie', 23, 'They look sleek and the price is good as well, thank you.')}
${pair('Cris', 24, 'Lovely covers, I will order the second one for my sister.')}</dl></div>`));
    expect(comments.map((c) => [c.author, c.publishedAt, c.text])).toEqual([
      ['Marie', '2012-07-23T22:28:00', 'They look sleek and the price is good as well, thank you.'],
      ['Cris', '2012-07-24T22:28:00', 'Lovely covers, I will order the second one for my sister.'],
    ]);
  });

  it('finds a thread of one comment only when it is named so and has a name and a date', () => {
    const one = (meta: string) => page(`<div id="comments"><div class="comment" id="only"><p class="by">${meta}</p><p>The first and so far only reader comment on the bridge story.</p></div></div>`);
    const { comments } = detect(one('<a href="/users/ann">Ann</a> <time datetime="2024-05-01T08:00:00Z">May 1, 2024</time>'));
    expect(comments.map((c) => [c.key, c.author])).toEqual([['generic:only', 'Ann']]);
    expect(detect(one('A note from the editors')).layout).toBeNull();
  });

  it('prefers whole comments to their bodies, so authors and replies stay with them', () => {
    const item = (id: number, text: string, reply = '') => `<div class="item" id="entry_${id}"><div class="comment-body" id="body_${id}"><p>${text}</p></div>
<p class="by">by <a href="/users/u${id}">u${id}</a> on Aug ${id}, 2012 10:40 AM</p>${reply}</div>`;
    const thread = `<div id="comments">${item(1, 'First thoughts on the bridge vote and what it means for traffic.', item(2, 'Traffic will move to the north side, which is worse for us.'))}
${item(3, 'The mayor should publish the full cost estimate before any work starts.')}</div>`;
    const { comments } = detect(page(thread));
    expect(comments.map((c) => [c.key, c.parentKey, c.author])).toEqual([
      ['generic:entry_1', null, 'u1'], ['generic:entry_2', 'generic:entry_1', 'u2'], ['generic:entry_3', null, 'u3'],
    ]);
  });
});

describe('generic detector: silent on lists that are not comments', () => {
  const byline = (i: number) => `<p class="meta">By <a class="author" href="/staff/w${i}">Writer ${i}</a> · May ${i + 1}, 2024</p>`;

  it('related posts', () => {
    const items = [1, 2, 3].map((i) => `<li><h4><a href="/s${i}">Story ${i}</a></h4>${byline(i)}<p>${words(12, 'related')}</p></li>`).join('');
    expect(detect(page(`<div class="related-posts"><h3>You may also like</h3><ul>${items}</ul></div>`)).layout).toBeNull();
  });

  it('a product grid', () => {
    const items = [1, 2, 3, 4].map((i) => `<li class="card"><h3>Bridge model ${i}</h3><span class="price">$${i}9.00</span><p>A detailed scale model in oak and steel, hand finished, ${words(6, 'wood')}.</p><a href="/cart?add=${i}">Add to cart</a></li>`).join('');
    expect(detect(page(`<ul class="grid">${items}</ul>`)).layout).toBeNull();
  });

  it('a navigation menu and a tag cloud', () => {
    const links = (n: number) => Array.from({ length: n }, (_, i) => `<li><a href="/topic/${i}">Topic number ${i} and more</a></li>`).join('');
    expect(detect(page(`<div class="menu"><ul>${links(12)}</ul></div><div class="tags"><ul>${links(20)}</ul></div>`)).layout).toBeNull();
  });

  it('a recent-comments widget, even outside an aside and with excerpts and dates', () => {
    const items = [1, 2, 3].map((i) => `<li class="comment"><span class="comment-author">Reader ${i}</span> on <a href="/s${i}">Story ${i}</a><p>${words(14, 'excerpt')}</p><time datetime="2024-05-0${i}">May ${i}</time></li>`).join('');
    expect(detect(page(`<div id="recent-comments"><h3>Recent Comments</h3><ul>${items}</ul></div>`)).layout).toBeNull();
    expect(detect(page('', `<aside><h3>Comments</h3><ul>${items}</ul></aside>`)).layout).toBeNull();
  });

  it('a teaser list: names and dates, but mostly link text', () => {
    const items = [1, 2, 3, 4].map((i) => `<div class="card"><a class="headline" href="/s${i}">A long headline about story number ${i} in the city</a>${byline(i)}<a href="/s${i}">${words(10, 'teaser')}</a></div>`).join('');
    expect(detect(page(`<section class="more"><h2>More news</h2>${items}</section>`)).layout).toBeNull();
  });

  it('a blog front page: posts with a headline, a byline and an excerpt', () => {
    const posts = [1, 2, 3].map((i) => `<div class="entry"><h2><a href="/p${i}">Post ${i}</a></h2><p>Posted by <span class="author">Ann</span> on May ${i}, 2024</p>
<p>${words(30, 'excerpt')}</p><p><a href="/p${i}#c">${i} Comments</a></p></div>`).join('');
    expect(detect(page(`<div class="posts">${posts}</div>`)).layout).toBeNull();
  });

  it('search results and an archive list', () => {
    const items = [1, 2, 3].map((i) => `<li><h3><a href="/s${i}">Result ${i}</a></h3>${byline(i)}<p>${words(15, 'found')}</p></li>`).join('');
    expect(detect(page(`<ol class="search-results">${items}</ol><ul class="archive-list">${items}</ul>`)).layout).toBeNull();
  });

  it('an empty thread with only its reply form', () => {
    const form = '<div id="respond" class="comment-respond"><h3>Leave a Reply</h3><form><p><label>Name (required)</label><input name="author"></p><p><label>Email (will not be published)</label><input name="email"></p><textarea name="comment"></textarea></form></div>';
    expect(detect(page(`<div id="comments" class="comments-area">${form}</div>`)).layout).toBeNull();
  });
});
