// A comment's key is unique within its page only; across pages it needs its page's address too.
// The two are joined by a NUL, which no web address holds and no comment key does in practice.

/** The one id of a comment across pages: its page's address and its key. */
export const commentId = (pageUrl: string, commentKey: string): string => `${pageUrl}\u0000${commentKey}`;

/** The id of one annotator's coding of a comment (there is at most one per annotator and comment). */
export const codingId = (annotator: string, pageUrl: string, commentKey: string): string => `${annotator}\u0000${commentId(pageUrl, commentKey)}`;
