import { describe, expect, it } from 'vitest';
import { isSpaceCode, wordEnd, wordStart } from '../../src/geo/parser.js';

/** The words of a text as the parser's scanner finds them. */
function scan(text: string): string[] {
  const out: string[] = [];
  for (let s = wordStart(text, 0); s >= 0; ) {
    const e = wordEnd(text, s);
    out.push(text.slice(s, e));
    s = wordStart(text, e);
  }
  return out;
}

/** The expression the scanner replaces (kept here as the specification). */
const WORD = /[\p{L}\p{M}\p{N}]+(?:[.'’ʼʻ][\p{L}\p{M}\p{N}]+)*/gu;

describe('word scanner', () => {
  it('finds what the word expression matches, on every kind of character it must handle', () => {
    const texts = [
      'Shelling hit Ra’s al ‘Ayn and Al-Hasakah on 3 June.',
      "U.S. forces in W.Va. met Syria's envoy; they'd left. Ras al-'Ayn, Ra's al 'Ayn.",
      'Serêkaniyê (Ras al-Ain) — Tal Tamr… “Raqqa”',
      'قصف مدينة حمص وريف إدلب الجنوبي',
      'Maʻarrat an-Nuʻman, Ḩalab, 2½ km, x² and 10.5 km',
      'Math 𝐀𝐁 letters, an emoji 😀 and a lone \ud800 surrogate, then \udc00 end',
      "Ends on a separator: abc. abc' abc’ . ' .x 'x x.",
      'e\u0301cole combining accent, ﬁre ligature, ① circled digit',
      '',
      '   ...   ',
    ];
    for (const t of texts) expect(scan(t), t).toEqual([...t.matchAll(WORD)].map((m) => m[0]));
  });

  it('starts the search at the given position', () => {
    expect(wordStart('ab cd', 2)).toBe(3);
    expect(wordStart('ab   ', 2)).toBe(-1);
    expect(wordEnd('Ra’s al', 0)).toBe(4);
  });
});

describe('isSpaceCode', () => {
  it('is true exactly for the characters \\s matches and trim removes', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const space = /^\s$/.test(ch);
      expect(ch.trim() === '', `U+${c.toString(16)}`).toBe(space);
      if (isSpaceCode(c) !== space) expect(isSpaceCode(c), `U+${c.toString(16)}`).toBe(space);
    }
  });
});
