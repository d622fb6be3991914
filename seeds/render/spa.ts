import { esc } from '../html';
import type { SeedPage } from '../model';
import { phandroidPage } from './phandroid';
import { html5Comments } from './wordpress';

/**
 * A single-page site: the first article is served as a page; "Next article" swaps in the second
 * one (title, canonical link, comments) with history.pushState, and Back swaps the first one in
 * again, all without loading a page.
 */
export function spaPage(first: SeedPage, firstUrl: string, second: SeedPage, secondUrl: string, seed: string): string {
  const html = phandroidPage(first, firstUrl, seed, html5Comments(first.comments, firstUrl));
  const data = {
    [firstUrl]: { title: first.title, comments: html5Comments(first.comments, firstUrl) },
    [secondUrl]: { title: second.title, comments: html5Comments(second.comments, secondUrl) },
  };
  const script = `<nav class="spa-nav"><a id="spa-next" href="${esc(secondUrl)}">Next article: ${esc(second.title)}</a></nav>
<script>
(function () {
  var pages = ${JSON.stringify(data).replace(/</g, '\\u003c')};
  function show(url) {
    var page = pages[url];
    if (!page) return;
    document.title = page.title;
    document.querySelector('link[rel=canonical]').href = url;
    document.querySelector('h1.entry-title').textContent = page.title;
    document.querySelector('#comments .comment-list').outerHTML = page.comments;
  }
  document.getElementById('spa-next').addEventListener('click', function (event) {
    event.preventDefault();
    history.pushState({}, '', this.href);
    show(this.href);
  });
  window.addEventListener('popstate', function () { show(location.href); });
})();
</script>`;
  return html.replace('</body>', `${script}\n</body>`);
}
