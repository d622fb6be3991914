import { idPattern, membersIn, SAFE_CLASS, stableClasses, uniqueSelector } from './generic-select';
import { AUTHOR, AUTHOR_CLASS, DATE_TEXT, HEADING, HOLDER, INLINE, NEGATIVE, OUTSIDE_ROLES, OUTSIDE_TAGS, PROFILE_LINK, SKIP_TEXT, VOCAB } from './generic-words';

// Finds an unknown comment thread: one pass over the page groups elements that repeat (same
// comment-like class, same id pattern, or same-shaped siblings), then the few plausible groups
// are scored from their vocabulary, their place and the author/date/prose shape of their blocks.

/** Where a thread is: its container, and the selector of one comment inside it. */
export interface ThreadPick {
  thread: string;
  member: string;
}

/** How many blocks of a group are looked at closely: enough to judge, few enough to stay fast. */
const SAMPLE = 10;

/** The page's elements in document order, with their parents and text sizes (own plus descendants'). */
interface PageIndex {
  all: Element[];
  parent: number[];
  depth: number[];
  text: number[];
  link: number[];
  /** How many element children each element has. */
  kids: number[];
}

/**
 * One walk down the page: every element once, with its parent and depth, and the text and link
 * text of its subtree summed on the way back up. (A walk, not querySelectorAll('*') plus a map from
 * element to index: this reads each child list once and needs no lookups.)
 */
function indexPage(root: Element): PageIndex {
  const page: PageIndex = { all: [], parent: [], depth: [], text: [], link: [], kids: [] };
  const { all, parent, depth, text, link, kids } = page;
  const visit = (el: Element, p: number, d: number) => {
    const i = all.length;
    all.push(el);
    parent.push(p);
    depth.push(d);
    text.push(0);
    link.push(0);
    kids.push(0);
    if (p >= 0) kids[p]++;
    // Each DOM read is a call into the browser: the tag and every child's type are read once.
    const tag = el.localName;
    const skip = SKIP_TEXT.has(tag);
    let own = 0;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      const type = c.nodeType;
      if (type === 1) visit(c as Element, i, d + 1);
      else if (type === 3 && !skip) own += (c as Text).data.trim().length;
    }
    text[i] += own;
    if (tag === 'a') link[i] = text[i];
    if (p >= 0) {
      text[p] += text[i];
      link[p] += link[i];
    }
  };
  for (let c = root.firstElementChild; c; c = c.nextElementSibling) visit(c, -1, 0);
  return page;
}

/** Repeated elements by kind: a comment-like class, an id pattern, or a shape among siblings. */
function groupElements(page: PageIndex): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  };
  const shapes = new Map<string, string>();
  for (let i = 0; i < page.all.length; i++) {
    const el = page.all[i];
    const tag = el.localName;
    if (page.text[i] < 20 || INLINE.has(tag)) continue;
    const classes = el.getAttribute('class');
    if (classes && VOCAB.test(classes)) {
      for (const c of classes.split(/\s+/)) if (VOCAB.test(c) && !NEGATIVE.test(c) && !HOLDER.test(c) && SAFE_CLASS.test(c) && !/\d/.test(c)) add(`${tag}.${c}`, i);
    }
    const pattern = el.id ? idPattern(el.id) : null;
    if (pattern) add(`${tag}#${pattern}`, i);
    if (page.parent[i] < 0 || page.kids[page.parent[i]] < 2) continue; // an only child has no siblings to repeat
    const cls = classes ?? '';
    let shape = shapes.get(cls);
    if (shape === undefined) shapes.set(cls, (shape = stableClasses(el).map((c) => `.${c}`).join('')));
    add(`${page.parent[i]}>${tag}${shape}`, i);
  }
  return groups;
}

/** The deepest element holding every member. */
function commonAncestor(page: PageIndex, members: number[]): number {
  if (members.length === 1) return page.parent[members[0]];
  let a = members[0];
  for (const m of members) {
    let b = m;
    while (page.depth[a] > page.depth[b]) a = page.parent[a];
    while (page.depth[b] > page.depth[a]) b = page.parent[b];
    while (a !== b && a >= 0) {
      a = page.parent[a];
      b = page.parent[b];
    }
    if (a < 0) return -1;
  }
  return a;
}

