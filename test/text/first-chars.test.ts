import { describe, expect, it } from 'vitest';
import { ANY, prefixes } from '../../src/text/first-chars.js';

/** The first characters of the prefixes as char codes; null when any character may come first or none at all. */
function firstCharCodes(source: string, ignoreCase: boolean): Set<number> | null {
  const pre = prefixes(source, ignoreCase);
  if (pre === null) return null;
  const out = new Set<number>();
  for (const p of pre) {
    if (p === '' || p[0] === ANY) return null;
    out.add(p.charCodeAt(0));
  }
  return out;
}

/** Whether the prefix set admits the match `m` (lower-cased when ignoreCase). */
const admits = (set: Set<string>, m: string, ignoreCase: boolean) => {
  const t = ignoreCase ? m.replace(/[A-Z]/g, (c) => c.toLowerCase()) : m;
  for (const p of set) {
    if (p.length > t.length) continue;
    if ([...p].every((c, k) => c === ANY || c === t[k])) return true;
  }
  return false;
};

const chars = (source: string, ignoreCase = true) => {
  const set = firstCharCodes(source, ignoreCase);
  return set === null
    ? null
    : [...set]
        .map((c) => String.fromCharCode(c))
        .sort()
        .join('');
};

describe('prefixes: first characters', () => {
  it('reads literals, optional prefixes and alternations', () => {
    expect(chars('gendarmerie')).toBe('g');
    expect(chars('(?:the )?cops')).toBe('ct');
    expect(chars('(?:riot|local) police|gendarmes?')).toBe('glr');
    expect(chars('Police', false)).toBe('P');
    expect(chars('Police', true)).toBe('p');
  });

  it('skips assertions and reads classes and escapes', () => {
    expect(chars('\\bieds?\\b')).toBe('i');
    expect(chars('(?<!rpg |stun )grenades?(?! launchers?)')).toBe('g');
    expect(chars('[A-C]x|\\d+ men')).toBe('0123456789abc');
    expect(chars('\\(saa\\)')).toBe('(');
  });

  it('gives up (null, any character) where it cannot be sure', () => {
    expect(chars('[^.]+ forces')).toBeNull(); // negated class
    expect(chars('.x')).toBeNull();
    expect(chars('\\s+of')).toBeNull();
    expect(chars('(?:the )?')).toBeNull(); // can match the empty string
    expect(chars('é')).toBeNull(); // non-ASCII
    expect(chars('(?=x)?y')).toBeNull(); // a quantified assertion is not modelled
    expect(chars('(a')).toBeNull(); // unparsable
  });

  it('never excludes a character the expression can start with (random texts)', () => {
    const patterns = [
      '(?:an? |the |\\d+ )?(?:p |d )?(?:ox?|s)(?=[^.]*\\by)',
      '(?:\\w+-)?pl(?:\\w )?(?:m|i)',
      '[Aa]l[- ]?[A-Z]\\w?|\\bdp\\b',
      "o'?s? (?:m|r)|x{0,2}yz|(?<!a)e",
    ];
    const alphabet = "aAbdeilmnoprstxyzDP-' 0123.";
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    let matched = 0;
    for (const source of patterns) {
      for (const ignoreCase of [true, false]) {
        const set = firstCharCodes(source, ignoreCase);
        const pre = prefixes(source, ignoreCase);
        const re = new RegExp(source, ignoreCase ? 'iy' : 'y');
        for (let k = 0; k < 3000; k++) {
          let text = '';
          for (let n = 1 + Math.floor(next() * 12); n > 0; n--) text += alphabet[Math.floor(next() * alphabet.length)];
          re.lastIndex = 0;
          const m = re.exec(text);
          if (m) matched++;
          if (m && pre !== null) expect(admits(pre, m[0], ignoreCase), `${source} on "${text}"`).toBe(true);
          if (!m || set === null) continue;
          const c = text.charCodeAt(0);
          expect(set.has(ignoreCase && c >= 65 && c <= 90 ? c + 32 : c)).toBe(true);
        }
      }
    }
    expect(matched).toBeGreaterThan(100); // the random texts do exercise the expressions
  });
});

