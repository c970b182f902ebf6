/**
 * Social-media posts quoted inside a report: tweets pasted with their signature line, Telegram channel posts cited
 * by name or by link. They are sources in their own right, so later stages must not read them as the outlet's own
 * sentences. Pure: no I/O; the language identifier, when given, is a loaded model passed in.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { alternatives, defaultDataDir, parseLexicon } from '../extract/lexicon-file.js';
import type { EmbeddedPost, Span } from '../model/report.js';
import type { LanguageIdentifier } from '../text/language.js';
import { isoDate, MONTH_NAME, monthNumber } from './dates.js';

export interface EmbeddedPostOptions {
  /** Gives each post its own language; without it `language` stays null. */
  identifier?: LanguageIdentifier | null;
  /** Attribution phrases; by default data/ingest/post-attributions.txt, read once on first use. */
  attributions?: AttributionPatterns;
}

/** One compiled attribution phrase of data/ingest/post-attributions.txt. */
export interface AttributionPattern {
  language: string;
  platform: EmbeddedPost['platform'];
  re: RegExp;
  /** Where it was written (file:line), for error messages and tests. */
  where: string;
}

export interface AttributionPatterns {
  /** Names a platform: a text it does not match is not searched further. */
  guard: RegExp;
  /** Per language: the words (lower case) without which its patterns are not tried. */
  triggers: { language: string; words: string[] }[];
  patterns: AttributionPattern[];
}

/** A tweet is at most 280 characters; with links and line breaks a pasted one stays well under this. */
const MAX_POST_CHARS = 700;
/** Shorter post texts give the language model too little to go on (it guesses wildly below ~10 letters). */
const MIN_LETTERS_FOR_LANGUAGE = 10;

const TWEET_LINK = '(?:pic\\.twitter\\.com/\\w+|https?://t\\.co/\\w+)';
const SIGNATURE_DATE = `(?:${MONTH_NAME} \\d{1,2}, \\d{4}|\\d{1,2} ${MONTH_NAME} \\d{4})`;
// `<text> pic.twitter.com/abc — Name (@handle) October 29, 2019`: the signature Twitter's embed code leaves in
// plain text. The name excludes '/', '(' and long dashes so it cannot run back over the link.
const TWEET_SIGNATURE = new RegExp(
  `(?:(${TWEET_LINK})\\s*)?(?:—|–|-{1,2}|&mdash;)\\s*([^\\n()—–/]{1,60}?)\\s*\\(@(\\w{1,15})\\)\\s*(${SIGNATURE_DATE})?`,
  'gu',
);

// Placeholders of the attribution patterns (see the header of data/ingest/post-attributions.txt).
const PLACEHOLDERS: Record<string, string> = {
  // A channel's name: quoted, @handle, or up to five capitalised words ("Rybar", "Grey Zone", "WarGonzo").
  channel: `(?:[«"“](?<quoted>[^«»"“”\\n]{1,60})[»"”]|@(?<at>\\w{3,32})|(?<words>\\p{Lu}[\\p{L}\\p{N}_'’.\\-]*(?: (?:\\p{Lu}|\\d)[\\p{L}\\p{N}_'’.\\-]*){0,4}))`,
  // Russian and Ukrainian names capitalise only their first word ("Полевая сводка"); a comma must close them.
  title: `(?:[«"“](?<quoted>[^«»"“”\\n]{1,60})[»"”]|@(?<at>\\w{3,32})|(?<words>\\p{Lu}[\\p{L}\\p{N}_'’.\\-]*(?: [\\p{L}\\p{N}_'’.\\-]+){0,2}?))`,
  // Arabic has no capitals: one to three words, as few as the fixed words after the placeholder allow.
  name: `(?:[«"“](?<quoted>[^«»"“”\\n]{1,60})[»"”]|@(?<at>\\w{3,32})|(?<words>[^\\s«»"“”،,.:؛]+(?: [^\\s«»"“”،,.:؛]+){0,2}?))`,
  handle: '(?: \\(@?(?<handle>\\w{3,32})\\))?',
  speaker: "(?<speaker>\\p{Lu}[\\p{L}\\p{N}'’.\\-]*(?: \\p{Lu}[\\p{L}\\p{N}'’.\\-]*){0,3})",
  adj: "(?:[\\p{L}'’\\-]+ ){0,2}",
};
const PLATFORMS = new Set<EmbeddedPost['platform']>(['telegram', 'twitter', 'facebook', 'instagram', 'other']);

/** The attribution phrases of `file` (default data/ingest/post-attributions.txt), compiled. */
export function loadAttributionPatterns(file = path.join(defaultDataDir(), 'ingest', 'post-attributions.txt')) {
  return compileAttributionPatterns(readFileSync(file, 'utf8'), file);
}

