/**
 * What a regular expression can begin with: the set of its possible first characters, read from its source.
 *
 * The lexicon matchers (actors.ts, triggers.ts) find a phrase with one large alternation, then tell which entry it
 * came from by re-testing the entries' own expressions, in order, at the match position. An entry whose first
 * character cannot be the match's first character cannot be the one: it is skipped without running it. The set is
 * conservative (anything not modelled — a negated class, `.`, a non-ASCII letter, a back-reference — makes it null,
 * "any character"), so skipping never changes which entry is found.
 */

/**
 * The first-character set of `source` as char codes (ASCII; lower-cased when `ignoreCase`, so callers look up the
 * lower-cased first character of a match), or null when any character may come first, the expression can match
 * the empty string, or its syntax is outside the modelled subset.
 */
export function firstCharCodes(source: string, ignoreCase: boolean): Set<number> | null {
  const info = analyse(source, ignoreCase);
  return info && !info.nullable ? info.first : null;
}

/** What one regular-expression part can begin with: char codes (ASCII, lower-cased when ignoreCase), or null = any. */
interface PartInfo {
  first: Set<number> | null;
  nullable: boolean;
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
 * Reads the first-character set of a pattern: a small recursive parser of ECMAScript pattern syntax (groups,
 * alternation, classes, escapes, quantifiers, assertions). Anything it does not model makes the set null (any
 * character), which is always safe. Returns null when the source cannot be parsed at all.
 */
function analyse(source: string, ignoreCase: boolean): PartInfo | null {
  let i = 0;
  const key = (c: number) => (ignoreCase && c >= 65 && c <= 90 ? c + 32 : c);
  type Node = { first: Set<number> | null; nullable: boolean };
  const union = (a: Set<number> | null, b: Set<number> | null): Set<number> | null => {
    if (a === null || b === null) return null;
    for (const x of b) a.add(x);
    return a;
  };
  const codes = (list: number[]): Set<number> | null => {
    const s = new Set<number>();
    for (const c of list) {
      if (c >= 128) return null;
      s.add(key(c));
    }
    return s;
  };

  const disjunction = (): Node => {
    let node = alternative();
    while (source[i] === '|') {
      i++;
      const next = alternative();
      node = { first: union(node.first, next.first), nullable: node.nullable || next.nullable };
    }
    return node;
  };

  const alternative = (): Node => {
    let first: Set<number> | null = new Set();
    let nullable = true;
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      const t = term();
      if (nullable) first = union(first, t.first);
      nullable = nullable && t.nullable;
    }
    return { first, nullable };
  };

  const term = (): Node => {
    const c = source[i] as string;
    // Assertions consume nothing: they add no first character and are nullable.
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
    const min = quantifierMin();
    return { first: a.first, nullable: a.nullable || min === 0 };
  };

  /** An assertion consumes nothing. A quantifier after one (Annex B allows "(?=x)?") is not modelled: give up. */
  const assertion = (): Node => {
    if (/[*+?{]/.test(source[i] ?? '')) throw new SyntaxError(`quantified assertion at ${i}`);
    return { first: new Set(), nullable: true };
  };

  const expect = (ch: string) => {
    if (source[i] !== ch) throw new SyntaxError(`expected ${ch} at ${i}`);
    i++;
  };

  /** Reads a quantifier after an atom; returns its minimum count (1 when there is none). */
  const quantifierMin = (): number => {
    const c = source[i];
    let min = 1;
    if (c === '*' || c === '?') {
      min = 0;
      i++;
    } else if (c === '+') {
      i++;
    } else if (c === '{') {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(source.slice(i));
      if (!m) return 1; // a literal "{"? then it was not a quantifier (left for atom() on the next turn)
      min = Number(m[1]);
      i += m[0].length;
    } else return 1;
    if (source[i] === '?') i++; // lazy
    return min;
  };

  const atom = (): Node => {
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
      return { first: null, nullable: false };
    }
    if (c === '\\') return escaped();
    i++;
    return { first: codes([c.charCodeAt(0)]), nullable: false };
  };

  const escaped = (): Node => {
    const e = source[i + 1] as string;
    i += 2;
    if (e === 'w') return { first: codes(WORD_CODES), nullable: false };
    if (e === 'd') return { first: codes(DIGIT_CODES), nullable: false };
    if (/[sWDSpPk1-9]/.test(e)) return { first: null, nullable: false };
    const cp = escapeCode(e);
    return { first: cp === null ? null : codes([cp]), nullable: false };
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

  const charClass = (): Node => {
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
    if (negated || unknown) return { first: null, nullable: false };
    const s = new Set<number>();
    for (const c of list) {
      if (c >= 128) return { first: null, nullable: false };
      s.add(key(c));
      // Under ignoreCase a class [A-Z] also matches a-z: keys are lower-cased, so both fold to one key.
    }
    return { first: s, nullable: false };
  };

  try {
    const node = disjunction();
    if (i !== source.length) return null;
    return { first: node.first, nullable: node.nullable };
  } catch {
    return null;
  }
}
