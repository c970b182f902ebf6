/**
 * The geoparser on sentences written for these tests. They run against the default gazetteer (built once into the
 * cache dir on first use, ≈ 10 s).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Geoparser, loadGeoparser } from '../../src/geo/index.js';

let geo: Geoparser;
beforeAll(async () => {
  geo = await loadGeoparser();
});

const km = (a: { lat: number; lon: number }, b: [number, number]) => {
  const r = Math.PI / 180;
  const h =
    Math.sin(((b[0] - a.lat) * r) / 2) ** 2 +
    Math.cos(a.lat * r) * Math.cos(b[0] * r) * Math.sin(((b[1] - a.lon) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
};

function place(text: string, surface: string) {
  const r = geo.parse(text);
  const i = r.places.findIndex((p) => p.text.includes(surface));
  expect(i, `no place '${surface}' in: ${r.places.map((p) => p.text).join(', ')}`).toBeGreaterThanOrEqual(0);
  return { place: r.places[i] as NonNullable<(typeof r.places)[number]>, decision: r.decisions[i], result: r };
}

describe('recognition', () => {
  it('finds places with offsets that slice the text', () => {
    const text = 'Shelling hit Idlib and Aleppo on Monday, residents in Homs said.';
    const r = geo.parse(text);
    expect(r.places.map((p) => p.text)).toEqual(['Idlib', 'Aleppo', 'Homs']);
    for (const p of r.places) expect(text.slice(p.start, p.end)).toBe(p.text);
    expect(r.decisions).toHaveLength(3);
    expect(r.focusCountry).toBe('SY');
  });

  it('finds nothing in a text without places', () => {
    const r = geo.parse('The committee will meet again after the holidays to discuss the budget and the new rules.');
    expect(r.places).toEqual([]);
    expect(r.focusCountry).toBeNull();
  });

  it('does not take armed units named after places for places', () => {
    const r = geo.parse('The Hamza Division and the Sultan Murad Division clashed with the Sharqiya Army.');
    expect(r.places).toEqual([]);
  });

  it('does not take actor names that contain a country for places', () => {
    const r = geo.parse('The Syrian Arab Army and the Free Syrian Army fought overnight.');
    expect(r.places).toEqual([]);
    expect(r.focusCountry).toBe('SY');
  });

  it('skips people named like towns, months and common words', () => {
    const r = geo.parse(
      'Officer Anderson said Mary Henry, 34, was arrested in March. Over four hours, police searched the house.',
    );
    expect(r.places).toEqual([]);
  });

  it('does not take the tail of an unknown Arabic name for a place elsewhere', () => {
    const r = geo.parse('Shells fell on hamlets across Jabal al-Zawiya, south of Idlib city.');
    expect(r.places.map((p) => [p.text, p.country])).toEqual([['Idlib', 'SY']]);
  });

  it('takes a short county name once the text has named the county in full', () => {
    const alone = geo.parse('While Clarke and Oconee revise their budgets, teachers wait.');
    expect(alone.places.map((p) => p.text)).not.toContain('Clarke');
    const r = geo.parse(
      'The Clarke County school board met on Monday. While Clarke and Oconee revise their budgets, teachers wait.',
    );
    const full = r.places.find((p) => p.text === 'Clarke County');
    const short = r.places.find((p) => p.text === 'Clarke');
    expect(short).toMatchObject({ name: full?.name, admin1: full?.admin1, feature: 'ADM2' });
    expect(r.decisions[r.places.indexOf(short as never)]?.reason).toContain('named-in-full-elsewhere');
  });

  it('respects exclude spans from other stages (embedded posts)', () => {
    const text = 'Fighting near Tal Tamr. A post said: "Greetings from Damascus".';
    const start = text.indexOf('"');
    const r = geo.parse(text, { excludeSpans: [{ start, end: text.length }] });
    expect(r.places.map((p) => p.text)).toEqual(['Tal Tamr']);
  });

  it('recognizes abbreviations and demonyms as places', () => {
    const r = geo.parse('U.S. officials met Russian diplomats in Geneva.');
    expect(r.places.map((p) => [p.text, p.country])).toEqual([
      ['U.S.', 'US'],
      ['Russian', 'RU'],
      ['Geneva', 'CH'],
    ]);
  });
});

describe('transliteration variants', () => {
  it.each(['Ras al-Ain', "Ra's al 'Ayn", "Ras Al-'Ayn", 'Serêkaniyê', 'Resulayn'])(
    'resolves %s to Ras al-Ain',
    (name) => {
      const { place: p, result } = place(`Clashes continued near ${name} on Tuesday.`, name.slice(0, 3));
      expect(result.places).toHaveLength(1);
      expect(p.text).toBe(name);
      // Ras al-Ain and its Turkish twin town Ceylanpınar (once also called Resulayn) lie 3 km apart.
      expect(km(p, [36.85, 40.07])).toBeLessThan(15);
    },
  );

  it('matches articles written apart or hyphenated inside a name', () => {
    for (const name of ['Deir ez-Zor', 'Deir-ez-Zor', 'Dayr az Zawr']) {
      const { place: p, result } = place(`A patrol was ambushed in ${name} countryside.`, name.slice(0, 3));
      expect(result.places).toHaveLength(1);
      expect(km(p, [35.34, 40.14])).toBeLessThan(60); // the city or the governorate named after it
    }
  });

  it('puts an "Al …" name in the Arabic-speaking world', () => {
    const r = geo.parse('Shells fell on Al Mansura on Monday.');
    for (const p of r.places)
      expect(['EG', 'SY', 'IQ', 'YE', 'SA', 'LB', 'LY', 'JO', 'PS', 'TN', 'DZ', 'MA']).toContain(p.country);
  });

  it('matches Tal/Tell spellings of Tal Tamr', () => {
    for (const name of ['Tal Tamr', 'Tell Tamer', 'Tall Tamr']) {
      const { place: p } = place(`Families fled ${name} overnight.`, name);
      expect(km(p, [36.65, 40.37])).toBeLessThan(10);
    }
  });

  it('matches an Arabic-script name', () => {
    const { place: p } = place('قصف على حمص اليوم', 'حمص');
    expect(p.country).toBe('SY');
  });
});

describe('resolution by context', () => {
  it('puts Tripoli in Libya or in Lebanon by the other places of the text', () => {
    const libya = place('Militias clashed in Tripoli and Misrata, and flights to Benghazi were suspended.', 'Tripoli');
    expect(libya.place.country).toBe('LY');
    const lebanon = place('Protesters marched in Tripoli, Lebanon, and later in Beirut and Sidon.', 'Tripoli');
    expect(lebanon.place.country).toBe('LB');
  });

  it('puts Alexandria in Egypt, Louisiana or Virginia by its container or neighbours', () => {
    expect(place('Ferries left Alexandria for Port Said and Cairo.', 'Alexandria').place.country).toBe('EG');
    const la = place('A fire in Alexandria, La., was set on Monday.', 'Alexandria').place;
    expect([la.country, la.admin1]).toEqual(['US', 'Louisiana']);
    const va = place('Commuters from Alexandria, Virginia, crossed into Washington.', 'Alexandria').place;
    expect([va.country, va.admin1]).toEqual(['US', 'Virginia']);
  });

  it('uses an explicit country container', () => {
    const { place: p } = place('Cholera cases were reported in Homa Bay, Kenya, this week.', 'Homa Bay');
    expect(p.country).toBe('KE');
  });

  it('falls back to the stated container when the gazetteer has no such place inside it', () => {
    const r = geo.parse('She was born in Grantville, Pennsylvania, in 1913.');
    const i = r.places.findIndex((p) => p.text === 'Grantville');
    expect(r.places[i]).toMatchObject({ admin1: 'Pennsylvania', feature: 'ADM1' });
    expect(r.decisions[i]).toMatchObject({ precision: 'admin1' });
    expect(r.decisions[i]?.reason).toContain('container-fallback');
  });

  it('does not read a list of countries as containers', () => {
    const r = geo.parse('Cases were reported in Mexico, China, Japan and Brazil.');
    expect(r.places.map((p) => p.country)).toEqual(['MX', 'CN', 'JP', 'BR']);
  });

  it('uses the dateline as a focus cue', () => {
    const r = geo.parse('Talks resumed in Tripoli on Sunday.', { datelinePlace: 'Beirut' });
    expect(r.places[0]?.country).toBe('LB');
  });
});

describe('precision of relative expressions', () => {
  it('"northwest of Tal Tamr" is near Tal Tamr', () => {
    const { place: p, decision } = place('Fighters attacked positions northwest of Tal Tamr.', 'Tal Tamr');
    expect(decision?.precision).toBe('near');
    expect(km(p, [36.65, 40.37])).toBeLessThan(10);
  });

  it('"the western countryside of Aleppo" is the rural governorate (Syrian usage: rif Halab), not the city', () => {
    const { place: p, decision } = place('Airstrikes hit the western countryside of Aleppo.', 'Aleppo');
    expect(decision?.precision).toBe('admin1');
    expect(p.feature).toBe('ADM1');
    expect(km(p, [36.2, 37.16])).toBeLessThan(60);
  });

  it('"Al-Hasakah Governorate" is the first-level area', () => {
    const { place: p, decision } = place('Shelling was reported in the Al-Hasakah Governorate.', 'Hasakah');
    expect(p.text).toBe('Al-Hasakah Governorate');
    expect(decision?.precision).toBe('admin1');
    expect(p.feature).toBe('ADM1');
  });

  it('puts first-level areas at their own label point (New South Wales, not Lord Howe Island)', () => {
    const { place: p } = place('Horses were quarantined in New South Wales.', 'New South Wales');
    expect(km(p, [-32.2, 147.0])).toBeLessThan(161);
  });

  it('countries have country precision', () => {
    const { decision } = place('Aid convoys crossed into Syria.', 'Syria');
    expect(decision?.precision).toBe('country');
  });

  it('"Idlib province" and "Rapides Parish" prefer the area over the town', () => {
    expect(place('Fighting in Idlib province intensified.', 'Idlib').place.feature).toBe('ADM1');
    expect(place('Deputies in Rapides Parish made an arrest.', 'Rapides').place.feature).toBe('ADM2');
  });
});

describe('lookup', () => {
  it('lists candidates best first with scores', () => {
    const c = geo.lookup('Tripoli', 5);
    expect(c.length).toBeGreaterThan(1);
    expect(c.map((x) => x.country)).toContain('LB');
    for (let i = 1; i < c.length; i++)
      expect((c[i - 1] as { score: number }).score).toBeGreaterThanOrEqual((c[i] as { score: number }).score);
  });

  it('returns nothing for an unknown name', () => {
    expect(geo.lookup('Qwzxv Fictiva')).toEqual([]);
  });
});

describe('candidate lists made once per name', () => {
  it('a name read again, in another text, is resolved as by a parser that never saw it', async () => {
    // The second text's scores must not carry the first text's votes: each mention gets fresh candidates.
    const first = 'Fighting near Paris, Texas, and in Dallas and Houston left two dead.';
    const texts = [
      'Protesters gathered in Paris and Lyon on Saturday.',
      'Police in Paris, Kentucky, and Lexington arrested three men.',
      'Clashes in Tripoli and Benghazi; later in Tripoli, Lebanon.',
      'Aleppo province: shelling in Aleppo and Idlib.',
    ];
    const fresh = await loadGeoparser();
    for (const t of texts) {
      const expected = JSON.stringify(fresh.parse(t));
      const again = await loadGeoparser();
      again.parse(first);
      for (const u of texts) again.parse(u);
      expect(JSON.stringify(again.parse(t)), t).toBe(expected);
      expect(JSON.stringify(again.parse(t)), t).toBe(expected);
    }
  });
});
