/**
 * Country names in the languages the coder reads besides English (data/lexicons/i18n) are alternate names of the
 * countries, unless they are also English words, given names or another country's name.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Geoparser, loadGeoparser } from '../../src/geo/index.js';

let geo: Geoparser;
beforeAll(async () => {
  geo = await loadGeoparser();
}, 120_000);

const country = (name: string) =>
  geo
    .lookup(name, 5)
    .filter((c) => c.kind === 'country')
    .map((c) => c.country);

describe('country names in other languages', () => {
  it('resolve to their country (Turkish, French, Russian, Ukrainian, Arabic)', () => {
    expect(country('Suriye')).toEqual(['SY']);
    expect(country('Irak')).toEqual(['IQ']);
    expect(country('Liban')).toEqual(['LB']);
    expect(country('Сирия')).toEqual(['SY']);
    expect(country('Україна')).toEqual(['UA']);
    expect(country('سوريا')).toEqual(['SY']);
  });

  it('leave out names that are given names or another country’s name', () => {
    // French "Maurice" and Spanish "Mauricio" (Mauritius) are given names; Spanish "Granada" (Grenada) is a city.
    expect(country('Maurice')).toEqual([]);
    expect(country('Mauricio')).toEqual([]);
    expect(country('Granada')).toEqual([]);
  });

  it('are read in running text', () => {
    const r = geo.parse('Officials in Suriye and in Liban said the border stayed closed.', {});
    expect(r.decisions.map((d) => [d.mention.text, d.mention.country])).toEqual([
      ['Suriye', 'SY'],
      ['Liban', 'LB'],
    ]);
  });
});

describe('Turkish case endings after an apostrophe', () => {
  const text = "Bakanlık, Resulayn'ın güneyinde ve Ankara'dan gelen heyetin Kobani'deki görüşmesini duyurdu.";
  it('are cut from names in Turkish text (Resulayn’ın → Resulayn, Ankara’dan → Ankara)', () => {
    const r = geo.parse(text, { language: 'tr' });
    expect(r.decisions.map((d) => d.mention.text)).toEqual(['Resulayn', 'Ankara', 'Kobani']);
  });
  it('are kept in other languages, where the letters belong to the name (Sana’a)', () => {
    expect(geo.parse(text, { language: 'en' }).decisions.map((d) => d.mention.text)).not.toContain('Resulayn');
    const yemen = geo.parse("Fighting continued south of Sana'a on Monday.", { language: 'en' });
    expect(yemen.decisions.map((d) => d.mention.country)).toContain('YE');
  });
});
