import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { grantedSites, siteStatus, type SiteStatus } from '../../extension/always-sites';

/**
 * "Always run on this site" for the active tab's site: asks the browser for that one site.
 * Shows what is already so (a known site, or one granted before); nothing on pages no script
 * may run on.
 */
export function AlwaysRun() {
  const [status, setStatus] = useState<SiteStatus>({ kind: 'none' });
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    void (async () => {
      // The toolbar click's activeTab grant lets the popup read the tab's address.
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      setStatus(siteStatus(tab?.url, await grantedSites()));
    })();
  }, []);

  if (status.kind === 'none') return null;
  if (status.kind === 'seed') return <p class="site" data-testid="ca-always-status">Starts by itself on {status.host}.</p>;
  if (status.kind === 'granted') {
    return (
      <p class="site" data-testid="ca-always-status" role="status">
        Always runs on {status.host}{message ? `: ${message}` : '.'}{' '}
        <a href="#" onClick={(e) => { e.preventDefault(); void browser.runtime.openOptionsPage(); }}>Manage sites</a>
      </p>
    );
  }
  const grant = () => {
    // Requested in the click itself: browsers only ask the reader during their gesture.
    browser.permissions.request({ origins: [status.pattern] }).then((granted) => {
      if (!granted) return setMessage(`Not allowed on ${status.host}.`);
      setMessage('reload this page, or open another there, and the panel tab appears when there are comments.');
      setStatus({ ...status, kind: 'granted' });
    }, (error: Error) => setMessage(`Cannot ask for ${status.host}: ${error.message}`));
  };
  return (
    <div class="site">
      <button type="button" data-testid="ca-always-run" onClick={grant}>Always run on {status.host}</button>
      {message && <p class="message" role="status">{message}</p>}
    </div>
  );
}
