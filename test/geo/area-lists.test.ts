/**
 * Lists that end in a plural area word ("Barrow, Jackson and Madison counties"): every name is that kind of area.
 * Sentences written for these tests; the default gazetteer (built once, ≈ 10 s).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Geoparser, loadGeoparser } from '../../src/geo/index.js';

let geo: Geoparser;
beforeAll(async () => {
  geo = await loadGeoparser();
});

const read = (text: string) =>
  geo.parse(text).places.map((p) => `${p.text}:${p.name}${p.admin1 ? `, ${p.admin1}` : ''}`);

describe('lists of counties', () => {
  it('reads every name as a county of one state, though "counties" follows only the last', () => {
    expect(read('Storm warnings cover Butler, Clark, Hamilton, Preble and Warren counties this weekend.')).toEqual([
      'Butler:Butler County, Ohio',
      'Clark:Clark County, Ohio',
      'Hamilton:Hamilton County, Ohio',
      'Preble:Preble County, Ohio',
      'Warren:Warren County, Ohio',
    ]);
  });

  it('adds names the recognizer leaves out alone: a given name ("Douglas"), a word ("Swift")', () => {
    expect(read('Roads are closed in Douglas, Swift and Wilkin counties.')).toEqual([
      'Douglas:Douglas County, Minnesota',
      'Swift:Swift County, Minnesota',
      'Wilkin:Wilkin County, Minnesota',
    ]);
  });

  it('a county next in the list is no container: "Becker, Clay" is two counties, not Becker inside Clay', () => {
    const places = read('Flood crews moved from Becker, Clay and Otter Tail counties to Fargo.');
    expect(places.slice(0, 3)).toEqual([
      'Becker:Becker County, Minnesota',
      'Clay:Clay County, Minnesota',
      'Otter Tail:Otter Tail County, Minnesota',
    ]);
  });

  it('keeps a town where the gazetteer has no county of its name ("Flint and Genesee counties")', () => {
    expect(read('Schools closed in Flint and Genesee counties.')).toEqual([
      'Flint:Flint, Michigan',
      'Genesee:Genesee County, Michigan',
    ]);
  });

  it('leaves lists of municipalities and provinces alone: most are named after their seat town', () => {
    expect(read('Drivers blocked roads near San Francisco Telixtlahuaca and Etla municipalities.')).toEqual([
      'San Francisco Telixtlahuaca:San Francisco Telixtlahuaca, Oaxaca',
    ]);
    expect(read('Jets struck villages in Idlib and Hama provinces.')).toEqual([
      'Idlib:Idlib, Idlib',
      'Hama:Ḩamāh, Hama',
    ]);
  });
});

describe('"X in Y region"', () => {
  it('a name in an area named with its area word is inside it: no namesake in another region', () => {
    // The Donetsk village is not in cities500; its namesakes lie in other regions, and Melitopol once bore the name.
    expect(read('Shelling hit Novooleksandrivka in Donetsk region.')).toEqual([
      'Novooleksandrivka:Donetsk, Donetsk',
      'Donetsk region:Donetsk, Donetsk',
    ]);
  });

  it('without the area word "X in Y" may be two places', () => {
    expect(read('Fighters from Idlib in Aleppo clashed with troops.')).toEqual([
      'Idlib:Idlib, Idlib',
      'Aleppo:Aleppo, Aleppo',
    ]);
  });
});
