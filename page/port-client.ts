import type { Browser } from 'wxt/browser';

type Runtime = { connect(info: { name: string }): Browser.runtime.Port };
import type { Request, Response } from '../lib/messages';
import { PANEL_PORT_NAME } from '../lib/panel-port';

/** How long a request is sent again after the port closed under it before the reader is told it was not saved. */
export const RESEND_FOR_MS = 30_000;
/** Waits between sending again (the first resend is at once; the worker is usually back by then). */
const BACKOFF_MS = [0, 10, 25, 50, 100, 200, 400, 800];

/**
 * Requests to the background over one long-lived port: a message channel is set up once, not
 * per request, which halves the round trip. The background (an MV3 service worker) may stop
 * at any time, as often as it likes; a request caught by that is sent again on a new port,
 * in the order the requests were made, until it is answered or RESEND_FOR_MS have passed (or
 * the extension is gone). Sending twice is safe because every request that changes data says
 * the state it wants (lib/messages.ts), so an answer always means "stored".
 */
export class PortClient {
  private port: Browser.runtime.Port | undefined;
  private next = 0;
  /** Unanswered requests, oldest first, with the port each was last sent on (none yet: waiting for a resend). */
  private readonly pending = new Map<number, { request: Request; resolve(response: Response<any>): void; since: number; port?: Browser.runtime.Port }>();
  /** Disconnects in a row with requests left unanswered; reset by any answer. */
  private failures = 0;
  /** A resend is scheduled: new requests wait for it, so that nothing overtakes an earlier request. */
  private resending: ReturnType<typeof setTimeout> | undefined;

  /** `onDisconnect` runs whenever the port closes: the service worker stopped, or the extension went away. */
  constructor(private readonly runtime: Runtime, private readonly onDisconnect: () => void = () => undefined, private readonly now: () => number = Date.now) {}

  /** Sends a request; resolves with the background's answer. */
  send<T>(request: Request): Promise<Response<T>> {
    return new Promise((resolve) => {
      const id = this.next++;
      this.pending.set(id, { request, resolve, since: this.now() });
      if (!this.resending) this.post(id);
    });
  }

  /** Sends one request; false if it could not go now (then a resend of everything unanswered is on its way). */
  private post(id: number): boolean {
    const entry = this.pending.get(id);
    if (!entry) return true;
    let port: Browser.runtime.Port;
    try {
      port = this.connect();
    } catch (error) {
      // No new port: the extension went away (updated, reloaded, removed). Nothing will answer.
      this.fail(`Not saved: ${(error as Error).message}`);
      return false;
    }
    try {
      port.postMessage({ id, request: entry.request });
      entry.port = port;
      return true;
    } catch {
      // The port closed and Chromium has not said so yet: the same as its disconnect.
      if (this.port === port) this.port = undefined;
      this.resendSoon();
      return false;
    }
  }

  private fail(error: string, only?: (since: number) => boolean): void {
    for (const [id, entry] of this.pending) {
      if (only && !only(entry.since)) continue;
      this.pending.delete(id);
      entry.resolve({ ok: false, error });
    }
  }

  /**
   * Sends every unanswered request again, oldest first, on a new port. Resending all of them in
   * order (even those a newer port may have carried) leaves each field as the last request set it.
   */
  private resendSoon(): void {
    if (this.resending) return;
    const now = this.now();
    this.fail('Not saved: the extension stopped answering. Reload the page and try again.', (since) => now - since > RESEND_FOR_MS);
    if (!this.pending.size) return;
    const wait = BACKOFF_MS[Math.min(this.failures++, BACKOFF_MS.length - 1)];
    this.resending = setTimeout(() => {
      this.resending = undefined;
      for (const id of [...this.pending.keys()]) if (!this.post(id)) break;
    }, wait);
  }

  private connect(): Browser.runtime.Port {
    if (this.port) return this.port;
    const port = this.runtime.connect({ name: PANEL_PORT_NAME });
    port.onMessage.addListener((message: { id: number; response: Response<any> }) => {
      const entry = this.pending.get(message.id);
      if (!entry) return;
      this.pending.delete(message.id);
      this.failures = 0;
      entry.resolve(message.response ?? { ok: false, error: 'The background gave no answer.' });
    });
    port.onDisconnect.addListener(() => {
      if (this.port === port) this.port = undefined;
      this.onDisconnect();
      if ([...this.pending.values()].some((entry) => entry.port === port)) this.resendSoon();
    });
    this.port = port;
    return port;
  }
}
