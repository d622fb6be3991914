import { afterEach, describe, expect, it } from 'vitest';
import { shadowContent } from '../../layouts/embed';
import { commentKeyAt, extractComments, locateComment, PAGE_LAYOUTS } from '../../layouts/registry';
import { OUTLINE_BOX, outlineComment } from '../../page/comment-outline';
import { watchComments, type FoundComments } from '../../page/comment-watcher';
import { fixture } from '../../seeds/fixtures';
import { flatten } from '../../seeds/model';
import { coralComment } from '../../seeds/render/coral';
import { coralId } from '../../seeds/render/embed-page';
import { extractHtml, parsePage } from './helpers';

const coralFixture = fixture('embed-coral');
const seeds = flatten(coralFixture.page.comments);

/** The Coral fixture as a browser has it after load: the template turned into a real open shadow root. */
function attachCoral(): ShadowRoot {
  const parsed = parsePage(coralFixture.html());
  const template = parsed.querySelector('#coral-shadow-container > template') as HTMLTemplateElement;
  document.body.innerHTML = '<main><div id="coral_thread"><div id="coral-shadow-container"></div></div></main>';
  const root = document.getElementById('coral-shadow-container')!.attachShadow({ mode: 'open' });
  root.append(document.importNode(template.content, true));
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Coral in an open shadow root', () => {
  it('a parsed page keeps the declarative shadow root as a template, and the layout reads it', () => {
    const doc = parsePage(coralFixture.html());
    const host = doc.getElementById('coral-shadow-container')!;
    expect(host.shadowRoot).toBeNull();
    expect(shadowContent(host)?.querySelector('.coral-comment')).not.toBeNull();
    expect(extractComments(doc, coralFixture.url).comments).toHaveLength(seeds.length);
  });

  it('reads the same thread from a real attached shadow root, and locates and keys its comments there', () => {
    const root = attachCoral();
    // The document itself holds no comment: only the shadow root does.
    expect(document.querySelector('.coral-comment')).toBeNull();
    const found = extractComments(document, coralFixture.url);
    expect(found.layout).toBe('coral');
    expect(found.comments.map((c) => c.key)).toEqual(seeds.map((c) => `coral:${coralId(c)}`));
    const reply = seeds.find((c) => c.children.length)!.children[0];
    const el = locateComment(document, `coral:${coralId(reply)}`);
    expect(el?.getRootNode()).toBe(root);
    const clickedText = el!.querySelector('.coral-comment-content p')!;
    expect(commentKeyAt(clickedText, 'coral')).toBe(`coral:${coralId(reply)}`);
    // Outlined from the document, over the comment inside the shadow root, which stays as it was.
    el!.getBoundingClientRect = () => new DOMRect(40, 300, 500, 120);
    el!.scrollIntoView = () => undefined;
    expect(outlineComment(document, PAGE_LAYOUTS, `coral:${coralId(reply)}`)).toBe(true);
    expect(document.querySelector<HTMLElement>(OUTLINE_BOX)!.style.transform).toBe('translate(40px, 300px) scale(500, 120)');
    expect(el!.hasAttribute('style')).toBe(false);
    outlineComment(document, PAGE_LAYOUTS, null);
  });

  it('takes a reply’s parent from the reply list it sits in, though it is not inside its parent', () => {
    attachCoral();
    const parent = seeds.find((c) => c.children.length)!;
    const reply = parent.children[0];
    const el = locateComment(document, `coral:${coralId(reply)}`)!;
    expect(el.closest(`[id="comment-${coralId(parent)}"]`)).toBeNull();
    const got = extractComments(document, coralFixture.url).comments.find((c) => c.key === `coral:${coralId(reply)}`)!;
    expect(got.parentKey).toBe(`coral:${coralId(parent)}`);
  });

  it('the watcher sees a comment added inside the shadow root later', async () => {
    const root = attachCoral();
    const life = new AbortController();
    const results: FoundComments[] = [];
    let grew: () => void = () => {};
    const done = new Promise<void>((resolve) => { grew = resolve; });
    watchComments(document, PAGE_LAYOUTS, (found) => {
      results.push(found);
      if (found.comments.length === seeds.length + 1) grew();
    }, life.signal);
    expect(results.at(-1)?.comments).toHaveLength(seeds.length);
    const late = { ...seeds[0], id: 999_001, author: 'Late Reader', children: [] };
    const log = root.getElementById('comments-allComments-log')!;
    log.insertAdjacentHTML('beforeend', `<div>${coralComment(late, null, 0)}</div>`);
    await done;
    life.abort();
    expect(results.at(-1)?.comments.at(-1)).toMatchObject({ key: `coral:${coralId(late)}`, author: 'Late Reader', parentKey: null });
  }, 5_000);

  it('the watcher notices the site replacing the shadow host with a new stream', async () => {
    attachCoral();
    const life = new AbortController();
    let replaced: (found: FoundComments) => void = () => {};
    const done = new Promise<FoundComments>((resolve) => { replaced = resolve; });
    watchComments(document, PAGE_LAYOUTS, (found) => {
      if (found.comments.length === 1) replaced(found);
    }, life.signal);
    const host = document.createElement('div');
    host.id = 'coral-shadow-container';
    host.attachShadow({ mode: 'open' }).innerHTML = `<div id="coral" class="coral coral-stream"><div>${coralComment({ ...seeds[2], children: [] }, null, 0)}</div></div>`;
    document.getElementById('coral-shadow-container')!.replaceWith(host);
    const result = await done;
    life.abort();
    expect(result.comments.map((c) => c.key)).toEqual([`coral:${coralId(seeds[2])}`]);
  }, 5_000);

  it('while no thread is on the page, the watcher also watches open shadow roots for one', async () => {
    document.body.innerHTML = '<div id="coral_thread"><div id="coral-shadow-container"></div></div>';
    const root = document.getElementById('coral-shadow-container')!.attachShadow({ mode: 'open' });
    const life = new AbortController();
    const found = new Promise<FoundComments>((resolve) => watchComments(document, PAGE_LAYOUTS, resolve, life.signal));
    root.innerHTML = `<div id="coral" class="coral coral-stream"><div>${coralComment(seeds[0], null, 0)}</div></div>`;
    const result = await found;
    life.abort();
    expect(result.layout).toBe('coral');
    expect(result.comments.length).toBeGreaterThan(0);
  }, 5_000);
});

