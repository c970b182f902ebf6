// The English fast path: plain English prose is recognised by its function words before the fastText model runs.
import { describe, expect, it } from 'vitest';
import { looksEnglish } from '../../src/extract/index.js';

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
