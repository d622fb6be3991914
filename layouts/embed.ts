/** What the comment embeds (Coral, Commento, Isso, Waline, Twikoo, Valine) have in common. */
import { blockText, parseDate, textOf } from './text';
import { readThread, toArray } from './thread';
import { defineLayout, type CommentLayout, type ExtractedComment } from './types';

/**
 * The content of `host`'s open shadow root. A parsed document (DOMParser, linkedom, a saved
 * page) attaches no shadow roots: there the declarative `<template shadowrootmode>` the browser
 * would have turned into one still holds it, so both read the same markup.
 */
export function shadowContent(host: Element | null): DocumentFragment | null {
  if (!host) return null;
  if (host.shadowRoot) return host.shadowRoot;
  for (let child = host.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName === 'template' && /^open$/i.test(child.getAttribute('shadowrootmode') ?? '')) {
      return (child as HTMLTemplateElement).content;
    }
  }
  return null;
}

/** A selector for an element by id, valid for ids a `#` selector rejects (leading digits, uuids). */
export function byId(id: string): string {
  return `[id="${id.replace(/["\\]/g, '\\$&')}"]`;
}

const DAY_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * parseDate, plus the zoneless `2013-10-11 14:20:00` and `2013-10-11` the Chinese-origin embeds
 * print (read as local times, like every human date).
 */
export function parseEmbedDate(value: string | null | undefined): string | null {
  const text = (value ?? '').trim();
  const day = DAY_TIME.exec(text);
  if (day) return `${day[1]}-${day[2]}-${day[3]}T${day[4] ?? '00'}:${day[5] ?? '00'}:${day[6] ?? '00'}`;
  return parseDate(text);
}

/**
 * Re-parents comments by the reply target their markup names (`@name` links to `#id`): embeds
 * that flatten deep replies under the top comment still say whom each reply answers. A target
 * that is not an earlier comment of the thread leaves the parent nesting gave.
 */
export function placeReplies(comments: ExtractedComment[], replyTo: ReadonlyMap<string, string>): ExtractedComment[] {
  const seen = new Map<string, ExtractedComment>();
  for (const comment of comments) {
    const target = replyTo.get(comment.key);
    const parent = target !== undefined && target !== comment.key ? seen.get(target) : undefined;
    if (parent) comment.parentKey = parent.key;
    const placed = comment.parentKey ? seen.get(comment.parentKey) : undefined;
    comment.parentKey = placed?.key ?? null;
    comment.depth = placed ? placed.depth + 1 : 0;
    seen.set(comment.key, comment);
  }
  return comments;
}

/** The id a `#id` link points to, or null for other links. */
export function hashTarget(link: Element | undefined): string | null {
  const href = link?.getAttribute('href') ?? '';
  if (!href.startsWith('#') || href.length < 2) return null;
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return href.slice(1); // a stray % is part of the id, not an escape
  }
}

/** How an embed that keys comments by their bare element id (Waline, Twikoo, Valine) is read. */
export interface IdEmbed<N extends string> {
  name: N;
  /** Ids of the element the embed is mounted on, in order of preference. */
  mounts: readonly string[];
  /** Any other mark of its root (the site chose another mount id). */
  rootSelector: string;
  /** The comment element as `tag.class`; the element's id is the comment's id. */
  comment: string;
  roles: { author: readonly string[]; time: readonly string[]; text: readonly string[]; replyTo: readonly string[] };
  /** The time element's machine value (attribute or text). */
  date(time: Element): string | null;
  /** What the text leaves out of a reply: the `@name` link alone, or the element wrapping it ("Reply to @name:"). */
  mention: 'link' | 'wrapper';
  /** Tidies the text once the mention is left out (Valine leaves its comma behind). */
  tidy?(text: string): string;
}

/** A layout for an embed keyed by bare element ids, with `@name` reply mentions linking to `#id`. */
export function defineIdEmbed<const N extends string>(spec: IdEmbed<N>): CommentLayout<N> {
  const prefix = `${spec.name}:`;
  const commentClass = spec.comment.slice(spec.comment.indexOf('.') + 1);
  const root = (doc: Document): Element | null => {
    for (const id of spec.mounts) {
      const el = doc.getElementById(id);
      if (el) return el;
    }
    // Another mount: found from its first comments, through a class collection answered natively
    // (an attribute query over the whole page cost ~9 ms on a 12 MB page, on every page).
    const live = doc.getElementsByClassName(commentClass);
    for (let i = 0; i < live.length && i < 20; i++) {
      const found = live[i].closest(spec.rootSelector);
      if (found) return found;
    }
    return null;
  };
  const isComment = (el: Element) => el.id !== '' && el.matches(spec.comment);
  return defineLayout({
    name: spec.name,
    findThread(doc) {
      const el = root(doc);
      return el?.querySelector(spec.comment) ? el : null;
    },
    keyOf(el) {
      return isComment(el) ? prefix + el.id : null;
    },
    cssSelector(key) {
      return `${spec.comment}${byId(key.slice(prefix.length))}`;
    },
    locate(doc, key) {
      const el = doc.getElementById(key.slice(prefix.length));
      return el && isComment(el) ? el : null;
    },
    extract(thread, pageUrl) {
      const page = pageUrl.split('#')[0];
      const elements = toArray(thread.querySelectorAll(spec.comment)).filter((el) => el.id !== '');
      const replyTo = new Map<string, string>();
      const comments = readThread(thread, elements, spec.roles, (el, parts) => {
        const key = prefix + el.id;
        const target = hashTarget(parts.replyTo);
        if (target) replyTo.set(key, prefix + target);
        // A wrapper that is the text element itself would hide the whole text: then only the link goes.
        const wrapper = parts.replyTo?.parentElement;
        const mention = spec.mention === 'wrapper' && wrapper !== parts.text ? wrapper : parts.replyTo;
        const text = parts.text ? blockText(parts.text, (skip) => skip === mention) : '';
        return {
          key,
          kind: 'comment',
          author: textOf(parts.author),
          publishedAt: parts.time ? parseEmbedDate(spec.date(parts.time)) : null,
          permalink: `${page}#${el.id}`,
          text: spec.tidy ? spec.tidy(text) : text,
        };
      });
      return placeReplies(comments, replyTo);
    },
  });
}