/** Compiles the rows of an attribution file; throws naming the file and line of a bad row. */
export function compileAttributionPatterns(text: string, file: string): AttributionPatterns {
  const rows = parseLexicon(text, file, 3);
  const says = new Map<string, string>();
  const triggers: AttributionPatterns['triggers'] = [];
  let guard: RegExp | null = null;
  for (const row of rows) {
    const [language, kind, value] = row.fields as [string, string, string];
    if (kind === 'guard') guard = compile(value, 'u', `${file}:${row.line}`);
    else if (kind === 'says') says.set(language, value);
    else if (kind === 'trigger') triggers.push({ language, words: alternatives(value).map((w) => w.toLowerCase()) });
  }
  const patterns: AttributionPattern[] = [];
  for (const row of rows) {
    const [language, kind, value] = row.fields as [string, string, string];
    if (kind === 'says' || kind === 'trigger' || kind === 'guard') continue;
    const where = `${file}:${row.line}`;
    if (!PLATFORMS.has(kind as EmbeddedPost['platform'])) throw new Error(`${where}: unknown kind '${kind}'`);
    if (!triggers.some((t) => t.language === language)) throw new Error(`${where}: no trigger row for '${language}'`);
    const body = value.replace(/\{([a-z]+)\}/g, (whole, key: string) => {
      if (key === 'says') {
        const verbs = says.get(language);
        if (!verbs) throw new Error(`${where}: {says} but no says row for '${language}'`);
        return `(?:${verbs})`;
      }
      const expansion = PLACEHOLDERS[key];
      if (!expansion) throw new Error(`${where}: unknown placeholder ${whole}`);
      return expansion;
    });
    // Not inside a word; then the whitespace before the claim (none after an elided "qu'").
    const re = compile(`(?<![\\p{L}\\p{N}])(?:${body})(?:[ \\t]+|(?<=:)\\s+|(?<=['’]))`, 'gu', where);
    patterns.push({ language, platform: kind as EmbeddedPost['platform'], re, where });
  }
  if (!guard) throw new Error(`${file}: no guard row`);
  return { guard, triggers, patterns };
}

