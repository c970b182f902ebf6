/**
 * Lower-case words inside names: the Portuguese "do" of "Rio Grande do Sul", the French "au" of "Port-au-Prince"
 * (sentences written for these tests).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Geoparser, loadGeoparser } from '../../src/geo/index.js';

let geo: Geoparser;
beforeAll(async () => {
  geo = await loadGeoparser();
});

describe('connectors inside names', () => {
  it('"Rio Grande do Sul" and "Mato Grosso do Sul" are the states, whole', () => {
    const r = geo.parse('Floods hit Rio Grande do Sul, and fires burned in Mato Grosso do Sul.');
    expect(r.places.map((p) => [p.text, p.feature])).toEqual([
      ['Rio Grande do Sul', 'ADM1'],
      ['Mato Grosso do Sul', 'ADM1'],
    ]);
  });

  it('"Port-au-Prince" is one name, the capital of Haiti', () => {
    const r = geo.parse('Aid flights landed in Port-au-Prince on Monday.');
    expect(r.places.map((p) => [p.text, p.country])).toEqual([['Port-au-Prince', 'HT']]);
  });

  it('"do" between a name and a word that continues no name is no part of it', () => {
    const r = geo.parse('How do Texas farmers cope?');
    expect(r.places.map((p) => p.text)).toEqual(['Texas']);
  });
});
