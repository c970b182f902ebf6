/**
 * The store: one small interface per aggregate, so the pipeline never sees SQL and a PostgreSQL
 * implementation can sit beside the SQLite one. Only files under src/store/ contain SQL.
 */
import type { Certainty, ExtractedEvent } from '../model/extraction.js';
import type { Report, ReportSource } from '../model/report.js';
import type { AuditRepo } from './sqlite/audit-repo.js';
import type { UsersRepo } from './sqlite/users-repo.js';

export interface Store {
  /** Runs fn inside one transaction: everything it writes lands together or not at all. */
  transaction<T>(fn: () => T): T;
  close(): void;
  /** Reports with their sources, full-text search and syndication families. */
  reports: ReportRepository;
  /** Events extracted from reports (replaced per report). */
  events: EventRepository;
  /** Workbench accounts, sessions, API tokens (optional: the server builds them from the database when absent). */
  users?: UsersRepo;
  /** Append-only audit log of analyst changes. */
  audit?: AuditRepo;
  /** Incidents and analyst decisions (optional: the incidents CLI builds it from the SQLite database when absent). */
  incidents?: IncidentRepository;
}

/** What an upsert did: a new report, a new source for a known report, or nothing new at all. */
export interface ReportUpsert {
  id: string;
  status: 'new' | 'new-source' | 'unchanged';
  familyId: string;
}

/** A stored report that may be a near duplicate of a new one. */
export interface FamilyCandidate {
  id: string;
  familyId: string;
  fingerprint: string | null;
}

export interface ReportSummary {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: string;
  familyId: string;
  sources: number;
  chars: number;
  embeddedPosts: number;
}

export interface ReportFilter {
  /** Inclusive ISO dates on `published`. */
  from?: string;
  to?: string;
  language?: string;
  outlet?: string;
  familyId?: string;
  limit?: number;
  offset?: number;
}

export interface ReportSearchHit extends ReportSummary {
  /** A short passage around the first match, from the clean text. */
  snippet: string;
  /** FTS5 bm25 rank (lower is better); see report-search.ts for the order hits come in. */
  rank: number;
}

export interface ReportFamily {
  familyId: string;
  size: number;
  ids: string[];
}

export interface ReportRepository {
  /**
   * Stores a report whole (row, sources, search index, near-duplicate keys) or, when its id is known, adds its
   * sources and fills metadata the stored copy lacks. `lshKeys` index the report for `familyCandidates`.
   * `options.guarded`: the caller already runs this upsert in a transaction or savepoint that it rolls back when the
   * upsert throws (the ingest pipeline does), so the upsert need not open a savepoint of its own.
   */
  upsert(report: Report, lshKeys?: readonly number[], options?: { guarded?: boolean }): ReportUpsert;
  get(id: string): Report | null;
  /** Just the clean text of a report (cheaper than `get`). */
  textOf(id: string): string | null;
  /** Ids matching a reference: a full id, an id prefix (≥ 4 hex digits) or a source's external id. */
  resolve(ref: string): string[];
  has(id: string): boolean;
  list(filter?: ReportFilter): ReportSummary[];
  count(filter?: ReportFilter): number;
  /** Full-text search, diacritics- and case-insensitive (Latin, Turkish, Arabic). */
  search(query: string, options?: { limit?: number; offset?: number }): ReportSearchHit[];
  /** How many reports `search` would match, counted up to `cap` (default 1,000); `exact` is false above it. */
  countMatches(query: string, cap?: number): { count: number; exact: boolean };
  /**
   * Reports sharing at least one near-duplicate key, those sharing most first (at most `limit`, default 8). With
   * `accept`, only those whose fingerprint it accepts are returned (and only their rows are read).
   */
  familyCandidates(
    lshKeys: readonly number[],
    limit?: number,
    accept?: (fingerprint: string) => boolean,
  ): FamilyCandidate[];
  /** Moves every member of the `from` families into family `into`; returns how many reports moved. */
  mergeFamilies(from: readonly string[], into: string): number;
  /** Families with more than one member (or all, with `all`), largest first. */
  families(options?: { all?: boolean; limit?: number }): ReportFamily[];
  sources(id: string): ReportSource[];
}

/** One stored event: the extracted event as the extractor gave it, under a stable id `reportId:idx`. */
export interface StoredEvent {
  id: string;
  reportId: string;
  idx: number;
  event: ExtractedEvent;
}

export interface EventFilter {
  /** Event type or sub-event type, exact ACLED spelling (case-insensitive). */
  type?: string;
  /** Substring of either actor's name or the words that named it (case-insensitive). */
  actor?: string;
  /** ISO 3166-1 alpha-2 country code of the location. */
  country?: string;
  /** Events whose date interval overlaps [from, to] (inclusive ISO dates). */
  from?: string;
  to?: string;
  certainty?: Certainty;
  reportId?: string;
  limit?: number;
  offset?: number;
}

export interface EventRepository {
  /** Replaces every event of a report (idempotent re-extraction); returns how many were stored. */
  replaceForReport(reportId: string, events: readonly ExtractedEvent[]): number;
  list(filter?: EventFilter): StoredEvent[];
  count(filter?: EventFilter): number;
  /** By id `reportId:idx`; the report id may be shortened to a unique prefix. */
  get(id: string): StoredEvent | null;
  forReport(reportId: string): StoredEvent[];
}

/** Filters of `sitrep incidents list` and the API; every field optional, all given ones must hold. */
export interface IncidentFilter {
  /** Incidents whose date interval overlaps [from, to] (inclusive ISO dates). */
  from?: string;
  to?: string;
  /** ISO 3166-1 alpha-2 country code of the incident's place. */
  country?: string;
  /** Admin1 name of the incident's place (case-insensitive). */
  admin1?: string;
  /** Event type or sub-event type, exact ACLED spelling (case-insensitive). */
  type?: string;
  /** Substring of an actor's name or the words that named it, in any member event (case-insensitive). */
  actor?: string;
  grade?: import('../model/incident.js').Grade;
  /** At least this many independent source families. */
  minSources?: number;
  limit?: number;
  offset?: number;
}

/** Incidents and the analyst decisions that shape them (src/store/sqlite/incidents-repo.ts). */
export interface IncidentRepository {
  /** Replaces every stored incident (a full rebuild). */
  replaceAll(incidents: Iterable<import('../model/incident.js').Incident>): number;
  /** Applies an incremental update: `removed` and the previous versions of `changed` go, `changed` are written. */
  apply(update: { changed: readonly import('../model/incident.js').Incident[]; removed: readonly string[] }): void;
  /** By id, or by a unique id prefix (≥ 6 characters after `inc-`). */
  get(id: string): import('../model/incident.js').Incident | null;
  list(filter?: IncidentFilter): import('../model/incident.js').Incident[];
  count(filter?: IncidentFilter): number;
  all(): Iterable<import('../model/incident.js').Incident>;
  /** The incident holding an event (`reportId#index`). */
  incidentOfEvent(eventKey: string): string | null;
  incidentsOfReport(reportId: string): string[];
  /** Analyst decisions in the order they were taken. */
  decisions(): import('../model/incident.js').AnalystDecision[];
  addDecision(decision: import('../model/incident.js').AnalystDecision): void;
  /** A marker of the event set the stored incidents were built from (to tell when they are stale). */
  builtFrom(): string | null;
  setBuiltFrom(marker: string): void;
}
