/**
 * The JSON shapes the API answers with (and the web app reads, by type-only import). Plain data, camelCase;
 * the incident model's own fields are passed through unchanged where the workbench shows them as they are.
 */
import type { Incident } from '../model/incident.js';

export interface CountBrief {
  low: number | null;
  best: number | null;
  high: number | null;
}

/** One row of the incidents list. */
export interface IncidentSummary {
  id: string;
  eventType: string;
  subEventType: string;
  date: { start: string; end: string; precision: string } | null;
  location: {
    name: string;
    lat: number;
    lon: number;
    country: string | null;
    admin1: string | null;
    precision: string;
  } | null;
  killed: CountBrief | null;
  grade: string;
  certainty: string;
  actor1: string | null;
  actor2: string | null;
  /** Independent source families. */
  sources: number;
  reports: number;
  reviewed: boolean;
}

export interface Page<T> {
  items: T[];
  /** Opaque; pass back as `cursor` for the next page; null at the end. */
  nextCursor: string | null;
}

/** Compact map points: [id, lat, lon, event type index in EVENT_TYPES, best killed or -1, precision index]. */
export type MapPoint = [string, number, number, number, number, number];

export interface TimelineDay {
  day: string;
  /** Counts by event type index. */
  counts: number[];
}

/** What a report contributes to an incident, for the side-by-side view. */
export interface IncidentSourceView {
  reportId: string;
  externalId: string | null;
  outlet: string | null;
  title: string | null;
  url: string | null;
  published: string | null;
  language: string | null;
  family: { id: string; kind: string; label: string | null };
  /** Evidence sentences with the text around them, spans relative to `excerpt`. */
  excerpts: { text: string; marks: { start: number; end: number; kind: string; reason: string }[] }[];
  /** The figures this report gives (killed/injured/captured) as ranges, with certainty. */
  figures: { field: 'killed' | 'injured' | 'captured'; low: number; high: number | null; certainty: string }[];
  certainty: string;
  attribution: string | null;
  embeddedPosts: {
    author: string | null;
    handle: string | null;
    platform: string;
    url: string | null;
    date: string | null;
    text: string;
  }[];
  discounted: { reason: string; by: string; at: string } | null;
}

export interface ReviewState {
  confirmed: { by: string; at: string } | null;
  /** Analyst overrides of displayed fields: field → value. */
  edits: Record<string, unknown>;
  grade: { grade: string; reason: string; by: string; at: string } | null;
}

export interface IncidentDetail {
  summary: IncidentSummary;
  incident: Incident;
  sources: IncidentSourceView[];
  review: ReviewState;
  /**
   * Linked incidents: the one this incident follows (a hand-over, a retaliation) and those that follow it, each
   * with its summary (null when the linked incident is no longer in the read model).
   */
  followUps: {
    id: string;
    reason: string;
    direction: 'follows' | 'followed-by';
    summary: IncidentSummary | null;
  }[];
}

export interface Annotation {
  start: number;
  end: number;
  kind: 'place' | 'actor' | 'trigger' | 'date' | 'count' | 'evidence' | 'post' | 'dateline';
  label: string;
  reason: string;
}

export interface ReportView {
  id: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  language: string;
  text: string;
  annotations: Annotation[];
  embeddedPosts: IncidentSourceView['embeddedPosts'];
  events: unknown[];
  incidents: string[];
  rawSha256: string | null;
}

export interface ReportSummary {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: string;
  snippet: string;
}

export const EVENT_TYPES = [
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Protests',
  'Riots',
  'Strategic developments',
] as const;

export const PRECISIONS = ['exact', 'near', 'admin2', 'admin1', 'country'] as const;
