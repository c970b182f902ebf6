// locationOf writes an event location out field by field for speed; its JSON must be that of the spread it replaces.
import { describe, expect, it } from 'vitest';
import { locationOf, placeFields } from '../../src/extract/place-fields.js';
import type { PlaceMention } from '../../src/model/extraction.js';

describe('locationOf', () => {
  it('serialises exactly as { ...placeFields(p), precision } (same keys, same order, no extra fields)', () => {
    const mention = {
      start: 10,
      end: 16,
      text: 'Mosul',
      name: 'Mosul',
      lat: 36.34,
      lon: 43.13,
      country: 'IQ',
      admin1: 'Nineveh',
      admin2: null,
      geonameid: 99072,
      feature: 'PPLA',
    } as unknown as PlaceMention;
    expect(JSON.stringify(locationOf(mention, 'near'))).toBe(
      JSON.stringify({ ...placeFields(mention), precision: 'near' }),
    );
  });
});
