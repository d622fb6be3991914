import { monthOf } from './text';
import type { CommentKind } from './types';

// Cleaning what WordPress themes print around a comment's author and text. Themes of every era
// put the date, "says:" and a reply link in the author line; these helpers keep the name only.

/** Classes of the author line, date line, reply link, avatar and comment tools (share, rate, report) that sit among a comment's text. */
export const FURNITURE_CLASS = /(?:^|\s)(?:comment[-_](?:author|meta|metadata|info|head|header|date|time|num|number|awaiting-moderation|reply-link|edit-link|edit)|comment[-_](?:tools|actions|sharing|share|rating|votes?|likes?)[\w-]*|commentmetadata|reply|says|edit-link|avatar|vcard|sharedaddy)(?:\s|$)/;

const WEEKDAY = /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)$/;
// A word that starts a date: "12." or "12th" before a month, a month before a day, "16.03.2016", "2012/10/12", "5:49".
const NUMERIC_DATE = /^\d{1,4}[./:-]\d/;

/** Where a date starts among the words of an author line, or -1. */
function dateStart(words: string[]): number {
  for (let i = 1; i < words.length; i++) {
    const word = words[i].toLowerCase().replace(/[.,]+$/, '');
    const next = (words[i + 1] ?? '').toLowerCase().replace(/[.,]+$/, '');
    if (WEEKDAY.test(word) || NUMERIC_DATE.test(word)) return i;
    if (monthOf(word) && /^\d/.test(next)) return i;
    if (/^\d{1,2}(?:st|nd|rd|th|er)?$/.test(word) && (monthOf(next) || (next === 'de' && monthOf(words[i + 2] ?? '')))) return i;
  }
  return -1;
}
const SAYS = /\s+(?:says|said|sagt|schreibt|meint|wrote|schrieb)\s*[:,]?\s*$/i;
const TRAILING = /[\s\-–—|·•:,@#]*(?:\b(?:reply|antworten|répondre|responder|rispondi|beantwoorden|on|am|at|um|le|el|il|op|posted|geschrieben|permalink)\b)?[\s\-–—|·•:,@#]*$/i;
const LINKBACK = /^(pingback|trackback)\b/i;
const MAYBE_DIRTY = /\d|\b(?:says|said|sagt|schreibt|meint|wrote|schrieb|reply|antworten|répondre|responder|rispondi|beantwoorden|by|von|de|di|door|on|am|at|um|le|el|il|op|posted|geschrieben|permalink)\b|[-–—|·•:,@#]\s*$/i;

/**
 * The commenter's name from an author line: no "Comment by", no leading number, no date or
 * time, no "says:", no reply link ("Ben 19. Juni 2018 um 15:28 Uhr - Antworten" → "Ben").
 */
export function authorName(label: string | null): string | null {
  if (!label) return null;
  // Most author lines are a bare name: no digit (no date), no furniture word, no trailing mark.
  if (!MAYBE_DIRTY.test(label)) return label;
  let name = label.replace(/^(?:(?:comment|pingback|trackback|kommentar|posted)\s+)?(?:by|von|de|di|door)\s+/i, '').replace(/^#?\d+\.\s+(?=\S)/, '');
  const words = name.split(' ');
  const date = dateStart(words);
  if (date > 0) name = words.slice(0, date).join(' ');
  // A line that opens with a date holds no name before it.
  if (dateStart(['', ...words]) === 1) return null;
  for (let before = ''; before !== name; ) {
    before = name;
    name = name.replace(SAYS, '').replace(TRAILING, '');
  }
  return name.trim() || null;
}

/** A pingback or trackback told by its author line ("Pingback: …", "Trackback by …"), else undefined. */
export function kindFromLabel(label: string | null): CommentKind | undefined {
  const match = label ? LINKBACK.exec(label) : null;
  return match ? (match[1].toLowerCase() as CommentKind) : undefined;
}

/** Text without a first line that is only "Says:" (Kubrick prints it loose after the author). */
export function leadingSays(text: string): string {
  return text.replace(/^(?:says|said|sagt|schreibt|meint|wrote)\s*[:,]?\s*(?:\n+|$)/i, '');
}

/** The article's own publication date, the reference for relative comment dates; '' when the page has none. */
export function pageDate(doc: Document): string {
  const meta = doc.querySelector('meta[property="article:published_time"], meta[itemprop="datePublished"]');
  const time = doc.querySelector('time.entry-date[datetime], time.published[datetime], article time[datetime]');
  return meta?.getAttribute('content') ?? time?.getAttribute('datetime') ?? doc.querySelector('abbr.published[title]')?.getAttribute('title') ?? '';
}
