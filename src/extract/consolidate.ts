/**
 * Document-level consolidation of one report's events, after sentence-level assembly. A coder reading a whole
 * article codes one event per distinct (type, actors, place, date): repeated mentions of the lead event become one
 * event with several evidence spans, background history is not a new event, and a capital named as a government
 * ("allowed Damascus to send troops", "since Ankara launched") is not where anything happened.
 *
 * Rules, each with the reason code written to the trace (stage `consolidate`):
 * - `count-from-other-event`: a count whose span lies in another event's evidence and not in this event's own is
 *   removed (assembly attaches nearby counts to later clauses; a casualty figure belongs to its own sentence).
 * - `background-date`: an event dated more than 3 days before the main event (the one with the highest
 *   confidence) — the held-out scorer's own tolerance — is background.
 * - `background-coarse-date`: a month/year-precision event beside a day-precision main event ("this month",
 *   "in 2015") summarises history.
 * - `background-cue` / `habitual-cue`: the event's trigger sentence carries a cue of data/lexicons/consolidation.txt.
 * - `capital-metonym`: the event's place is a capital used as a government metonym.
 * - `merged`: an event compatible with a stronger one (same event type, actors that overlap, dates within a day,
 *   places that agree or where one is weak: a dateline, a coarse admin area, a place not named in its sentence)
 *   becomes part of it; the stronger event keeps its fields and confidence, and takes the member's place when its
 *   own is weak and the member's is named in its sentence.
 * - `low-confidence`: an event other than the main one, left with a confidence under 0.5, is dropped.
 * The main event is never dropped and its confidence never lowered (single-event notes are scored on it).
 */
import path from 'node:path';
import { parseDateline } from '../ingest/dateline.js';
import type {
  CountRange,
  EventLocation,
  ExtractedEvent,
  Extraction,
  FieldReason,
  PlaceMention,
  Precision,
  TraceEntry,
} from '../model/extraction.js';
import type { Dateline, Span } from '../model/report.js';
import { type LexiconRow, readLexiconFile } from './lexicon-file.js';
import { isPlacePairPart, locationOf } from './place-fields.js';

export interface ConsolidationCues {
  background: RegExp;
  habitual: RegExp;
  metonymAfter: RegExp;
  metonymBefore: RegExp;
  locativeBefore: RegExp;
  sourcePlaceBefore: RegExp;
  anaphor: RegExp;
  outcome: RegExp;
  newEvent: RegExp;
  summaryHeading: RegExp;
  anaphoricSentence: RegExp;
  determiner: RegExp;
}

/** What consolidation needs of the input beyond the extraction: the text and, when known, the dateline. */
export interface ConsolidationInput {
  text: string;
  published?: string | null;
  dateline?: Dateline | null;
}

const CLASSES = [
  'background',
  'habitual',
  'metonym-after',
  'metonym-before',
  'locative-before',
  'source-place-before',
  'anaphor-before',
  'outcome-trigger',
  'new-event',
  'anaphoric-sentence',
  'determiner-before',
  'summary-heading',
] as const;

/** Compiles the rows of data/lexicons/consolidation.txt (`class | regex`); throws naming the row when bad. */
export function compileConsolidationCues(rows: LexiconRow[]): ConsolidationCues {
  const parts = new Map<string, string[]>(CLASSES.map((c) => [c, []]));
  for (const row of rows) {
    const [cls = '', pattern = ''] = row.fields;
    const list = parts.get(cls);
    if (!list) throw new Error(`${row.file}:${row.line}: unknown class '${cls}' (expected ${CLASSES.join(', ')})`);
    try {
      new RegExp(pattern, 'i');
    } catch (error) {
      throw new Error(`${row.file}:${row.line}: bad regular expression: ${(error as Error).message}`);
    }
    list.push(pattern);
  }
  for (const [cls, list] of parts) if (!list.length) throw new Error(`consolidation cues: no '${cls}' row`);
  const alt = (cls: string) => (parts.get(cls) as string[]).map((p) => `(?:${p})`).join('|');
  return {
    background: new RegExp(`\\b(?:${alt('background')})\\b`, 'i'),
    habitual: new RegExp(`\\b(?:${alt('habitual')})\\b`, 'i'),
    // Anchored at the start of the text after the capital / at the end of the text before it.
    metonymAfter: new RegExp(`^\\s*(?:${alt('metonym-after')})\\b`, 'i'),
    metonymBefore: new RegExp(`\\b(?:${alt('metonym-before')})$`, 'i'),
    locativeBefore: new RegExp(`\\b(?:${alt('locative-before')})$`, 'i'),
    sourcePlaceBefore: new RegExp(`\\b(?:${alt('source-place-before')})$`, 'i'),
    anaphor: new RegExp(`\\b(?:${alt('anaphor-before')})$`, 'i'),
    outcome: new RegExp(`^(?:${alt('outcome-trigger')})$`, 'i'),
    newEvent: new RegExp(`\\b(?:${alt('new-event')})\\b`, 'i'),
    // At a line start, alone on its line or before a colon or dash: "Summary: …", "KEY POINTS", "Highlights —".
    summaryHeading: new RegExp(`^[ \\t]*(?:${alt('summary-heading')})[ \\t]*(?:[:\\-–—][ \\t]*|(?=\\r?\\n))`, 'gim'),
    anaphoricSentence: new RegExp(`^\\s*(?:${alt('anaphoric-sentence')})`, 'i'),
    determiner: new RegExp(`\\b(?:${alt('determiner-before')})$`, 'i'),
  };
}

