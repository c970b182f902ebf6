/**
 * A name read as a town rather than the area named after it: "X city"/"X town", "X, X" and "X (X, Y)" (the town,
 * then its municipality or province), and a lone name whose second-level area has the town as its seat.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Geoparser, loadGeoparser } from '../../src/geo/index.js';

let geo: Geoparser;
beforeAll(async () => {
  geo = await loadGeoparser();
});

const all = (text: string, surface: string) => {
  const r = geo.parse(text);
  return r.places.map((p, i) => ({ p, d: r.decisions[i] })).filter((x) => x.p.text === surface);
};

describe('town reading', () => {
  it('reads "Almaty city" as the city, not Almaty Region', () => {
    const [x] = all('Traders rallied by the old bazaar of Almaty city on Monday.', 'Almaty');
    expect(x?.p.feature).toMatch(/^PPL/);
    expect(x?.d?.precision).toBe('exact');
  });

  it('reads "Veracruz, Veracruz" as the city in its state', () => {
    const [city, state] = all('On Monday, in Veracruz, Veracruz, dock workers protested unpaid wages.', 'Veracruz');
    expect(city?.p.feature).toMatch(/^PPL/);
    expect(state?.p.feature).toBe('ADM1');
  });

  it('reads the first of "Kaya (Kaya, Sanmatenga)" as the town, not an area abroad', () => {
    const [town, area] = all(
      'Displaced families gathered outside the mayor’s office at Kaya (Kaya, Sanmatenga).',
      'Kaya',
    );
    expect(town?.p.country).toBe('BF');
    expect(town?.p.feature).toMatch(/^PPL/);
    // The container of its own namesake lies in the town's country (not Kayah State, Myanmar).
    expect(area?.p.country).toBe('BF');
  });

  it('keeps the area where the text names it as one ("the Almaty region" stays an area)', () => {
    const [x] = all('Floods hit villages across Almaty Region on Monday.', 'Almaty Region');
    expect(x?.p.feature).toBe('ADM1');
  });
});

describe('a town beats the second-level area it is the seat of', () => {
  it('reads "Guaymas, Sonora" as the port town (GeoNames: Heroica Guaymas), not the municipality', () => {
    const [x] = all('On Monday, in Guaymas, Sonora, gunmen shot a man from a moving car.', 'Guaymas');
    expect(x?.p.feature).toMatch(/^PPL/);
    expect(x?.p.name).toBe('Heroica Guaymas');
  });

  it('keeps the area for "X municipality"', () => {
    const [x] = all('On Monday, in Guaymas municipality, Sonora, gunmen shot a man.', 'Guaymas municipality');
    expect(x?.p.feature).toBe('ADM2');
  });
});
