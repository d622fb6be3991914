import type { SeedComment, SeedPage } from './model';

/** How a capture marks comments: numbered at every depth, or numbered threads with bulleted replies. */
export interface CaptureStyle {
  /** Numbered lines below the top level are replies (Phandroid) rather than text (Caschys Blog). */
  numberedReplies: boolean;
  /** Header lines before the article body: title, byline, category (Xperia Blog). */
  header?: 'xperia';
  /** Lines that belong to the theme, not to the article body. */
  furniture?: RegExp;
}

/** Facts the capture does not hold, fixed per seed. */
export interface SeedFacts {
  title?: string;
  byline?: string;
  publishedAt: string;
  firstId: number;
}

const MARKER = /^( *)(\d+\.|•) (.*)$/;
const indentOf = (line: string) => line.length - line.trimStart().length;

/** A small seeded generator, so invented values are the same on every build. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function addMinutes(iso: string, minutes: number): string {
  const date = new Date(`${iso}Z`);
  date.setUTCMinutes(date.getUTCMinutes() + minutes);
  return date.toISOString().slice(0, 19);
}

/**
 * Reads a seed text (conventions in shared/comment-layouts.md) into an article and its comment
 * tree. Authors the capture lost become "Reader N"; ids and times are invented, spread after
 * the article's date.
 */
export function parseSeed(text: string, style: CaptureStyle, facts: SeedFacts): SeedPage {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const isMarker = (line: string) => {
    const match = MARKER.exec(line);
    if (!match || match[1].length < 2) return false;
    return style.numberedReplies || match[2] === '•' || match[1].length === 2;
  };
  const start = lines.findIndex(isMarker);
  const articleEnd = start === -1 ? lines.length : start;
  let end = start === -1 ? lines.length : lines.findIndex((line, i) => i > start && line.trim() !== '' && indentOf(line) === 0);
  if (end === -1) end = lines.length;

  const head = lines.slice(0, articleEnd).map((line) => line.trim()).filter(Boolean);
  let title = facts.title ?? '';
  let byline = facts.byline ?? '';
  let category = 'News';
  if (style.header === 'xperia') {
    title = head.shift() ?? title;
    byline = /^by (.+) on /.exec(head.shift() ?? '')?.[1] ?? byline;
    category = /^in (.+)$/.exec(head.shift() ?? '')?.[1] ?? category;
  } else if (!facts.title) {
    title = head.shift() ?? '';
  }
  const paragraphs = head.filter((line) => !style.furniture?.test(line));

  const random = seededRandom(facts.firstId);
  const roots: SeedComment[] = [];
  const open: SeedComment[] = [];
  let invented = 0;
  let minutes = 0;
  let nextId = facts.firstId;
  for (let i = start; i !== -1 && i < end; i++) {
    const match = isMarker(lines[i]) ? MARKER.exec(lines[i]) : null;
    if (!match) continue;
    const indent = match[1].length;
    const depth = (indent - 2) / 2;
    let author: string | null = null;
    let first: string | null = match[3];
    // "• name", a blank line, then an indented block (or a second blank: the text was lost).
    const next = lines[i + 1] ?? '';
    const after = lines[i + 2];
    if (match[2] === '•' && next.trim() === '' && after !== undefined && i + 2 < end && !isMarker(after)) {
      author = match[3].replace(/ says:$/, '');
      first = null;
    }
    const body: string[][] = [];
    let paragraph: string[] = first === null ? [] : [first];
    let j = i + 1;
    for (; j < end && !isMarker(lines[j]); j++) {
      if (lines[j].trim() === '') {
        if (paragraph.length) body.push(paragraph);
        paragraph = [];
      } else if (indentOf(lines[j]) > indent) {
        paragraph.push(lines[j].trim());
      } else {
        break;
      }
    }
    if (paragraph.length) body.push(paragraph);
    i = j - 1;

    const pingback = first?.startsWith('Pingback: ');
    if (!author && pingback) author = first!.replace(/^Pingback: /, '').replace(/\(\)$/, '');
    minutes += 3 + Math.floor(random() * 90);
    const comment: SeedComment = {
      id: (nextId += 1 + Math.floor(random() * 6)),
      kind: pingback ? 'pingback' : 'comment',
      author: author ?? `Reader ${++invented}`,
      authorInvented: !author,
      publishedAt: addMinutes(facts.publishedAt, minutes),
      paragraphs: body,
      children: [],
    };
    open.length = depth;
    const parent = open[depth - 1];
    (parent ? parent.children : roots).push(comment);
    open[depth] = comment;
  }
  return { title, byline, publishedAt: facts.publishedAt, category, paragraphs, comments: roots };
}
