/**
 * Long country names: a possessive word that begins one ("People's Republic of China") and the article-less
 * "Republic of Congo" (sentences written for these tests).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Geoparser, loadGeoparser } from '../../src/geo/index.js';

let geo: Geoparser;
beforeAll(async () => {
  geo = await loadGeoparser();
});

const places = (text: string) => geo.parse(text).places.map((p) => `${p.text}:${p.country}`);

describe('long country names', () => {
  it('"People\'s Republic of China" is China, not the Republic of China (Taiwan)', () => {
    expect(places("Trade with the People's Republic of China grew last year.")).toEqual([
      "People's Republic of China:CN",
    ]);
    expect(places('Trade with the People’s Republic of China grew last year.')).toEqual([
      'People’s Republic of China:CN',
    ]);
  });

  it('a possessive that begins no longer name still ends the name', () => {
    expect(places("Syria's envoy arrived on Monday.")).toEqual(['Syria:SY']);
  });

  it('"Republic of Congo" is Congo-Brazzaville', () => {
    expect(places('Health workers in the Republic of Congo confirmed two cases.')).toEqual(['Republic of Congo:CG']);
  });
});
