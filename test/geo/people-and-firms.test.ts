/**
 * Names of people and firms that are also small towns or counties in the gazetteer: the text's own evidence says
 * they are not places. Sentences written for these tests; the default gazetteer (built once, ≈ 10 s).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Geoparser, loadGeoparser } from '../../src/geo/index.js';

let geo: Geoparser;
beforeAll(async () => {
  geo = await loadGeoparser();
});

const texts = (text: string) => geo.parse(text).places.map((p) => `${p.text}:${p.country}`);

describe('people', () => {
  it('"Ellis said": a surname that is also a county short name is the speaker, not Ellis County', () => {
    expect(texts('The car was reversing when it hit her, Ellis said. Ellis added that nobody was charged.')).toEqual(
      [],
    );
  });

  it('a city may still speak: "Gainesville says" stays the city', () => {
    expect(texts('Gainesville says the new road will open in May.')).toEqual(['Gainesville:US']);
  });

  it('a title reaches the surname past a first name: "Judge Casey Manning … Manning ruled"', () => {
    expect(texts('Circuit Judge Casey Manning heard the case in Columbia. Manning ruled on Friday.')).toEqual([
      'Columbia:US',
    ]);
  });

  it('a title is not followed past a place: "Governor Landry of Louisiana"', () => {
    expect(texts('Governor Jeff Landry of Louisiana spoke in Baton Rouge.')).toEqual([
      'Louisiana:US',
      'Baton Rouge:US',
    ]);
  });
});

describe('firms', () => {
  it('"Stevens & Wilkinson": a name joined by an ampersand is a firm', () => {
    expect(
      texts('The architects Stevens & Wilkinson and the lawyers Callison Tighe & Robinson met in Atlanta.'),
    ).toEqual(['Atlanta:US']);
  });
});
