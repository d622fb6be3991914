import { esc, germanDate } from '../html';
import { flatten, type SeedComment, type SeedPage } from '../model';
import { avatar, githubBody, githubLogin, githubTime, REPO } from './github';

// What giscus (github.com/giscus/giscus, components/Comment.tsx and Reply.tsx) renders inside its
// iframe: React output as the DOM holds it, with the German locale (giscus.app/de/widget).

const DISCUSSION = 41;
const discussionUrl = `https://github.com/${REPO}/discussions/${DISCUSSION}`;

/** The id GitHub gives a discussion comment; the fixtures derive it from the invented seed id. */
export const discussionCommentId = (c: SeedComment) => 6_400_000 + c.id;

/** The seed as a GitHub Discussion holds it: replies one level deep, under their thread's first comment. */
export function discussionPage(page: SeedPage): SeedPage {
  return { ...page, comments: page.comments.map((c) => ({ ...c, children: flatten(c.children).map((r) => ({ ...r, children: [] })) })) };
}

/** The address giscus's client script gives its iframe (`data-lang="de"`, mapping by pathname). */
export function giscusWidgetUrl(pageUrl: string, title: string): string {
  const { origin, pathname } = new URL(pageUrl);
  const query = new URLSearchParams({
    origin: pageUrl, session: '', theme: 'light', reactionsEnabled: '1', emitMetadata: '0', inputPosition: 'bottom',
    repo: REPO, repoId: 'R_kgDOFixture', category: 'Announcements', categoryId: 'DIC_kwDOFixture4CTest', strict: '0',
    description: title, backLink: pageUrl, term: pathname.replace(/^\/|\/$/g, '') || origin,
  });
  return `https://giscus.app/de/widget?${query}`;
}

/** What the client script leaves in the article page: a div.giscus holding the iframe. */
export function giscusEmbed(pageUrl: string, title: string): string {
  return `<div class="giscus"><iframe class="giscus-frame" title="Comments" scrolling="no" allow="clipboard-write" src="${esc(giscusWidgetUrl(pageUrl, title))}" style="width:100%;border:none;height:2400px"></iframe></div>`;
}

const link = (href: string, cls: string, inner: string) =>
  `<a rel="nofollow noopener noreferrer" target="_blank" href="${esc(href)}" class="${cls}">${inner}</a>`;

function time(c: SeedComment): string {
  return link(`${discussionUrl}#discussioncomment-${discussionCommentId(c)}`, 'link-secondary overflow-hidden text-ellipsis',
    `<time class="whitespace-nowrap" title="${germanDate(c.publishedAt, ', ', ' UTC')}" datetime="${githubTime(c.publishedAt)}">vor 4 Monaten</time>`);
}

