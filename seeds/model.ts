import type { CommentKind } from '../layouts/types';

/** A comment read from a seed text, with the values the capture lost filled in (and marked). */
export interface SeedComment {
  /** Invented id, unique within the page; fixtures print it in the site's own id scheme. */
  id: number;
  kind: CommentKind;
  author: string;
  /** True when the capture lost the author and `author` is a made-up "Reader N". */
  authorInvented: boolean;
  /** Invented: captures keep no times. Local ISO time, no zone. */
  publishedAt: string;
  /** Paragraphs of lines, as in the capture. */
  paragraphs: string[][];
  children: SeedComment[];
}

/** An article page read from a seed text. */
export interface SeedPage {
  title: string;
  byline: string;
  publishedAt: string;
  category: string;
  paragraphs: string[];
  comments: SeedComment[];
}

/** The comment's text as the layouts must read it: paragraphs split by a blank line. */
export function seedText(comment: SeedComment): string {
  return comment.paragraphs.map((lines) => lines.join('\n')).join('\n\n');
}

/** Every comment of a tree in thread order (parent before its replies). */
export function flatten(comments: SeedComment[]): SeedComment[] {
  const out: SeedComment[] = [];
  const visit = (list: SeedComment[]) => {
    for (const comment of list) {
      out.push(comment);
      visit(comment.children);
    }
  };
  visit(comments);
  return out;
}
