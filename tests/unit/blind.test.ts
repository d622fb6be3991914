import { describe, expect, it } from 'vitest';
import { codingDatabase, coderDatabaseName, siblingDatabase, VALIDATE, VALIDATE_BLIND, type ProjectDoc } from '../../lib/blind';
import { combineCodings, combineThreads, type MovableCoding } from '../../lib/blind-setup';

/** CouchDB's rule for database names. */
const COUCH_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

/** A validation function's source, run as CouchDB runs it: the refusal's reason, or null when the write is let through. */
function verdict(source: string, doc: object, user: { name: string; roles?: string[] }, admins: string[] = ['lead'], old: object | null = null): string | null {
  const validate = new Function(`return ${source}`)() as (n: object, o: object | null, u: object, s: object) => void;
  try {
    validate(doc, old, { name: user.name, roles: user.roles ?? [] }, { admins: { names: admins }, members: { names: ['alice', 'bob'] } });
    return null;
  } catch (thrown) {
    return (thrown as { forbidden: string }).forbidden;
  }
}

const coding = (user: string) => ({ _id: `coding:${user}:https://example.org/a`, type: 'coding', user, annotator: user, pageUrl: 'https://example.org/a' });

describe('blind coding: each user\'s own database', () => {
  it('is named after the main database and the user, a valid CouchDB name, one per user', () => {
    expect(coderDatabaseName('study', 'alice')).toBe('study-coder-alice');
    const names = ['alice', 'Alice', 'ALICE', 'bob@example.org', 'bob_example_org', 'Zoë', 'a b', '1st'].map((user) => coderDatabaseName('study', user));
    for (const name of names) expect(name).toMatch(COUCH_NAME);
    expect(new Set(names).size).toBe(names.length);
    // A changed name keeps its readable part and ends in the user name's hash, the same every time.
    expect(coderDatabaseName('study', 'Bob@Example.org')).toMatch(/^study-coder-bob_example_org-[0-9a-f]{8}$/);
    expect(coderDatabaseName('study', 'Bob@Example.org')).toBe(coderDatabaseName('study', 'Bob@Example.org'));
    const long = coderDatabaseName('study', 'x'.repeat(300));
    expect(long.length).toBeLessThanOrEqual(238);
    expect(long).not.toBe(coderDatabaseName('study', 'x'.repeat(299)));
  });

  it('sits beside the main database on its server, and takes the codings only while blind coding is on', () => {
    const main = { url: 'https://couch.example.org/couch/study', user: 'alice', password: 'pw' };
    expect(siblingDatabase(main, 'study-coder-alice')).toEqual({ ...main, url: 'https://couch.example.org/couch/study-coder-alice' });
    const project: ProjectDoc = { _id: 'project', type: 'project', blind: true, databases: { alice: 'study-coder-alice-custom' } };
    expect(codingDatabase(main, project, 'alice').url).toBe('https://couch.example.org/couch/study-coder-alice-custom');
    expect(codingDatabase(main, project, 'bob').url).toBe('https://couch.example.org/couch/study-coder-bob');
    expect(codingDatabase(main, { ...project, blind: false }, 'alice')).toBe(main);
    expect(codingDatabase(main, null, 'alice')).toBe(main);
  });
});