function compile(source: string, flags: string, where: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message}`);
  }
}

let defaultAttributions: AttributionPatterns | null = null;

/** The default attribution phrases, read and compiled on first use (never at import). */
function attributions(options: EmbeddedPostOptions): AttributionPatterns {
  if (options.attributions) return options.attributions;
  defaultAttributions ??= loadAttributionPatterns();
  return defaultAttributions;
}

const TELEGRAM_LINK = /(?:https?:\/\/)?(?:t\.me|telegram\.me)\/(?:s\/)?(\w{3,64})\/(\d+)/gu;
const TWITTER_STATUS = /https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/(\w{1,15})\/status(?:es)?\/(\d+)/gu;

/**
 * Every embedded post recognised in `text`, in text order, non-overlapping. Spans are offsets into `text`.
 * Recognises: the pasted-tweet signature, the attribution phrases of data/ingest/post-attributions.txt ("According
 * to the Telegram channel X, …", "X wrote on Telegram that …", "in a post on X, …" in English, Russian, Ukrainian,
 * Arabic, Turkish, French and Spanish), and t.me post links.
 */
export function findEmbeddedPosts(text: string, options: EmbeddedPostOptions = {}): EmbeddedPost[] {
  // Cheap guards first: most reports quote no post, and the full patterns cost ~150 µs on a 3 KB text.
  const found: EmbeddedPost[] = [...(text.includes('(@') ? tweetSignatures(text) : []), ...attributed(text, options)];
  const kept = dropOverlaps(found);
  attachLinks(text, kept);
  for (const post of kept) post.language = postLanguage(post.text, options.identifier ?? null);
  return kept;
}

/** The language of one post's text, or null when there is too little text or no model. */
export function postLanguage(text: string, identifier: LanguageIdentifier | null): string | null {
  if (!identifier) return null;
  const letters = text.replace(/https?:\/\/\S+|pic\.twitter\.com\/\S+|[@#]\w+/g, '').match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS_FOR_LANGUAGE) return null;
  const guess = identifier.identify(text);
  return guess.language === 'und' ? null : guess.language;
}

function tweetSignatures(text: string): EmbeddedPost[] {
  const posts: EmbeddedPost[] = [];
  for (const m of text.matchAll(TWEET_SIGNATURE)) {
    const [whole, link, rawName, handle, rawDate] = m;
    // Either the picture/t.co link or the date must be there: "— Jane Doe (@jane)" alone is just a citation.
    if (!link && !rawDate) continue;
    const sigStart = m.index;
    const sigEnd = m.index + whole.trimEnd().length;
    let textSpan = postTextBefore(text, sigStart);
    if (!textSpan) continue;
    // The words of the post end before the picture link; the link stays inside the embed's span.
    const words = trimSpan(text, textSpan);
    if (!words) continue;
    textSpan = words;
    const name = rawName!.trim();
    posts.push({
      span: { start: textSpan.start, end: sigEnd },
      textSpan,
      text: text.slice(textSpan.start, textSpan.end),
      platform: 'twitter',
      author: name.length > 0 ? name : null,
      handle: handle!,
      date: rawDate ? signatureDate(rawDate) : null,
      url: null,
      language: null,
      reason: 'pic-twitter-signature',
    });
  }
  return posts;
}

/** The paragraph before a signature, or the paragraph before that when the signature stands on its own line. */
function postTextBefore(text: string, sigStart: number): Span | null {
  let start = paragraphStart(text, sigStart);
  let span = trimSpan(text, { start, end: sigStart });
  if (!span && start > 0) {
    const prevEnd = start;
    start = paragraphStart(text, Math.max(0, prevEnd - 2));
    span = trimSpan(text, { start, end: prevEnd });
  }
  if (!span) return null;
  if (span.end - span.start > MAX_POST_CHARS) {
    // A paragraph longer than any tweet: the post is its last line, or failing that its last sentences.
    const lineStart = text.lastIndexOf('\n', span.end - 1) + 1;
    if (span.end - lineStart <= MAX_POST_CHARS && lineStart > span.start) span = { start: lineStart, end: span.end };
    else {
      const window = text.slice(span.end - MAX_POST_CHARS, span.end);
      const cut = window.search(/[.!?]["”’)]? +\S/u);
      if (cut < 0) return null;
      const offset = span.end - MAX_POST_CHARS + window.slice(cut).search(/ \S/) + cut + 1;
      span = { start: offset, end: span.end };
    }
  }
  return span;
}

function paragraphStart(text: string, pos: number): number {
  const blank = text.lastIndexOf('\n\n', pos - 1);
  return blank < 0 ? 0 : blank + 2;
}

function trimSpan(text: string, span: Span): Span | null {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

function signatureDate(raw: string): string | null {
  const m = new RegExp(`^(${MONTH_NAME}) (\\d{1,2}), (\\d{4})$`).exec(raw);
  if (m) return isoDate(Number(m[3]), monthNumber(m[1]!) ?? 0, Number(m[2]));
  const m2 = new RegExp(`^(\\d{1,2}) (${MONTH_NAME}) (\\d{4})$`).exec(raw);
  if (m2) return isoDate(Number(m2[3]), monthNumber(m2[2]!) ?? 0, Number(m2[1]));
  return null;
}

/** Posts attributed by a phrase: the claim after "according to the Telegram channel X", "X wrote on Telegram" etc. */
function attributed(text: string, options: EmbeddedPostOptions): EmbeddedPost[] {
  const { guard, triggers, patterns } = attributions(options);
  if (!guard.test(text)) return [];
  const lower = text.toLowerCase();
  const languages = new Set(triggers.filter((t) => t.words.some((w) => lower.includes(w))).map((t) => t.language));
  if (languages.size === 0) return [];
  const posts: EmbeddedPost[] = [];
  for (const { language, platform, re } of patterns) {
    if (!languages.has(language)) continue;
    for (const m of text.matchAll(re)) {
      const claim = claimAfter(text, m.index + m[0].length);
      if (!claim) continue;
      const g = m.groups ?? {};
      const channel = (g.quoted ?? g.words)?.trim() || null;
      const handle = g.at ?? g.handle ?? null;
      if (channel || handle || g.speaker) {
        posts.push(
          post(text, { start: m.index, end: claim.end }, claim, platform, channel ?? g.speaker ?? null, handle),
        );
        continue;
      }
      // The speaker is the capitalised phrase right before the phrase, when there is one ("Ramzan Kadyrov said on …").
      const before = text.slice(Math.max(0, m.index - 80), m.index);
      const speaker = /(\p{Lu}[\p{L}\p{N}'’.-]*(?: \p{Lu}[\p{L}\p{N}'’.-]*){0,4}),? $/u.exec(before);
      const start = sentenceStart(text, m.index);
      posts.push(post(text, { start, end: claim.end }, claim, platform, speaker?.[1] ?? null, null));
    }
  }
  return posts;
}

function post(
  text: string,
  span: Span,
  textSpan: Span,
  platform: EmbeddedPost['platform'],
  author: string | null,
  handle: string | null,
): EmbeddedPost {
  return {
    span,
    textSpan,
    text: text.slice(textSpan.start, textSpan.end),
    platform,
    author,
    handle,
    date: null,
    url: null,
    language: null,
    // 'telegram-attribution' as before the other platforms were added; 'twitter-attribution' for X/Twitter.
    reason: `${platform}-attribution`,
  };
}

/** The claim that follows an attribution: a quotation up to its closing mark, else the rest of the sentence. */
function claimAfter(text: string, start: number): Span | null {
  const open = text[start];
  const closers: Record<string, string> = { '"': '"', '“': '”', '«': '»', "'": "'" };
  const close = open ? closers[open] : undefined;
  if (close) {
    const end = text.indexOf(close, start + 1);
    if (end > start && end - start <= MAX_POST_CHARS && !text.slice(start, end).includes('\n\n')) {
      return { start: start + 1, end };
    }
  }
  const rest = text.slice(start, start + MAX_POST_CHARS);
  // Sentence end: . ! ? followed by space/newline/end, not inside a one-letter abbreviation ("U.S.").
  const m = /(?<!\b\p{Lu})[.!?](?=["”’»)]?(?:\s|$))|\n/u.exec(rest);
  const end = m ? start + m.index + (m[0] === '\n' ? 0 : 1) : start + rest.length;
  return trimSpan(text, { start, end });
}

function sentenceStart(text: string, pos: number): number {
  const before = text.slice(Math.max(0, pos - 400), pos);
  const m = /(?:[.!?]["”’»)]?\s+|\n)(?=[^\n]*$)/u.exec(before);
  if (!m) return Math.max(0, pos - before.length);
  return pos - before.length + m.index + m[0].length;
}

function dropOverlaps(posts: EmbeddedPost[]): EmbeddedPost[] {
  const sorted = [...posts].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const kept: EmbeddedPost[] = [];
  for (const p of sorted) {
    const last = kept[kept.length - 1];
    if (last && p.span.start < last.span.end) continue;
    kept.push(p);
  }
  return kept;
}

/**
 * Post links complete the posts they belong to (a t.me link inside or right after an attribution, a status link
 * after a signature); a t.me link that belongs to no post marks its own paragraph as a Telegram post.
 */
function attachLinks(text: string, posts: EmbeddedPost[]): void {
  if (!text.includes('.me/') && !text.includes('/status')) return;
  const owner = (pos: number) =>
    posts.find(
      (p) =>
        pos >= p.span.start &&
        pos <= Math.min(text.length, p.span.end + 120) &&
        !text.slice(p.span.end, pos).includes('\n'),
    );
  for (const m of text.matchAll(TWITTER_STATUS)) {
    const post = owner(m.index);
    if (post && post.platform === 'twitter' && !post.url) post.url = m[0];
  }
  const orphans: EmbeddedPost[] = [];
  for (const m of text.matchAll(TELEGRAM_LINK)) {
    const url = m[0].startsWith('http') ? m[0] : `https://${m[0]}`;
    const post = owner(m.index);
    if (post) {
      if (post.platform === 'telegram' && !post.url) {
        post.url = url;
        post.handle ??= m[1]!;
      }
      continue;
    }
    const start = Math.max(paragraphStart(text, m.index), text.lastIndexOf('\n', m.index - 1) + 1);
    const lineEnd = text.indexOf('\n', m.index);
    const end = lineEnd < 0 ? text.length : lineEnd;
    const words = trimSpan(text, { start, end: m.index });
    const cleaned = words ? trimSpan(text, { start: words.start, end: words.end }) : null;
    if (!cleaned || cleaned.end - cleaned.start > MAX_POST_CHARS) continue;
    // Drop the opening bracket a cited link often sits in: "… (t.me/channel/123)".
    let wordsEnd = cleaned.end;
    while (wordsEnd > cleaned.start && /[([:\s]/.test(text[wordsEnd - 1]!)) wordsEnd--;
    if (wordsEnd <= cleaned.start) continue;
    orphans.push({
      span: { start: cleaned.start, end },
      textSpan: { start: cleaned.start, end: wordsEnd },
      text: text.slice(cleaned.start, wordsEnd),
      platform: 'telegram',
      author: null,
      handle: m[1]!,
      date: null,
      url,
      language: null,
      reason: 'telegram-link',
    });
  }
  for (const o of orphans) {
    if (!posts.some((p) => o.span.start < p.span.end && p.span.start < o.span.end)) posts.push(o);
  }
  posts.sort((a, b) => a.span.start - b.span.start);
}
