/**
 * What a regular expression can begin with: its possible first two (or `k`) characters, read from its source.
 *
 * The word-start alternation (src/extract/alternation.ts) puts each lexicon phrase into the buckets of the two
 * characters it can begin with and, at a word start, runs only the bucket of the two characters found there. The
 * sets are conservative (anything not modelled — a negated class, `.`, a non-ASCII letter, a back-reference —
 * stands for any character), so a phrase is never left out of a bucket where it could match.
 */

/** The stand-in for "any character" in a prefix (never a bucket key: those are ASCII or alternation.ts's OTHER). */
export const ANY = '\uffff';
/** How many leading characters the prefixes keep, unless asked for more. */
const K = 2;
/** Past this many prefixes a set is widened to first character + ANY (\w\w alone is 1,369 pairs, case folded). */
const LIMIT = 256;

/**
 * What the matches of `source` can begin with: their first `k` characters, two by default (lower-cased ASCII when
 * `ignoreCase`; ANY where any character may stand), a shorter string for a match of fewer characters, '' when the
 * match can be empty. Null when the first character can be anything (`.`, `\s`, a negated class, a non-ASCII
 * letter) or the syntax is outside the modelled subset. Conservative: every match begins with one of the prefixes.
 */
export function prefixes(source: string, ignoreCase: boolean, k = K): Set<string> | null {
  const pre = analyse(source, ignoreCase, k);
  if (pre === null) return null;
  for (const p of pre) if (p[0] === ANY) return null;
  return pre;
}

type Pre = Set<string>;

/** Every prefix of `a` followed by one of `b`, cut to k characters. */
function concat(a: Pre, b: Pre, k: number): Pre {
  // Prefixes already k long take nothing from what follows (most of a long literal): no new set.
  let full = true;
  for (const x of a) if (x.length < k) full = false;
  if (full) return a;
  const out = new Set<string>();
  for (const x of a) {
    if (x.length >= k) out.add(x);
    else for (const y of b) out.add((x + y).slice(0, k));
  }
  return widen(out);
}

function widen(s: Pre): Pre {
  if (s.size <= LIMIT) return s;
  const w = new Set<string>();
  for (const x of s) w.add(x.length >= 2 ? (x[0] as string) + ANY : x);
  return w;
}

/** `x` repeated min to max times. Cut to k characters, k repetitions give every prefix more would give. */
function repeat(x: Pre, min: number, max: number, k: number): Pre {
  const lo = Math.min(min, k);
  const hi = Math.min(max, k);
  const out = new Set<string>();
  let p: Pre = new Set(['']);
  for (let n = 0; n <= hi; n++) {
    if (n >= lo) for (const s of p) out.add(s);
    if (n < hi) p = concat(p, x, k);
  }
  return widen(out);
}
const WORD_CODES = (() => {
  const s: number[] = [95];
  for (let c = 48; c <= 57; c++) s.push(c);
  for (let c = 97; c <= 122; c++) s.push(c);
  for (let c = 65; c <= 90; c++) s.push(c);
  return s;
})();
const DIGIT_CODES = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57];

/**
 * Reads the prefixes of a pattern: a small recursive parser of ECMAScript pattern syntax (groups, alternation,
 * classes, escapes, quantifiers, assertions). Anything it does not model stands for any character (ANY), which is
 * always safe. Returns null when the source cannot be parsed at all.
 */