describe('the validation functions', () => {
  it('blind coding off (and in each user\'s database): a coder writes only their own codings; the lead and server admins anything', () => {
    expect(verdict(VALIDATE, coding('alice'), { name: 'alice' })).toBeNull();
    expect(verdict(VALIDATE, coding('bob'), { name: 'alice' })).toMatch(/only their own codings/);
    expect(verdict(VALIDATE, coding('alice'), { name: 'alice' }, ['lead'], coding('bob'))).toMatch(/only their own codings/);
    expect(verdict(VALIDATE, { _id: 'codebook', type: 'codebook' }, { name: 'alice' })).toMatch(/only the lead/);
    expect(verdict(VALIDATE, { _id: 'project', type: 'project', blind: false }, { name: 'alice' })).toMatch(/only the lead/);
    expect(verdict(VALIDATE, { _id: 'note', type: 'note' }, { name: 'alice' })).toMatch(/coding and thread documents only/);
    expect(verdict(VALIDATE, { _id: 'project', type: 'project' }, { name: 'lead' })).toBeNull();
    expect(verdict(VALIDATE, coding('bob'), { name: 'root', roles: ['_admin'] }, [])).toBeNull();
  });

  it('blind coding off (and in each user\'s database): a coder writes only their own thread documents', () => {
    const thread = (user: string, id = `thread:${user}:0:https://example.org/a`) => ({ _id: id, type: 'thread', user, pageUrl: 'https://example.org/a', part: 0, comments: [] });
    expect(verdict(VALIDATE, thread('alice'), { name: 'alice' })).toBeNull();
    expect(verdict(VALIDATE, thread('alice'), { name: 'bob' })).toMatch(/only their own threads/);
    expect(verdict(VALIDATE, thread('bob', 'thread:alice:0:https://example.org/a'), { name: 'bob' })).toMatch(/only their own threads/);
    expect(verdict(VALIDATE, thread('bob'), { name: 'bob' }, ['lead'], thread('alice', 'thread:bob:0:https://example.org/a'))).toMatch(/only their own threads/);
    // A user whose name begins another's: the id's user ends at its colon.
    expect(verdict(VALIDATE, thread('al', 'thread:alice:0:https://example.org/a'), { name: 'al' })).toMatch(/only their own threads/);
    expect(verdict(VALIDATE_BLIND, thread('alice'), { name: 'alice' })).toMatch(/blind coding is on/);
  });

  it('blind coding on, in the main database: no coder writes anything there, not even their own coding', () => {
    expect(verdict(VALIDATE_BLIND, coding('alice'), { name: 'alice' })).toMatch(/blind coding is on/);
    expect(verdict(VALIDATE_BLIND, { _id: 'codebook', type: 'codebook' }, { name: 'bob' })).toMatch(/blind coding is on/);
    expect(verdict(VALIDATE_BLIND, { _id: 'project', type: 'project', blind: true }, { name: 'lead' })).toBeNull();
    expect(verdict(VALIDATE_BLIND, coding('lead'), { name: 'root', roles: ['_admin'] }, [])).toBeNull();
  });
});

describe('moving a coding document onto another version of it', () => {
  const annotation = (commentKey: string, updatedAt: string, tag: string) => ({ commentKey, updatedAt, tagIds: [tag] });
  it('keeps per comment the newer coding or the newer removal, and the comments and codes of both', () => {
    const held = { _id: 'coding:alice:p', _rev: '3-held', type: 'coding', user: 'alice', annotations: [annotation('c1', '2026-01-02', 'a'), annotation('c2', '2026-01-01', 'b')], removed: { c3: '2026-01-05' }, comments: [{ key: 'c1' }, { key: 'c2' }], tags: [{ id: 'a' }, { id: 'b' }], page: null } as MovableCoding;
    const moved = { _id: 'coding:alice:p', _rev: '7-moved', type: 'coding', user: 'alice', annotations: [annotation('c1', '2026-01-01', 'x'), annotation('c3', '2026-01-04', 'y'), annotation('c4', '2026-01-04', 'z')], removed: { c2: '2026-01-03' }, comments: [{ key: 'c3' }, { key: 'c4' }], tags: [{ id: 'y' }, { id: 'z' }], page: { url: 'p' } } as MovableCoding;
    const both = combineCodings(held, moved);
    expect(both._rev).toBe('3-held');
    expect(both.annotations).toEqual([annotation('c1', '2026-01-02', 'a'), annotation('c4', '2026-01-04', 'z')]);
    expect(both.removed).toEqual({ c2: '2026-01-03', c3: '2026-01-05' });
    expect(both.comments?.map((c) => c.key).sort()).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(both.tags?.map((t) => t.id).sort()).toEqual(['a', 'b', 'y', 'z']);
    expect(both.page).toEqual({ url: 'p' });
  });

  it('a thread part keeps the comments of both versions, the held one\'s revision', () => {
    const held = { _id: 'thread:alice:0:p', _rev: '2-held', type: 'thread' as const, user: 'alice', comments: [{ key: 'c1' }, { key: 'c2' }] };
    const both = combineThreads(held, { ...held, _rev: '5-moved', comments: [{ key: 'c2' }, { key: 'c3' }] });
    expect(both).toMatchObject({ _rev: '2-held', comments: [{ key: 'c1' }, { key: 'c2' }, { key: 'c3' }] });
  });
});
