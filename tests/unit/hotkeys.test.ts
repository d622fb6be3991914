import { classicCodebook } from './classic';
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { shortcutFor } from '../../components/panel/keyboard';
import { HOTKEYS, isHotkey } from '../../lib/hotkeys';
import type { Tag } from '../../lib/records';
import { addTag } from '../../storage/codebook';
import { TagSchema } from '../../storage/import-schema';
import { AnnotatorDB } from '../../storage/schema';

const tag = (hotkey: string | null, i = 0): Tag => ({ id: `tag_${i}`, name: `t${i}`, colour: '#000000', hotkey, description: '', order: i });
const OTHER_KEYS = ['a', 'j', '11', '', ' ', '١'];

let db: AnnotatorDB | undefined;
afterEach(async () => {
  db?.close();
  if (db) await Dexie.delete(db.name);
  db = undefined;
});

describe('HOTKEYS: the one list of tag keys', () => {
  it('the panel toggles the tag on each of them, and on no other key', () => {
    const codebook = HOTKEYS.map((key, i) => tag(key, i));
    const press = (key: string) => shortcutFor({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false }, codebook);
    expect(HOTKEYS.map(press)).toEqual(codebook.map((t) => ({ type: 'toggle-tag', tagId: t.id })));
    for (const key of OTHER_KEYS) expect(isHotkey(key), key).toBe(false);
  });

  it('an imported codebook may use each of them, and no other key', () => {
    for (const key of HOTKEYS) expect(v.safeParse(TagSchema, tag(key)).success, key).toBe(true);
    expect(v.safeParse(TagSchema, tag(null)).success).toBe(true);
    for (const key of OTHER_KEYS) expect(v.safeParse(TagSchema, tag(key)).success, key).toBe(false);
  });

  it('new tags get the free ones in order, then none', async () => {
    db = new AnnotatorDB(`hotkeys-${crypto.randomUUID()}`);
    const defaults = await classicCodebook(db);
    const added = [await addTag(db, { name: 'x' }), await addTag(db, { name: 'y' }), await addTag(db, { name: 'z' })];
    expect([...defaults, ...added].map((t) => t.hotkey)).toEqual([...HOTKEYS, null]);
  });

  it('docs/comment-annotator.schema.json allows the same keys', () => {
    const schema = JSON.parse(readFileSync('docs/comment-annotator.schema.json', 'utf8'));
    expect(schema.$defs.tag.properties.hotkey.enum).toEqual([...HOTKEYS, null]);
  });
});
