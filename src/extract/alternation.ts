/**
 * A lexicon's alternation of phrases (actor aliases, trigger patterns), matched only where a word can begin and
 * only against the phrases that can begin with the character found there.
 *
 * The lexicons were scanned with one large alternation, `(?<![\w-])(?:P1(?![\w])|P2(?![\w])|…)`, flags `gi`. V8
 * runs such an expression by trying, at every position of the text, the look-behind and then every alternative in
 * turn (its quick check reads the first characters of each): the cost is positions × alternatives, about 1,100
 * actor aliases at each of ~1,000 positions of a short article. Here the alternatives are sorted into buckets by
 * the two characters they can begin with (read from their source by `prefixes`, conservatively), and at each word
 * start only the bucket of the two characters found there runs, sticky, at that one position: a handful of
 * alternatives, at the fifth of the positions where any alternative can begin at all. (Buckets by the first
 * character alone still hold ~100 aliases: that was slower than the single alternation.)
 *
 * The matches are exactly those of the single alternation: leftmost first; at one position the first alternative
 * (in lexicon order) that matches wins; scanning resumes after the match, so matches never overlap. A bucket keeps
 * the lexicon order, and holds every alternative that could begin with its two characters (those whose first
 * character is unknown are in every bucket).
 */
import { ANY, prefixes } from '../text/first-chars.js';

export interface AlternationMatch {
  /** Offset of the match in the text. */
  index: number;
  /** Offset just after the match. */
  end: number;
  /** The matched text, as written. */
  text: string;
  /** Index, in the constructor's list, of the alternative that matched. */
  alt: number;
}

/** One alternative, compiled alone (sticky): to test it at a position, as the lexicon matchers' date rules do. */
export interface Alternative {
  source: string;
  /** `(?:source)(?![\w])`, flags `iy`. */
  re: RegExp;
  /** It looks at the text around its match (look-around, ^, $): a match of the same words may differ elsewhere. */
  contextual: boolean;
}

/**
 * V8 compiles a regular expression to machine code only while its source is small; past ~20k characters it runs
 * the bytecode interpreter (V8 kRegExpTooLargeToOptimize, 20 KB), tens of times slower. A bucket larger than this is
 * cut into several expressions, tried in order.
 */
