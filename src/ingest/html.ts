/**
 * HTML article pages and HTML fragments (feed item bodies) to clean text plus metadata.
 * Main text by @mozilla/readability over a linkedom DOM; titles, authors, dates and outlets from JSON-LD and meta
 * tags; embedded tweets and Telegram posts are lifted out of the markup before Readability can drop them and put
 * back as one plain line each, which `buildReport` then locates in the clean text.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { EmbeddedPost, PublishedSource } from '../model/report.js';
import { toIsoDate } from './dates.js';
import { normalizeText } from './normalize.js';

/** A post found in the markup. `rendered` is the single line that stands for it in the text. */
export interface HtmlEmbed {
  platform: EmbeddedPost['platform'];
  text: string;
  author: string | null;
  handle: string | null;
  date: string | null;
  url: string | null;
  /** The `lang` attribute the embed code carried (Twitter writes its own guess there). */
  langHint: string | null;
  reason: 'twitter-blockquote' | 'telegram-embed';
  rendered: string;
  /** Where `text` starts inside `rendered`. */
  textOffset: number;
}

export interface ParsedHtml {
  text: string;
  title: string | null;
  author: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  publishedSource: PublishedSource;
  languageHint: string | null;
  embeds: HtmlEmbed[];
}

// Minimal DOM surface we use; linkedom's types are looser than lib.dom's and lib.dom is not in our tsconfig.
interface El {
  tagName: string;
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<El>;
  parentNode: El | null;
  getAttribute(name: string): string | null;
  querySelector(sel: string): El | null;
  querySelectorAll(sel: string): ArrayLike<El>;
  replaceWith(node: El): void;
  remove(): void;
}
interface Doc extends El {
  title: string;
  body: El | null;
  documentElement: El;
  createElement(tag: string): El & { textContent: string | null; setAttribute(n: string, v: string): void };
}

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'HEAD',
  'BUTTON',
]);
const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'BLOCKQUOTE',
  'PRE',
  'TABLE',
  'TR',
  'FIGURE',
  'FIGCAPTION',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'ADDRESS',
  'HR',
  'TBODY',
]);
// Chrome around the article that Readability normally drops; removed by hand on the fallback path.
const CHROME =
  'nav, header, footer, aside, form, [role=navigation], [role=banner], [role=contentinfo], .ad, .ads, .advert, .advertisement, .social-share, .share, .related, .newsletter, .cookie, .comments';

/** Why an HTML document cannot be trusted whole, or null. Truncated downloads end inside a tag or lose `</html>`. */
export function htmlTruncation(html: string): string | null {
  const tail = html.trimEnd().slice(-4096);
  if (/<[^>]*$/.test(tail)) return 'truncated HTML (ends inside a tag)';
  const opensHtml = /<html[\s>]/i.test(html.slice(0, 4096));
  if (opensHtml && !/<\/html\s*>/i.test(tail) && !/<\/body\s*>/i.test(tail)) {
    return 'truncated HTML (no closing </body> or </html>)';
  }
  const scripts = html.match(/<script\b/gi)?.length ?? 0;
  const scriptEnds = html.match(/<\/script\s*>/gi)?.length ?? 0;
  if (scripts > scriptEnds) return 'truncated HTML (unclosed <script>)';
  return null;
}

/** Clean text and metadata of a whole HTML page. Throws an Error whose message is the reason when there is none. */
export function parseHtmlPage(html: string): ParsedHtml {
  const truncated = htmlTruncation(html);
  if (truncated) throw new Error(truncated);
  const { document } = parseHTML(html) as unknown as { document: Doc };
  const meta = pageMetadata(document);
  const embeds = liftEmbeds(document);
  let text = '';
  try {
    // Readability mutates the DOM; its `serializer` hands back the cleaned element instead of an HTML string.
    const article = new Readability<El>(document as never, {
      charThreshold: 200,
      serializer: (n) => n as unknown as El,
    }).parse();
    if (article?.content) text = blockText(article.content);
    meta.title ??= clean(article?.title);
    meta.author ??= clean(article?.byline);
    meta.outlet ??= clean(article?.siteName);
  } catch {
    // Readability gives up on some odd markup; the fallback below still reads the body.
    text = '';
  }
  if (text.trim().length === 0) {
    const { document: fresh } = parseHTML(html) as unknown as { document: Doc };
    liftEmbeds(fresh);
    for (const el of Array.from(fresh.querySelectorAll(CHROME))) el.remove();
    text = fresh.body ? blockText(fresh.body) : '';
  }
  if (text.trim().length === 0 && embeds.length === 0) throw new Error('no article text found in HTML');
  return { ...meta, text, embeds };
}

