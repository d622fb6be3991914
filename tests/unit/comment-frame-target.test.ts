import { describe, expect, it } from 'vitest';
import { readPageMetadata } from '../../page/page-metadata';
import { toWebAnnotations, FORMAT, FORMAT_VERSION, type NativeExport } from '../../storage/export';
import { parsePage } from './helpers';

const PAGE = 'https://www.xperiablog.net/2013/10/11/sony-xperia-z1/';
const FRAME = 'https://disqus.com/embed/comments/?base=default&f=xperiablog&t_u=https%3A%2F%2Fwww.xperiablog.net%2F2013%2F10%2F11%2Fsony-xperia-z1%2F';

describe('Disqus comments are targeted in the frame that shows them', () => {
  it('the page\'s metadata keep the Disqus frame\'s address; pages without one have none', () => {
    const doc = parsePage(`<html><head><title>Z1</title></head><body><article><p>${'Text. '.repeat(50)}</p></article><div id="disqus_thread"><iframe src="${FRAME.replace(/&/g, '&amp;')}"></iframe></div></body></html>`);
    expect(readPageMetadata(doc, PAGE).commentFrame).toBe(FRAME);
    expect(readPageMetadata(parsePage('<html><body><p>No comments here.</p></body></html>'), PAGE).commentFrame).toBeUndefined();
  });

  it('the W3C export targets a Disqus comment at that address (with the forum, so Disqus can load it), other comments at the page', () => {
    const at = '2026-11-21T10:00:00.000Z';
    const data: NativeExport = {
      format: FORMAT, version: FORMAT_VERSION, exportedAt: at, scope: { kind: 'all' }, codebook: [],
      pages: [{ url: PAGE, layout: 'disqus', metadata: { url: PAGE, title: 'Z1', byline: null, siteName: null, publishedTime: null, excerpt: null, commentFrame: FRAME }, firstSeen: at, lastSeen: at, commentCount: 2 }],
      comments: [],
      annotations: [
        { id: 'a1', pageUrl: PAGE, commentKey: 'disqus:1', tagIds: [], note: 'n', annotator: 'me', createdAt: at, updatedAt: at },
        { id: 'a2', pageUrl: PAGE, commentKey: 'wp:2', tagIds: [], note: 'n', annotator: 'me', createdAt: at, updatedAt: at },
      ],
    };
    const items = (toWebAnnotations(data) as { first: { items: { target: { source: string } }[] } }).first.items;
    expect(items.map((i) => i.target.source)).toEqual([FRAME, PAGE]);
  });
});
