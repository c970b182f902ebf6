/**
 * Places the text uses for something other than where things happen: a demonym describing an actor, a capital
 * that speaks, the town where an agreement was made (sentences written for these tests).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Geoparser, loadGeoparser } from '../../src/geo/index.js';

let geo: Geoparser;
beforeAll(async () => {
  geo = await loadGeoparser();
});

const roles = (text: string) => geo.parse(text).decisions.map((d) => `${d.mention.text}:${d.role ?? '-'}`);

describe('place roles', () => {
  it('marks demonyms and countries that describe an actor', () => {
    expect(roles('Turkish-backed factions and Russian troops moved towards Tal Tamr.')).toEqual([
      'Turkish:attribute',
      'Russian:attribute',
      'Tal Tamr:-',
    ]);
    expect(roles('Turkish artillery shelled villages west of Qamishli.')).toEqual(['Turkish:attribute', 'Qamishli:-']);
  });

  it('marks capitals and countries that speak or act as a party, and where talks were held', () => {
    expect(roles('Ankara said the patrols near Kobani would continue.')).toEqual(['Ankara:venue', 'Kobani:-']);
    expect(roles('Moscow and Ankara had agreed a truce for Idlib.')).toEqual([
      'Moscow:venue',
      'Ankara:venue',
      'Idlib:-',
    ]);
    expect(roles('Under the deal struck by the two presidents in Sochi, troops left Manbij.')).toEqual([
      'Sochi:venue',
      'Manbij:-',
    ]);
    expect(roles('The Sochi memorandum set a deadline for the withdrawal from Ras al-Ain.')).toEqual([
      'Sochi:venue',
      'Ras al-Ain:-',
    ]);
  });

  it('leaves places where things happen unmarked', () => {
    expect(roles('Explosions were heard in Ankara and Moscow; a drone hit a depot near Sochi.')).toEqual([
      'Ankara:-',
      'Moscow:-',
      'Sochi:-',
    ]);
    // The role is absent, not undefined-valued, so serialized decisions do not change.
    expect('role' in (geo.parse('Shelling hit Homs.').decisions[0] ?? {})).toBe(false);
  });
});
