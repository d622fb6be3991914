import { esc } from '../html';
import { flatten, type SeedComment, type SeedPage } from '../model';
import { avatar, githubBody, githubLogin, REPO } from './github';

// What utterances (github.com/utterance/utterances, src/comment-component.ts and
// timeline-component.ts) renders inside its iframe: a GitHub issue's comments, flat, oldest first.

const ISSUE = 7;
const issueUrl = `https://github.com/${REPO}/issues/${ISSUE}`;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The id GitHub gives an issue comment; the fixtures derive it from the invented seed id. */
export const issueCommentId = (c: SeedComment) => 1_930_000_000 + c.id;

/** The seed as a GitHub issue holds it: every comment at the top level, in the order written. */
export function issuePage(page: SeedPage): SeedPage {
  const all = flatten(page.comments).map((c) => ({ ...c, children: [] }));
  return { ...page, comments: all.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt)) };
}

/** The address utterances's client script gives its iframe (`issue-term="pathname"`). */
export function utterancesFrameUrl(pageUrl: string, title: string): string {
  const { origin, pathname } = new URL(pageUrl);
  const query = new URLSearchParams({
    src: 'https://utteranc.es/client.js', repo: REPO, 'issue-term': 'pathname', theme: 'github-light', crossorigin: 'anonymous',
    url: pageUrl, origin, pathname: pathname.slice(1).replace(/\/$/, ''), title, description: '', 'og:title': title, session: '',
  });
  return `https://utteranc.es/utterances.html?${query}`;
}

/** What the client script leaves in the article page: a div.utterances holding the (lazy) iframe. */
export function utterancesEmbed(pageUrl: string, title: string): string {
  return `<div class="utterances" style="height: 9000px;"><iframe class="utterances-frame" title="Comments" scrolling="no" src="${esc(utterancesFrameUrl(pageUrl, title))}" loading="lazy"></iframe></div>`;
}

/** "on Oct 11, 2013": how utterances prints a comment older than about three months (en-US reader). */
const onDate = (iso: string) => `on ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}, ${iso.slice(0, 4)}`;

function comment(c: SeedComment): string {
  const login = githubLogin(c.author);
  return `<article class="timeline-comment">
      <a class="avatar" href="https://github.com/${login}" target="_blank" tabindex="-1">
        ${avatar(login, 44, '')}
      </a>
      <div class="comment">
        <header class="comment-header">
          <span class="comment-meta">
            <a class="text-link" href="https://github.com/${login}" target="_blank"><strong>${esc(login)}</strong></a>
            commented
            <a class="text-link" href="${issueUrl}#issuecomment-${issueCommentId(c)}" target="_blank">${onDate(c.publishedAt)}</a>
          </span>
          <div class="comment-actions">
            <details class="details-overlay details-popover reactions-popover"><summary aria-label="Add reaction">😀</summary></details>
          </div>
        </header>
        <div class="markdown-body markdown-body-scrollable">
          ${githubBody(c)}
        </div>
        <div class="comment-footer" reaction-count="0" reaction-url="https://api.github.com/repos/${REPO}/issues/comments/${issueCommentId(c)}/reactions">
          <form class="reaction-list BtnGroup" action="javascript:"></form>
        </div>
      </div></article>`;
}

const CSS = `body{margin:0;font:14px/1.5 -apple-system,"Segoe UI",sans-serif;color:#24292e}.timeline{max-width:760px;margin:0 auto}
.timeline-comment{display:flex;gap:12px;margin:16px 0}.avatar img{border-radius:6px;background:#ccc}.comment{flex:1;border:1px solid #d1d5da;border-radius:6px}
.comment-header{display:flex;justify-content:space-between;background:#f6f8fa;padding:8px 16px;border-bottom:1px solid #d1d5da;color:#586069}
.text-link{color:#586069;text-decoration:none}.markdown-body{padding:0 16px}textarea{width:100%;min-height:100px}`;

/** The utterances document for the seed's comments (an issuePage: flat). */
export function utterancesDocument(comments: SeedComment[], title: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><title>utterances</title>
<!-- Offline fixture: the utterances thread for "${esc(title)}". Logins, ids and dates are invented. -->
<meta name="description" content="A lightweight commenting system using GitHub issues.">
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${CSS}</style></head>
<body><main class="timeline">
      <h1 class="timeline-header">
        <a class="text-link" target="_blank" href="${issueUrl}">${comments.length} Comments</a>
        <em>
          - powered by
          <a class="text-link" href="https://utteranc.es" target="_blank">utteranc.es</a>
        </em>
      </h1>
${comments.map(comment).join('\n')}
<!--marker--><article class="timeline-comment">
      <a class="avatar" target="_blank" tabindex="-1"><img height="44" width="44" alt="@anonymous" src="https://github.com/ghost.png"></a>
      <form class="comment" accept-charset="UTF-8" action="javascript:">
        <header class="new-comment-header tabnav"><div class="tabnav-tabs" role="tablist"><button type="button" class="tabnav-tab tab-write" role="tab" aria-selected="true">Write</button><button type="button" class="tabnav-tab tab-preview" role="tab">Preview</button></div></header>
        <div class="comment-body"><textarea class="form-control" placeholder="Sign in to comment" aria-label="comment" disabled></textarea></div>
        <footer class="new-comment-footer"><a class="btn btn-primary" href="https://api.utteranc.es/authorize?redirect_uri=" target="_top">Sign in with GitHub</a></footer>
      </form></article>
</main></body></html>
`;
}
