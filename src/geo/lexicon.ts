/** Word lists the recognizer uses: the stop-list and actor patterns from data/gazetteer, cue words inline. */

import { escapeRegExp } from '../text/escape-regexp.js';
import { foldName } from './fold.js';
import { readDataLines } from './gazetteer-build.js';
import type { IndexMeta } from './gazetteer-index.js';

export interface Lexicon {
  /** Folded names that need a container or "town of" before they count as places ("March", "Sunday"). */
  strictStop: Set<string>;
  /** Generic first words of longer Arabic names ("Jabal", "Wadi", "Tal"), folded. */
  nameStarts: Set<string>;
  /** Folded names that need at least a preposition before them ("in Independence"). */
  stop: Set<string>;
  /** English vocabulary (lower-case): tells an organization word ("Police") from a foreign name part ("Agricola"). */
  englishWords: Set<string>;
  /** Ordinary English words that are also gazetteer names (lower-case). */
  commonWords: Set<string>;
  /** Abbreviations listed in abbreviations.tsv, exactly as written ("US", "NSW"): these stand alone; other
   * capital codes (postal codes such as "KS") count only after a comma. */
  abbreviations: Set<string>;
  /** Locale cues: phrases of a country's local press, as one pattern with a capture group per cue; each cue's
   * target is a country code or a list of admin-1 codes of one country ("UA.05|UA.14"). */
  localeCues: { pattern: RegExp; countries: string[]; admin1s: string[][] };
  /** Given names used only as person evidence ("Lorraine Bailey"): the large generated list, lower-case. */
  personFirstNames: Set<string>;
  /** Given names, lower-case: "Roy Jones" is a person, "Michael" alone is not a place. */
  givenNames: Set<string>;
  /** Actor names containing a place name; the place inside is not a mention. */
  actors: RegExp | null;
}