/** Members not inside another member: the thread's top level, whose texts add up without overlap. */
function topLevel(page: PageIndex, members: number[]): number[] {
  const set = new Set(members);
  return members.filter((m) => {
    for (let p = page.parent[m]; p >= 0; p = page.parent[p]) if (set.has(p)) return false;
    return true;
  });
}

const attrs = (el: Element) => `${el.id} ${el.getAttribute('class') ?? ''}`;

/** Words of the container and its near ancestors: comment vocabulary, list vocabulary, or a page part. */
function context(page: PageIndex, container: number, first: Element): { near: boolean; negative: boolean; heading: boolean } {
  let near = false;
  let negative = false;
  let heading = announced(first);
  for (let i = container, level = 0; i >= 0; i = page.parent[i], level++) {
    const el = page.all[i];
    if (OUTSIDE_TAGS.has(el.localName) || OUTSIDE_ROLES.test(el.getAttribute('role') ?? '')) negative = true;
    if (level > 4) continue;
    const words = attrs(el);
    if (level < 3 && NEGATIVE.test(words)) negative = true;
    if (VOCAB.test(words.replace(/\S*(recent|latest|popular|top)\S*/gi, ''))) near = true;
    if (level < 3 && !heading) heading = announced(el);
  }
  return { near, negative, heading };
}

/** Whether a short heading right before `el` (or first in it) names a thread. */
function announced(el: Element): boolean {
  const candidates = [el.firstElementChild];
  for (let s = el.previousElementSibling, k = 0; s && k < 3; s = s.previousElementSibling, k++) candidates.push(s);
  // A heading is a small element: its text is read only when it has few children.
  return candidates.some((c) => {
    const text = c && c.childElementCount <= 3 ? c.textContent!.trim() : '';
    return text.length < 60 && HEADING.test(text);
  });
}

/** How far into a block its head is read: the name and date come first, the text after. */
const HEAD_CHARS = 600;
const HEAD_ELEMENTS = 80;

/** A block's head, read in document order up to a bound: its text, a time element, a name-like element, a form. */
function readHead(el: Element): { text: string; time: boolean; name: boolean; form: boolean; titled: boolean } {
  const head = { text: '', time: false, name: false, form: false, titled: false };
  let elements = 0;
  const visit = (node: Node): boolean => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) head.text += c.nodeValue;
      if (c.nodeType !== 1) continue;
      const e = c as Element;
      const tag = e.localName;
      if (SKIP_TEXT.has(tag)) continue;
      if (tag === 'textarea') head.form = true;
      if (tag === 'h1' || tag === 'h2' || tag === 'h3') head.titled = true;
      if (tag === 'time' || e.hasAttribute('datetime')) head.time = true;
      if (!head.name && (tag === 'cite' || AUTHOR_CLASS.test(e.getAttribute('class') ?? '') || e.getAttribute('itemprop') === 'author'
        || (tag === 'a' && PROFILE_LINK.test(e.getAttribute('href') ?? '')))) {
        const name = (e.textContent ?? '').trim();
        head.name = name.length > 0 && name.length <= 60 && !DATE_TEXT.test(name);
      }
      if (++elements > HEAD_ELEMENTS || head.text.length > HEAD_CHARS || !visit(e)) return false;
      head.text += ' '; // block boundaries: "Ann" and "10/03/2012" in sibling divs stay apart
    }
    return true;
  };
  visit(el);
  return head;
}

