import { browser } from 'wxt/browser';
import type { PageRequest } from '../lib/messages';

/** How often an open page reminds the background: well within Chromium's 30 s idle stop. */
export const KEEP_LISTENING_MS = 20_000;

/**
 * Keeps the background running while a page that writes (review, options) is open. Its writes
 * are announced on a BroadcastChannel (storage/changes.ts), and the background relays them to
 * the open panels; but a stopped service worker hears no channel, and nothing on it wakes one.
 * Any message to the background restarts its idle timer, so one now (which also starts it) and
 * one every KEEP_LISTENING_MS keep it listening. Returns the function that stops.
 */
export function keepBackgroundListening(send: (message: PageRequest) => Promise<unknown> = (message) => browser.runtime.sendMessage(message)): () => void {
  const remind = () => void send({ type: 'keep-listening' }).catch(() => undefined);
  remind();
  const timer = setInterval(remind, KEEP_LISTENING_MS);
  return () => clearInterval(timer);
}