describe('OpenWeb in an open shadow root', () => {
  const f = fixture('embed-openweb');

  it('reads the conversation from a real attached shadow root; keys, locate and clicks agree', () => {
    const template = parsePage(f.html()).querySelector('[data-spot-im-shadow-host] > template') as HTMLTemplateElement;
    document.body.innerHTML = '<div id="comments"><div data-spotim-module="conversation"><div data-spot-im-shadow-host></div></div></div>';
    const host = document.querySelector('[data-spot-im-shadow-host]')!;
    host.attachShadow({ mode: 'open' }).append(document.importNode(template.content, true));
    const { layout, comments } = extractComments(document, f.url);
    expect(layout).toBe('openweb');
    expect(comments).toHaveLength(flatten(f.page.comments).length);
    const reply = comments.find((c) => c.depth === 2)!;
    const el = locateComment(document, reply.key)!;
    expect(el.getRootNode()).toBe(host.shadowRoot);
    expect(commentKeyAt(el.querySelector('[data-spot-im-class="message-text"] p'), 'openweb')).toBe(reply.key);
  });

  it('without message ids, keys by author and text, still unique per comment and found again', () => {
    const html = f.html().replace(/ data-message-id="[^"]*"/g, '');
    const doc = parsePage(html);
    const { comments } = extractComments(doc, f.url);
    expect(comments.every((c) => /^openweb:comment-[0-9a-f]{8}$/.test(c.key))).toBe(true);
    expect(new Set(comments.map((c) => c.key)).size).toBe(comments.length);
  });
});

/** Loads a fixture into the test document as a browser would: declarative shadow roots attached. */
function loadAsBrowser(html: string): void {
  document.body.innerHTML = parsePage(html).body.innerHTML;
  for (const template of Array.from(document.querySelectorAll('template[shadowrootmode]')) as HTMLTemplateElement[]) {
    const root = template.parentElement!.attachShadow({ mode: 'open' });
    root.append(template.content.cloneNode(true));
    template.remove();
  }
}

describe.each(['embed-coral', 'embed-openweb', 'embed-hyvor'])('%s with real shadow roots', (name) => {
  it('finds every comment inside the shadow root, and locates and keys each one there', () => {
    const f = fixture(name);
    loadAsBrowser(f.html());
    expect(document.querySelector('template')).toBeNull();
    const { layout, comments } = extractComments(document, f.url);
    expect(layout).toBe(f.layout);
    expect(comments).toHaveLength(flatten(f.page.comments).length);
    for (const c of comments) {
      const el = locateComment(document, c.key);
      expect(el?.getRootNode(), c.key).not.toBe(document);
      expect(commentKeyAt(el, layout!)).toBe(c.key);
    }
  });
});

describe('embeds that flatten replies under the top comment', () => {
  it.each(['embed-waline', 'embed-twikoo', 'embed-valine'])('%s nests replies deeper than the markup, by their @mention', (name) => {
    const f = fixture(name);
    const doc = parsePage(f.html());
    // The markup holds replies at most one level down ...
    const comments = extractComments(doc, f.url).comments;
    // ... but the thread has deeper replies, each under the comment it answers.
    expect(Math.max(...comments.map((c) => c.depth))).toBeGreaterThan(1);
    for (const c of comments) expect(c.text).not.toMatch(/^@|^,|Reply @/);
  });

  it('a mention of a comment that is not on the page leaves the reply under its top comment', () => {
    const html = `<div id="waline"><div class="wl-cards"><div id="1" class="wl-card-item"><div class="wl-card"><span class="wl-nick">Ann</span><div class="wl-content"><p>Top</p></div>
<div class="wl-quote"><div id="2" class="wl-card-item"><div class="wl-card"><span class="wl-nick">Bob</span><div class="wl-content"><p><a href="#77">@Gone</a><span>: </span></p><p>Answer</p></div></div></div></div></div></div></div></div>`;
    const { layout, comments } = extractHtml(`<html><body>${html}</body></html>`, 'https://w.example/p/');
    expect(layout).toBe('waline');
    expect(comments.map((c) => [c.key, c.parentKey, c.depth, c.text])).toEqual([['waline:1', null, 0, 'Top'], ['waline:2', 'waline:1', 1, 'Answer']]);
  });
});

describe('detection stays with its own markup', () => {
  it.each([
    ['an empty Waline mount and a Valine form', '<div id="waline"><input class="wl-nick"></div><div id="vcomments"><input class="vnick"></div>'],
    ['Twikoo-like classes outside a Twikoo mount', '<div class="tk-comment" id="t1"><span class="tk-nick">A</span></div>'],
    ['a Coral host without a shadow root', '<div id="coral_thread"><div id="coral-shadow-container"><div class="coral-comment" id="comment-0a0a0a0a-0000-4000-8000-000000000001"></div></div></div>'],
    ['an Isso thread not yet loaded', '<section id="isso-thread"><div id="isso-root"></div></section>'],
  ])('%s gives no layout', (_what, body) => {
    expect(extractHtml(`<html><body>${body}</body></html>`, 'https://x.example/').layout).toBeNull();
  });
});