/** Author, date and prose shape of a sample of blocks, as fractions. */
function blockShape(page: PageIndex, members: number[]): { date: number; author: number; prose: number; titled: number } {
  const step = Math.max(1, Math.floor(members.length / SAMPLE));
  let date = 0;
  let author = 0;
  let prose = 0;
  let form = 0;
  let titled = 0;
  let seen = 0;
  const side = metaSide(page.all[members[0]]);
  for (let k = 0; k < members.length && seen < SAMPLE; k += step, seen++) {
    const i = members[k];
    const head = readHead(page.all[i]);
    const meta = metaLine(page.all[i], side);
    if (meta || head.time || DATE_TEXT.test(head.text)) date++;
    if (meta?.name || head.name) author++;
    if (head.form) form++;
    if (head.titled) titled++;
    if (page.text[i] - page.link[i] >= 40) prose++;
  }
  // Reply forms repeat after every comment; their labels read like prose.
  return { date: date / seen, author: author / seen, prose: (prose - form) / seen, titled: titled / seen };
}

/** A selector for the group's members, and whether it finds exactly them. */
function memberSelector(key: string, page: PageIndex, members: number[], container: Element): string | null {
  let selector: string;
  const hash = key.indexOf('#');
  if (/^\d+>/.test(key)) {
    const shape = key.slice(key.indexOf('>') + 1);
    // A shape without classes must not also find its classed siblings (a reply form after each comment).
    selector = `${uniqueSelector(container)} > ${shape}${shape.includes('.') || page.all[members[0]].hasAttribute('class') ? '' : ':not([class])'}`;
  }
  else if (hash > 0) {
    const pattern = key.slice(hash + 1);
    const prefix = pattern.slice(0, pattern.indexOf('#'));
    const suffix = pattern.slice(pattern.lastIndexOf('#') + 1);
    selector = `${key.slice(0, hash)}[id^="${prefix}"]${suffix ? `[id$="${suffix}"]` : ''}`;
  } else selector = key;
  try {
    // Short blocks were left out of the group (a deleted comment): a class may find more of its
    // kind, but an id prefix must not find other parts ("comment_" of "comment_body_1").
    const found = membersIn(container, selector);
    if (hash > 0) return found[0] === page.all[members[0]] && found.length <= members.length * 1.25 + 1 ? selector : null;
    // Whatever else a class or sibling shape finds was left out of the group for its little text
    // (spacers, a "more" anchor): the reader drops the empty ones.
    return found.length >= members.length ? selector : null;
  } catch {
    return null;
  }
}

/** Where a template prints each block's meta line, when not inside the block: before it (dt before dd) or after it. */
export type MetaSide = 'before' | 'after';

/** The side of the first block that has a meta line; "after" when neither has. */
export function metaSide(first: Element): MetaSide {
  return lineOf(first.previousElementSibling, first) ? 'before' : 'after';
}

/** The line "Posted by: NAME at DATE" that some templates print next to a comment, not in it. */
export function metaLine(el: Element, side: MetaSide = 'after'): { name: string | null; time: string } | null {
  return lineOf(side === 'before' ? el.previousElementSibling : el.nextElementSibling, el);
}

function lineOf(line: Element | null, el: Element): { name: string | null; time: string } | null {
  if (!line || (line.localName === el.localName && line.className === el.className)) return null;
  const text = (line.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text.length > 200 || !DATE_TEXT.test(text)) return null;
  const by = /\bby:?\s+(.{1,60}?)\s+(?:at|on|am|le|el|[|,·–-])\s/i.exec(text)?.[1];
  const named = line.querySelector(AUTHOR)?.textContent?.trim();
  return { name: by ?? (named && named.length <= 60 && !DATE_TEXT.test(named) ? named : null), time: text };
}

/** Whether `outer`'s blocks hold `inner`'s, one each (checked on the first few). */
function wraps(page: PageIndex, outer: Candidate, inner: Candidate): boolean {
  const n = outer.members.length;
  if (outer === inner || n < inner.members.length * 0.8 || n > inner.members.length * 1.5) return false;
  const outers = new Set(outer.members);
  const owners = new Set<number>();
  const sample = inner.members.slice(0, 5);
  for (const m of sample) {
    let p = page.parent[m];
    while (p >= 0 && !outers.has(p)) p = page.parent[p];
    if (p < 0) return false;
    owners.add(p);
  }
  // A thread wrapper holds several blocks: it is not one comment's whole.
  return owners.size === sample.length;
}