const CHUNK_CHARS = 12_000;
/** A look-around, or an anchor (^ outside a class's negation, $ not escaped): the match depends on its context. */
const CONTEXTUAL = /\(\?[=!<]|(?<![[\\])\^|(?<!\\)\$/;

/** Key of a character outside ASCII: only an alternative that can begin with any character matches there. */
const OTHER = 128;
/** Key of the end of the text, after the first character. */
const END = 129;

/** What one alternative can begin with, indexed by its first character; null when it can begin with anything. */
type Starts = Map<number, { complete: boolean; anySecond: boolean; seconds: Set<number> }> | null;

interface Bucket {
  /** The bucket's alternatives (indices into `alternatives`), in lexicon order. */
  members: number[];
  /**
   * Which third characters (by key) a match may have, when every member says (from its first three characters);
   * null when some member may go on with any character, or end, after two.
   */
  thirds: Uint8Array | null;
  /** Alternations of consecutive members, each under CHUNK_CHARS, and the index in `members` each begins at. */
  chunks: RegExp[];
  chunkStart: number[];
}

/**
 * From this many alternatives on, dispatch by first characters pays; below it one scan does. Dispatch costs a call
 * into the regular-expression engine at each word start that a bucket admits (~0.1 µs here, whatever the bucket
 * holds), a scan costs every alternative's quick check at every position. On the bench mix: the 994 dictionary
 * aliases 16.4 → 5.2 ms per pass with dispatch, the 85 generic phrases (which mostly begin with "the", "a",
 * numbers: large buckets at common words) 3.9 ms scanned against 29.6 dispatched.
 */
const DISPATCH_FROM = 300;

export class WordStartAlternation {
  readonly alternatives: Alternative[];
  /** Scan mode (small lexicons): every alternative, global, with the word-start look-behind; null in dispatch mode. */
  private readonly whole: Bucket | null;
  /** Dispatch mode: what each alternative can begin with (read once, on the first bucket built). */
  private starts: Starts[] | null = null;
  /** Dispatch mode: each alternative's first three characters (prefixes(…, 3)), read when a bucket first holds it. */
  private readonly starts3: (Set<string> | null | undefined)[] = [];
  /** Buckets by the key of the first two characters (first × 130 + second), built on first use; null when empty. */
  private readonly buckets = new Map<number, Bucket | null>();
  /** Matched words (lower-cased) → alternative, when no other alternative could give the same words elsewhere. */
  private readonly cache = new Map<string, number>();
  /** Contextual alternatives with their look-arounds removed, anchored: can one of them match these words? */
  private readonly bare: (RegExp | null)[];

  /**
   * `sources`: the alternatives in priority order, each a pattern matched case-insensitively and followed by
   * `(?![\w])`. `where(i)` names alternative i in errors ("data/actors/actors.txt:12"). `dispatch` forces a mode
   * (tests); by default it follows the lexicon's size.
   */
  constructor(sources: string[], where: (i: number) => string, dispatch = sources.length >= DISPATCH_FROM) {
    this.alternatives = sources.map((source, i) => {
      let re: RegExp;
      try {
        re = new RegExp(`(?:${source})(?![\\w])`, 'iy');
      } catch (error) {
        throw new Error(`${where(i)}: invalid pattern '${source}': ${(error as Error).message}`);
      }
      return { source, re, contextual: CONTEXTUAL.test(source) };
    });
    this.bare = this.alternatives.map((a) =>
      a.contextual ? new RegExp(`^(?:${withoutLookarounds(a.source)})$`, 'i') : null,
    );
    this.whole = dispatch ? null : this.compile([...sources.keys()], '(?<![\\w-])', 'gi');
  }

  /** Every match in `text`, exactly as the single alternation `(?<![\w-])(?:…)`, flags `gi`, would give them. */
  matches(text: string): AlternationMatch[] {
    return this.whole ? this.scan(this.whole, text) : this.dispatch(text);
  }

  /**
   * Scan mode: each chunk's global alternation over the text, merged as one alternation would give them: the
   * leftmost match first; at one position the earliest chunk wins; scanning resumes after the match.
   */
  private scan(whole: Bucket, text: string): AlternationMatch[] {
    const { chunks } = whole;
    const out: AlternationMatch[] = [];
    const next = chunks.map((re) => {
      re.lastIndex = 0;
      return re.exec(text);
    });
    for (;;) {
      let best = -1;
      for (let k = 0; k < next.length; k++) {
        const m = next[k];
        if (m && (best < 0 || m.index < (next[best] as RegExpExecArray).index)) best = k;
      }
      if (best < 0) break;
      const m = next[best] as RegExpExecArray;
      const end = m.index + m[0].length;
      const alt = this.identify(whole, best, text, m.index, end, m[0]);
      if (alt >= 0) out.push({ index: m.index, end, text: m[0], alt });
      const resume = Math.max(end, m.index + 1);
      for (let k = 0; k < next.length; k++) {
        const n = next[k];
        if (n && n.index < resume) {
          const re = chunks[k] as RegExp;
          re.lastIndex = resume;
          next[k] = re.exec(text);
        }
      }
    }
    return out;
  }

  /** Dispatch mode: at each word start, the bucket of its first two characters, sticky. */
  private dispatch(text: string): AlternationMatch[] {
    const out: AlternationMatch[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (i > 0 && isWordOrHyphen(text.charCodeAt(i - 1))) {
        i++;
        continue;
      }
      const bucket = this.bucket(keyAt(text, i), i + 1 < n ? keyAt(text, i + 1) : END);
      let end = -1;
      let chunk = 0;
      // The third character first: of the dictionary's bucket tests on the bench mix, 44% end here, without a call
      // into the expression (12,706 → 7,092 calls per pass).
      if (bucket && (bucket.thirds === null || i + 2 >= n || bucket.thirds[keyAt(text, i + 2)] === 1)) {
        for (; chunk < bucket.chunks.length; chunk++) {
          const re = bucket.chunks[chunk] as RegExp;
          re.lastIndex = i;
          if (re.test(text)) {
            end = re.lastIndex;
            break;
          }
        }
      }
      if (end < 0 || !bucket) {
        i++;
        continue;
      }
      const words = text.slice(i, end);
      const alt = this.identify(bucket, chunk, text, i, end, words);
      if (alt >= 0) out.push({ index: i, end, text: words, alt });
      // An empty match (an alternative that can match nothing): step over one character, as a global scan does.
      i = end > i ? end : i + 1;
    }
    return out;
  }

  /** Alternations of consecutive members, each under CHUNK_CHARS. */
  private compile(members: number[], prefix: string, flags: string): Bucket {
    const chunks: RegExp[] = [];
    const chunkStart: number[] = [];
    let parts: string[] = [];
    let size = 0;
    const flush = (at: number) => {
      if (!parts.length) return;
      chunks.push(new RegExp(`${prefix}(?:${parts.join('|')})`, flags));
      chunkStart.push(at - parts.length);
      parts = [];
      size = 0;
    };
    members.forEach((alt, k) => {
      const part = (this.alternatives[alt] as Alternative).re.source;
      if (size + part.length > CHUNK_CHARS) flush(k);
      parts.push(part);
      size += part.length + 1;
    });
    flush(members.length);
    return { members, thirds: null, chunks, chunkStart };
  }

  /** Which alternative of the chunk that matched gave the match: the first one that matches there. */
  private identify(bucket: Bucket, chunk: number, text: string, index: number, end: number, words: string): number {
    const key = words.toLowerCase();
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const stop = bucket.chunkStart[chunk + 1] ?? bucket.members.length;
    for (let k = bucket.chunkStart[chunk] as number; k < stop; k++) {
      const alt = bucket.members[k] as number;
      const a = this.alternatives[alt] as Alternative;
      a.re.lastIndex = index;
      if (a.re.test(text) && a.re.lastIndex === end) {
        if (!a.contextual && this.cache.size < 20_000 && !this.shadowed(bucket, k, key)) this.cache.set(key, alt);
        return alt;
      }
    }
    return -1;
  }

  /** Whether a contextual alternative before member `k` could match these words in another context. */
  private shadowed(bucket: Bucket, k: number, words: string): boolean {
    for (let j = 0; j < k; j++) if (this.bare[bucket.members[j] as number]?.test(words)) return true;
    return false;
  }

  /** The bucket of two character keys, built on first use; null when no alternative can begin with them. */
  private bucket(k0: number, k1: number): Bucket | null {
    const code = k0 * 130 + k1;
    let b = this.buckets.get(code);
    if (b !== undefined) return b;
    const members: number[] = [];
    this.starts ??= this.alternatives.map((a) => starts(prefixes(`(?:${a.source})`, true)));
    this.starts.forEach((st, alt) => {
      if (st === null) members.push(alt);
      else {
        const e = st.get(k0);
        if (e && (e.complete || (k1 !== END && (e.anySecond || e.seconds.has(k1))))) members.push(alt);
      }
    });
    b = members.length ? this.compile(members, '', 'iy') : null;
    if (b && k1 !== END) {
      for (const alt of members)
        if (this.starts3[alt] === undefined)
          this.starts3[alt] = prefixes(`(?:${(this.alternatives[alt] as Alternative).source})`, true, 3);
      b.thirds = thirds(this.starts3, members, k0, k1);
    }
    this.buckets.set(code, b);
    return b;
  }
}

/** The key of the character at `i`: its code, lower-cased, when ASCII; OTHER otherwise. */
function keyAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 128 ? OTHER : c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * The third characters (keys) that the members' three-character prefixes allow after k0 k1; null when a member
 * allows any, or may end after fewer than three characters, or its prefixes are unknown. Conservative: a match of
 * a member at a word start beginning k0 k1 has one of these third characters (a non-ASCII one only when null: an
 * ASCII pattern character never matches a non-ASCII one case-insensitively without the u flag).
 */
function thirds(
  pre3: (Set<string> | null | undefined)[],
  members: number[],
  k0: number,
  k1: number,
): Uint8Array | null {
  const out = new Uint8Array(OTHER + 1);
  const c0 = String.fromCharCode(k0);
  const c1 = String.fromCharCode(k1);
  for (const alt of members) {
    const pre = pre3[alt];
    if (!pre) return null;
    for (const p of pre) {
      if (p.length < 3) {
        // A match of fewer than three characters, or a prefix widened to its first character: no test.
        if (p.length === 0 || (p[0] === c0 && (p.length === 1 || p[1] === c1 || p[1] === ANY))) return null;
        continue;
      }
      if (p[0] !== c0 || (p[1] !== c1 && p[1] !== ANY)) continue;
      if (p[2] === ANY) return null;
      out[p.charCodeAt(2)] = 1;
    }
  }
  return out;
}

/** Indexes an alternative's prefixes by first character. An empty prefix (it can match nothing): any start. */
function starts(pre: Set<string> | null): Starts {
  if (pre === null || pre.has('')) return null;
  const out: NonNullable<Starts> = new Map();
  for (const p of pre) {
    const k0 = p.charCodeAt(0);
    let e = out.get(k0);
    if (!e) {
      e = { complete: false, anySecond: false, seconds: new Set() };
      out.set(k0, e);
    }
    if (p.length === 1) e.complete = true;
    else if (p[1] === ANY) e.anySecond = true;
    else e.seconds.add(p.charCodeAt(1));
  }
  return out;
}

/** `[A-Za-z0-9_-]`: a character after which no word begins (the `(?<![\w-])` of the lexicon alternations). */
function isWordOrHyphen(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 /* - */;
}

/**
 * The pattern without its look-arounds (which consume nothing): a superset of what it matches, to ask whether a
 * contextual alternative could match some words at all.
 */
export function withoutLookarounds(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '(' && /^\(\?(?:=|!|<=|<!)/.test(source.slice(i, i + 4))) {
      let depth = 0;
      let j = i;
      for (; j < source.length; j++) {
        const d = source[j];
        if (d === '\\') j++;
        else if (d === '[') while (j + 1 < source.length && source[j + 1] !== ']') j += source[j + 1] === '\\' ? 2 : 1;
        else if (d === '(') depth++;
        else if (d === ')' && --depth === 0) break;
      }
      i = j;
      continue;
    }
    out += c;
  }
  return out;
}
