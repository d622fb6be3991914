import { annotatorName, editFromPage, pageAnnotations, setNote, setTag } from './annotations';
import type { AnnotatorDB } from './schema';
import type { PageState, Request, Response } from '../lib/messages';
import type { Tag } from '../lib/records';

/** The requests a panel makes about its page's codings: read them, change one. */
export type CodingRequest = Extract<Request, { type: 'get-page-state' | 'set-tag' | 'set-note' | 'edit-segments' }>;

/** Whether a request is one of the panel's reads or writes of codings. */
export const isCodingRequest = (request: Request): request is CodingRequest =>
  request.type === 'get-page-state' || request.type === 'set-tag' || request.type === 'set-note' || request.type === 'edit-segments';

const ok = <T>(value: T): Response<T> => ({ ok: true, value });

/**
 * Answers a panel's request as this browser's annotator: the same answers for the panel on an
 * article page (through the background's router) and on the saved thread's page (directly).
 * `codebook` is the codebook to check tags against (the router keeps it between messages).
 */
export async function answerCodingRequest(db: AnnotatorDB, request: CodingRequest, codebook: () => Promise<Tag[]>): Promise<Response> {
  switch (request.type) {
    case 'get-page-state': {
      const [tags, annotator] = await Promise.all([codebook(), annotatorName(db)]);
      return ok<PageState>({ codebook: tags, annotator, ...await pageAnnotations(db, request.pageUrl, annotator) });
    }
    case 'set-tag': {
      const tags = await codebook();
      // Taking off a tag the codebook lost meanwhile (an undo) is harmless; putting one on is not.
      if (request.on && !tags.some((tag) => tag.id === request.tagId)) return { ok: false, error: 'tagId: no such tag in the codebook' };
      // As this browser's annotator; storage announces the change to every tab (background/relay.ts).
      return ok(await setTag(db, request.target, request.tagId, request.on, tags.map((t) => t.id)));
    }
    case 'set-note':
      return ok(await setNote(db, request.target, request.note));
    case 'edit-segments': {
      const tags = await codebook();
      if (request.segments.add?.some((s) => !tags.some((tag) => tag.id === s.tagId))) return { ok: false, error: 'tagId: no such tag in the codebook' };
      return ok(await editFromPage(db, request.target, { segments: request.segments }, tags.map((t) => t.id)));
    }
  }
}
