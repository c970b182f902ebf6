/**
 * What clustering compares, computed once per event: day numbers of the date interval, place precision rank,
 * normalized actor names, type group, retaliation flag. Keeps the pairwise test cheap (200,000 events).
 */
import type { ExtractedEvent, Precision } from '../model/extraction.js';
import type { EventKey, IncidentEventInput, IncidentReport } from '../model/incident.js';
import { hasRetaliationCue, type IncidentLexicon, normalizeWords } from './lexicon.js';

export const PRECISION_RANK: Record<Precision, number> = { exact: 0, near: 1, admin2: 2, admin1: 3, country: 4 };
/** Rank of an event without a location: after every real precision. */
export const NO_PLACE_RANK = 5;

export interface ActorFeature {
  /** Normalized canonical name ('' when none). */
  name: string;
  category: string;
}

export interface EventFeature {
  key: EventKey;
  report: string;
  index: number;
  event: ExtractedEvent;
  /** Day numbers (days since 1970-01-01) of the date interval; null when the event cannot be dated. */
  start: number | null;
  end: number | null;
  /** 'year' precision and undated events never merge automatically: too vague to tell incidents apart. */
  dateUsable: boolean;
  precisionRank: number;
  lat: number | null;
  lon: number | null;
  country: string | null;
  admin1: string | null;
  admin2: string | null;
  /** actor1 and actor2 in their slots (undefined when absent or generic, e.g. "Unidentified Armed Group"). */
  actors: [ActorFeature | undefined, ActorFeature | undefined];
  /** How many specific actors the event names (0–2). */
  actorCount: number;
  /**
   * A mention of an older event as background ("the offensive began on 9 October"), dated more than
   * BACKGROUND_DAYS before the report: context, not a report of that event, so it never corroborates it.
   */
  background: boolean;
  retaliation: boolean;
  /** Published day of the report, for ordering sources. */
  published: number | null;
}

export function dayNumber(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(t) ? null : Math.floor(t / 86_400_000);
}

export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function eventKey(report: string, index: number): EventKey {
  return `${report}#${index}`;
}

/**
 * Names compared across reports (admin areas, actors): lower case, diacritics folded ("Al Ḩasakah" = "Al-Hasakah"),
 * punctuation to spaces, and the Arabic article's spellings made one ("al", "el", "ad", "ar", … → "al").
 */
function norm(text: string | null | undefined): string | null {
  if (!text) return null;
  const n = normalizeWords(text.normalize('NFD').replace(/\p{M}+/gu, ''))
    .replace(/\b(?:el|ad|ar|as|at|az|ash|adh|an)\b/g, 'al')
    .replace(/[’'ʿʾ]/g, '');
  return n || null;
}

/**
 * Undated events take the report's publication day minus 2 days to that day: news of an undated attack is
 * almost always about the last two days (the same window the coder uses for "recently").
 */
const UNDATED_LOOKBACK_DAYS = 2;

/**
 * Events dated more than this before their report's publication are background. News of an incident comes within
 * days; a mention 10+ days later is context ("since the offensive began on 9 October") that many unrelated
 * articles repeat, and merging it would make those articles one incident and count them as corroboration.
 */
export const BACKGROUND_DAYS = 10;

/**
 * Words that say what kind of area a name is: "Kharkiv Oblast", "Kharkivs'ka oblast'" and "Kharkiv" name one
 * admin1, "Idlib Governorate" and "Idlib" another. Dropped before admin names are compared.
 */
const ADMIN_WORDS =
  /\b(?:oblast|oblasts|governorate|muhafazat|province|state|region|district|county|prefecture|department|territory|krai|kray|raion|rayon|municipality|city|wilayah|wilaya|vilayet|ili|ostan)\b/g;

function adminName(text: string | null | undefined): string | null {
  const n = norm(text);
  if (!n) return null;
  const stripped = n.replace(ADMIN_WORDS, ' ').replace(/\s+/g, ' ').trim();
  return stripped || n;
}

/** Reason codes of a date the coder took from the publication day because the text gave none. */
const PUBLISHED_DEFAULT = /^published-(default|fallback)$/;

/** Placeholder actors the coder gives when it cannot name one ("Unidentified Armed Group (Syria)"): unknown. */
const GENERIC_ACTOR = /^unidentified\b|^unknown\b/i;

export function eventFeature(
  input: IncidentEventInput,
  report: IncidentReport | undefined,
  lexicon: IncidentLexicon,
): EventFeature {
  const e = input.event;
  const published = dayNumber(report?.published ?? null);
  let start = dayNumber(e.date?.start);
  let end = dayNumber(e.date?.end ?? e.date?.start);
  let dateUsable = start !== null && end !== null && e.date?.precision !== 'year';
  if (!e.date && published !== null) {
    start = published - UNDATED_LOOKBACK_DAYS;
    end = published;
    dateUsable = true;
  } else if (end !== null && e.reasons?.some((r) => r.field === 'date' && PUBLISHED_DEFAULT.test(r.reason))) {
    // The coder found no date and fell back to the publication day: the event is that day or shortly before.
    start = Math.min(start ?? end, end - UNDATED_LOOKBACK_DAYS);
  }
  if (start !== null && end !== null && end < start) [start, end] = [end, start];
  const loc = e.location;
  const actor = (a: ExtractedEvent['actor1']): ActorFeature | undefined =>
    a && !GENERIC_ACTOR.test(a.name) ? { name: norm(a.name) ?? '', category: a.category } : undefined;
  const actors: [ActorFeature | undefined, ActorFeature | undefined] = [actor(e.actor1), actor(e.actor2)];
  const background =
    published !== null && end !== null && e.date?.precision !== undefined && end < published - BACKGROUND_DAYS;
  const evidenceText = e.evidence.map((x) => x.text).join(' ');
  return {
    key: eventKey(input.report, input.index),
    report: input.report,
    index: input.index,
    event: e,
    start,
    end,
    dateUsable,
    precisionRank: loc ? PRECISION_RANK[loc.precision] : NO_PLACE_RANK,
    lat: loc && Number.isFinite(loc.lat) ? loc.lat : null,
    lon: loc && Number.isFinite(loc.lon) ? loc.lon : null,
    country: loc?.country ? loc.country.toUpperCase() : null,
    admin1: adminName(loc?.admin1),
    admin2: adminName(loc?.admin2),
    actors,
    actorCount: (actors[0] ? 1 : 0) + (actors[1] ? 1 : 0),
    background,
    retaliation: hasRetaliationCue(evidenceText, lexicon),
    published,
  };
}

/**
 * The canonical processing order: finest place first, then narrowest date, earliest date, and the key. Seeding
 * incidents with precise events lets vaguer ones attach to them; sorting by key makes the result independent of
 * input order.
 */
export function compareCanonical(a: EventFeature, b: EventFeature): number {
  if (a.precisionRank !== b.precisionRank) return a.precisionRank - b.precisionRank;
  const wa = a.start === null || a.end === null ? Number.MAX_SAFE_INTEGER : a.end - a.start;
  const wb = b.start === null || b.end === null ? Number.MAX_SAFE_INTEGER : b.end - b.start;
  if (wa !== wb) return wa - wb;
  const sa = a.start ?? Number.MAX_SAFE_INTEGER;
  const sb = b.start ?? Number.MAX_SAFE_INTEGER;
  if (sa !== sb) return sa - sb;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
