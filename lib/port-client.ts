import type { Browser } from 'wxt/browser';

type Runtime = { connect(info: { name: string }): Browser.runtime.Port };
import type { Request, Response } from './messages';

/**
 * Requests to the background over one long-lived port: a message channel is set up once, not
 * per request, which halves the round trip. The background (an MV3 service worker) may stop
 * at any time; a request caught by that is sent again on a new port, so none is lost.
 */
export class PortClient {
  private port: Browser.runtime.Port | undefined;
  private next = 0;
  private readonly pending = new Map<number, { request: Request; resolve(response: Response<any>): void; retried: boolean }>();

  /** `onDisconnect` runs whenever the port closes: the service worker stopped, or the extension went away. */
  constructor(private readonly runtime: Runtime, private readonly onDisconnect: () => void = () => undefined) {}

  /** Sends a request; resolves with the background's answer. */
  send<T>(request: Request): Promise<Response<T>> {
    return new Promise((resolve) => {
      const id = this.next++;
      this.pending.set(id, { request, resolve, retried: false });
      this.post(id, request, resolve);
    });
  }

  private post(id: number, request: Request, resolve: (response: Response<any>) => void): void {
    try {
      this.connect().postMessage({ id, request });
    } catch (error) {
      this.pending.delete(id);
      resolve({ ok: false, error: `Not saved: ${(error as Error).message}` });
    }
  }

  private connect(): Browser.runtime.Port {
    if (this.port) return this.port;
    const port = this.runtime.connect({ name: 'comment-annotator' });
    port.onMessage.addListener((message: { id: number; response: Response<any> }) => {
      const entry = this.pending.get(message.id);
      if (!entry) return;
      this.pending.delete(message.id);
      entry.resolve(message.response ?? { ok: false, error: 'The background gave no answer.' });
    });
    port.onDisconnect.addListener(() => {
      this.port = undefined;
      this.onDisconnect();
      for (const [id, entry] of this.pending) {
        if (entry.retried) {
          this.pending.delete(id);
          entry.resolve({ ok: false, error: 'Not saved: the extension stopped answering. Reload the page and try again.' });
        } else {
          entry.retried = true;
          this.post(id, entry.request, entry.resolve);
        }
      }
    });
    this.port = port;
    return port;
  }
}
