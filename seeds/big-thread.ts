import type { SeedComment, SeedPage } from './model';
import { seededRandom } from './parse';

/**
 * A page's worth of generated comments in nested threads (at most 5 levels, WordPress's default),
 * with texts made from the words of `vocabulary`. Same input, same thread, every time.
 */
export function generateThread(base: SeedPage, count: number, vocabulary: string): SeedPage {
  const words = vocabulary.split(/\s+/).filter((word) => /^[\p{L}’'.,!?-]+$/u.test(word));
  const random = seededRandom(count);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const sentence = () => Array.from({ length: 6 + Math.floor(random() * 18) }, () => pick(words)).join(' ');
  const roots: SeedComment[] = [];
  const recent: { comment: SeedComment; depth: number }[] = [];
  const start = Date.parse(`${base.publishedAt}Z`);
  for (let i = 0; i < count; i++) {
    const comment: SeedComment = {
      id: 500000 + i * 3,
      kind: 'comment',
      author: `Reader ${1 + Math.floor(random() * 2000)}`,
      authorInvented: true,
      publishedAt: new Date(start + i * 61_000).toISOString().slice(0, 19),
      paragraphs: Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
        Array.from({ length: 1 + Math.floor(random() * 3) }, sentence)),
      children: [],
    };
    const parent = recent.length && random() > 0.4 ? pick(recent) : null;
    if (parent && parent.depth < 4) {
      parent.comment.children.push(comment);
      recent.push({ comment, depth: parent.depth + 1 });
    } else {
      roots.push(comment);
      recent.push({ comment, depth: 0 });
    }
    if (recent.length > 40) recent.shift();
  }
  return { ...base, title: `${base.title} (10,000 comments)`, comments: roots };
}
