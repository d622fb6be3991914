/** Sites where the annotator starts by itself (the seed sites); everywhere else it waits to be asked. */
export const COMMENT_SITES = [
  '*://phandroid.com/*', '*://*.phandroid.com/*',
  '*://xperiablog.net/*', '*://*.xperiablog.net/*',
  '*://stadt-bremerhaven.de/*', '*://*.stadt-bremerhaven.de/*',
];

/** The document Disqus renders a thread in; it lives in a cross-origin iframe on the article page. */
export const DISQUS_EMBED = ['*://disqus.com/embed/comments/*'];
