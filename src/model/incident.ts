/**
 * The incident model: one real-world incident assembled from the events that many reports describe.
 * Plain data only. `src/incidents` builds these from `ExtractedEvent`s; the store and the CLI read them.
 */
import type {
  Certainty,
  CountRange,
  EventActor,
  EventDate,
  EventLocation,
  EventType,
  Evidence,
  ExtractedEvent,
  SubEventType,
} from './extraction.js';

/** Airwars-style grade of an incident, computed from its evidence. */
export type Grade = 'Confirmed' | 'Fair' | 'Weak' | 'Contested' | 'Discounted';

export const GRADES: readonly Grade[] = ['Confirmed', 'Fair', 'Weak', 'Contested', 'Discounted'];

/**
 * What the incident stage needs to know about a report (a projection of `Report`, so the stage stays pure and
 * does not carry report texts around).
 */
export interface IncidentReport {
  /** The report's stable id (SHA-256 of its text). */
  id: string;
  /** The id the input gave the report (JSONL id or file name); shown as `reports[].id` in exports. */
  externalId?: string | null;
  /** Every id the inputs gave this text (the same text can arrive as several inputs); the first is `externalId`. */
  externalIds?: string[];
  outlet?: string | null;
  url?: string | null;
  /** ISO date YYYY-MM-DD. */
  published?: string | null;
  /** Syndication family (near-duplicate cluster) from ingest; reports sharing it count as one source. */
  familyId?: string | null;
  /** Wire agency the story comes from ("Reuters", "AP"), from the dateline or byline. */
  wire?: string | null;
  /** Authors of the embedded posts, by post index, so a claim taken from a post is attributed to its author. */
  embeddedPosts?: { author?: string | null; handle?: string | null }[];
}

/** One event as input to clustering: the event, the report it came from, and its position in that report. */
export interface IncidentEventInput {
  report: string;
  index: number;
  event: ExtractedEvent;
}

/** `${reportId}#${index}`: the stable identity of an event, independent of input order. */
export type EventKey = string;

/** One event inside an incident, with its report, evidence and certainty, and why it joined. */
export interface IncidentMember {
  key: EventKey;
  report: string;
  externalId: string | null;
  index: number;
  event_type: EventType;
  sub_event_type: SubEventType;
  certainty: Certainty;
  attribution: string | null;
  date: EventDate | null;
  location: EventLocation | null;
  evidence: Evidence[];
  /** The source family the member counts under. */
  family: string;
  /** Reason code: 'seed', 'compatible', 'analyst-merge', 'analyst-move'. */
  reason: string;
}

/** A report as a source of an incident. */
export interface SourceReport {
  id: string;
  externalId: string | null;
  /** Every input id of the report, when it arrived more than once (see IncidentReport.externalIds). */
  externalIds?: string[];
  outlet: string | null;
  published: string | null;
}

/** Reports (or embedded posts) that are not independent of each other: they count as one source. */
export interface SourceFamily {
  id: string;
  /** Why these reports are one source: syndicated copies, the same wire story, the same embedded post author, or a lone report. */
  kind: 'syndication' | 'wire' | 'post' | 'report';
  /** The wire agency or post author when the family is one, else the outlet of its first report. */
  label: string | null;
  reports: SourceReport[];
}

/** A figure about a count that did not set the range: a party's claim or an unconfirmed figure. */
export interface CountClaim {
  event: EventKey;
  range: CountRange;
  certainty: Certainty;
  attribution: string | null;
  /** 'claim-about-enemy-losses' | 'unconfirmed' | 'denied'. */
  reason: string;
}

/**
 * A count as UCDP gives it (low / best / high) plus ACLED's conservative figure. Null when no credible source
 * gives a figure; `claims` keeps the figures that were not credible enough to set it.
 */
export interface CountSummary {
  low: number | null;
  best: number | null;
  high: number | null;
  /** ACLED: the most conservative figure when sources disagree (= the lowest credible figure). */
  acled: number | null;
  /** Why `best` is what it is (e.g. 'supported-by-2-families', 'latest-report'). */
  reason: string;
  claims: CountClaim[];
}

export interface IncidentCounts {
  killed: CountSummary;
  injured: CountSummary;
  captured: CountSummary;
}

/** Another incident this one is linked to: a hand-over or retaliation follows the incident it answers. */
export interface IncidentLink {
  type: 'follows';
  incident: string;
  reason: string;
}

export interface IncidentActors {
  actor1: EventActor | null;
  actor2: EventActor | null;
}

export interface Incident {
  /** Stable for the same set of events: derived from its smallest member key. */
  id: string;
  event_type: EventType;
  sub_event_type: SubEventType;
  actors: IncidentActors;
  date: EventDate | null;
  location: EventLocation | null;
  counts: IncidentCounts;
  grade: Grade;
  grade_reason: string;
  sources: SourceFamily[];
  members: IncidentMember[];
  firstReport: SourceReport | null;
  latestReport: SourceReport | null;
  links: IncidentLink[];
}

/**
 * An analyst's decision, kept and replayed on every automatic run. Decisions name events (not incident ids, which
 * change as incidents grow), so they survive re-clustering. Later decisions override earlier ones.
 */
export type AnalystDecision =
  | { id: string; at: string; analyst?: string | null; note?: string | null; kind: 'merge'; events: EventKey[] }
  | { id: string; at: string; analyst?: string | null; note?: string | null; kind: 'split'; groups: EventKey[][] }
  | {
      id: string;
      at: string;
      analyst?: string | null;
      note?: string | null;
      kind: 'move';
      event: EventKey;
      /** Events of the incident it moves to (its members at decision time). */
      to: EventKey[];
      /** Events of the incident it leaves (its other members at decision time): it never rejoins them. */
      from?: EventKey[];
    };