export type Consolidator = (extraction: Extraction, input: ConsolidationInput) => Extraction;

/** Loads data/lexicons/consolidation.txt once and returns the consolidation function. */
export function createConsolidator(dataDir: string): Consolidator {
  const cues = compileConsolidationCues(readLexiconFile(path.join(dataDir, 'lexicons/consolidation.txt'), 2));
  return (extraction, input) => consolidateExtraction(extraction, input, cues);
}

/** The extraction with its events consolidated (a new object; the input is not changed). */
export function consolidateExtraction(
  extraction: Extraction,
  input: ConsolidationInput,
  cues: ConsolidationCues,
): Extraction {
  if (!extraction.events.length) return extraction;
  const dateline =
    input.dateline !== undefined
      ? input.dateline
      : parseDateline(input.text, { published: input.published ?? extraction.published });
  const trace = extraction.trace ?? null;
  const events = consolidateEvents(extraction.events, {
    text: input.text,
    places: extraction.places,
    dateline: dateline?.span ?? null,
    cues,
    trace,
  });
  return { ...extraction, events };
}

interface Context {
  text: string;
  places: PlaceMention[];
  /** The dateline's span: a place inside it is where the reporter files from, not where the event happened. */
  dateline: Span | null;
  cues: ConsolidationCues;
  trace: TraceEntry[] | null;
}

const COUNT_FIELDS = [
  ['fatalities', 'fatalities'],
  ['injured', 'injured'],
  ['captured', 'captured'],
] as const;
const PRECISION_RANK = { exact: 0, near: 1, admin2: 2, admin1: 3, country: 4 } as const;
const DAY_MS = 864e5;
/** The held-out scorer's own date tolerance; a report's background lies weeks or years back. */
const BACKGROUND_DAYS = 3;

/**
 * Days since the epoch of an ISO date. Remembered: consolidation compares the same few dates many times and
 * Date.parse was 0.45% of extract CPU. Cleared past 10,000 dates (a server's long run reads few distinct days).
 */
const days = new Map<string, number>();
const day = (iso: string): number => {
  let d = days.get(iso);
  if (d === undefined) {
    if (days.size >= 10_000) days.clear();
    d = Date.parse(iso.slice(0, 10)) / DAY_MS;
    days.set(iso, d);
  }
  return d;
};
const inside = (s: Span, outer: Span) => s.start >= outer.start && s.end <= outer.end;