function reply(r: SeedComment): string {
  const login = githubLogin(r.author);
  return `<div class="gsc-reply"><div class="gsc-tl-line"></div><div class="flex "><div class="gsc-reply-author-avatar">${link(`https://github.com/${login}`, 'flex items-center', avatar(login, 30, 'rounded-full'))}</div>
<div class="w-full min-w-0 ml-2"><div class="gsc-reply-header"><div class="gsc-reply-author">${link(`https://github.com/${login}`, 'flex min-w-0 items-center', `<span class="link-primary overflow-hidden text-ellipsis font-semibold">${esc(login)}</span>`)}${time(r)}</div></div>
<div dir="auto" class="markdown gsc-reply-content ">${githubBody(r)}</div>
<div class="gsc-reply-footer"><div class="gsc-reply-reactions"><button type="button" class="gsc-direct-reaction-button gsc-social-reaction-summary-item" aria-label="Reaktion hinzufügen" disabled="">😀</button></div></div></div></div></div>`;
}

function comment(c: SeedComment): string {
  const login = githubLogin(c.author);
  const replies = c.children.length
    ? `\n<div class="color-bg-inset color-border-primary gsc-replies rounded-b-md">\n${c.children.map(reply).join('\n')}\n</div>` : '';
  return `<div class="gsc-comment"><div class="color-bg-primary w-full min-w-0 rounded-md border color-border-primary">
<div class="gsc-comment-header"><div class="gsc-comment-author">${link(`https://github.com/${login}`, 'gsc-comment-author-avatar',
    `${avatar(login, 30, 'mr-2 rounded-full')}<span class="link-primary overflow-hidden text-ellipsis font-semibold">${esc(login)}</span>`)}${time(c)}</div></div>
<div dir="auto" class="markdown gsc-comment-content">${githubBody(c)}</div>
<div class="gsc-comment-footer"><div class="gsc-comment-reactions"><button type="button" class="gsc-upvote-button gsc-social-reaction-summary-item " disabled="" aria-label="Du musst angemeldet sein, um abzustimmen" title="Du musst angemeldet sein, um abzustimmen"><span class="gsc-social-reaction-summary-item-count" title="0 Upvotes">0</span></button></div><div class="gsc-comment-replies-count"><span class="color-text-tertiary text-xs">${c.children.length} Antworten</span></div></div>${replies}
</div></div>`;
}

const CSS = `body{margin:0;font:14px/1.5 -apple-system,"Segoe UI",sans-serif;color:#1f2328}.gsc-comment>div{border:1px solid #d0d7de;border-radius:6px;margin:16px 0}
.gsc-comment-header,.gsc-reply-header{display:flex;padding:8px 16px}.gsc-comment-author,.gsc-reply-author{display:flex;gap:6px;align-items:center}
.link-primary{font-weight:600}.link-secondary{color:#656d76;text-decoration:none}.markdown{padding:0 16px}.gsc-replies{background:#f6f8fa;border-top:1px solid #d0d7de;padding:8px 0}
.gsc-reply{display:flex;padding:4px 16px}.gsc-reply .flex{display:flex;width:100%}img{background:#ccc;border-radius:50%}.gsc-comment-footer,.gsc-reply-footer{padding:4px 16px}`;

/** The giscus widget document for the seed's comments (a discussionPage: replies one level deep). */
export function giscusWidgetDocument(comments: SeedComment[], title: string): string {
  const replies = comments.reduce((sum, c) => sum + c.children.length, 0);
  return `<!DOCTYPE html>
<html dir="ltr" lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>giscus</title>
<!-- Offline fixture: the giscus widget for "${esc(title)}". Logins, ids and times are invented. -->
<meta name="color-scheme" content="light dark"><style>${CSS}</style></head>
<body><div id="__next"><main class="w-full mx-auto" data-theme="light"><div class="color-text-primary gsc-main">
<div class="gsc-reactions"><h4 class="gsc-reactions-count"><a href="${discussionUrl}" target="_blank" rel="noreferrer noopener nofollow" class="color-text-primary">0 Reaktionen</a></h4></div>
<div class="gsc-comments"><div class="gsc-header"><div class="gsc-left-header">
<h4 class="gsc-comments-count"><a href="${discussionUrl}" target="_blank" rel="noreferrer noopener nofollow" class="color-text-primary underline">${comments.length} Kommentare</a></h4>
<h4 class="gsc-comments-count-separator">·</h4><h4 class="gsc-replies-count">${replies} Antworten</h4>
<em class="color-text-secondary text-sm">– unterstützt von <a href="https://giscus.app" target="_blank" rel="noreferrer noopener nofollow" class="link-secondary">giscus</a></em></div>
<ul class="gsc-right-header BtnGroup"><li class="BtnGroup-item BtnGroup-item--selected" aria-current="true"><button class="btn">Älteste</button></li><li class="BtnGroup-item " aria-current="false"><button class="btn">Neueste</button></li></ul></div>
<div class="gsc-timeline ">
${comments.map(comment).join('\n')}
</div>
<div class="gsc-comment-box"><div class="gsc-comment-box-main"><textarea class="form-control input-contrast gsc-comment-box-textarea" placeholder="Mit GitHub anmelden, um zu kommentieren" disabled=""></textarea></div>
<div class="gsc-comment-box-bottom"><a class="btn btn-primary inline-flex items-center" href="https://giscus.app/api/oauth/authorize" target="_top">Mit GitHub anmelden</a></div></div>
</div></div></main></div></body></html>
`;
}
