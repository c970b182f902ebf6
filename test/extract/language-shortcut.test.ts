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

  it('fewer than 12 words is left to the model', () => {
    expect(looksEnglish('Police arrested two men in the town.')).toBe(false);
  });
});
