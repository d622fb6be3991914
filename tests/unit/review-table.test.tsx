import Dexie from 'dexie';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReviewTable } from '../../components/review/ReviewTable';
import { setTag } from '../../storage/annotations';
import { readEverything } from '../../storage/codings';
import { AnnotatorDB } from '../../storage/schema';
import { STANCE, STANCE_CODES, TAGS } from './memory-background';
import { renderRoot } from './render-root';

// The review page's table edits codes in place as the panel does (components/review/ReviewTable.tsx).

let db: AnnotatorDB;
let name: string;
const root = renderRoot();
beforeEach(() => {
  name = `review-table-${crypto.randomUUID()}`;
  db = new AnnotatorDB(name);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

const CODEBOOK = [...TAGS, ...STANCE_CODES];
const target = { page: { url: 'https://example.org/a', layout: 'wp' as const, metadata: null, commentCount: 1 }, comment: { key: 'wp:1', author: 'A', publishedAt: null, permalink: null, parentKey: null, text: 'text' }, annotator: 'me' };

describe('the review table', () => {
  it('a code of a single-choice variable put on replaces the variable’s other code, as in the panel; a grouping code cannot be put on', async () => {
    const order = CODEBOOK.map((t) => t.id);
    await setTag(db, target, 'tag_for', true, order);
    await setTag(db, target, TAGS[0].id, true, order);
    const annotation = (await readEverything(db)).annotations[0];
    act(() => render(
      <ReviewTable db={db} count={1} start={0} rows={[{ annotation, page: undefined, comment: undefined, site: 'example.org' }]} onRange={() => undefined}
        codebook={CODEBOOK} variables={[STANCE]} sort={{ key: 'page', descending: false }} onSort={() => undefined} onRemove={() => undefined} />,
      root,
    ));
    const chip = (label: string) => [...root.querySelectorAll<HTMLButtonElement>('button.chip')].find((b) => b.textContent === label)!;
    chip('against').click();
    await vi.waitFor(async () => expect((await readEverything(db)).annotations[0].tagIds).toEqual([TAGS[0].id, 'tag_against']));
    // A code that only groups others is not applied here either.
    expect(chip('mixed').disabled).toBe(true);
  });
});
