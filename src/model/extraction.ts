/**
 * What `extract` produces for one report. The JSON shape printed by `sitrep extract` is defined in
 * `../shared/eval/README.md`; these types are that shape (snake_case keys are kept where the output format uses them).
 */
import type { Span } from './report.js';

export type Precision = 'exact' | 'near' | 'admin2' | 'admin1' | 'country';
export type DatePrecision = 'day' | 'week' | 'month' | 'year';
export type Certainty = 'reported' | 'claimed' | 'unconfirmed' | 'denied';

export type ActorCategory =
  | 'State forces'
  | 'Rebel group'
  | 'Political militia'
  | 'Identity militia'
  | 'Rioters'
  | 'Protesters'
  | 'Civilians'
  | 'External/Other forces';

export const ACTOR_CATEGORIES: readonly ActorCategory[] = [
  'State forces',
  'Rebel group',
  'Political militia',
  'Identity militia',
  'Rioters',
  'Protesters',
  'Civilians',
  'External/Other forces',
];

/** ACLED event types and their sub-event types, spelled exactly as ACLED does. */
export const ACLED_TYPES = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': [
    'Chemical weapon',
    'Air/drone strike',
    'Suicide bomb',
    'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED',
    'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
} as const;

export type EventType = keyof typeof ACLED_TYPES;
export type SubEventType = (typeof ACLED_TYPES)[EventType][number];

/** A toponym mention in a text, resolved against the gazetteer. */
/** Where a gazetteer entry is: the fields a place mention, a candidate and an event location share. */
export interface GazetteerPlace {
  name: string;
  lat: number;
  lon: number;
  country: string | null;
  admin1: string | null;
  admin2: string | null;
  geonameid: number | null;
}

export interface PlaceMention extends GazetteerPlace {
  start: number;
  end: number;
  /** = text.slice(start, end) */
  text: string;
  /** GeoNames feature code (PPL, PPLA, ADM1, PCLI, CONT, …). */
  feature: string;
  score: number;
}

/** Extra, non-output detail about a place decision (shown by --trace and stored for the reader). */
export interface PlaceDecision {
  mention: PlaceMention;
  precision: Precision;
  reason: string;
  candidates?: {
    name: string;
    country: string | null;
    admin1: string | null;
    score: number;
    geonameid: number | null;
  }[];
  /**
   * Set when the text uses the place for something other than where things happen (absent otherwise):
   * `attribute` — a country or demonym describing an actor ("Turkish-backed factions", "Turkish artillery");
   * `venue` — a place that speaks or acts as a party, or where talks/agreements were made ("Ankara said",
   * "Turkey launched its offensive", "the Sochi agreement", "agreed in Sochi"). Still a place mention; an event's
   * location should prefer other places.
   */
  role?: 'attribute' | 'venue';
}

export interface EventActor {
  name: string;
  category: ActorCategory;
  /** The words in the text that named the actor. */
  text: string;
}

export interface EventDate {
  start: string;
  end: string;
  precision: DatePrecision;
}

export interface EventLocation extends GazetteerPlace {
  precision: Precision;
}

/** A count as a range; high null = open-ended ("over 15" → low 16, high null). */
export interface CountRange {
  low: number;
  high: number | null;
}

export interface Evidence extends Span {
  text: string;
}

/** Why a field got its value: a reason code and the span it rests on. */
export interface FieldReason {
  field: string;
  reason: string;
  span?: Span | null;
}

export interface ExtractedEvent {
  event_type: EventType;
  sub_event_type: SubEventType;
  actor1: EventActor | null;
  actor2: EventActor | null;
  date: EventDate | null;
  location: EventLocation | null;
  fatalities: CountRange | null;
  injured: CountRange | null;
  captured: CountRange | null;
  certainty: Certainty;
  attribution: string | null;
  evidence: Evidence[];
  confidence: number;
  /** Reasons behind each field (not part of the scored output, printed with --trace, kept in the store). */
  reasons?: FieldReason[];
  /** Index of the embedded post this event's claim comes from, when it does. */
  embeddedPost?: number | null;
}

/** The output of `extract` for one report, exactly the JSON of the eval README (plus optional trace). */
export interface Extraction {
  id: string;
  language: string;
  published: string | null;
  places: PlaceMention[];
  events: ExtractedEvent[];
  trace?: TraceEntry[];
}

/** One decision, for `sitrep extract --trace`. */
export interface TraceEntry {
  stage: string;
  reason: string;
  span?: Span | null;
  detail?: unknown;
}
