/**
 * The extract stage: `createExtractor()` loads the lexicons, the actor dictionary, the gazetteer and the language
 * model once; `extract(input)` is then a pure function from one report to its Extraction (language, places,
 * events with their evidence, and with `trace` every decision and its reason).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Geoparser, loadGeoparser } from '../geo/index.js';
import { parseDateline } from '../ingest/dateline.js';
import { findEmbeddedPosts } from '../ingest/embedded-posts.js';
import type { EventDate, Extraction, PlaceDecision, TraceEntry } from '../model/extraction.js';
import type { Dateline, EmbeddedPost, Span } from '../model/report.js';
import { createLanguageIdentifier, type LanguageIdentifier } from '../text/language.js';
import { countryTable, createActorMatcher, parseActorRows, parseGenericRows } from './actors.js';
import { compileCertaintyLexicon } from './certainty.js';
import { createConsolidator } from './consolidate.js';
import { compileCountLexicon } from './counts.js';
import { findDates, isoDay, parsePublished } from './dates.js';
import { type AssemblyResources, assembleEvents } from './events.js';
import { alternatives, compilePattern, defaultDataDir, readLexiconFile } from './lexicon-file.js';
import { compileMissions, type MissionFinder, missionFocus } from './missions.js';
import { placeFields } from './place-fields.js';
import { splitSentences } from './sentences.js';
import { compileNonEvents, createTriggerMatcher, parseTriggerRows } from './triggers.js';

export interface ExtractInput {
  id: string;
  text: string;
  published?: string | null;
  title?: string | null;
  language?: string | null;
  embeddedPosts?: EmbeddedPost[];
  dateline?: Dateline | null;
}

export interface Extractor {
  extract(input: ExtractInput, opts?: { trace?: boolean }): Extraction;
}

export interface ExtractorOptions {
  gazetteerDir?: string;
  /** Where data/lexicons and data/actors live (default: the package's data/). */
  dataDir?: string;
  /** Injected dependencies, for tests and for callers that already hold them. */
  geoparser?: Geoparser | null;
  languageIdentifier?: LanguageIdentifier | null;
}

/** Loads the extractor's resources (lexicons, actor dictionary, countries, lid.176, the gazetteer). */
export async function createExtractor(opts: ExtractorOptions = {}): Promise<Extractor> {
  const dataDir = opts.dataDir ?? defaultDataDir();
  const resources = loadResources(dataDir);
  const [geoparser, languageIdentifier] = await Promise.all([
    opts.geoparser !== undefined ? opts.geoparser : loadGeoparser(opts.gazetteerDir ? { dir: opts.gazetteerDir } : {}),
    opts.languageIdentifier !== undefined ? opts.languageIdentifier : createLanguageIdentifier(),
  ]);
  // Document-level consolidation (repeated mentions, background, capital metonyms): see consolidate.ts.
  const consolidate = createConsolidator(dataDir);
  const cues: DocumentCues = {
    organisation: organisationAfter(dataDir),
    missions: compileMissions(readLexiconFile(path.join(dataDir, 'lexicons/mission-countries.txt'), 2)),
  };
  return {
    extract: (input, o) =>
      consolidate(extractOne(resources, cues, geoparser, languageIdentifier, input, o?.trace === true), input),
  };
}

/** Reads and compiles every data file once. Exported for the lexicon tests. */
export function loadResources(dataDir: string): AssemblyResources {
  const lex = (name: string, min: number) => readLexiconFile(path.join(dataDir, name), min);
  const require = createRequire(import.meta.url);
  const worldFile = require.resolve('world-countries/countries.json');
  const world = JSON.parse(readFileSync(worldFile, 'utf8'));
  const countries = countryTable(world);
  const actors = createActorMatcher(
    parseActorRows(lex('actors/actors.txt', 6)),
    parseGenericRows(lex('actors/generic.txt', 4)),
    countries,
  );
  const belligerents = lex('actors/belligerents.txt', 5).map((row) => {
    const [country = '', from = '-', to = '-', sideA = '', sideB = ''] = row.fields;
    for (const side of [sideA, sideB]) {
      if (!actors.entries.some((e) => e.name === side))
        throw new Error(`${row.file}:${row.line}: '${side}' is not an actor in actors.txt`);
    }
    return { country, from: from === '-' ? null : from, to: to === '-' ? null : to, sideA, sideB };
  });
  const frontControl = lex('actors/front-control.txt', 5).map((row) => {
    const [country = '', from = '-', to = '-', holder = '', places = ''] = row.fields;
    if (!belligerents.some((b) => b.country === country && (b.sideA === holder || b.sideB === holder)))
      throw new Error(`${row.file}:${row.line}: '${holder}' is no default belligerent of ${country}`);
    // One expression per row, tested only on the clause of an unattributed remote attack (never scanned over texts).
    const names = alternatives(places).map((p) => `(?:${p})`);
    return {
      country,
      from: from === '-' ? null : from,
      to: to === '-' ? null : to,
      holder,
      places: compilePattern(names.join('|'), row, 'i'),
    };
  });
  return {
    belligerents,
    frontControl,
    triggers: createTriggerMatcher(parseTriggerRows(lex('lexicons/triggers.txt', 4))),
    localTriggers: new Map(
      readdirSync(path.join(dataDir, 'lexicons/i18n'))
        .map((f) => /^triggers\.([a-z]{2,3})\.txt$/.exec(f))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1] as string, createTriggerMatcher(parseTriggerRows(lex(`lexicons/i18n/${m[0]}`, 4)))]),
    ),
    nonEvents: compileNonEvents(lex('lexicons/non-events.txt', 2)),
    counts: compileCountLexicon(lex('lexicons/counts.txt', 2)),
    certainty: compileCertaintyLexicon(lex('lexicons/certainty.txt', 3)),
    actors,
  };
}