describe('prefixes', () => {
  const sorted = (source: string, ignoreCase = true) => {
    const set = prefixes(source, ignoreCase);
    return set === null ? null : [...set].map((p) => p.replaceAll(ANY, '*')).sort();
  };
  it('reads the first two characters of literals, options, classes and repetitions', () => {
    expect(sorted('gendarmerie')).toEqual(['ge']);
    expect(sorted('(?:the )?cops')).toEqual(['co', 'th']);
    expect(sorted('[A-B]x?')).toEqual(['a', 'ax', 'b', 'bx']);
    expect(sorted('x{0,2}yz')).toEqual(['xx', 'xy', 'yz']);
    expect(sorted('\\bied\\b')).toEqual(['ie']);
  });
  it('writes any character where it cannot tell, and gives up when the first one is unknown', () => {
    expect(sorted('p\\s+of')).toEqual(['p*']);
    expect(sorted('a[^.]')).toEqual(['a*']);
    expect(sorted('(a)\\1b')).toEqual(['a*', 'ab']); // the back-reference may be empty or long
    expect(sorted('\\s+of')).toBeNull();
    expect(sorted('(?:the )?')).toEqual(['', 'th']);
  });
  it('reads three characters when asked (the word-start alternation tests a third before a bucket)', () => {
    const three = (source: string) => [...(prefixes(source, true, 3) ?? [])].map((p) => p.replaceAll(ANY, '*')).sort();
    expect(three('gendarmerie')).toEqual(['gen']);
    expect(three('(?:the )?cops')).toEqual(['cop', 'the']);
    expect(three('ab|a\\sx|abc?')).toEqual(['a*x', 'ab', 'abc']); // 'ab': a match may end after two
    expect(three('x{0,3}y')).toEqual(['xxx', 'xxy', 'xy', 'y']);
    expect(prefixes('\\s+of', true, 3)).toBeNull();
  });
  it('widens a set too large to list to first character and any second', () => {
    expect(sorted('[a-p][a-p]')).toHaveLength(16 * 16); // listed
    const set = sorted('\\w\\w'); // 0-9, _, a-z (lower-cased): 37 × 37 pairs, each first character then any
    expect(set).toHaveLength(37);
    expect(set).toContain('a*');
  });
});

describe('prefixes on the lexicons', () => {
  it('admits the first characters (two and three) of every match of every actor alias and trigger in the sample reports', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { defaultDataDir, readLexiconFile } = await import('../../src/extract/lexicon-file.js');
    const { parseActorRows, parseGenericRows } = await import('../../src/extract/actors.js');
    const { parseTriggerRows } = await import('../../src/extract/triggers.js');
    const dir = defaultDataDir();
    const sources = [
      ...parseActorRows(readLexiconFile(path.join(dir, 'actors/actors.txt'), 6)).flatMap((e) => e.aliases),
      ...parseGenericRows(readLexiconFile(path.join(dir, 'actors/generic.txt'), 4)).flatMap((e) => e.aliases),
      ...parseTriggerRows(readLexiconFile(path.join(dir, 'lexicons/triggers.txt'), 4)).map((e) => e.pattern),
    ].map((s) => `(?:${s})(?![\\w])`);
    const textDir = path.join(dir, '..', 'samples', 'text');
    const text = readdirSync(textDir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(path.join(textDir, f), 'utf8'))
      .join('\n');
    let matches = 0;
    for (const source of sources) {
      const set = firstCharCodes(source, true);
      const pre = prefixes(source, true);
      const pre3 = prefixes(source, true, 3);
      if (set === null || pre === null || pre3 === null) continue;
      const re = new RegExp(source, 'iy');
      for (let p = 0; p < text.length; p++) {
        re.lastIndex = p;
        if (!re.test(text)) continue;
        matches++;
        const c = text.charCodeAt(p);
        expect(set.has(c >= 65 && c <= 90 ? c + 32 : c), `${source} at ${p}`).toBe(true);
        expect(admits(pre, text.slice(p, re.lastIndex), true), `${source} at ${p}`).toBe(true);
        expect(admits(pre3, text.slice(p, re.lastIndex), true), `${source} at ${p} (3)`).toBe(true);
      }
    }
    expect(matches).toBeGreaterThan(100);
  });
});
