import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExtractedComment } from '../../layouts/types';
import { readSavedPage } from '../../scripts/read-page';
import { loadFixtures } from '../../seeds/fixtures';
import { corpusPages } from '../corpus/corpus';

// Whatever a layout reads, on any page: keys unique, parents real and earlier, no comment its own
// parent, and an author field that is a name only (no date, no "says", no reply link).

const DAY_MONTH = /\b\d{1,2}(st|nd|rd|th)?\.? ?(jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])[a-zä]*\.?\s+\d{2,4}\b/i;
const MONTH_DAY = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(st|nd|rd|th)?,? \d{4}\b/i;
const NUMERIC = /\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b/;
const FURNITURE = /\b(says|said|sagt|schreibt|wrote|meint)\s*:?\s*$|^(reply|antworten|permalink)$|\b(reply|antworten)\s*$/i;

/** The first broken rule, or null when the comments keep them all. */
export function brokenRule(comments: ExtractedComment[]): string | null {
  const seen = new Set<string>();
  for (const c of comments) {
    if (seen.has(c.key)) return `key ${c.key} twice`;
    if (c.parentKey === c.key) return `${c.key} is its own parent`;
    if (c.parentKey !== null && !seen.has(c.parentKey)) return `${c.key}'s parent ${c.parentKey} is not an earlier comment`;
    seen.add(c.key);
    const author = c.author ?? '';
    if (DAY_MONTH.test(author) || MONTH_DAY.test(author) || NUMERIC.test(author)) return `author of ${c.key} holds a date: "${author}"`;
    if (FURNITURE.test(author)) return `author of ${c.key} holds furniture: "${author}"`;
  }
  return null;
}

describe('the invariants check', () => {
  const ok: ExtractedComment = { key: 'x:1', parentKey: null, depth: 0, kind: 'comment', author: 'Ben', publishedAt: null, permalink: null, text: 'hi' };
  it('accepts a clean thread and catches each broken rule', () => {
    expect(brokenRule([ok, { ...ok, key: 'x:2', parentKey: 'x:1', author: 'May Li' }])).toBeNull();
    expect(brokenRule([ok, ok])).toMatch(/twice/);
    expect(brokenRule([{ ...ok, parentKey: 'x:1' }])).toMatch(/own parent/);
    expect(brokenRule([{ ...ok, parentKey: 'x:9' }])).toMatch(/not an earlier/);
    expect(brokenRule([{ ...ok, author: 'Ben 19. Juni 2018 um 15:28 Uhr - Antworten' }])).toMatch(/date/);
    expect(brokenRule([{ ...ok, author: 'John October 12th, 2012' }])).toMatch(/date/);
    expect(brokenRule([{ ...ok, author: 'John says:' }])).toMatch(/furniture/);
    expect(brokenRule([{ ...ok, author: 'Anna Antworten' }])).toMatch(/furniture/);
  });
});

describe('invariants on every fixture', () => {
  for (const f of loadFixtures().filter((fixture) => fixture.committed)) {
    const documents = [{ name: f.name, url: f.url, html: f.html }, ...(f.frame ? [{ name: `${f.name} (frame)`, url: f.frame.url, html: f.frame.html }] : [])];
    for (const d of documents) {
      it(d.name, () => {
        const { comments } = readSavedPage(d.html(), d.url, { generic: !!f.onDemand });
        expect(brokenRule(comments)).toBeNull();
      });
    }
  }
});

const corpus = corpusPages();
describe.skipIf(corpus.length === 0)('invariants on every corpus page (../shared/corpus)', () => {
  for (const page of corpus) {
    it(`${page.family} ${page.id}`, () => {
      const html = readFileSync(page.file, 'utf8');
      const url = `https://corpus.invalid/${page.id}.html`;
      expect(brokenRule(readSavedPage(html, url).comments), 'known layouts').toBeNull();
      expect(brokenRule(readSavedPage(html, url, { generic: true }).comments), 'with the generic detector').toBeNull();
    });
  }
});
