/**
 * Partial matches of longer Arabic names the gazetteer lacks, and small far-away places a conflict text does not
 * mean (sentences written for these tests).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Geoparser, loadGeoparser } from '../../src/geo/index.js';

let geo: Geoparser;
beforeAll(async () => {
  geo = await loadGeoparser();
});

const texts = (text: string) => geo.parse(text).places.map((p) => `${p.text}:${p.country}`);

describe('fragments of longer names', () => {
  it('does not match the start of a hyphenated Arabic name up to its article', () => {
    // "Tal al" alone is Tal El in Israel; the village "Tal al-Hawa" is not in the default gazetteer.
    const p = texts('Gunmen raided the village of Tal al-Hawa, west of Tal Tamr, before dawn.');
    expect(p).toEqual(['Tal Tamr:SY']);
  });

  it('does not take the generic first word of an unknown name for a place, even after a cue', () => {
    // "Abu" alone is Ābu in India; "east of" cues the whole name "Abu Rasin", not its first word.
    const p = texts('Drones struck two farms east of Abu Kharsa, about 20 km from Qamishli.');
    expect(p).toEqual(['Qamishli:SY']);
    expect(texts('Artillery hit the hills near Jabal Mazar and the road to Idlib.')).toEqual(['Idlib:SY']);
  });

  it('does not match the end of a name from its article on', () => {
    // "al-Numan" alone is Numan in Nigeria; "Maarat al-Numan" itself is not in the default gazetteer.
    expect(texts('Airstrikes hit the market of Maarat al-Numan and the road to Saraqib.')).toEqual(['Saraqib:SY']);
    // Still a name at the start of a sentence or after a lower-case word.
    expect(texts('Al-Bab was shelled, and fighters entered al-Bab again.').every((x) => x.endsWith(':SY'))).toBe(true);
  });

  it('does not take the first half of an unknown hyphenated name for a village abroad', () => {
    // "Mayo" alone is a village in Florida; "Mayo-Sava" is a department of Cameroon.
    // Nor is "Sava" the region of Madagascar.
    expect(texts('Herders fled the raids in Mayo-Sava towards Maroua.')).toEqual(['Maroua:CM']);
    // Towns on both sides of a road name stay.
    expect(texts('The Aleppo-Latakia highway was cut near Saraqib.')).toEqual([
      'Aleppo:SY',
      'Latakia:SY',
      'Saraqib:SY',
    ]);
  });

  it('does not take the name after a lower-case "al" inside a longer name', () => {
    // "Salah" alone is Šaľa in Slovakia; "Madinat al Salah" is not in the default gazetteer.
    expect(texts('Forces repelled an assault on Madinat al Salah in Hodeidah on Monday.')).toEqual(['Hodeidah:YE']);
    expect(texts('Fighting continued in Ras al Ain.')).toEqual(['Ras al Ain:SY']);
  });

  it('does the same for Arabic-script generic words', () => {
    // تل الزهور: "Tell of the flowers", an invented village; neither word is a place by itself.
    const p = texts('قصف مدفعي على قرية تل الزهور قرب مدينة إدلب');
    expect(p.some((x) => x.startsWith('تل'))).toBe(false);
    expect(p).toContain('إدلب:SY');
  });

  it('still matches full names that begin with those words', () => {
    expect(texts('Fighting continued in Ras al-Ain and Tal Abyad.')).toEqual(['Ras al-Ain:SY', 'Tal Abyad:SY']);
    expect(texts('Shelling hit Abu Kamal on the Iraqi border.')[0]).toBe('Abu Kamal:SY');
  });
});

describe('small far-away namesakes in a text about another country', () => {
  it('drops a village in a country nothing else points to, far from all the other places', () => {
    // "Zirgan" (a Kurdish village name) is in cities500 only as a village in Bashkortostan, 1800 km from Sochi.
    const p = texts(
      'Families left Tal Tamr, Amuda and Qamishli for Hasakah city after shelling near Zirgan. The truce agreed in Sochi did not hold.',
    );
    expect(p.some((x) => x.startsWith('Zirgan'))).toBe(false);
    expect(p).toContain('Tal Tamr:SY');
    expect(p).toContain('Sochi:RU');
  });

  it('keeps it where the text names its country or area, or a container', () => {
    expect(texts('Officials in Zirgan, Bashkortostan, and in Ufa opened a school.')).toContain('Zirgan:RU');
    expect(texts('Families left Tal Tamr, Amuda and Qamishli; relatives in Zirgan in Russia sent money.')).toContain(
      'Zirgan:RU',
    );
  });

  it('keeps it in a short text without a clear focus elsewhere', () => {
    expect(texts('The choir from Zirgan sang in Damascus.')).toContain('Zirgan:RU');
  });
});

describe('Arabic-script everyday words', () => {
  it('does not take city, western, morning or what for places abroad', () => {
    // "Shelling this morning on the western quarter of the city of Idlib, what caused damage."
    const p = texts('قصف صباح اليوم على الحي الغربي من مدينة إدلب ما أدى إلى أضرار');
    expect(p).toEqual(['إدلب:SY']);
  });

  it('takes a small place by its Arabic name after an Arabic cue word', () => {
    // "The delegation arrived in the village of Edd" (Eritrea): the same word as "led to" above.
    expect(texts('وصل الوفد إلى قرية أدى')).toEqual(['أدى:ER']);
    expect(texts('الدرباسية تحت القصف')).toEqual(['الدرباسية:SY']);
  });
});

describe('dates next to a country', () => {
  it('does not take a month before ", Country" for a place in that country', () => {
    // "June" is an alternate name of Unieux (France); "X, Russia" used to turn it into Russia itself.
    expect(texts('On 2 June, Russia said its troops had entered Vovchansk.')).toEqual(['Russia:RU', 'Vovchansk:UA']);
    expect(texts('By 31 May, Ukraine had moved two brigades north.')).toEqual(['Ukraine:UA']);
    expect(texts('On May 5, 2024, the convoy left Mayville, N.Y.')).toEqual(['Mayville:US', 'N.Y.:US']);
  });
});

describe('names with the Arabic article', () => {
  it('are not placed outside the Arabic-speaking countries and their neighbours', () => {
    // "Al Hali" would be Hali in China; the district of Hodeidah is not in the default gazetteer.
    expect(texts('Shells fell on Al Hali district in Hodeidah city.')).toEqual(['Hodeidah:YE']);
    expect(texts('Clashes were reported in Al Khums and Al-Hasakah.')).toEqual(['Al Khums:LY', 'Al-Hasakah:SY']);
  });
});
