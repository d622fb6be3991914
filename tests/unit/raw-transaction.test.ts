import { beforeEach, expect, it } from 'vitest';
import { inRawTransaction } from '../../storage/raw-transaction';
import type { AnnotatorDB } from '../../storage/schema';
import { freshDatabases } from '../fresh-databases';

const fresh = freshDatabases('test');
let db: AnnotatorDB;
beforeEach(async () => {
  db = await fresh();
});

it('answers once committed, opening the database first, and what it wrote is stored', async () => {
  const answer = await inRawTransaction(db, ['settings'], async (tx) => {
    tx.put('settings', { key: 'a', value: '1' });
    return (await tx.get<{ value: string }>('settings', 'a'))?.value;
  });
  expect(answer).toBe('1');
  expect(await db.settings.get('a')).toEqual({ key: 'a', value: '1' });
});

it('keeps nothing of a body that throws after writing', async () => {
  const failing = inRawTransaction(db, ['settings'], async (tx) => {
    tx.put('settings', { key: 'a', value: '1' });
    await tx.get('settings', 'a');
    throw new Error('refused');
  });
  await expect(failing).rejects.toThrow('refused');
  expect(await db.settings.get('a')).toBeUndefined();
});

it('rejects with the error of a write that fails, and keeps none of the others', async () => {
  await db.settings.put({ key: 'taken', value: 'first' });
  const failing = inRawTransaction(db, ['settings'], async (tx) => {
    tx.put('settings', { key: 'b', value: '2' });
    tx.add('settings', { key: 'taken', value: 'second' });
  });
  await expect(failing).rejects.toMatchObject({ name: 'ConstraintError' });
  expect(await db.settings.toArray()).toEqual([{ key: 'taken', value: 'first' }]);
});
