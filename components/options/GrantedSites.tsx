import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { grantedSites } from '../../extension/always-sites';

/**
 * The sites the reader chose "Always run on this site" for, each with a button that takes the
 * grant back (the background then unregisters the script there). Follows grants made or taken
 * back elsewhere (the popup, the browser's extension settings) while the page is open.
 */
export function GrantedSites() {
  const [sites, setSites] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // After a removal the button under the keyboard focus is gone: focus moves to the row that
  // took its place, or to the heading when the list is empty, instead of the page's top.
  const focusAfter = useRef<number | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const refresh = () => void grantedSites().then(setSites, (e: Error) => setError(e.message));
    refresh();
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, []);
  useEffect(() => {
    if (focusAfter.current === null || !sites) return;
    const buttons = list.current?.querySelectorAll('button') ?? [];
    (buttons[Math.min(focusAfter.current, buttons.length - 1)] ?? heading.current)?.focus();
    focusAfter.current = null;
  }, [sites]);

  const revoke = async (site: string, index: number) => {
    try {
      if (!(await browser.permissions.remove({ origins: [site] }))) throw new Error(`the browser kept ${site}`);
      setError(null);
      focusAfter.current = index;
      setSites(await grantedSites());
    } catch (e) {
      setError(`Could not remove ${site}: ${(e as Error).message}`);
    }
  };

  return (
    <section aria-labelledby="granted-sites">
      <h2 id="granted-sites" ref={heading} tabIndex={-1}>Sites it always runs on</h2>
      <p class="hint">Besides the sites it knows, the annotator starts by itself on the sites you allowed with "Always run on …" in the toolbar popup.</p>
      {error && <p class="error" role="alert">{error}</p>}
      {sites && (sites.length === 0 ? (
        <p class="hint" data-testid="granted-sites-empty">No sites yet. On an article page, open the toolbar popup and choose "Always run on" that site.</p>
      ) : (
        <ul class="sites" ref={list} data-testid="granted-sites">
          {sites.map((site, i) => (
            <li key={site} data-site={site}>
              <code>{site}</code>{' '}
              <button type="button" aria-label={`Stop running on ${site}`} onClick={() => void revoke(site, i)}>Remove</button>
            </li>
          ))}
        </ul>
      ))}
    </section>
  );
}
