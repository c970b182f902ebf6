/**
 * A list of names of one kind names more of that kind: states among states, countries among countries
 * (sentences written for these tests).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Geoparser, loadGeoparser } from '../../src/geo/index.js';

let geo: Geoparser;
beforeAll(async () => {
  geo = await loadGeoparser();
});

const parse = (text: string) => {
  const r = geo.parse(text);
  return new Map(r.places.map((p, i) => [p.text, { place: p, decision: r.decisions[i] }]));
};

describe('lists of one kind', () => {
  it('a state in a list of states is the state, not a town of another state in the list', () => {
    const r = parse('Farms in Georgia, Oklahoma, Pennsylvania, Wisconsin and California reported sick hives.');
    const ok = r.get('Oklahoma');
    expect(ok?.place.feature).toBe('ADM1');
    expect(ok?.place.admin1).toBe('Oklahoma');
    expect(ok?.decision?.reason).toContain('list-of-kind');
  });

  it('a country in a list of countries is the country, not a state of the next one', () => {
    const r = parse('Vaccination teams worked in Ghana, Gambia, Niger, Nigeria and Togo last year.');
    expect(r.get('Niger')?.place.country).toBe('NE');
    expect(r.get('Niger')?.place.feature).toBe('PCLI');
  });

  it('a name and its containers are no list', () => {
    const r = parse('The truck was stopped in Barrie, Ontario, Canada, on Friday.');
    expect(r.get('Barrie')?.place.feature).toMatch(/^PPL/);
  });

  it('two areas and two towns are no list of areas', () => {
    const r = parse('The band played in Paris, Texas, and London, Kentucky.');
    expect(r.get('Paris')?.place.feature).toMatch(/^PPL/);
    expect(r.get('London')?.place.feature).toMatch(/^PPL/);
  });
});
