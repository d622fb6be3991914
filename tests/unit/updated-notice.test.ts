import { describe, expect, it } from 'vitest';
import { showUpdatedNotice } from '../../page/updated-notice';
import { AnnotatorSession, type Send } from '../../page/annotator-session';
import { CommentStore } from '../../page/comment-store';
import type { Request, Response } from '../../lib/messages';

const comment = { key: 'wp:1', parentKey: null, depth: 0, kind: 'comment' as const, author: 'A', publishedAt: null, permalink: null, text: 'Hello' };

/** A session whose background answers toggles with `answer`. */
function session(answer: (request: Request) => Response) {
  const store = new CommentStore();
  const send = (async (request: Request) => answer(request)) as Send;
  const s = new AnnotatorSession(store, { url: 'https://phandroid.com/a/', layout: () => 'wp', metadata: () => null }, send);
  store.set({ frameId: 0, layout: 'wp', comments: [comment] });
  s.select('wp:1');
  return s;
}

describe('when the extension goes away under an open page', () => {
  it('a change the background refused or never answered stays counted as unsaved; a confirmed one does not', async () => {
    const sent: Request[] = [];
    const saved = session((request) => {
      sent.push(request);
      return { ok: true, value: { before: null, after: null, rev: 0 } };
    });
    await saved.toggleTag('tag_x');
    expect(sent.map((r) => r.type)).toEqual(['set-tag']);
    expect(saved.unsaved()).toBe(0);

    const lost = session(() => ({ ok: false, error: 'Not saved: Extension context invalidated.' }));
    await lost.toggleTag('tag_x');
    expect(lost.unsaved()).toBe(1);
    expect(lost.snapshot().status).toEqual({ kind: 'error', text: 'Not saved: Extension context invalidated.' });
  });

  it('the notice says to reload, names unsaved changes, and is text only', () => {
    const host = showUpdatedNotice(document, 2);
    const text = host.shadowRoot!.textContent!;
    expect(text).toContain('Comment Annotator was updated — reload the page');
    expect(text).toContain('2 changes were not confirmed saved');
    expect(host.shadowRoot!.querySelectorAll('button')).toHaveLength(2);
    host.remove();
    expect(showUpdatedNotice(document, 0).shadowRoot!.textContent).not.toContain('not confirmed');
  });
});
