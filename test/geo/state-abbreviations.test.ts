/**
 * Indian and Pakistani state short forms after a town ("Salem, TN"): read like postal codes, only after a comma,
 * and shared with the US codes they collide with (TN is also Tennessee): the other places of the text decide.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Geoparser, loadGeoparser } from '../../src/geo/index.js';

let geo: Geoparser;
beforeAll(async () => {
  geo = await loadGeoparser();
});

const named = (text: string, surface: string) => geo.parse(text).places.find((p) => p.text === surface);

describe('South Asian state abbreviations', () => {
  it('reads TN after an Indian city as Tamil Nadu, and the city stays in India', () => {
    const text = 'Weavers held a protest in Madurai city (Madurai, TN) demanding relief payments.';
    expect(named(text, 'TN')?.admin1).toBe('Tamil Nadu');
    expect(named(text, 'Madurai')?.country).toBe('IN');
  });

  it('still reads TN after an American city as Tennessee', () => {
    const text = 'Firefighters in Memphis, TN put out a warehouse fire on Sunday.';
    expect(named(text, 'TN')?.admin1).toBe('Tennessee');
  });

  it('reads TS as Telangana after a Telangana town', () => {
    expect(named('Farmers blocked a highway near Warangal, TS on Friday.', 'TS')?.admin1).toBe('Telangana');
  });

  it('never reads the short forms alone: "an MP said", "the AP reported" name no state', () => {
    const places = geo.parse('An MP said on Monday that the AP and UP reports were wrong.').places;
    expect(places.map((p) => p.text)).toEqual([]);
  });
});
