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
    const a = only('A missile struck a school in the Saltivskyi district of Kharkiv overnight.', 'Kharkiv');
    expect(a.place.country).toBe('UA');
    expect(a.place.feature).toMatch(/^PPL/);
    expect(a.decision?.precision).toBe('exact');
    const b = only('Two car bombs exploded in the Karrada district of Baghdad on Sunday.', 'Baghdad');
    expect(b.place.feature).toMatch(/^PPL/);
  });

  it('a bare or generic "district of X" keeps the area reading', () => {
    expect(only('Fighting spread across the district of Kharkiv.', 'Kharkiv').place.feature).toBe('ADM1');
    expect(only('The Central district of Baghdad was quiet.', 'Baghdad').place.feature).toBe('ADM1');
  });
});

describe('number words and cue scope', () => {
  it('a capitalized number word opening a sentence is not a village', () => {
    const r = geo.parse('A landmine went off in a field in Dang district. Four persons were killed and Seven hurt.');
    expect(r.places.map((p) => p.text)).not.toContain('Four');
    expect(r.places.map((p) => p.text)).not.toContain('Seven');
  });

  it('a cue word before a full stop does not cue the next sentence', () => {
    const r = geo.parse('The convoy was ambushed near the town. One soldier died.');
    expect(r.places).toEqual([]);
  });
});
