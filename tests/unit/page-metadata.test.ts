import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../layouts/registry';
import { readPageMetadata } from '../../page/page-metadata';
import { fixture } from '../../seeds/fixtures';
import { parsePage } from './helpers';

describe('readPageMetadata without the comment thread', () => {
  for (const name of ['000-phandroid', '003-caschy']) {
    it(`${name}: the article's metadata are read as from the whole page, and the page keeps its thread`, () => {
      const doc = parsePage(fixture(name).html());
      const thread = detectLayout(doc)!.thread;
      const count = thread.querySelectorAll('*').length;
      const metadata = readPageMetadata(doc, fixture(name).url, thread);
      expect(metadata).toEqual(readPageMetadata(doc, fixture(name).url));
      expect(metadata.title).toBeTruthy();
      expect(thread.isConnected && thread.querySelectorAll('*').length).toBe(count);
    });
  }
});
