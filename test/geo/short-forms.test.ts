/**
 * A city's short form — the first word of its full name in the gazetteer — names it without a cue word, where
 * other alternate names need one (sentences written for these tests).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Geoparser, loadGeoparser } from '../../src/geo/index.js';

let geo: Geoparser;
beforeAll(async () => {
  geo = await loadGeoparser();
});

const places = (text: string) => geo.parse(text).places.map((p) => `${p.text}:${p.country}`);

describe("a big city's short form", () => {
  it('"Acapulco" (Acapulco de Juárez) needs no cue word', () => {
    expect(places('Tourists left the beach resort of Acapulco after the storm.')).toEqual(['Acapulco:MX']);
  });

  it('an alternate name of another shape still needs one', () => {
    // "City" is an alternate name of London.
    expect(places('The City reacted calmly to the news.')).toEqual([]);
  });
});