/**
 * A country name that starts a proper name ("the Central Committee of Sudan Doctors", "Syria Civil Defence", "Kenya
 * Red Cross") names an organisation, not where the event happened: up to three capitalised words, then one of the
 * heads of data/lexicons/organisation-heads.txt.
 */
function organisationAfter(dataDir: string): RegExp {
  const heads = readLexiconFile(path.join(dataDir, 'lexicons/organisation-heads.txt'), 2).flatMap((row) =>
    alternatives(row.fields[1] ?? '').map((head) => {
      if (!/^\p{Lu}\p{L}+$/u.test(head))
        throw new Error(`${row.file}:${row.line}: '${head}' is not a capitalised word`);
      return head;
    }),
  );
  return new RegExp(`^ (?:\\p{Lu}\\p{Ll}+ ){0,3}(?:${heads.join('|')})\\b`, 'u');
}

/** Document-level cues read outside the event assembly. */
interface DocumentCues {
  /** A country name that starts an organisation's name (see organisationAfter). */
  organisation: RegExp;
  /** Missions whose name pins the report's country (see missions.ts). */
  missions: MissionFinder;
}

function extractOne(
  res: AssemblyResources,
  cues: DocumentCues,
  geoparser: Geoparser | null,
  lid: LanguageIdentifier | null,
  input: ExtractInput,
  wantTrace: boolean,
): Extraction {
  const text = input.text;
  const trace: TraceEntry[] | null = wantTrace ? [] : null;
  // fastText averages word vectors: the first ~600 characters decide the language as well as the whole text.
  // Plain English prose is recognised first by its function words, which costs a fraction of the model call.
  const sample = text.slice(0, 600);
  // A stored report whose language was never identified says 'und': that is no language, not a foreign one.
  const given = input.language && input.language !== 'und' ? input.language : null;
  const english = !given && looksEnglish(sample);
  const language = given ?? (english ? 'en' : lid ? lid.identify(sample).language : 'und');
  trace?.push({
    stage: 'language',
    reason: given ? 'input-field' : english ? 'english-function-words' : lid ? 'lid.176' : 'no-model',
    detail: language,
  });
  const publishedDate = parsePublished(input.published ?? null);
  const published = publishedDate ? isoDay(publishedDate) : null;
  const sentences = splitSentences(text);
  // Embedded posts need a platform cue (a Telegram name or link, a tweet signature); most reports have none.
  const embeddedPosts =
    input.embeddedPosts ??
    (/telegram|t\.me\/|twitter|x\.com\/|\(@\w|телеграм|телеґрам|تلغرام|تيليغرام|تلجرام|تويتر/i.test(text)
      ? findEmbeddedPosts(text)
      : []);
  if (embeddedPosts.length)
    trace?.push({
      stage: 'embedded-posts',
      reason: 'found',
      detail: embeddedPosts.map((p) => ({ author: p.author, span: p.span })),
    });
  const dateline = input.dateline !== undefined ? input.dateline : parseDateline(text, { published });
  // A dateline's date ("BEIRUT, Oct 30 (LW) –") is when the report was filed: without a publication date it anchors
  // relative dates ("on Tuesday"); it is never the date of the event the sentence after it tells.
  const filedDate = publishedDate ?? (dateline?.date ? parsePublished(dateline.date) : null);
  const dates = findDates(text, filedDate);
  const eventDates = dateline ? dates.filter((d) => d.start < dateline.span.start || d.end > dateline.span.end) : dates;
  trace?.push({
    stage: 'dates',
    reason: 'found',
    detail: dates.map((d) => ({ text: d.text, ...d.date, reason: d.reason, background: d.background })),
  });
  const firstAbsolute = dates.find((d) => !d.background && d.reason.startsWith('absolute'));
  const referenceDate = firstAbsolute?.date.start ?? published;
  // Actor names are not where events happen ("Luhansk People's Militia", "Syrian Arab Army"), but a toponym inside
  // one is still a toponym of the text: `places` lists it, event locations never use it.
  const actors = res.actors.find(text, 0, referenceDate);
  const namedActors = actors.filter((a) => a.entry.source !== 'generic');
  // A post's signature and its attribution ("— Levant Monitor (@…)", "the Telegram channel Kursk Alarm") name who
  // speaks: a toponym there is listed among the places but never locates an event.
  const signatures: Span[] = embeddedPosts.flatMap((p) => [
    { start: p.span.start, end: p.textSpan.start },
    { start: p.textSpan.end, end: p.span.end },
  ]);
  const actorSpans: Span[] = [...namedActors.map((a) => ({ start: a.start, end: a.end })), ...signatures];
  // Posts in another language than the report are not read for places: the gazetteer's English-script names
  // collide with ordinary words of other languages (Turkish "ordu", army, is a city).
  const foreignPosts = embeddedPosts
    .filter((p) => {
      const lang = p.language ?? (lid ? lid.identify(p.text).language : null);
      return lang !== null && lang !== language;
    })
    .map((p) => ({ start: p.textSpan.start, end: p.textSpan.end }));
  const excludeSpans: Span[] = foreignPosts;
  let decisions: PlaceDecision[] = [];
  let allPlaces: PlaceDecision[] = [];
  let focusCountry: string | null = null;
  if (geoparser) {
    const geo = geoparser.parse(text, { datelinePlace: dateline?.place ?? null, excludeSpans, language });
    allPlaces = geo.decisions;
    decisions = geo.decisions.filter(
      (d) =>
        !actorSpans.some((a) => d.mention.start < a.end && a.start < d.mention.end) &&
        !(d.precision === 'country' && cues.organisation.test(text.slice(d.mention.end, d.mention.end + 40))),
    );
    focusCountry = geo.focusCountry;
    // A focus that rests only on demonyms ("Turkish forces shelled villages near Tal Tamr") is the attacker's
    // country, not where it happened: the most frequent country among the places themselves takes over.
    const named = decisions.filter((d) => d.mention.country && !d.reason.includes('demonym'));
    if (focusCountry && named.length && !named.some((d) => d.mention.country === focusCountry)) {
      const votes = new Map<string, number>();
      for (const d of named) votes.set(d.mention.country as string, (votes.get(d.mention.country as string) ?? 0) + 1);
      focusCountry = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? focusCountry;
    }
    const homes = new Set(namedActors.map((a) => a.entry.country).filter((c): c is string => c !== null));
    const rehomed = rehomePlaces(geoparser, decisions, homes);
    if (rehomed) {
      focusCountry = rehomed;
      trace?.push({ stage: 'places', reason: 'actor-home-country', detail: rehomed });
    }
    trace?.push({
      stage: 'places',
      reason: 'geoparser',
      detail: {
        focusCountry,
        places: geo.decisions.map((d) => ({
          text: d.mention.text,
          name: d.mention.name,
          country: d.mention.country,
          precision: d.precision,
          reason: d.reason,
        })),
      },
    });
  }
  // A mission whose mandate covers one country names where the report is, places or no places (see missions.ts).
  const mission = cues.missions(text);
  const missionCountry = missionFocus(mission, decisions);
  if (mission && missionCountry && missionCountry !== focusCountry) {
    focusCountry = missionCountry;
    trace?.push({
      stage: 'places',
      reason: 'mission-country',
      detail: { mission: mission.text, country: missionCountry },
    });
  }
  const filed = filedDate ? isoDay(filedDate) : null;
  const publishedInterval: EventDate | null = filed ? { start: filed, end: filed, precision: 'day' } : null;
  const events = assembleEvents(res, {
    text,
    language,
    datelineSpan: dateline?.span ?? null,
    sentences,
    dates: eventDates,
    decisions,
    focusCountry,
    published: publishedInterval,
    embeddedPosts,
    referenceDate,
    actors,
    trace,
  });
  const out: Extraction = {
    id: input.id,
    language,
    published,
    places: allPlaces.map((d) => d.mention),
    events,
  };
  if (trace) out.trace = trace;
  return out;
}

/**
 * When no place of the text lies in the home country of any actor it names and no country is named outright,
 * the geoparser has likely picked homonyms abroad ("Tripoli" for a Libyan front): each place is re-resolved to its
 * best gazetteer candidate in an actor's home country, when one exists. Returns the new focus country, or null.
 */
function rehomePlaces(geoparser: Geoparser, decisions: PlaceDecision[], homes: Set<string>): string | null {
  if (!homes.size || !decisions.length) return null;
  if (decisions.some((d) => (d.mention.country && homes.has(d.mention.country)) || d.precision === 'country'))
    return null;
  let moved: string | null = null;
  for (const d of decisions) {
    const candidate = geoparser
      .lookup(d.mention.text, 20)
      .filter(
        (c) =>
          c.country && homes.has(c.country) && c.kind !== 'country' && c.kind !== 'continent' && c.kind !== 'region',
      )
      .sort((a, b) => b.score - a.score)[0];
    if (!candidate) continue;
    Object.assign(d.mention, { ...placeFields(candidate), feature: candidate.feature });
    d.reason = `${d.reason};actor-home-country`;
    if (candidate.kind === 'admin1') d.precision = 'admin1';
    else if (candidate.kind === 'admin2') d.precision = 'admin2';
    moved ??= candidate.country;
  }
  return moved;
}

// The most frequent English function words. In English news prose they are ~25-30% of all words; in other
// languages written in Latin script (French, Spanish, Turkish, Indonesian…) well under 8%.
const ENGLISH_FUNCTION_WORDS = new Set(
  'the of and in to a was were on by with for at from that is are has have had been said as an it its their this which who after'.split(
    ' ',
  ),
);

/**
 * True when at least 12 words, almost all ASCII, are English function words in a share of 25% (under 20 words) or
 * 18%; or, under 20 words, all ASCII with a share of 15% and two English past or progressive forms ("abducted",
 * "reported", "shelling"): a dated ACLED-style note ("Around 3 August 2020 (as reported), unidentified gunmen
 * abducted dozens of civilians in Tillaberi") has few function words but its verbs say English.
 */
export function looksEnglish(sample: string): boolean {
  for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) >= 128) return looksEnglishWords(sample);
  return looksEnglishAscii(sample);
}

