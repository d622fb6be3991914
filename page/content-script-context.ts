import { browser } from 'wxt/browser';

// Replaces WXT's ContentScriptContext in every content script of the build (wxt.config.ts
// aliases `wxt/utils/content-script-context` to this file), with the same API.
//
// WXT's own context talks through the page: on start it posts
// `{ type: "<extension id>:<script>:wxt:content-script-started" }` with window.postMessage (any
// page script reads it, and so learns the extension's id), dispatches a DOM event of that name
// and ends itself when it hears one from a "newer copy", and reports address changes with a
// window event named `<id>:<script>:wxt:locationchange`. A page that knows the id (from that
// message, or from the extension's store listing) could dispatch either event and stop the
// annotator or make it start over. Here nothing goes through the page: a newer copy finds the
// older one in this extension's isolated world, which page scripts cannot reach, and address
// changes come from the browser's own (trusted) navigation events.

/** What an entrypoint passes besides `main` (WXT's content script definition). */
export type ContextOptions = { cssInjectionMode?: string } & Record<string, unknown>;

type LocationHandler = (event: Event) => void;

// The isolated world's global object: shared by every copy of this extension's scripts in the
// frame, invisible to the page's scripts (they have their own window object).
const RUNNING = '__commentAnnotatorRunning';
const running = (): Map<string, ContentScriptContext> =>
  ((globalThis as Record<string, unknown>)[RUNNING] ??= new Map()) as Map<string, ContentScriptContext>;

/** One content script's life: ends when the extension goes away or a newer copy of the script starts in the same frame. */
export class ContentScriptContext implements AbortController {
  private readonly abortController = new AbortController();
  private readonly locationHandlers = new Set<LocationHandler>();
  private watchingLocation = false;

  /** `contentScriptName`: copies with the same name replace each other. */
  constructor(readonly contentScriptName: string, readonly options?: ContextOptions) {
    const copies = running();
    copies.get(contentScriptName)?.notifyInvalidated();
    copies.set(contentScriptName, this);
    this.onInvalidated(() => {
      if (copies.get(contentScriptName) === this) copies.delete(contentScriptName);
    });
  }

  /** Aborted when the script is invalidated. */
  get signal(): AbortSignal {
    return this.abortController.signal;
  }

  /** Ends the script's life (as AbortController does). */
  abort(reason?: unknown): void {
    this.abortController.abort(reason);
  }

  /** True once the script was invalidated (checks whether the extension is still there). */
  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  /** The opposite of isInvalid. */
  get isValid(): boolean {
    return !this.isInvalid;
  }

  /** Runs `cb` when the script is invalidated; returns the function that removes it. */
  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  /** A promise that never settles, for code that must not go on once invalid. */
  block<T>(): Promise<T> {
    return new Promise(() => undefined);
  }

  /** setInterval that stops when the script is invalidated. */
  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => this.isValid && handler(), timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  /** setTimeout that never fires once the script is invalidated. */
  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => this.isValid && handler(), timeout) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  /** requestAnimationFrame that never fires once the script is invalidated. */
  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((time) => this.isValid && callback(time));
    this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  /** requestIdleCallback that never fires once the script is invalidated. */
  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = requestIdleCallback((deadline) => !this.signal.aborted && callback(deadline), options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  /**
   * addEventListener removed when the script is invalidated. `wxt:locationchange` is not an
   * event on the page: the handler is called directly when the browser reports that this
   * document's address changed.
   */
  addEventListener(target: EventTarget, type: string, handler: (event: any) => void, options?: AddEventListenerOptions): void {
    if (type === 'wxt:locationchange') {
      if (!this.isValid) return;
      this.locationHandlers.add(handler);
      this.watchLocation();
      return;
    }
    target.addEventListener?.(type, handler, { ...options, signal: this.signal });
  }

  /** Invalidates the script: aborts `signal` and runs every onInvalidated callback. */
  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }

  private watchLocation(): void {
    if (this.watchingLocation) return;
    this.watchingLocation = true;
    let last = location.href;
    const changed = (next: string) => {
      if (next === last || this.signal.aborted) return;
      const event = Object.assign(new Event('wxt:locationchange'), { newUrl: new URL(next), oldUrl: new URL(last) });
      last = next;
      for (const handler of this.locationHandlers) handler(event);
    };
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    if (typeof navigation?.addEventListener === 'function') {
      // Only the browser's own navigate events: a page script can dispatch a made-up one.
      navigation.addEventListener('navigate', (event) => {
        const destination = (event as Event & { destination?: { url?: string } }).destination?.url;
        if (event.isTrusted && typeof destination === 'string') changed(destination);
      }, { signal: this.signal });
    } else {
      this.setInterval(() => changed(location.href), 1_000);
    }
  }
}
