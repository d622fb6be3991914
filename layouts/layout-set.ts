import type { CommentLayout } from './types';

/**
 * The layout families a document may hold, and every lookup the content scripts make among
 * them. The page's script gets every family (layouts/registry.ts); a comment system's frame
 * only the few that live in such frames (layouts/frame-layouts.ts), so its script does not
 * carry the rest.
 */
export interface LayoutSet<N extends string = string> {
  /** The first family whose thread is in `doc`, with that thread; null when none is. */
  detect(doc: Document): { layout: CommentLayout<N>; thread: Element } | null;
  /** The element of the comment with this key, or null when it is not in `doc`. */
  locate(doc: Document, key: string): Element | null;
  /** The key of the comment `target` is in (a click anywhere inside a comment) in `layout`'s markup, or null. */
  keyAt(target: Element | null, layout: N): string | null;
  /** A CSS selector for the comment with this key, or null (linkbacks without ids, unknown families). */
  selector(key: string): string | null;
}

/**
 * The lookups among `families`, tried in their order. `anywhere`: a family whose copies may
 * hold any family's keys (the extension's saved thread), asked when the key's own family finds
 * nothing.
 */
export function layoutSet<N extends string>(families: readonly CommentLayout<N>[], anywhere?: CommentLayout<N>): LayoutSet<N> {
  const familyOfKey = (key: string) => families.find((layout) => key.startsWith(`${layout.name}:`));
  return {
    detect(doc) {
      for (const layout of families) {
        const thread = layout.findThread(doc);
        if (thread) return { layout, thread };
      }
      return null;
    },
    locate: (doc, key) => familyOfKey(key)?.locate(doc, key) ?? anywhere?.locate(doc, key) ?? null,
    keyAt(target, name) {
      const family = families.find((l) => l.name === name);
      for (let el = target; el && family; el = el.parentElement) {
        const key = family.keyOf(el);
        if (key) return key;
      }
      return null;
    },
    selector: (key) => familyOfKey(key)?.cssSelector(key) ?? null,
  };
}