/** Consolidates the events of one report (see the module comment for the rules). */
export function consolidateEvents(events: ExtractedEvent[], ctx: Context): ExtractedEvent[] {
  if (!events.length) return events;
  const log = (reason: string, e: ExtractedEvent, detail?: unknown) =>
    ctx.trace?.push({ stage: 'consolidate', reason, span: e.evidence[0] ?? null, detail });
  // Copies, so that the caller's objects stay as assembly made them.
  let work = events.map((e) => ({ ...e, evidence: [...e.evidence], reasons: [...(e.reasons ?? [])] }));

  // 0. A summary at the top ("Summary: …", "KEY POINTS" and its bullets) retells the body's events in brief: an event
  // told only there gives way to the body's event of its sub-type nearby, which has the details (place, counts).
  const summaries = summaryBlocks(ctx.text, ctx.cues.summaryHeading);
  if (summaries.length) {
    const inSummary = (e: ExtractedEvent) =>
      e.evidence.length > 0 && e.evidence.every((ev) => summaries.some((b) => inside(ev, b)));
    const body = work.filter((e) => !inSummary(e));
    // The same sub-type in the same country, and near when both are placed finer than a region: "a drone attack on
    // Belgorod region" in the summary is not the Kharkiv shelling the body tells.
    const twin = (e: ExtractedEvent, b: ExtractedEvent) =>
      b.sub_event_type === e.sub_event_type &&
      sameCountry(b.location, e.location) &&
      (!e.location || !b.location || km(e.location, b.location) <= SUMMARY_TWIN_KM);
    work = work.filter((e) => {
      if (!inSummary(e) || !body.some((b) => twin(e, b))) return true;
      log('summary-retold', e);
      return false;
    });
  }

  // 1. Counts belong to the sentence that states them.
  for (const e of work) {
    for (const [field, reasonField] of COUNT_FIELDS) {
      if (!e[field]) continue;
      const span = e.reasons.find((r) => r.field === reasonField)?.span;
      if (!span || e.evidence.some((ev) => inside(span, ev))) continue;
      if (work.some((o) => o !== e && o.evidence.some((ev) => inside(span, ev)))) {
        e[field] = null;
        e.reasons = e.reasons.filter((r) => r.field !== reasonField);
        log('count-from-other-event', e, { field });
      }
    }
  }

  // 2. The main event: the highest confidence, the earliest on ties (assembly ranks the lead highest).
  let main = work[0] as (typeof work)[number];
  for (const e of work) if (e.confidence > main.confidence) main = e;
  // A sentence that refers back to people already introduced ("The soldiers were detained … during fighting") about
  // an earlier day is not the report's news when a later event stated outright scores almost as high (within 0.05,
  // the weight of two supported fields): that one is the main event. Only for earlier days: on the same day the
  // switch cost 0.2 points of CASE sub-type accuracy (short snippets whose back-reference is the event).
  const mainDay = main.date ? day(main.date.end) : null;
  if (mainDay !== null && anaphoric(main, ctx)) {
    const outright = work.filter(
      (e) =>
        e !== main &&
        !anaphoric(e, ctx) &&
        e.confidence >= main.confidence - 0.05 &&
        e.date !== null &&
        day(e.date.start) > mainDay,
    );
    outright.sort((a, b) => b.confidence - a.confidence);
    if (outright[0]) main = outright[0];
  }

  // 3. Background and metonyms.
  const kept = work.filter((e) => {
    if (e === main) return true;
    const why = backgroundReason(e, main, ctx);
    if (why) log(why, e);
    return !why;
  });

  // 4. Repeated mentions: strongest first, each event joins the first compatible stronger event.
  const order = [...kept].sort((a, b) => b.confidence - a.confidence || work.indexOf(a) - work.indexOf(b));
  const heads: typeof work = [];
  for (const e of order) {
    let head = heads.find((h) => compatible(h, e, ctx));
    if (!head && e !== main && elaboration(e, ctx)) {
      // An elaboration belongs to an event already stated with the same certainty: one of its type in its country,
      // else the main event. A claim of another certainty ("activists claimed prisoners were executed", denied,
      // unconfirmed) is a claim of its own and stays.
      const same = heads.filter((h) => h.certainty === e.certainty);
      head =
        same.find((h) => h.event_type === e.event_type && sameCountry(h.location, e.location)) ??
        (same.includes(main) ? main : undefined);
      if (!head && e.certainty === main.certainty) {
        log('unanchored', e);
        continue;
      }
    }
    if (!head && e !== main && anaphoric(e, ctx) && !(doubted(e) && e.certainty !== main.certainty)) {
      // "The soldiers were detained on Tuesday" in a report about their hand-over: a back-reference to an event
      // this report does not itself report is context (it was coded from the reports that did).
      log('back-reference', e);
      continue;
    }
    if (!head) {
      heads.push(e);
      continue;
    }
    merge(head, e, ctx);
    log('merged', e, { into: head.evidence[0] ? { start: head.evidence[0].start, end: head.evidence[0].end } : null });
  }
  // 4b. Fire that names neither who fired nor whom it hit, at the place and on the day of an armed clash the report
  // tells, is that battle's ("shells fired from the hills fell near the market" in a report of the fight for the
  // town): ACLED codes the one armed clash. Fire with a named side or victims stays its own event.
  for (const e of [...heads]) {
    if (e === main || e.event_type !== 'Explosions/Remote violence' || e.actor1 || e.actor2 || !e.location) continue;
    // "In a separate incident, …" says it is another event.
    if (e.evidence.some((ev) => ctx.cues.newEvent.test(ev.text))) continue;
    const battle = heads.find(
      (h) => h !== e && h.sub_event_type === 'Armed clash' && samePlace(h, e, ctx) && sameDates(h, e),
    );
    if (!battle) continue;
    merge(battle, e, ctx);
    heads.splice(heads.indexOf(e), 1);
    log('fire-of-the-clash', e);
  }
  // 5. What is left of an event other than the main one below the confidence floor is more likely wrong than right.
  const out = work.filter((e) => {
    if (!heads.includes(e)) return false;
    if (e === main || e.confidence >= MIN_SECONDARY_CONFIDENCE) return true;
    log('low-confidence', e);
    return false;
  });
  for (const e of out) refineLocation(e, ctx, log);
  return out;
}

