// Shown when the extension was updated or reloaded under an open page: this content script
// can no longer reach the extension, so it says so instead of failing quietly. Plain DOM in a
// shadow root, and text only.

const HOST_STYLE = 'all: initial !important; position: fixed !important; top: 12px !important; right: 12px !important; z-index: 2147483647 !important; display: block !important;';
const CSS = `div{font:14px/1.5 system-ui,sans-serif;background:#fff8c5;color:#1f2328;border:1px solid #d4a72c;border-radius:8px;padding:10px 14px;max-width:320px;box-shadow:0 4px 12px rgba(0,0,0,.15)}
p{margin:0 0 6px}button{font:inherit;padding:2px 10px;margin-right:6px}`;

/** Puts the "Comment Annotator was updated — reload the page" notice on the page; `unsaved` lists changes that may not have been saved. */
export function showUpdatedNotice(doc: Document, unsaved: number): HTMLElement {
  const host = doc.createElement('comment-annotator-notice');
  host.setAttribute('style', HOST_STYLE);
  host.dataset.testid = 'ca-updated';
  const root = host.attachShadow({ mode: 'open' }); // nothing private in it; open so tests can read it
  const style = doc.createElement('style');
  style.textContent = CSS;
  const box = doc.createElement('div');
  box.setAttribute('role', 'alert');
  const line = (text: string) => Object.assign(doc.createElement('p'), { textContent: text });
  box.append(line('Comment Annotator was updated — reload the page to go on tagging.'));
  if (unsaved > 0) box.append(line(`${unsaved} change${unsaved === 1 ? ' was' : 's were'} not confirmed saved: check ${unsaved === 1 ? 'it' : 'them'} after the reload.`));
  const reload = Object.assign(doc.createElement('button'), { type: 'button', textContent: 'Reload' });
  reload.addEventListener('click', (event) => event.isTrusted && doc.defaultView?.location.reload());
  const dismiss = Object.assign(doc.createElement('button'), { type: 'button', textContent: 'Dismiss' });
  dismiss.addEventListener('click', (event) => event.isTrusted && host.remove());
  box.append(reload, dismiss);
  root.append(style, box);
  doc.documentElement.append(host);
  return host;
}