export function loadLexicon(meta: IndexMeta): Lexicon {
  const stop = new Set<string>();
  const strictStop = new Set<string>();
  let section = stop;
  let nameParts = false;
  const nameStarts = new Set<string>();
  for (const line of readDataLines('stoplist.txt')) {
    const t = line.trim();
    if (t === '[strict]' || t === '[name-part]') {
      section = strictStop;
      nameParts = t === '[name-part]';
    } else if (t === '[cued]') {
      section = stop;
      nameParts = false;
    } else {
      section.add(foldName(t));
      if (nameParts) nameStarts.add(foldName(t));
    }
  }
  // One regular expression for all cues (a capture group each) so a text is scanned once, not once per cue.
  const cueLines = readDataLines('locale-cues.tsv').map((l) => l.split('\t') as [string, string]);
  const localeCues = {
    pattern: new RegExp(cueLines.map(([re]) => `(${re})`).join('|'), 'g'),
    countries: cueLines.map(([, c]) => c.slice(0, 2)),
    admin1s: cueLines.map(([, c]) => (c.includes('.') ? c.split('|') : [])),
  };
  // Listed abbreviations stand alone, except those whose note says "after a comma" (they behave as postal codes).
  const abbreviations = new Set(
    readDataLines('abbreviations.tsv')
      .map((l) => l.split('\t'))
      .filter((f) => !f[2]?.startsWith('after a comma'))
      .map((f) => f[0] ?? ''),
  );
  const englishWords = new Set(readDataLines('english-words.generated.txt').map((l) => l.trim()));
  const commonWords = new Set(readDataLines('common-words.generated.txt').map((l) => l.trim()));
  const givenNames = new Set(readDataLines('given-names.txt').map((l) => l.trim().toLowerCase()));
  const personFirstNames = new Set(readDataLines('given-names.generated.txt').map((l) => l.trim().toLowerCase()));
  for (const g of givenNames) personFirstNames.add(g);
  const demonyms = meta.demonyms.map(escapeRegExp).join('|');
  const countries = meta.countryNames.map(escapeRegExp).join('|');
  const patterns = readDataLines('actor-patterns.txt').map((p) =>
    p.replaceAll('{DEMONYM}', `(?:${demonyms})`).replaceAll('{COUNTRY}', `(?:${countries})`),
  );
  const actors = patterns.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${patterns.join('|')})(?![\\p{L}\\p{N}])`, 'gu')
    : null;
  return {
    stop,
    strictStop,
    nameStarts,
    givenNames,
    personFirstNames,
    englishWords,
    commonWords,
    abbreviations,
    localeCues,
    actors,
  };
}

/** Lower-case words allowed inside a multi-word name ("Isle of Man", "Ras al Ain", "Trinidad and Tobago"). */
export const CONNECTORS = new Set([
  'of',
  'al',
  'el',
  'ul',
  'de',
  'del',
  'la',
  'le',
  'les',
  'du',
  'da',
  'do',
  'das',
  'dos',
  'des',
  'los',
  'las',
  'della',
  'dei',
  'au',
  'aux',
  'sous',
  'upon',
  'on',
  'and',
  'the',
  'y',
  'sur',
  'en',
  'am',
  'im',
  'an',
  'der',
  'bin',
  'ibn',
  'abu',
  'bani',
  'bou',
  'ben',
  'van',
  'von',
  'di',
  // Arabic articles written apart or hyphenated: "Deir ez-Zor", "Ras as Sukhnah", "Tell ad Dahab".
  'ez',
  'es',
  'ed',
  'er',
  'et',
  'as',
  'ad',
  'ar',
  'at',
  'ash',
  'az',
  'ath',
  'adh',
]);

/** Words before a name that make it a person ("Gov. Jindal", "Officer Anderson"), compared lower-case. */
export const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'sen',
  'rep',
  'gov',
  'lt',
  'sgt',
  'capt',
  'col',
  'gen',
  'maj',
  'cpl',
  'pvt',
  'det',
  'cmdr',
  'adm',
  'officer',
  'deputy',
  'judge',
  'justice',
  'president',
  'senator',
  'governor',
  'mayor',
  'coach',
  'rev',
  'reverend',
  'father',
  'sister',
  'brother',
  'pope',
  'king',
  'queen',
  'prince',
  'princess',
  'sheikh',
  'imam',
  'lord',
  'lady',
  'sir',
  'dame',
  'commissioner',
  'attorney',
  'secretary',
  'minister',
  'professor',
  'prof',
  'trooper',
  'agent',
  'director',
  'dean',
  'principal',
  'superintendent',
  'chairman',
  'chairwoman',
  'spokesman',
  'spokeswoman',
  'sheriff',
  'detective',
  'sergeant',
  'captain',
  'lieutenant',
  'councilman',
  'councilwoman',
  'alderman',
  'commander',
  'st',
]);

/** Words that begin multi-word place names and so do not make the next name a person's. */
export const PLACE_PREFIXES = new Set([
  'north',
  'south',
  'east',
  'west',
  'northern',
  'southern',
  'eastern',
  'western',
  'central',
  'upper',
  'lower',
  'new',
  'old',
  'fort',
  'ft',
  'lake',
  'mount',
  'mt',
  'port',
  'san',
  'santa',
  'saint',
  'st',
  'greater',
  'downtown',
  'rural',
  'suburban',
  'metro',
  'the',
  'in',
  'of',
  'near',
  'from',
  'at',
  'to',
]);

/** Area words after a name: "Al-Hasakah Governorate" → admin1, "Rapides Parish" → admin2. */
export const ADMIN1_WORDS = new Set([
  'governorate',
  'province',
  'state',
  'oblast',
  'region',
  'prefecture',
  'emirate',
  'muhafazat',
]);
export const ADMIN2_WORDS = new Set([
  'county',
  'parish',
  'district',
  'borough',
  'municipality',
  'township',
  'subdistrict',
  'nahiya',
  'raion',
  'rayon',
]);

/** Cues before a name: lower-case words that usually introduce a place. */
export const PLACE_CUES = new Set([
  'in',
  'near',
  'at',
  'from',
  'to',
  'outside',
  'into',
  'across',
  'toward',
  'towards',
  'around',
  'throughout',
  'via',
  'village',
  'town',
  'city',
  'province',
  'governorate',
  'district',
  'region',
  'county',
  'outskirts',
  'countryside',
  'north',
  'south',
  'east',
  'west',
  'northeast',
  'northwest',
  'southeast',
  'southwest',
  'between',
  'within',
  'inside',
  'entered',
  'reached',
  'visited',
  'hit',
  'struck',
  'shelled',
  'bombed',
  'captured',
]);
