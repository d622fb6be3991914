import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, loadFixtures, SEEDS_DIR } from '../../seeds/fixtures';
import { flatten, seedText, type SeedComment } from '../../seeds/model';
import { parseSeed } from '../../seeds/parse';

const maxDepth = (list: SeedComment[], depth = 0): number =>
  Math.max(depth - 1, ...list.map((c) => maxDepth(c.children, depth + 1)));

describe('seed parser', () => {
  it.each([
    ['000-phandroid', 46, 25, 4, 0],
    ['001-xperiablog', 57, 57, 0, 4],
    ['002-xperiablog', 135, 135, 0, 0],
    ['003-caschy', 9, 4, 4, 0],
  ])('%s: %i comments, %i threads, max depth %i, %i pingbacks', (name, count, threads, depth, pingbacks) => {
    const { page } = fixture(name);
    const all = flatten(page.comments);
    expect(all).toHaveLength(count);
    expect(page.comments).toHaveLength(threads);
    expect(maxDepth(page.comments)).toBe(depth);
    expect(all.filter((c) => c.kind === 'pingback')).toHaveLength(pingbacks);
  });

  it('keeps the numbered list inside the 4th Caschys Blog comment as text', () => {
    const fourth = fixture('003-caschy').page.comments[3];
    expect(seedText(fourth)).toContain('\n1. Cloud-Dienste pushen');
    expect(seedText(fourth)).toContain('\n2. Geräte mit größerem internen Speicher');
    expect(fourth.children).toHaveLength(0);
  });

  it('tells "• name" + block from a comment whose author was lost', () => {
    const all = flatten(fixture('001-xperiablog').page.comments);
    expect(all[5]).toMatchObject({ author: 'Guest', authorInvented: false, paragraphs: [] });
    expect(all[7]).toMatchObject({ authorInvented: true, paragraphs: [['They do have a good presence in the middle east']] });
    expect(all[7].author).toMatch(/^Reader \d+$/);
  });

  it('reads the Xperia Blog header and strips "says:" from authors', () => {
    const { page } = fixture('002-xperiablog');
    expect(page).toMatchObject({ title: 'Sony Mobile to “defocus” on India and USA', byline: 'XB', category: 'News' });
    expect(flatten(fixture('003-caschy').page.comments).map((c) => c.author)).toContain('BigBlue007');
  });

  it('invents the same ids and times on every run, after the article date', () => {
    const text = readFileSync(join(SEEDS_DIR, 'texts', '000_e4ea809e101c93dc.txt'), 'utf8');
    const facts = { title: 'T', publishedAt: '2013-10-11T14:20:00', firstId: 100 };
    const a = flatten(parseSeed(text, { numberedReplies: true }, facts).comments);
    const b = flatten(parseSeed(text, { numberedReplies: true }, facts).comments);
    expect(a.map((c) => [c.id, c.publishedAt])).toEqual(b.map((c) => [c.id, c.publishedAt]));
    expect(new Set(a.map((c) => c.id)).size).toBe(a.length);
    for (const c of a) expect(c.publishedAt > facts.publishedAt).toBe(true);
  });
});

describe('fixture pages', () => {
  it('the committed pages in seeds/pages are what the builder makes (run `npx tsx seeds/build.ts`)', () => {
    for (const f of loadFixtures().filter((x) => x.committed)) {
      expect(readFileSync(join(SEEDS_DIR, 'pages', `${f.name}.html`), 'utf8'), f.name).toBe(f.html());
      if (f.frame) expect(readFileSync(join(SEEDS_DIR, 'pages', `${f.name}.frame.html`), 'utf8')).toBe(f.frame.html());
    }
  });

  it('say in every page that authors and dates are invented', () => {
    for (const f of loadFixtures().filter((x) => x.committed)) {
      expect(f.html()).toContain('are invented for testing; they are not the real values');
    }
  });

  it('the 10,000-comment page has 10,000 comments in nested threads', () => {
    const all = flatten(fixture('big-10000').page.comments);
    expect(all).toHaveLength(10_000);
    expect(maxDepth(fixture('big-10000').page.comments)).toBe(4);
  });
});