function analyse(source: string, ignoreCase: boolean, k: number): Pre | null {
  let i = 0;
  const key = (c: number) => (ignoreCase && c >= 65 && c <= 90 ? c + 32 : c);
  const EMPTY = (): Pre => new Set(['']);
  const ONE_ANY = (): Pre => new Set([ANY]);
  /** One character from `list` (ASCII codes); any non-ASCII code makes it any character. */
  const chars = (list: number[]): Pre => {
    const s = new Set<string>();
    for (const c of list) {
      if (c >= 128) return ONE_ANY();
      s.add(String.fromCharCode(key(c)));
    }
    return s;
  };

  const disjunction = (): Pre => {
    const out = alternative();
    while (source[i] === '|') {
      i++;
      for (const x of alternative()) out.add(x);
    }
    return widen(out);
  };

  const alternative = (): Pre => {
    let pre = EMPTY();
    while (i < source.length && source[i] !== '|' && source[i] !== ')') pre = concat(pre, term(), k);
    return pre;
  };

  const term = (): Pre => {
    const c = source[i] as string;
    // Assertions consume nothing.
    if (c === '^' || c === '$') {
      i++;
      return assertion();
    }
    if (c === '\\' && (source[i + 1] === 'b' || source[i + 1] === 'B')) {
      i += 2;
      return assertion();
    }
    if (c === '(' && source[i + 1] === '?' && (source[i + 2] === '=' || source[i + 2] === '!')) {
      i += 3;
      disjunction();
      expect(')');
      return assertion();
    }
    if (c === '(' && source.startsWith('(?<', i) && (source[i + 3] === '=' || source[i + 3] === '!')) {
      i += 4;
      disjunction();
      expect(')');
      return assertion();
    }
    const a = atom();
    const q = quantifier();
    return q ? repeat(a, q.min, q.max, k) : a;
  };

  /** An assertion consumes nothing. A quantifier after one (Annex B allows "(?=x)?") is not modelled: give up. */
  const assertion = (): Pre => {
    if (/[*+?{]/.test(source[i] ?? '')) throw new SyntaxError(`quantified assertion at ${i}`);
    return EMPTY();
  };

  const expect = (ch: string) => {
    if (source[i] !== ch) throw new SyntaxError(`expected ${ch} at ${i}`);
    i++;
  };

  /** Reads a quantifier after an atom: its minimum and maximum counts, or null when there is none. */
  const quantifier = (): { min: number; max: number } | null => {
    const c = source[i];
    let q: { min: number; max: number };
    if (c === '*') q = { min: 0, max: Number.POSITIVE_INFINITY };
    else if (c === '?') q = { min: 0, max: 1 };
    else if (c === '+') q = { min: 1, max: Number.POSITIVE_INFINITY };
    else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(source.slice(i));
      if (!m) return null; // a literal "{"? then it was not a quantifier (left for atom() on the next turn)
      const min = Number(m[1]);
      q = { min, max: m[2] ? (m[3] ? Number(m[3]) : Number.POSITIVE_INFINITY) : min };
      i += m[0].length - 1;
    } else return null;
    i++;
    if (source[i] === '?') i++; // lazy
    return q;
  };

  const atom = (): Pre => {
    const c = source[i] as string;
    if (c === '(') {
      if (source[i + 1] === '?') {
        if (source[i + 2] === ':') i += 3;
        else if (source[i + 2] === '<') {
          // Named group (look-behinds were handled in term()).
          const close = source.indexOf('>', i);
          if (close < 0) throw new SyntaxError('bad group name');
          i = close + 1;
        } else throw new SyntaxError(`unsupported group at ${i}`);
      } else i++;
      const inner = disjunction();
      expect(')');
      return inner;
    }
    if (c === '[') return charClass();
    if (c === '.') {
      i++;
      return ONE_ANY();
    }
    if (c === '\\') return escaped();
    i++;
    return chars([c.charCodeAt(0)]);
  };

  const escaped = (): Pre => {
    const e = source[i + 1] as string;
    i += 2;
    if (e === 'w') return chars(WORD_CODES);
    if (e === 'd') return chars(DIGIT_CODES);
    // A back-reference matches any number of characters, none included.
    if (/[k1-9]/.test(e)) return new Set(['', ANY, ANY + ANY]);
    if (/[sWDSpP]/.test(e)) {
      if ((e === 'p' || e === 'P') && source[i] === '{') i = source.indexOf('}', i) + 1;
      return ONE_ANY();
    }
    const cp = escapeCode(e);
    return cp === null ? ONE_ANY() : chars([cp]);
  };
  /** The character an escape stands for (\n, \t, \xHH, \uHHHH, \. …); null when unknown. Advances past it. */
  const escapeCode = (e: string): number | null => {
    if (e === 'n') return 10;
    if (e === 't') return 9;
    if (e === 'r') return 13;
    if (e === 'f') return 12;
    if (e === 'v') return 11;
    if (e === '0') return 0;
    if (e === 'x') {
      const h = source.slice(i, i + 2);
      i += 2;
      return /^[0-9a-f]{2}$/i.test(h) ? Number.parseInt(h, 16) : null;
    }
    if (e === 'u') {
      const h = source.slice(i, i + 4);
      i += 4;
      return /^[0-9a-f]{4}$/i.test(h) ? Number.parseInt(h, 16) : null;
    }
    if (e === 'c') {
      i++;
      return null;
    }
    if (/[a-zA-Z]/.test(e)) return null;
    return e.charCodeAt(0);
  };

  const charClass = (): Pre => {
    i++;
    const negated = source[i] === '^';
    if (negated) i++;
    const list: number[] = [];
    let unknown = false;
    let firstChar = true;
    while (i < source.length && (source[i] !== ']' || firstChar)) {
      firstChar = false;
      let code: number | null;
      if (source[i] === '\\') {
        const e = source[i + 1] as string;
        i += 2;
        if (e === 'w') {
          list.push(...WORD_CODES);
          continue;
        }
        if (e === 'd') {
          list.push(...DIGIT_CODES);
          continue;
        }
        if (/[sWDSpP]/.test(e)) {
          unknown = true;
          continue;
        }
        code = e === 'b' ? 8 : escapeCode(e);
      } else {
        code = (source[i] as string).charCodeAt(0);
        i++;
      }
      if (source[i] === '-' && source[i + 1] !== ']' && code !== null) {
        // A range a-z: read its upper end.
        i++;
        let hi: number | null;
        if (source[i] === '\\') {
          const e = source[i + 1] as string;
          i += 2;
          hi = escapeCode(e);
        } else {
          hi = (source[i] as string).charCodeAt(0);
          i++;
        }
        if (hi === null || hi >= 128) unknown = true;
        else for (let x = code; x <= hi; x++) list.push(x);
        continue;
      }
      if (code === null) unknown = true;
      else list.push(code);
    }
    expect(']');
    // Under ignoreCase a class [A-Z] also matches a-z: keys are lower-cased, so both fold to one key.
    return negated || unknown ? ONE_ANY() : chars(list);
  };

  try {
    const pre = disjunction();
    return i === source.length ? pre : null;
  } catch {
    return null;
  }
}