/** How far a summary's event may be placed from the body's telling of it (a region's centre and a town in it). */
const SUMMARY_TWIN_KM = 150;

/** The summary blocks of a text: each from its heading to the next blank line. */
function summaryBlocks(text: string, heading: RegExp): Span[] {
  const blocks: Span[] = [];
  heading.lastIndex = 0;
  for (let m = heading.exec(text); m; m = heading.exec(text)) {
    const blank = /\r?\n[ \t]*\r?\n/g;
    blank.lastIndex = m.index + m[0].length;
    const end = blank.exec(text)?.index ?? text.length;
    blocks.push({ start: m.index, end });
    heading.lastIndex = Math.max(heading.lastIndex, end);
  }
  return blocks;
}

/**
 * Events besides the main one need at least this confidence. Below it, on our sample articles and the LGL/GeoVirus
 * news, they are mostly readings of background words ("left him with severe injuries" as an attack, rifles
 * "confiscated" as looting): sample articles event precision 71.2 → 74.3, recall unchanged; the ACLED and CASE
 * dev sets (one event each) unchanged.
 */
const MIN_SECONDARY_CONFIDENCE = 0.5;

const FEATURE_PRECISION = (feature: string): Precision =>
  feature.startsWith('PCL') ? 'country' : feature === 'ADM1' ? 'admin1' : feature === 'ADM2' ? 'admin2' : 'exact';

/**
 * An event placed only at its dateline city, a source's town or a whole country takes the first finer place named
 * in its own evidence ("BIRNIN KEBBI – Gunmen stormed a school in Danko-Wasagu": Danko-Wasagu).
 */
function refineLocation(
  e: ExtractedEvent & { reasons: FieldReason[] },
  ctx: Context,
  log: (reason: string, e: ExtractedEvent, detail?: unknown) => void,
): void {
  const current = locationMention(e, ctx);
  const weakMention = current !== null && (inDateline(current, ctx) || sourcePlace(current, ctx));
  if (e.location && e.location.precision !== 'country' && !weakMention) return;
  const rank = (p: Precision) => PRECISION_RANK[p];
  const limit = e.location ? rank(e.location.precision) : rank('country') + 1;
  for (const ev of e.evidence) {
    const candidate = ctx.places.find(
      (m) =>
        inside(m, ev) &&
        m !== current &&
        rank(FEATURE_PRECISION(m.feature)) < (weakMention ? rank('country') : limit) &&
        (!e.location?.country || !m.country || m.country === e.location.country) &&
        !inDateline(m, ctx) &&
        !sourcePlace(m, ctx) &&
        !(m.feature === 'PPLC' && metonymContext(m, ctx)),
    );
    if (!candidate) continue;
    e.location = locationOf(candidate, FEATURE_PRECISION(candidate.feature));
    e.reasons = e.reasons.filter((r) => r.field !== 'location');
    e.reasons.push({
      field: 'location',
      reason: 'refined-location',
      span: { start: candidate.start, end: candidate.end },
    });
    log('refined-location', e, { place: candidate.text });
    return;
  }
}

