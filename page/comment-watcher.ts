import { knownComments, readAdded, withAdded, type KnownComments } from '../layouts/added';
import type { LayoutName } from '../layouts/registry';
import type { LayoutSet } from '../layouts/layout-set';
import type { ExtractedComment } from '../layouts/types';
import { TIMINGS } from '../lib/timings';

/** What a document holds right now. */
export interface FoundComments {
  layout: LayoutName | null;
  comments: ExtractedComment[];
}

/** How long a page without a thread is watched for one to appear (Disqus and AJAX themes render late). */
const WAIT_FOR_THREAD_MS = 30_000;
/** Mutations are batched: one extraction per quiet period, not one per inserted node. */
const SETTLE_MS = 200;

/** Whether two reads found the same comments (by key, in order) with the same layout. */
const sameComments = (a: FoundComments, b: FoundComments) =>
  a.layout === b.layout && a.comments.length === b.comments.length && a.comments.every((c, i) => c.key === b.comments[i].key);

/** A running watch: `rescan` reads the document again at once (after the reader picked a thread). */
export interface CommentWatch {
  rescan(): void;
}

/**
 * Reads the document's comments now, and again after the thread changes (late loads, "load
 * more"), in the page or in an open shadow root. Once a thread is found only its container is
 * observed. `onChange` is called with every result that differs from the last one, including
 * the first when it has a thread. Each read, `onChange` included, is measured as TIMINGS.scan,
 * and `onScanned` is called after it (with or without a thread). `layouts`: the families looked for.
 */
export function watchComments(doc: Document, layouts: LayoutSet<LayoutName>, onChange: (found: FoundComments) => void, signal: AbortSignal, onScanned: () => void = () => undefined): CommentWatch {
  let last: FoundComments = { layout: null, comments: [] };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let observer: MutationObserver | undefined;
  let observed: Node[] = [];
  const started = Date.now();
  // The thread as last read, and what was inserted since: a batch of late comments after the
  // last one read is read from the inserted nodes alone (layouts/added.ts). Anything else (a
  // removal, another thread, a rescan) reads the whole thread again.
  let read: { layout: LayoutName; thread: Element; known: KnownComments } | null = null;
  let inserted: Node[] = [];
  let whole = true;

  const scan = () => {
    timer = undefined;
    if (signal.aborted) return;
    const begun = performance.now();
    const detected = layouts.detect(doc);
    const sameThread = !!detected && !!read && !whole && detected.layout.name === read.layout && detected.thread === read.thread;
    const added = sameThread ? readAdded(detected!.layout, detected!.thread, inserted, read!.known, doc.URL) : null;
    inserted = [];
    whole = false;
    let found: FoundComments;
    if (added) {
      if (added.length) read!.known = withAdded(read!.known, added);
      found = added.length ? { layout: read!.layout, comments: read!.known.comments as ExtractedComment[] } : last;
    } else {
      found = detected
        ? { layout: detected.layout.name, comments: detected.layout.extract(detected.thread, doc.URL) }
        : { layout: null, comments: [] };
      read = detected && { layout: detected.layout.name, thread: detected.thread, known: knownComments(found.comments) };
    }
    if (found.layout && found !== last && !sameComments(found, last)) {
      last = found;
      onChange(found);
    }
    performance.measure(TIMINGS.scan, { start: begun });
    onScanned();
    if (!found.layout && Date.now() - started > WAIT_FOR_THREAD_MS) {
      observer?.disconnect();
      return;
    }
    // The thread's parent (its shadow root when it is the root's child), so a list the site
    // replaces wholesale is noticed too; in a shadow root, also the host's parent, for a host
    // the site replaces. Without a thread: the body and every open shadow root, since mutations
    // inside a shadow root never reach an observer outside it.
    const targets: (Node | null)[] = detected ? threadTargets(detected.thread, doc) : [doc.body, ...openShadowRoots(doc)];
    const live = targets.filter((target): target is Node => target !== null);
    if (live.length !== observed.length || live.some((target, i) => target !== observed[i])) observe(live);
  };

  const observe = (targets: Node[]) => {
    observer?.disconnect();
    observed = targets;
    observer = new MutationObserver((records) => {
      let relevant = false;
      for (const record of records) {
        if (isOwnMark(record)) continue;
        relevant = true;
        if (record.removedNodes.length) whole = true;
        else for (let i = 0; i < record.addedNodes.length; i++) inserted.push(record.addedNodes[i]);
      }
      if (relevant && timer === undefined) timer = setTimeout(scan, SETTLE_MS);
    });
    for (const target of targets) observer.observe(target, { childList: true, subtree: true });
  };

  signal.addEventListener('abort', () => {
    observer?.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  });
  scan();
  return {
    rescan() {
      if (timer !== undefined) clearTimeout(timer);
      whole = true;
      scan();
    },
  };
}

/** What to observe for a found thread: its parent, and for a thread in a shadow root the host's parent too. */
function threadTargets(thread: Element, doc: Document): (Node | null)[] {
  const root = thread.getRootNode();
  const host = root !== doc && 'host' in root ? (root as ShadowRoot).host : null;
  return host ? [thread.parentNode, host.parentNode] : [thread.parentNode ?? doc.body];
}

/** The page's open shadow roots (comment embeds render into them), not our own panel's. */
function openShadowRoots(doc: Document): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const all = doc.body?.querySelectorAll('*') ?? [];
  for (let i = 0; i < all.length; i++) {
    const root = all[i].shadowRoot;
    if (root && !all[i].localName.startsWith('comment-annotator')) roots.push(root);
  }
  return roots;
}

/** Our own chip rows being added or removed: no reason to read the thread again. */
function isOwnMark(record: MutationRecord): boolean {
  const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  return nodes.length > 0 && nodes.every((node) => (node as Element).localName === OWN_MARK);
}

/** The element the chips live in (page/page-chips.ts). */
export const OWN_MARK = 'comment-annotator-chips';
