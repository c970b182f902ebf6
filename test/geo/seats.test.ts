/**
 * A bare name that is both a city and the first-level area named after it (Homs, Aleppo, Kharkiv) means the city;
 * "province", "Governorate" or "countryside" next to it means the area (sentences written for these tests).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Geoparser, loadGeoparser } from '../../src/geo/index.js';

let geo: Geoparser;
beforeAll(async () => {
  geo = await loadGeoparser();
});

const only = (text: string, surface: string) => {
  const r = geo.parse(text);
  const i = r.places.findIndex((p) => p.text.startsWith(surface));
  expect(i).toBeGreaterThanOrEqual(0);
  return { place: r.places[i], decision: r.decisions[i] };
};

describe('city and the governorate named after it', () => {
  it('lookup ranks the city before its governorate', () => {
    for (const name of ['Homs', 'Aleppo', 'Kharkiv']) {
      const [first, second] = geo.lookup(name, 3);
      expect(first?.kind, name).toBe('place');
      expect(first?.feature, name).toBe('PPLA');
      expect(second?.kind, name).toBe('admin1');
    }
  });

  it('a bare name in a report is the city', () => {
    const { place, decision } = only('Two civilians were killed when shells hit Homs on Sunday.', 'Homs');
    expect(place?.feature).toBe('PPLA');
    expect(decision?.precision).toBe('exact');
  });

  it('province, governorate or countryside make it the area', () => {
    for (const text of [
      'Two civilians were killed in Homs province on Sunday.',
      'Two civilians were killed in the Homs Governorate on Sunday.',
      'Two civilians were killed in the eastern Homs countryside on Sunday.',
      'Two civilians were killed in the countryside of Homs on Sunday.',
    ]) {
      const { place, decision } = only(text, 'Homs');
      expect(place?.feature, text).toBe('ADM1');
      expect(decision?.precision, text).toBe('admin1');
    }
  });

  it('also where GeoNames spells the city differently from its governorate (Dar‘ā / Daraa)', () => {
    expect(only('Shells hit Daraa on Monday.', 'Daraa').place?.feature).toBe('PPLA');
    expect(only('Clashes spread across Daraa province.', 'Daraa').place?.feature).toBe('ADM1');
  });
});
