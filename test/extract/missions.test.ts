// A mission whose mandate covers one country ("the OSCE SMM", "MINUSMA") tells the report's country when its
// villages do not: invented sentences and decisions, one per case.
import { describe, expect, it } from 'vitest';
import { parseLexicon } from '../../src/extract/lexicon-file.js';
import { compileMissions, missionFocus } from '../../src/extract/missions.js';
import type { PlaceDecision } from '../../src/model/extraction.js';
import { top, useCoder } from '../helpers/coder.js';

const missions = compileMissions(
  parseLexicon('UA | OSCE SMM ; OSCE Special Monitoring Mission\nML | MINUSMA\nCD | MONUSCO', 'missions.txt', 2),
);

function decision(country: string, precision: PlaceDecision['precision'], reason = 'gazetteer'): PlaceDecision {
  const mention = {
    start: 0,
    end: 1,
    text: 'x',
    name: 'x',
    lat: 0,
    lon: 0,
    country,
    admin1: null,
    admin2: null,
    geonameid: null,
    feature: precision === 'country' ? 'PCLI' : 'PPL',
    score: 0.9,
  };
  return { mention, precision, reason };
}

describe('mission countries', () => {
  it('finds a mission by its whole name, the longest name first, with its span', () => {
    const text = 'The OSCE Special Monitoring Mission counted 40 explosions near Zolote.';
    expect(missions(text)).toEqual({ country: 'UA', text: 'OSCE Special Monitoring Mission', start: 4, end: 35 });
    expect(missions('MINUSMA said a convoy struck a mine near Tessalit.')?.country).toBe('ML');
  });

  it('reads neither a name inside a longer word nor a lower-cased one', () => {
    expect(missions('The MINUSMAN report and the osce smm were cited.')).toBeNull();
  });

  it("gives the mission's country unless the text names another country or province outright", () => {
    const cue = missions('MONUSCO said the fighters crossed into Uganda.');
    // A village resolved abroad (a name shared by several countries) does not outweigh the mission.
    expect(missionFocus(cue, [decision('RU', 'exact')])).toBe('CD');
    // A demonym ("Ugandan troops") is who acted, not where.
    expect(missionFocus(cue, [decision('UG', 'country', 'gazetteer;demonym')])).toBe('CD');
    // A country named outright keeps the places' own reading.
    expect(missionFocus(cue, [decision('UG', 'country')])).toBeNull();
    expect(missionFocus(cue, [decision('CD', 'admin1')])).toBe('CD');
    expect(missionFocus(null, [])).toBeNull();
  });

  it('rejects a row whose country is not an ISO code, naming the file and line', () => {
    expect(() => compileMissions(parseLexicon('Ukraine | OSCE SMM', 'm.txt', 2))).toThrow(
      "m.txt:1: 'Ukraine' is not an ISO country code",
    );
  });
});

describe('mission countries in the coder', () => {
  const code = useCoder();

  it('OSCE monitors hearing fire near an unknown hamlet: a Donbas clash between its default sides', () => {
    const e = top(
      code('On 12 June 2019, the OSCE SMM heard 35 shots involving small arms near Khutir Zelenyi Hai.', '2019-06-13'),
    );
    expect(e?.sub_event_type).toBe('Armed clash');
    expect([e?.actor1?.name, e?.actor2?.name].sort()).toEqual([
      'Military Forces of Ukraine',
      'NAF: United Armed Forces of Novorossiya',
    ]);
  });

  it('without the mission, the same sentence has no country and no default sides', () => {
    const e = top(code('On 12 June 2019, monitors heard 35 shots involving small arms near Khutir Zelenyi Hai.'));
    expect(e?.actor1?.name).not.toBe('Military Forces of Ukraine');
  });
});