/** Whether `wider` has every block of `narrower`, and more. */
function includes(wider: Candidate, narrower: Candidate): boolean {
  if (wider.members.length <= narrower.members.length) return false;
  const set = new Set(wider.members);
  return narrower.members.every((m) => set.has(m));
}

interface Candidate {
  key: string;
  members: number[];
  container: number;
  named: boolean;
  score: number;
}

/**
 * Finds the most comment-like group of repeated blocks: named like comments (class, id, container
 * or heading) or shaped like them (a name, a date and prose in most blocks); never in navigation,
 * sidebars, page headers or footers, nor in lists named like widgets, teasers or related posts.
 */
export function detectThread(doc: Document): ThreadPick | null {
  // A page whose markup closes <body> early parses into an empty body in linkedom (browsers repair it).
  const root = doc.body?.firstElementChild ? doc.body : doc.documentElement;
  if (!root) return null;
  const page = indexPage(root);
  const candidates: Candidate[] = [];
  for (const [key, all] of groupElements(page)) {
    const named = !/^\d+>/.test(key) && VOCAB.test(key);
    if (all.length < 2 && !named) continue;
    // Siblings never nest; a class or id group may (replies inside comments).
    const members = /^\d+>/.test(key) ? all : topLevel(page, all);
    let text = 0;
    let link = 0;
    for (const m of members) {
      text += page.text[m];
      link += page.link[m];
    }
    // Link lists (menus, teasers, tag clouds) are mostly link text; comments are mostly prose.
    if (text < (named ? 40 : 80) || link > text * 0.5) continue;
    const container = commonAncestor(page, all);
    if (container < 0) continue;
    candidates.push({ key, members: all, container, named, score: Math.log10(text) });
  }
  candidates.sort((a, b) => Number(b.named) - Number(a.named) || b.score - a.score);

  const scored: Candidate[] = [];
  for (const c of candidates.slice(0, 20)) {
    const where = context(page, c.container, page.all[c.members[0]]);
    if (where.negative) continue;
    const shape = blockShape(page, c.members);
    const vocab = (c.named ? 3 : 0) + (where.near ? 2 : 0) + (where.heading ? 2 : 0);
    // A thread of one comment: only a block named a comment, in a container named so, with a name and a date.
    if (c.members.length < 2 && (!where.near || shape.date + shape.author < 2)) continue;
    // Posts on a front page or in an archive carry a name and a date too, under a headline.
    if (vocab < 3 && shape.titled >= 0.5) continue;
    // Without any comment word, only blocks that nearly all carry a name and a date pass.
    if (shape.prose < 0.5 || (vocab === 0 && (shape.date < 0.7 || shape.author < 0.7)) || (vocab < 3 && shape.date + shape.author < 1)) continue;
    // More blocks for the same text: the finer cut into comments (not the threads that hold them).
    const score = (vocab + 2 * shape.date + 2 * shape.author + shape.prose) * c.score * (1 + 0.1 * Math.log2(c.members.length));
    // A lone block is a thread only when no repeated group is one: else it is a wrapper of the thread.
    scored.push({ ...c, score: c.members.length < 2 ? score / 100 : score });
  }
  scored.sort((a, b) => b.score - a.score);
  // A group of whole comments beats the group of their bodies (or headers) when both score alike,
  // and a class all comments share beats one that only some have ("published", "featured").
  const better = (o: Candidate) => (o.score >= scored[0].score * 0.6 && wraps(page, o, scored[0])) || (o.score >= scored[0].score * 0.9 && includes(o, scored[0]));
  // A few steps out at most: the rules cannot cycle on real markup, and this keeps them from trying.
  for (let step = 0, outer = scored.find(better); outer && step < 4; step++, outer = scored.find(better)) {
    scored.splice(scored.indexOf(outer), 1);
    scored.unshift(outer);
  }
  for (const best of scored) {
    const container = page.all[best.container];
    const member = memberSelector(best.key, page, best.members, container);
    const thread = uniqueSelector(container);
    if (member && container.ownerDocument.querySelector(thread) === container) return { thread, member };
  }
  return null;
}
