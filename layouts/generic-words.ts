// The vocabulary of the generic detector: words and tags that name comments, their parts, and
// the lists that only look like them. Words, not site names: they must hold on sites never seen.

/** Words that name a comment thread or a comment, in the languages of the sites we see. */
export const VOCAB = /comment|reply|replies|respon[sc]e|discussion|kommentar|antwort|commentaire|comentario/i;
/** Words of lists that look like comments but are not a thread: widgets, teasers, navigation. */
export const NEGATIVE = /(^|[-_\s])form([-_\s]|$)|related|recent|popular|widget|sidebar|teaser|promo|product|archive|tag-?cloud|breadcrumb|menu|(^|[-_\s])nav|pagination|search|trending|sponsor|latest|top-?comment|most-|share/i;
/** Class words of a thread's holders and parts rather than of one comment ("comment-list", "comments-area"). */
export const HOLDER = /(area|wrap|wrapper|list|listing|section|container|holder|count|title|heading|header|link|button|btn|meta|tabs?|toggle)$/i;
/** A heading that announces a thread: "12 Comments", "Leave a reply", "Kommentare". */
export const HEADING = /^\W*\d*\s*(comments?|responses?|replies|reactions|discussion|kommentare?|antworten|commentaires?|comentarios?|leave a (reply|comment)|join the discussion)\b/i;
/** Containers a thread is never in: page navigation, page header and footer, sidebars. */
export const OUTSIDE_TAGS = new Set(['nav', 'aside', 'header', 'footer']);
/** ARIA roles of the same page parts. */
export const OUTSIDE_ROLES = /^(navigation|complementary|banner|contentinfo)$/;
/** Tags whose text is never page text. */
export const SKIP_TEXT = new Set(['script', 'style', 'noscript', 'template']);
/** Tags that hold words, not blocks: never a comment of their own. */
export const INLINE = new Set([...SKIP_TEXT, 'a', 'span', 'b', 'strong', 'em', 'i', 'u', 'small', 'img', 'br', 'abbr', 'time', 'cite', 'label', 'input', 'option', 'select', 'sup', 'sub', 'font', 'code', 'svg', 'button']);
/** Date-like text: numeric and named-month dates, relative times ("3 hours ago", "vor 2 Tagen"). */
export const DATE_TEXT = /\d{4}-\d{2}-\d{2}|(?<!\d)\d{1,2}\.\d{1,2}\.\d{2,4}|(?<!\d)\d{1,2}\/\d{1,2}\/\d{2,4}|\b(jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])[a-z]*\.? \d{1,2}\b|\b\d{1,2}(st|nd|rd|th)?\.? (of )?(jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])|\b\d+ (second|minute|hour|day|week|month|year)s? ago|\bvor \d+ (sekunde|minute|stunde|tag|woche|monat|jahr)|\b(yesterday|today|gestern|heute)\b|(?<!\d)\d{1,2}:\d{2} ?[ap]m\b/i;
/** An element that names a comment's author. */
export const AUTHOR = '[itemprop="author"], [class*="author" i], [class*="user" i], [class*="name" i], [rel~="author"], cite, .fn, '
  + 'a[href*="/user"], a[href*="/profile"], a[href*="/member"], a[href*="/people/"], a[href*="/contributor"], a[href*="/commenter"], a[href*="/~"]';
/** Classes of an element holding a name. */
export const AUTHOR_CLASS = /author|user|name|(^|\s)fn(\s|$)/i;
/** Addresses of profile pages: their links name people. */
export const PROFILE_LINK = /\/(users?|profiles?|members?|people|contributors?|commenters?)\b|\/~/i;