/** Text and embedded posts of an HTML fragment (an RSS description, an Atom content element). */
export function parseHtmlFragment(fragment: string): { text: string; embeds: HtmlEmbed[] } {
  if (!/[<&]/.test(fragment)) return { text: fragment, embeds: [] };
  const { document } = parseHTML(`<!doctype html><html><body>${fragment}</body></html>`) as unknown as {
    document: Doc;
  };
  const embeds = liftEmbeds(document);
  return { text: document.body ? blockText(document.body) : '', embeds };
}

/** Text of an element with paragraph breaks between blocks and single spaces inside them. */
export function blockText(root: El): string {
  const out: string[] = [];
  const walk = (node: El) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        out.push((child.textContent ?? '').replace(/\s+/g, ' '));
        continue;
      }
      if (child.nodeType !== 1) continue;
      const tag = child.tagName.toUpperCase();
      if (SKIP.has(tag)) continue;
      if (tag === 'BR') {
        out.push('\n');
        continue;
      }
      if (tag === 'TD' || tag === 'TH') out.push(' ');
      const block = BLOCK.has(tag);
      if (block) out.push('\n\n');
      walk(child);
      if (block) out.push('\n\n');
    }
  };
  walk(root);
  return out.join('');
}

function clean(s: string | null | undefined): string | null {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}

type PageMeta = Omit<ParsedHtml, 'text' | 'embeds'>;

function pageMetadata(doc: Doc): PageMeta {
  const metaContent = (...keys: string[]): string | null => {
    for (const k of keys) {
      const el = doc.querySelector(`meta[property="${k}"], meta[name="${k}"], meta[itemprop="${k}"]`);
      const v = clean(el?.getAttribute('content'));
      if (v) return v;
    }
    return null;
  };
  const ld = jsonLdArticle(doc);
  let published: string | null = null;
  let publishedSource: PublishedSource = 'none';
  const ldDate = toIsoDate(ld?.datePublished ?? ld?.dateCreated);
  if (ldDate) {
    published = ldDate;
    publishedSource = 'json-ld';
  } else {
    const metaDate =
      toIsoDate(
        metaContent(
          'article:published_time',
          'og:article:published_time',
          'datePublished',
          'pubdate',
          'publishdate',
          'publish-date',
          'date',
          'dc.date',
          'DC.date.issued',
          'sailthru.date',
        ),
      ) ?? toIsoDate(doc.querySelector('time[datetime]')?.getAttribute('datetime'));
    if (metaDate) {
      published = metaDate;
      publishedSource = 'html-meta';
    }
  }
  const canonical = clean(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'));
  return {
    title: clean(str(ld?.headline)) ?? metaContent('og:title', 'twitter:title') ?? clean(doc.title),
    author: ldName(ld?.author) ?? metaContent('author', 'article:author', 'byl', 'dc.creator'),
    outlet: ldName(ld?.publisher) ?? metaContent('og:site_name', 'application-name', 'publisher'),
    url: canonical ?? metaContent('og:url') ?? clean(str(ld?.url)),
    published,
    publishedSource,
    languageHint: clean(doc.documentElement?.getAttribute?.('lang'))?.slice(0, 2).toLowerCase() ?? null,
  };
}

type Json = Record<string, unknown>;

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function ldName(v: unknown): string | null {
  if (typeof v === 'string') return clean(v);
  if (Array.isArray(v)) {
    const names = v.map(ldName).filter((n): n is string => n !== null);
    return names.length > 0 ? names.join(', ') : null;
  }
  if (v && typeof v === 'object') return clean(str((v as Json).name));
  return null;
}

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNews|AnalysisNewsArticle|BlogPosting|LiveBlogPosting|Report|WebPage)$/;

/** The first schema.org article object among the page's JSON-LD blocks (arrays and @graph included). */
function jsonLdArticle(doc: Doc): Json | null {
  const found: Json[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Json;
      const types = Array.isArray(o['@type']) ? o['@type'] : [o['@type']];
      if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) found.push(o);
      if (o['@graph']) visit(o['@graph']);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is common on real pages and says nothing about the article: the meta tags remain.
    }
  }
  // Prefer a real article type over the generic WebPage.
  return found.find((o) => o['@type'] !== 'WebPage') ?? found[0] ?? null;
}

const oneLine = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Replaces every embedded post in the DOM by a `<p>` holding its one-line rendering; returns the posts. */
function liftEmbeds(doc: Doc): HtmlEmbed[] {
  const embeds: HtmlEmbed[] = [];
  for (const bq of Array.from(doc.querySelectorAll('blockquote.twitter-tweet, blockquote.twitter-video'))) {
    embeds.push(replace(doc, bq, tweetEmbed(bq)));
  }
  const telegram = doc.querySelectorAll(
    '[data-telegram-post], .tgme_widget_message, blockquote.telegram-post, iframe[src*="t.me/"], iframe[src*="telegram.me/"]',
  );
  const seen = new Set<string>();
  for (const el of Array.from(telegram)) {
    if (!el.parentNode) continue;
    const embed = telegramEmbed(el);
    // Telegram's embed code is a blockquote with the text plus a widget script naming the same post: one post.
    if (embed.url && seen.has(embed.url)) {
      el.remove();
      continue;
    }
    if (embed.url) seen.add(embed.url);
    embeds.push(replace(doc, el, embed));
  }
  return embeds;
}

