// Parameters that only track where a visitor came from; they never change the page.
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_ga|_gl|yclid|ref_src|spm|oly_[a-z]+_id|wt_mc|__s)$/i;

/**
 * The address a page is stored under: its canonical link when it has one, without fragment,
 * tracking parameters, default port or a lone trailing "?". Two visits to one article, however
 * the reader arrived, give the same address.
 */
export function normaliseUrl(url: string, canonical?: string | null): string {
  let parsed: URL;
  try {
    parsed = new URL(canonical ? new URL(canonical, url).href : url);
  } catch {
    parsed = new URL(url);
  }
  parsed.hash = '';
  // forEach, not the keys() iterator: in Firefox content scripts that iterator crosses an Xray
  // wrapper and is not iterable ("searchParams.keys() is not iterable" stopped the page script).
  const names: string[] = [];
  parsed.searchParams.forEach((_value, name) => names.push(name));
  for (const name of names) {
    if (TRACKING.test(name)) parsed.searchParams.delete(name);
  }
  parsed.searchParams.sort();
  return parsed.href.replace(/\?$/, '');
}