function backgroundReason(e: ExtractedEvent, main: ExtractedEvent, ctx: Context): string | null {
  if (e.date && main.date && day(e.date.end) < day(main.date.start) - BACKGROUND_DAYS) return 'background-date';
  if (
    e.date &&
    main.date?.precision === 'day' &&
    (e.date.precision === 'month' || e.date.precision === 'year') &&
    !(day(e.date.start) <= day(main.date.start) && day(main.date.start) <= day(e.date.end) && sameSentence(e, main))
  )
    return 'background-coarse-date';
  const first = e.evidence[0];
  if (first && !sharesEvidence(e, main)) {
    if (ctx.cues.background.test(first.text)) return 'background-cue';
    if (ctx.cues.habitual.test(first.text)) return 'habitual-cue';
  }
  if (isCapitalMetonym(e, ctx)) return 'capital-metonym';
  return null;
}

/**
 * A separate event is introduced with its own place or time ("in Kanyabayonga", "on Sunday") or a separation cue
 * ("in a separate incident"); a sentence with neither elaborates on an event already stated.
 */
function elaboration(e: ExtractedEvent, ctx: Context): boolean {
  const first = e.evidence[0];
  return !ownSpan(e, 'location', ctx) && !ownSpan(e, 'date', ctx) && !(first && ctx.cues.newEvent.test(first.text));
}

/**
 * True when the field's reason span lies in the event's own sentence: in its evidence, or in the same sentence
 * before its clause (two events in one sentence share "on Tuesday"), not inherited from another sentence.
 */
