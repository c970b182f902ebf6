/**
 * Regional locale cues (data/gazetteer/locale-cues.tsv with admin-1 targets): a phrase that places a report in a
 * region votes for that region's admin-1 areas (sentences written for these tests).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Geoparser, loadGeoparser } from '../../src/geo/index.js';

let geo: Geoparser;
beforeAll(async () => {
  geo = await loadGeoparser();
});

const first = (text: string) => geo.parse(text).places[0];

describe('regional locale cues', () => {
  it('an OSCE monitoring report puts a village of a common name in Donetsk or Luhansk oblast', () => {
    const p = first('The OSCE SMM recorded nine explosions near Katerynivka on Sunday.');
    expect(p?.text).toBe('Katerynivka');
    expect(p?.admin1).toBe('Luhansk');
  });

  it('without the cue the same village name keeps its prior', () => {
    const p = first('Farmers near Katerynivka reported a good harvest on Sunday.');
    expect(p?.admin1).not.toBe('Luhansk');
  });
});
