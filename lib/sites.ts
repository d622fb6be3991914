/** Sites where the annotator starts by itself (the seed sites); everywhere else it waits to be asked. */
const COMMENT_HOSTS = ['phandroid.com', 'xperiablog.net', 'stadt-bremerhaven.de'];

/** Match patterns of those sites, for the manifest. */
export const COMMENT_SITES = COMMENT_HOSTS.flatMap((host) => [`*://${host}/*`, `*://*.${host}/*`]);

/**
 * The documents comment systems render a thread in, inside a cross-origin iframe on the article
 * page (the frame content script runs there): Disqus, giscus (`/widget` or `/{lang}/widget`),
 * utterances. Each is a host permission, so each names the thread's document and no more.
 */
export const COMMENT_FRAMES = [
  '*://disqus.com/embed/comments/*',
  'https://giscus.app/widget*',
  'https://giscus.app/*/widget*',
  'https://utteranc.es/utterances.html*',
];

/** True on the sites the content script is declared for; false where it was injected on request. */
export function isCommentSite(url: string): boolean {
  const host = new URL(url).hostname;
  return COMMENT_HOSTS.some((known) => host === known || host.endsWith(`.${known}`));
}
