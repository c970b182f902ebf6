/**
 * Person evidence from verbs and kin words: a name that is the object of "stabbed", "killing", "hired" or owns a
 * "mother", "lawyer" or "death" is a person, and so are its other bare mentions (sentences written for these tests).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Geoparser, loadGeoparser } from '../../src/geo/index.js';

let geo: Geoparser;
beforeAll(async () => {
  geo = await loadGeoparser();
});

const texts = (text: string) => geo.parse(text).places.map((p) => p.text);

describe('person objects and kin', () => {
  it('the object of a verb of violence is a person, in every bare mention', () => {
    const t =
      'A teenager was charged on Friday with stabbing Welch outside a bar. Welch was taken to a hospital in Denver.';
    expect(texts(t)).toEqual(['Denver']);
  });

  it('a name with a mother or a lawyer is a person', () => {
    const t = "Parker's lawyer asked for a delay. The judge in Omaha agreed, and Parker will appear in May.";
    expect(texts(t)).toEqual(['Omaha']);
  });

  it('a place after an ordinary verb stays', () => {
    expect(texts('The governor visited Welch on Friday to see the flood damage.')).toContain('Welch');
  });
});
