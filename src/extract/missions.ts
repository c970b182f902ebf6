/**
 * Mission countries (data/lexicons/mission-countries.txt): a report quoting a mission whose mandate covers one
 * country ("the OSCE SMM observed …", "MINUSMA said …") is about that country. ACLED's OSCE notes name front-line
 * villages that cities500 lacks ("Kruta Balka", "Khutir Vilny") or shares with other countries ("Shevchenko",
 * "Petrovskoye"); without a country their battles lost Donbas's default sides: on the ACLED dev set 29 of 65 such
 * armed clashes were coded as two unidentified groups.
 */
import type { PlaceDecision } from '../model/extraction.js';
import { escapeRegExp } from '../text/escape-regexp.js';
import { alternatives, type LexiconRow } from './lexicon-file.js';

export interface MissionCue {
  country: string;
  text: string;
  start: number;
  end: number;
}

/** Finds the first mission named in a text (null when none is). */
export type MissionFinder = (text: string) => MissionCue | null;

export function compileMissions(rows: readonly LexiconRow[]): MissionFinder {
  const countryOf = new Map<string, string>();
  for (const row of rows) {
    const [country = '', names = ''] = row.fields;
    if (!/^[A-Z]{2}$/.test(country))
      throw new Error(`${row.file}:${row.line}: '${country}' is not an ISO country code`);
    for (const name of alternatives(names)) countryOf.set(name, country);
  }
  if (countryOf.size === 0) return () => null;
  // Longest first, so "OSCE Special Monitoring Mission" is not cut short by a shorter name it starts with.
  const names = [...countryOf.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'u');
  return (text) => {
    const m = pattern.exec(text);
    if (!m) return null;
    return { country: countryOf.get(m[0]) as string, text: m[0], start: m.index, end: m.index + m[0].length };
  };
}

/**
 * The report's focus country once a mission is named: the mission's, unless the text names another country or a
 * province of one outright (a country or admin-1 mention that is not a demonym): "UNIFIL said Israeli drones
 * struck near Naqoura" stays in Lebanon, while "MONUSCO said the fighters crossed into Uganda" keeps Uganda in play.
 */
export function missionFocus(mission: MissionCue | null, decisions: readonly PlaceDecision[]): string | null {
  if (!mission) return null;
  const namesOther = decisions.some(
    (d) =>
      (d.precision === 'country' || d.precision === 'admin1') &&
      !d.reason.includes('demonym') &&
      d.mention.country !== null &&
      d.mention.country !== mission.country,
  );
  return namesOther ? null : mission.country;
}