function replace(doc: Doc, el: El, raw: HtmlEmbed): HtmlEmbed {
  // The rendering must survive normalizeText unchanged, or buildReport could not find it in the clean text.
  const rendered = normalizeText(raw.rendered);
  const text = normalizeText(raw.text);
  const at = rendered.indexOf(text, Math.min(raw.textOffset, rendered.length));
  const embed = { ...raw, rendered, text, textOffset: text === '' ? rendered.length : Math.max(0, at) };
  const p = doc.createElement('p');
  p.textContent = embed.rendered;
  el.replaceWith(p);
  return embed;
}

function tweetEmbed(bq: El): HtmlEmbed {
  const p = bq.querySelector('p');
  const body = oneLine(p?.textContent);
  const link = /\s*(pic\.twitter\.com\/\w+|https?:\/\/t\.co\/\w+)\s*$/.exec(body);
  const text = link ? body.slice(0, link.index).trim() : body;
  const whole = oneLine(bq.textContent);
  const signature = oneLine(p ? whole.slice(whole.indexOf(body) + body.length) : whole);
  const sig = /^[—–-]*\s*(.*?)\s*\(@(\w{1,15})\)\s*(.*)$/.exec(signature);
  const statusLinks = Array.from(bq.querySelectorAll('a[href*="/status"]'));
  const url = statusLinks.length > 0 ? statusLinks[statusLinks.length - 1]!.getAttribute('href') : null;
  const author = clean(sig?.[1]);
  const handle = sig?.[2] ?? (url ? (/(?:twitter|x)\.com\/(\w+)\//.exec(url)?.[1] ?? null) : null);
  const dateText = clean(sig?.[3]);
  const rendered = `${text}${link ? ` ${link[1]}` : ''} — ${author ?? ''}${handle ? ` (@${handle})` : ''}${dateText ? ` ${dateText}` : ''}`;
  return {
    platform: 'twitter',
    text,
    author,
    handle,
    date: toIsoDate(dateText),
    url,
    langHint: clean(p?.getAttribute('lang')),
    reason: 'twitter-blockquote',
    rendered: oneLine(rendered),
    textOffset: 0,
  };
}

function telegramEmbed(el: El): HtmlEmbed {
  const ref =
    el.getAttribute('data-telegram-post') ??
    el.getAttribute('data-post') ??
    /(?:t|telegram)\.me\/(?:s\/)?(\w+\/\d+)/.exec(el.getAttribute('src') ?? '')?.[1] ??
    /(?:t|telegram)\.me\/(?:s\/)?(\w+\/\d+)/.exec(
      Array.from(el.querySelectorAll('a[href]'))
        .map((a) => a.getAttribute('href'))
        .join(' '),
    )?.[1] ??
    null;
  const [channel] = ref ? ref.split('/') : [null];
  const url = ref ? `https://t.me/${ref}` : null;
  const textEl = el.querySelector('.tgme_widget_message_text');
  const tag = el.tagName.toUpperCase();
  let text = oneLine(textEl?.textContent ?? (tag === 'SCRIPT' || tag === 'IFRAME' ? '' : el.textContent)).replace(
    /\s*(?:https?:\/\/)?(?:t|telegram)\.me\/\S+\s*$/,
    '',
  );
  let author = clean(el.querySelector('.tgme_widget_message_owner_name')?.textContent) ?? null;
  let date = toIsoDate(el.querySelector('time[datetime]')?.getAttribute('datetime'));
  // A fallback blockquote often ends with its own signature: "… — Channel Name, 18.07.2024".
  const signature = /\s[—–]\s*([^—–]{1,60}?),?\s*(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})?$/u.exec(text);
  if (signature && !textEl) {
    author ??= clean(signature[1]);
    date ??= toIsoDate(signature[2]);
    text = text.slice(0, signature.index).trim();
  }
  const who = author ?? (channel ? `@${channel}` : 'a channel');
  // A widget script carries no text: the line then names the post only, and the post's text is empty.
  const label = `Telegram post by ${who}${url ? ` (${url})` : ''}`;
  const prefix = text ? `${label}: ` : label;
  return {
    platform: 'telegram',
    text,
    author,
    handle: channel ?? null,
    date,
    url,
    langHint: null,
    reason: 'telegram-embed',
    rendered: prefix + text,
    textOffset: prefix.length,
  };
}