function ownSpan(e: ExtractedEvent, field: string, ctx: Context): boolean {
  return (e.reasons ?? []).some((r) => {
    const span = r.span;
    if (r.field !== field || !span) return false;
    return e.evidence.some((ev) => {
      if (inside(span, ev)) return true;
      const [from, to] = span.end <= ev.start ? [span.end, ev.start] : [ev.end, span.start];
      return to - from < 300 && to >= from && !/[.!?]["'”’)]?\s/.test(ctx.text.slice(from, to));
    });
  });
}

const sameSentence = (a: ExtractedEvent, b: ExtractedEvent) =>
  a.evidence.some((x) => b.evidence.some((y) => x.start < y.end && y.start < x.end));
const sharesEvidence = sameSentence;

/** The place mention the event's location rests on (its `location` reason span), when there is one. */
function locationMention(e: ExtractedEvent, ctx: Context): PlaceMention | null {
  const span = e.reasons?.find((r) => r.field === 'location')?.span;
  if (!span) return null;
  return ctx.places.find((p) => p.start === span.start && p.end === span.end) ?? null;
}

/** "allowed Damascus to send troops", "since Ankara launched", "talks with Moscow": a government, not a place. */
function isCapitalMetonym(e: ExtractedEvent, ctx: Context): boolean {
  const m = locationMention(e, ctx);
  return m?.feature === 'PPLC' && metonymContext(m, ctx);
}

function metonymContext(m: Span, ctx: Context): boolean {
  const before = ctx.text.slice(Math.max(0, m.start - 30), m.start);
  if (ctx.cues.locativeBefore.test(before)) return false;
  const after = ctx.text.slice(m.end, m.end + 40);
  return ctx.cues.metonymAfter.test(after) || ctx.cues.metonymBefore.test(before);
}

const inDateline = (m: Span, ctx: Context) => ctx.dateline !== null && inside(m, ctx.dateline);
/** "a military source in Al-Hasakah said": where the source speaks from, not where the event happened. */
const sourcePlace = (m: Span, ctx: Context) =>
  ctx.cues.sourcePlaceBefore.test(ctx.text.slice(Math.max(0, m.start - 40), m.start));

/**
 * A weak location: none, a coarse area (admin1 or wider), a place not named in the event's own sentence (assembly
 * fell back to an earlier place), or the dateline's place.
 */
function weakLocation(e: ExtractedEvent, ctx: Context): boolean {
  const loc = e.location;
  if (!loc) return true;
  if (PRECISION_RANK[loc.precision] >= PRECISION_RANK.admin1) return true;
  const m = locationMention(e, ctx);
  return !m || inDateline(m, ctx) || sourcePlace(m, ctx);
}

function km(a: EventLocation, b: EventLocation): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Two places a coder would read as one: the same place, or a weak one in the same country as the other. */
function samePlace(a: ExtractedEvent, b: ExtractedEvent, ctx: Context): boolean {
  const la = a.location;
  const lb = b.location;
  // A country-wide location says no more than "somewhere in the report's war".
  if (!la || !lb || la.precision === 'country' || lb.precision === 'country') return true;
  if (la.geonameid !== null && la.geonameid === lb.geonameid) return true;
  if (la.name === lb.name && la.country === lb.country) return true;
  const countries = !la.country || !lb.country || la.country === lb.country;
  if (weakLocation(a, ctx) || weakLocation(b, ctx)) return countries;
  // Two places named in their own sentences: one event only when they are the same spot (a village and the town
  // it is "near"); a report naming three front lines yields three events.
  // Two towns each named outright ("in Khartoum" … "in Omdurman") are two places however close; a place said to be
  // "near" the other is the same spot.
  const d = km(la, lb);
  // "the Saltivskyi district" 5 km from Kharkiv's centre: a section of the city another sentence names, as ACLED
  // codes it (at the city); two towns named outright stay two places.
  const section = (e: ExtractedEvent) => {
    const m = locationMention(e, ctx);
    return m !== null && CITY_SECTION.test(ctx.text.slice(m.start, m.end + 20));
  };
  return (
    countries &&
    (d <= 3 || (d <= 15 && (la.precision === 'near' || lb.precision === 'near' || section(a) || section(b))))
  );
}

/**
 * A place whose mention ends with, or is followed by, one of these words is a section of a city ("the Saltivskyi
 * district", "Karrada quarter"); not "the X district of Y", which the geoparser already reads as Y.
 */
const CITY_SECTION = /^[^\s,.;:]+(?:\s+[^\s,.;:]+)?\s+(?:district|neighbou?rhood|quarter)\b(?!\s+of\b)/i;

/**
 * Actors that do not contradict: one side unnamed, or a name or an ACLED category in common (sides may be
 * swapped). Categories, because one report names one army two ways ("the Congolese army", "FARDC") and a vague
 * subject ("fighters") resolves to an unidentified group.
 */
function sameActors(a: ExtractedEvent, b: ExtractedEvent): boolean {
  const sides = (e: ExtractedEvent) => [e.actor1, e.actor2].filter((x) => x !== null);
  const sa = sides(a);
  const sb = sides(b);
  if (sa.length < 2 || sb.length < 2) return true;
  return sa.some((x) => sb.some((y) => x.name === y.name || x.category === y.category));
}

/** Sub-types that name different events even at one place and time: weapons, protest forms, developments. */
const SUBTYPES_MAY_DIFFER = new Set(['Battles', 'Violence against civilians']);

/**
 * A mention that refers back to an event rather than stating a new one: its trigger is a definite noun phrase
 * ("the attack", "the strike", "this assault") or a bare outcome ("were wounded", "was killed").
 */
function backReference(e: ExtractedEvent, ctx: Context): boolean {
  return outcomeOnly(e, ctx) || anaphoric(e, ctx);
}

/** The trigger only states an outcome ("were wounded", "was killed"). */
function outcomeOnly(e: ExtractedEvent, ctx: Context): boolean {
  const span = e.reasons?.find((r) => r.field === 'event_type')?.span;
  return !!span && ctx.cues.outcome.test(ctx.text.slice(span.start, span.end));
}

/** The trigger is a noun after a determiner ("the clashes", "this attack"): it names an event already stated. */
function definite(e: ExtractedEvent, ctx: Context): boolean {
  const span = e.reasons?.find((r) => r.field === 'event_type')?.span;
  return !!span && ctx.cues.determiner.test(ctx.text.slice(Math.max(0, span.start - 30), span.start));
}

const doubted = (x: ExtractedEvent) => x.certainty === 'unconfirmed' || x.certainty === 'denied';

/**
 * The trigger follows a definite noun phrase ("claimed the attack"), or the sentence opens with a definite subject
 * in the passive ("The soldiers were detained … during fighting"): people or things already introduced.
 */
function anaphoric(e: ExtractedEvent, ctx: Context): boolean {
  const span = e.reasons?.find((r) => r.field === 'event_type')?.span;
  if (span && ctx.cues.anaphor.test(ctx.text.slice(Math.max(0, span.start - 30), span.start))) return true;
  const first = e.evidence[0];
  return !!first && ctx.cues.anaphoricSentence.test(first.text);
}

function sameDates(a: ExtractedEvent, b: ExtractedEvent): boolean {
  if (!a.date || !b.date) return true;
  return day(a.date.start) - 1 <= day(b.date.end) && day(b.date.start) - 1 <= day(a.date.end);
}

function compatible(head: ExtractedEvent, e: ExtractedEvent, ctx: Context): boolean {
  if ((head.embeddedPost ?? null) !== (e.embeddedPost ?? null) || !sameDates(head, e)) return false;
  // One sentence's list of places ("in Khartoum, Omdurman and Port Sudan") was split on purpose: one event each.
  if (listSibling(head, e) || listSibling(e, head)) return false;
  // "… in Omdurman, where …, and in Bahri, where …": each place of such a sentence is told as its own event.
  if (isPlacePairPart(head) || isPlacePairPart(e)) return false;
  // An unconfirmed or denied account beside a reported one is a claim of its own ("activists claimed prisoners
  // were executed, but reports … remain unconfirmed"); reported and claimed mentions of one event do merge, and
  // so do a doubted casualty figure ("a source said two soldiers were wounded; this could not be verified") and a
  // doubted mention by a definite noun ("the clashes centred on …").
  // Only for violence against civilians: atrocity claims are what reports contest (issue 5's Contested grade); a
  // doubted figure in a battle report ("18 captured, which could not be verified") is the same battle.
  if (
    e.event_type === 'Violence against civilians' &&
    head.certainty !== e.certainty &&
    (doubted(head) || doubted(e)) &&
    // Two doubted accounts (activists' unverified figures, the accused's denial) are one contested event.
    !(doubted(head) && doubted(e)) &&
    !outcomeOnly(e, ctx) &&
    !definite(e, ctx)
  )
    return false;
  // A back-reference names the event it refers to: its own actors and place are those of the referent, read
  // from a sentence about something else ("ISWAP, active south of the road, claimed the attack").
  if (backReference(e, ctx)) return sameCountry(head.location, e.location);
  return sameKindAs(head, e) && sameActors(head, e) && samePlace(head, e, ctx);
}

/** An event split off a list of places is complete: it joins no other event at another place. */
const listSibling = (a: ExtractedEvent, b: ExtractedEvent) =>
  a.reasons?.some((r) => r.reason === 'coordinated-place') === true && a.location?.name !== b.location?.name;

const sameKindAs = (head: ExtractedEvent, e: ExtractedEvent) =>
  head.event_type === e.event_type &&
  (head.sub_event_type === e.sub_event_type || SUBTYPES_MAY_DIFFER.has(head.event_type));

const sameCountry = (a: EventLocation | null, b: EventLocation | null) =>
  !a?.country || !b?.country || a.country === b.country;

/** `e` becomes part of `head`: its evidence joins, and it fills what the head lacks. */
function merge(head: ExtractedEvent & { reasons: FieldReason[] }, e: ExtractedEvent, ctx: Context): void {
  for (const ev of e.evidence) if (!head.evidence.some((h) => h.start === ev.start)) head.evidence.push(ev);
  head.evidence.sort((x, y) => x.start - y.start);
  const eReasons = e.reasons ?? [];
  if (e.location && weakLocation(head, ctx) && !weakLocation(e, ctx)) {
    head.location = e.location;
    head.reasons = head.reasons.filter((r) => r.field !== 'location');
    const r = eReasons.find((x) => x.field === 'location');
    head.reasons.push({ field: 'location', reason: `merged:${r?.reason ?? 'member'}`, span: r?.span ?? null });
  }
  for (const [field, reasonField] of COUNT_FIELDS) {
    const count: CountRange | null = e[field];
    if (head[field] || !count) continue;
    head[field] = count;
    const r = eReasons.find((x) => x.field === reasonField);
    head.reasons.push({ field: reasonField, reason: `merged:${r?.reason ?? 'member'}`, span: r?.span ?? null });
  }
  // Only a restatement of the same kind of event may name the head's missing second actor; an elaboration or a
  // back-reference reads its actors from a sentence about something else (measured: ACLED actors -0.1 point).
  if (sameKindAs(head, e) && !backReference(e, ctx) && !head.actor2 && e.actor2 && e.actor2.name !== head.actor1?.name)
    head.actor2 = e.actor2;
}
