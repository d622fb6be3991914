import { annotatorName, editFromPage, pageAnnotations, setNote, setTag } from './annotations';
import { loadVariables } from './codebook';
import type { AnnotatorDB } from './schema';
import { isCodable } from '../lib/codebook';
import type { PageState, Request, Response } from '../lib/messages';
import type { Tag } from '../lib/records';

const CODING_TYPES = ['get-page-state', 'set-tag', 'set-codes', 'set-note', 'edit-segments'] as const;

/** The requests a panel makes about its page's codings: read them, change one. */
export type CodingRequest = Extract<Request, { type: (typeof CODING_TYPES)[number] }>;

/** Whether a request is one of the panel's reads or writes of codings. */
export const isCodingRequest = (request: Request): request is CodingRequest => (CODING_TYPES as readonly string[]).includes(request.type);

const ok = <T>(value: T): Response<T> => ({ ok: true, value });

/**
 * Why tags may not be put on, or null: each must be a code of the codebook that can be applied.
 * Taking off a tag the codebook lost meanwhile (an undo) is harmless, so only those put on count.
 */
function refusedTag(codebook: readonly Tag[], putOn: readonly string[]): string | null {
  for (const tagId of putOn) {
    const tag = codebook.find((t) => t.id === tagId);
    if (!tag) return 'no such tag in the codebook';
    if (!isCodable(tag)) return `“${tag.name}” only groups codes and cannot be applied`;
  }
  return null;
}

/**
 * Answers a panel's request as this browser's annotator: the same answers for the panel on an
 * article page (through the background's router) and on the saved thread's page (directly).
 * `codebook` is the codebook to check tags against (the router keeps it between messages).
 * Storage announces every change to every tab (background/relay.ts).
 */
export async function answerCodingRequest(db: AnnotatorDB, request: CodingRequest, codebook: () => Promise<Tag[]>): Promise<Response> {
  switch (request.type) {
    case 'get-page-state': {
      // The variables are read once per panel load (a press checks only its codes): the panel groups codes by them.
      const [tags, variables, annotator] = await Promise.all([codebook(), loadVariables(db), annotatorName(db)]);
      return ok<PageState>({ codebook: tags, variables, annotator, ...await pageAnnotations(db, request.pageUrl, annotator) });
    }
    case 'set-tag': {
      const tags = await codebook();
      const refused = refusedTag(tags, request.on ? [request.tagId] : []);
      if (refused) return { ok: false, error: `tagId: ${refused}` };
      return ok(await setTag(db, request.target, request.tagId, request.on, tags.map((t) => t.id)));
    }
    case 'set-codes': {
      const tags = await codebook();
      const refused = refusedTag(tags, Object.keys(request.tags).filter((tagId) => request.tags[tagId]));
      if (refused) return { ok: false, error: `tags: ${refused}` };
      const edit = request.none === undefined ? { tags: request.tags } : { tags: request.tags, none: request.none };
      return ok(await editFromPage(db, request.target, edit, tags.map((t) => t.id)));
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
