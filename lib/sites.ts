/** Sites where the annotator starts by itself (the seed sites); everywhere else it waits to be asked. */
const COMMENT_HOSTS = ['phandroid.com', 'xperiablog.net', 'stadt-bremerhaven.de'];

/** Match patterns of those sites, for the manifest. */
export const COMMENT_SITES = COMMENT_HOSTS.flatMap((host) => [`*://${host}/*`, `*://*.${host}/*`]);

/** The document Disqus renders a thread in; it lives in a cross-origin iframe on the article page. */
export const DISQUS_EMBED = ['*://disqus.com/embed/comments/*'];

/** True on the sites the content script is declared for; false where it was injected on request. */
export function isCommentSite(url: string): boolean {
  const host = new URL(url).hostname;
  return COMMENT_HOSTS.some((known) => host === known || host.endsWith(`.${known}`));
}
