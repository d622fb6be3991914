import { describe, expect, it } from 'vitest';
import { extractComments, locateComment } from '../../layouts/registry';
import { anchorPassage, codePointSlice, mapText, passageIn, rangeOf } from '../../lib/passages';
import { parsePage } from './helpers';

// A WordPress thread as themes print it: an author line and a reply link around the text,
// whitespace the layout folds, paragraphs, a line break, and a reply nested in the comment.
const THREAD = `<html><head><link rel="stylesheet" href="/wp-content/x.css"></head><body><div id="comments"><ol class="comment-list">
  <li id="comment-1" class="comment depth-1"><article class="comment-body">
    <footer class="comment-meta"><b class="fn">Anna</b> <time datetime="2024-05-01T10:00:00+00:00">1 May</time></footer>
    <div class="comment-content">
      <p>First   paragraph with  a 😀 smile
        and more.</p>
      <p>Café ñ (combining: Cafe\u0301) line one<br>
        line two.</p>
    </div>
    <div class="reply"><a class="comment-reply-link" href="#">Reply</a></div>
  </article>
  <ol class="children"><li id="comment-2" class="comment depth-2"><article class="comment-body">
    <footer class="comment-meta"><b class="fn">Ben</b></footer>
    <div class="comment-content"><p>A reply saying First paragraph too.</p></div>
  </article></li></ol>
  </li></ol></div></body></html>`;

// The window's own document: happy-dom's ranges only work in it (a parsed document's are the window's).
function load(html: string): Document {
  document.documentElement.innerHTML = parsePage(html).documentElement.innerHTML;
  return document;
}

function setUp() {
  const doc = load(THREAD);
  const { comments } = extractComments(doc, 'https://example.org/post/');
  const comment = comments.find((c) => c.key === 'wp:1')!;
  const el = locateComment(doc, 'wp:1')!;
  return { doc, comment, map: mapText(el, comment.text) };
}

/** The text node under `root` holding `needle`, and where in it. */
function find(root: Element, needle: string): [Text, number] {
  const walker = root.ownerDocument.createTreeWalker(root, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(needle);
    if (at >= 0) return [node as Text, at];
  }
  throw new Error(`no ${needle}`);
}

function rangeOver(doc: Document, root: Element, from: string, to: string) {
  const range = doc.createRange();
  range.setStart(...find(root, from));
  const [node, at] = find(root, to);
  range.setEnd(node, at + to.length);
  return range;
}

describe('passages: DOM selection to code points of the extracted text', () => {
  it('reads a selection across folded whitespace and an emoji as code points of the text', () => {
    const { doc, comment, map } = setUp();
    expect(comment.text).toBe('First paragraph with a 😀 smile and more.\n\nCafé ñ (combining: Cafe\u0301) line one\nline two.');
    const passage = passageIn(map, rangeOver(doc, map.root, 'paragraph', 'smile'))!;
    expect(passage.quote).toBe('paragraph with a 😀 smile');
    // The emoji is one code point (two UTF-16 units).
    expect(passage).toMatchObject({ start: 6, end: 30 });
    expect(codePointSlice(comment.text, passage.start, passage.end)).toBe(passage.quote);
  });

  it('counts an emoji once and a combining accent as its own code point for passages after them', () => {
    const { doc, comment, map } = setUp();
    const passage = passageIn(map, rangeOver(doc, map.root, 'line one', 'two.'))!;
    expect(passage.quote).toBe('line one\nline two.');
    expect(codePointSlice(comment.text, passage.start, passage.end)).toBe(passage.quote);
    expect(passage.start).toBe([...comment.text].indexOf('l', [...comment.text].indexOf('(')));
  });

  it('takes whole paragraphs across the blank line the layout puts between them', () => {
    const { doc, map } = setUp();
    expect(passageIn(map, rangeOver(doc, map.root, 'more.', 'Café'))!.quote).toBe('more.\n\nCafé');
  });

  it('leaves out the author line and reply link a selection runs over, and gives null when only they are selected', () => {
    const { doc, map } = setUp();
    expect(passageIn(map, rangeOver(doc, map.root, 'Anna', 'First'))!.quote).toBe('First');
    expect(passageIn(map, rangeOver(doc, map.root, 'two.', 'Reply'))!.quote).toBe('two.');
    expect(passageIn(map, rangeOver(doc, map.root, 'Anna', 'May'))).toBeNull();
  });

  it('is bounded by element boundary points too (a triple-click selects the paragraph element)', () => {
    const { doc, map } = setUp();
    const p = map.root.querySelector('.comment-content p')!;
    const range = doc.createRange();
    range.selectNodeContents(p);
    expect(passageIn(map, range)!.quote).toBe('First paragraph with a 😀 smile\n        and more.'.replace(/\s+/g, ' '));
  });

  it('maps a passage back to the DOM range that shows it', () => {
    const { comment, map } = setUp();
    const start = [...comment.text].indexOf('😀');
    const range = rangeOf(map, start, start + 7)!;
    expect(range.toString()).toBe('😀 smile');
    const across = rangeOf(map, 6, 46)!;
    expect(across.toString().replace(/\s+/g, ' ')).toBe('paragraph with a 😀 smile and more. Café');
  });

  it('works on the panel copy of the text, where DOM and text are the same', () => {
    const doc = load('<p id="t">Hi 👋🏽 there\n\nsecond</p>');
    const p = doc.getElementById('t')!;
    const map = mapText(p, 'Hi 👋🏽 there\n\nsecond');
    const range = doc.createRange();
    range.setStart(p.firstChild!, 3);
    range.setEnd(p.firstChild!, 'Hi 👋🏽 there'.length);
    expect(passageIn(map, range)).toEqual({ start: 3, end: 11, quote: '👋🏽 there' });
    expect(rangeOf(map, 3, 11)!.toString()).toBe('👋🏽 there');
  });
});

describe('anchorPassage: a stored passage in the text as it is now', () => {
  const text = 'I agree. The 🍕 was cold. I agree again.';
  it('stays where it was while its quote is there', () => {
    expect(anchorPassage(text, { start: 13, end: 24, quote: '🍕 was cold.' })).toEqual({ start: 13, end: 24 });
  });
  it('finds moved text by its quote, at the occurrence nearest its old place', () => {
    const edited = `Edit: typo. ${text}`;
    expect(anchorPassage(edited, { start: 13, end: 24, quote: '🍕 was cold.' })).toEqual({ start: 25, end: 36 });
    expect(anchorPassage(edited, { start: 26, end: 33, quote: 'I agree' })).toEqual({ start: 37, end: 44 });
    expect(anchorPassage(edited, { start: 0, end: 7, quote: 'I agree' })).toEqual({ start: 12, end: 19 });
  });
  it('finds a quote whose whitespace the text now folds differently', () => {
    const anchored = anchorPassage('a b\nc d', { start: 0, end: 6, quote: 'b\n\nc  d' })!;
    expect(codePointSlice('a b\nc d', anchored.start, anchored.end)).toBe('b\nc d');
  });
  it('gives null (not found) when the text changed and the quote is gone', () => {
    expect(anchorPassage('I disagree. The pizza was hot.', { start: 13, end: 24, quote: '🍕 was cold.' })).toBeNull();
  });
});
