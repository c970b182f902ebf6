// The English fast path: plain English prose is recognised by its function words before the fastText model runs.
import { describe, expect, it } from 'vitest';
import { looksEnglish, looksEnglishWords } from '../../src/extract/index.js';

describe('looksEnglish', () => {
  it('a short English note of 14 words takes the fast path', () => {
    expect(looksEnglish('On 3 May, police arrested two men in the town of Kumbo after a clash.')).toBe(true);
  });

  it('short French, Spanish or Turkish sentences do not', () => {
    expect(looksEnglish('Le 3 mai, la police a arrêté deux hommes dans la ville de Kumbo après des heurts.')).toBe(
      false,
    );
    expect(looksEnglish('El 3 de mayo la policía detuvo a dos hombres en la ciudad de Kumbo tras un choque.')).toBe(
      false,
    );
    expect(looksEnglish('3 Mayıs günü polis Kumbo kentinde çıkan çatışmanın ardından iki kişiyi gözaltına aldı.')).toBe(
      false,
    );
  });

  it('a short dated note with few function words is English by its verb forms', () => {
    const note =
      'Around 12 March 2021 (as reported), unidentified gunmen abducted dozens of travellers near Kaduna (Kaduna).';
    expect(looksEnglish(note)).toBe(true);
    // With one inflected form only ("armed") it is left to the model.
    expect(
      looksEnglish('Around 12 March 2021 (as usual), armed gunmen took dozens of travellers near Kaduna town.'),
    ).toBe(false);
  });

  it('ASCII text in other languages with a few English-looking words is left to the model', () => {
    // Indonesian and Somali are written in plain ASCII; a loanword in -ing or a name in -ed must not make them English.
    expect(
      looksEnglish(
        'Pada 12 Maret 2021 kelompok bersenjata menculik puluhan pelancong di dekat Kaduna saat briefing polisi dan Ahmed.',
      ),
    ).toBe(false);
    expect(
      looksEnglish(
        'Ciidamada dowladda ayaa weeraray kooxda hubeysan ee ku sugan tuulada Ahmed kadib shir jaraa’id oo meeting ah.',
      ),
    ).toBe(false);
  });

  it('fewer than 12 words is left to the model', () => {
    expect(looksEnglish('Police arrested two men in the town.')).toBe(false);
  });
});

describe('looksEnglish on ASCII text (one pass over the char codes)', () => {
  // The rule over lower-cased words (the one non-ASCII samples take): the ASCII path must give the same answer.
  const byWords = looksEnglishWords;

  it('counts words, function words in any case and -ed/-ing forms as the word rule does (random ASCII notes)', () => {
    let x = 777;
    const rand = (n: number) => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return Math.floor((x / 2147483648) * n);
    };
    const words = ['The', 'of', 'AND', 'in', 'was', 'which', 'after', 'Their', 'killed', 'SHELLING', 'bed', 'ring'];
    const more = ['Kaduna', 'x', 'gunmen', 'abducted', 'reported', 'police', 'IED', 'sing', 'wedding', 'Ahmed', 'a'];
    const glue = [' ', ' ', ', ', '. ', ' (', ') ', '-', "'", ' 12 ', '_', '3rd '];
    let english = 0;
    for (let round = 0; round < 3000; round++) {
      const n = 5 + rand(30);
      let s = '';
      for (let k = 0; k < n; k++) {
        const pool = rand(2) ? words : more;
        s += (pool[rand(pool.length)] as string) + (glue[rand(glue.length)] as string);
      }
      if (byWords(s)) english++;
      expect(looksEnglish(s), s).toBe(byWords(s));
    }
    expect(english).toBeGreaterThan(300);
    expect(english).toBeLessThan(2700);
  });
});
