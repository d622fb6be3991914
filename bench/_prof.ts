export function prof() {
  const o: Record<string, number> = {};
  const t = <T>(n: string, f: () => T): T => { const s = performance.now(); const r = f(); o[n] = +(performance.now() - s).toFixed(1); return r; };
  const thread = document.querySelector('ol.comment-list')!;
  const sel = '.fn, .wp-block-comment-author-name, .comment-author, time[datetime], .comment-metadata, .commentmetadata, .comment-meta, .wp-block-comment-date, .comment-date, .comment-content, .wp-block-comment-content, .comment-text, .comment-entry, .comment-body';
  const nl = t('qsa combined', () => thread.querySelectorAll(sel));
  const ms = t('Array.from', () => Array.from(nl));
  t('qsa without time[datetime]', () => thread.querySelectorAll(sel.replace('time[datetime], ', 'time, ')).length);
  t('qsa 4 classes', () => thread.querySelectorAll('.fn, .comment-author, .comment-metadata, .comment-content').length);
  t('qsa 1 class', () => thread.querySelectorAll('.comment-content').length);
  t('getElementsByClassName 1 class', () => { const c = thread.getElementsByClassName('comment-content'); let n = 0; for (let i = 0, e = c[0]; e; e = c[++i]) n++; return n; });
  t('qsa candidates', () => thread.querySelectorAll('.comment, .pingback, .trackback').length);
  t('className x60k', () => { let n = 0; for (const m of ms) n += m.className.length; return n; });
  t('getAttribute class x60k', () => { let n = 0; for (const m of ms) n += (m.getAttribute('class') ?? '').length; return n; });
  t('parentElement x4 x60k', () => { let n = 0; for (const m of ms) { let e: Element | null = m; for (let i = 0; i < 4 && e; i++) e = e.parentElement; if (e) n++; } return n; });
  t('matches 1 x60k', () => { let n = 0; for (const m of ms) if (m.matches('.comment-content')) n++; return n; });
  return o;
}
