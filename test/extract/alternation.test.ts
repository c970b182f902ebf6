import { describe, expect, it } from 'vitest';
import { WordStartAlternation, withoutLookarounds } from '../../src/extract/alternation.js';

/** What the single alternation the matcher replaces gives: `(?<![\w-])(?:P1(?![\w])|…)`, flags gi. */
function reference(sources: string[], text: string): string[] {
  const one = new RegExp(`(?<![\\w-])(?:${sources.map((s) => `(?:${s})(?![\\w])`).join('|')})`, 'gi');
  const out: string[] = [];
  for (const m of text.matchAll(one)) {
    // Which alternative: the first that matches alone at this position (as the alternation tries them).
    const alt = sources.findIndex((s) => {
      const re = new RegExp(`(?:${s})(?![\\w])`, 'iy');
      re.lastIndex = m.index;
      return re.test(text);
    });
    out.push(`${m.index}:${m[0]}:${alt}`);
  }
  return out;
}
for (const dispatch of [true, false]) {
  const run = (sources: string[], text: string) =>
    new WordStartAlternation(sources, (i) => `test:${i}`, dispatch)
      .matches(text)
      .map((m) => `${m.index}:${m.text}:${m.alt}`);

  describe(`the word-start alternation (${dispatch ? 'dispatch by first characters' : 'one scan'})`, () => {
    it('gives the matches of one alternation: leftmost, earliest alternative, no overlap', () => {
      const sources = ['red army', 'red', 'army group', 'group', 'blue'];
      const text = 'The red army group met the blue group; red army group, redder army, army group.';
      expect(run(sources, text)).toEqual(reference(sources, text));
      expect(run(sources, text)[0]).toBe('4:red army:0');
    });

    it('only matches where a word begins (not after a letter, digit, underscore or hyphen)', () => {
      expect(run(['army'], 'navy-army, 2army, _army, (army), «army»')).toEqual(['26:army:0', '34:army:0']);
    });

    it('keeps alternatives whose first character it cannot tell in every bucket, in order', () => {
      // `.` and `\s` can begin with anything (even a non-ASCII letter); `[^a]` too.
      const sources = ['.?lite', 'élite', 'e\\w+', '[^a]x'];
      const text = 'An élite unit, an elite one, Elite, zx and ax.';
      expect(run(sources, text)).toEqual(reference(sources, text));
    });

    it('is case-insensitive like the flags gi, and tells contextual alternatives apart in each context', () => {
      const sources = ['adf(?= [^.]*uganda)', 'ad\\w', 'ADF rebels?'];
      const text = 'ADF rebels attacked. Later the ADF struck Uganda. The adf moved. ADF in Uganda again.';
      expect(run(sources, text)).toEqual(reference(sources, text));
      // The same words "ADF" come from the contextual alternative near "Uganda" and the plain one elsewhere: the
      // cache must not carry one answer to the other context.
      const m = new WordStartAlternation(sources, (i) => `test:${i}`, dispatch);
      expect(m.matches('ADF raided. ADF in Uganda.').map((x) => x.alt)).toEqual([1, 0]);
      expect(m.matches('ADF in Uganda. ADF raided.').map((x) => x.alt)).toEqual([0, 1]);
    });

    it('equals the single alternation on random texts over a random lexicon (property test)', () => {
      let x = 12345;
      const rand = (n: number) => {
        x = (x * 1103515245 + 12345) % 2147483648;
        return Math.floor((x / 2147483648) * n);
      };
      const words = ['al', 'alpha', 'Army', 'ar', 'beta', 'b', 'forces', 'forc', 'gamma', 'x-ray', 'é'];
      const pieces = [...words, ' ', ' ', '-', '.', ', ', '(', '2'];
      for (let round = 0; round < 60; round++) {
        const sources = Array.from({ length: 1 + rand(8) }, () => {
          const w = words[rand(words.length)] as string;
          const v = rand(6);
          return v === 0
            ? `${w}(?: ${words[rand(words.length)]})?`
            : v === 1
              ? `${w}\\w*`
              : v === 2
                ? `(?:the )?${w}`
                : w;
        });
        const text = Array.from({ length: 40 }, () => pieces[rand(pieces.length)]).join('');
        expect(run(sources, text), `${sources.join(' | ')} on "${text}"`).toEqual(reference(sources, text));
      }
    });

    it('tests the third character before a bucket without losing a match (ends, short matches, non-ASCII)', () => {
      // "ab" ends after two characters, "abc" and "abd…" need their third, "a.e" any second then e, "xy\\w" any third.
      const sources = ['abc', 'abd(?= x)', 'ab', 'a.e', 'xy\\w', 'qrs'];
      const text = 'abc abd x abd y ab abe a-e abé xyz xyé qrt qrs ab';
      expect(run(sources, text)).toEqual(reference(sources, text));
      expect(run(['abc'], 'ab abx abc ABC ab')).toEqual(['7:abc:0', '11:ABC:0']);
    });

    it('splits a bucket too large for native code into several expressions, still in lexicon order', () => {
      const sources = Array.from({ length: 800 }, (_, i) => `group number ${799 - i}(?: fighters)?`);
      const text = 'Group number 7 fighters and group number 799 and group number 12 fighters.';
      expect(run(sources, text)).toEqual(reference(sources, text));
    });
  });
}

describe('the word-start alternation', () => {
  it('names the lexicon line of an invalid pattern', () => {
    expect(() => new WordStartAlternation(['ok', 'bad(('], (i) => `actors.txt:${i + 10}`)).toThrow(
      /^actors\.txt:11: invalid pattern 'bad\(\('/,
    );
  });

  it('strips look-arounds (which consume nothing) from a pattern, and nothing else', () => {
    expect(withoutLookarounds('adf(?= [^.]*uganda)')).toBe('adf');
    expect(withoutLookarounds('(?<!state )police(?![^.(]*x)s?')).toBe('polices?');
    expect(withoutLookarounds('[(?=]a\\(?=b')).toBe('[(?=]a\\(?=b');
  });
});
