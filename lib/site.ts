// Which pages may name which page addresses. A page decides its own canonical link, so a page
// on one site could name another site's article and get (and change) that article's codings.
// The background therefore only takes a page address on the site of the tab that names it.
//
// "Site" is the registrable domain (eTLD+1). Browsers know the Public Suffix List; extensions
// cannot ask for it, and the whole list (about 100 KB) is not worth shipping for this check. So
// the rule below errs on the strict side: a country code's second-level suffix (co.uk, com.au,
// ne.jp...) counts as one suffix, and so do the big hosting suffixes whose subdomains belong to
// different people (github.io, blogspot.com...). Where it is unsure it refuses the canonical
// link, which costs only that a page is stored under its own address instead.

// Second-level labels used under country codes as if they were top-level (co.uk, com.br, ac.jp).
const COUNTRY_SECOND_LEVEL = new Set(['ac', 'co', 'com', 'edu', 'gov', 'gob', 'go', 'ltd', 'me', 'mil', 'ne', 'net', 'nic', 'nom', 'or', 'org', 'plc', 'sch', 'web', 'info', 'biz']);

// Suffixes under which each subdomain is someone else's site (from the Public Suffix List's private section).
const SHARED_HOSTING = new Set([
  'github.io', 'gitlab.io', 'blogspot.com', 'wordpress.com', 'tumblr.com', 'medium.com', 'substack.com', 'typepad.com',
  'livejournal.com', 'wixsite.com', 'weebly.com', 'netlify.app', 'vercel.app', 'pages.dev', 'workers.dev', 'herokuapp.com',
  'web.app', 'firebaseapp.com', 'appspot.com', 'azurewebsites.net', 'cloudfront.net', 'fly.dev', 'onrender.com',
  'glitch.me', 'neocities.org', 'over-blog.com', 'jimdosite.com', 'ghost.io', 'squarespace.com', 'myshopify.com',
  'blogger.com', 'hatenablog.com', 'fc2.com', 'canalblog.com', 'home.blog', 'wordpress.org', 'readthedocs.io',
]);

/**
 * The registrable part of a host name ("www.xperiablog.net" → "xperiablog.net",
 * "news.bbc.co.uk" → "bbc.co.uk", "alice.github.io" → "alice.github.io"); IP addresses and
 * single-label hosts are their own site.
 */
export function siteOfHost(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (/^[\d.]+$/.test(host) || host.includes(':') || !host.includes('.')) return host;
  const labels = host.split('.');
  for (let take = 2; take <= labels.length; take++) {
    const suffix = labels.slice(-take + 1).join('.');
    const isSuffix = take === 2
      || SHARED_HOSTING.has(suffix)
      || (take === 3 && labels[labels.length - 1].length === 2 && COUNTRY_SECOND_LEVEL.has(labels[labels.length - 2]));
    if (!isSuffix) return labels.slice(-take + 1).join('.');
  }
  return host;
}

/** The site of a web address, or null when it is not an http(s) address. */
export function siteOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) ? siteOfHost(parsed.hostname) : null;
  } catch {
    return null;
  }
}

/** True when both addresses are web addresses on the same site (see siteOfHost). */
export function sameSite(a: string, b: string): boolean {
  const site = siteOf(a);
  return site !== null && site === siteOf(b);
}

/** How the background starts its refusal of a page address from another site; the page then falls back to its own address. */
export const FOREIGN_PAGE = 'Refused: the page names an address on another site';