/**
 * looksEnglish on an all-ASCII sample (most English reports): the same counts from one pass over the char codes.
 * Words are the runs of ASCII letters (what the word expression finds in lower-cased ASCII), none is non-ASCII,
 * and only words of up to 5 letters (the longest function words: "which", "their", "after") are cut out and
 * lower-cased for the set. The general version's lower-cased copy, word array and two tests per word were ~1.5% of
 * the pipeline's CPU on the ACLED-style bench notes.
 */
function looksEnglishAscii(sample: string): boolean {
  let words = 0;
  let fn = 0;
  let inflected = 0;
  const n = sample.length;
  let i = 0;
  while (i < n) {
    if (!isAsciiLetter(sample.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isAsciiLetter(sample.charCodeAt(i))) i++;
    const len = i - start;
    words++;
    if (len <= 5 && ENGLISH_FUNCTION_WORDS.has(sample.slice(start, i).toLowerCase())) fn++;
    if (len >= 5) {
      const a = sample.charCodeAt(i - 3) | 32;
      const b = sample.charCodeAt(i - 2) | 32;
      const c = sample.charCodeAt(i - 1) | 32;
      // -ed or -ing (|32 lower-cases an ASCII letter)
      if ((b === 101 && c === 100) || (a === 105 && b === 110 && c === 103)) inflected++;
    }
  }
  return englishVerdict(words, fn, inflected, 0);
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** The rule over lower-cased words: every sample with a non-ASCII character, and the ASCII path's test oracle. */
export function looksEnglishWords(sample: string): boolean {
  const words = sample.toLowerCase().match(/[a-z\u00c0-\u024f\u0400-\u04ff\u0600-\u06ff]+/g);
  if (!words || words.length < 12) return false;
  let fn = 0;
  let nonAscii = 0;
  let inflected = 0;
  for (const w of words) {
    if (ENGLISH_FUNCTION_WORDS.has(w)) fn++;
    if (/[^a-z]/.test(w)) nonAscii++;
    else if (w.length >= 5 && /(?:ed|ing)$/.test(w)) inflected++;
  }
  return englishVerdict(words.length, fn, inflected, nonAscii);
}

/** The looksEnglish thresholds on a sample's counts of words, function words, -ed/-ing forms and non-ASCII words. */
function englishVerdict(words: number, fn: number, inflected: number, nonAscii: number): boolean {
  if (words < 12 || nonAscii / words >= 0.05) return false;
  // Short texts (ACLED-style notes of 12–19 words) need a higher share of function words: fastText on them cost 16%
  // of the pipeline's CPU, and on the dev sets it never said anything but English where this rule does.
  if (words < 20) return fn / words >= 0.25 || (nonAscii === 0 && fn / words >= 0.15 && inflected >= 2);
  return fn / words >= 0.18;
}
