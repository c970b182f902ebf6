/**
 * What the workbench reads and changes, behind one interface, built from the other stages' repositories:
 * reports and events from the Store, incidents from an IncidentSource (the incidents repository), plus the
 * workbench read model (map/list/timeline rows and review overlays) kept in sync with them.
 */
import { createHash } from 'node:crypto';
import { FOLLOW_DISTANCE_KM, FOLLOW_WINDOW_DAYS } from '../incidents/cluster.js';
import { ACLED_TYPES, type EventType, type ExtractedEvent, type SubEventType } from '../model/extraction.js';
import type { AnalystDecision, Incident } from '../model/incident.js';
import type { Report } from '../model/report.js';
import type {
  IncidentQuery,
  ReviewOverlay,
  WorkbenchIncidentRow,
  WorkbenchRepo,
} from '../store/sqlite/workbench-repo.js';
import type { Store } from '../store/store.js';
import { HttpError } from './http.js';
import {
  type Annotation,
  EVENT_TYPES,
  type IncidentDetail,
  type IncidentSourceView,
  type IncidentSummary,
  type MapPoint,
  type Page,
  PRECISIONS,
  type ReportSummary,
  type ReportView,
  type ReviewState,
  type TimelineDay,
} from './views.js';

/** The incidents repository as the workbench needs it. */
export interface IncidentSource {
  /** Every current incident. */
  all(): Iterable<Incident>;
  /** Records an analyst decision (merge/split/move) and re-forms the incidents it touches. */
  decide?(decision: AnalystDecision): void;
  /**
   * The incident's counts and grade recomputed without the given (discounted) reports; null when they cannot be
   * recomputed. Without it a discount only lowers the source count.
   */
  reassess?: Reassess;
}

/** See IncidentSource.reassess (src/incidents/service.ts `reassessWithout`). */
export type Reassess = (
  incident: Incident,
  discounted: ReadonlySet<string>,
) => Pick<Incident, 'counts' | 'grade' | 'grade_reason'> | null;

export interface IngestInput {
  text?: string;
  bytes?: Buffer;
  /** File name for uploads (its extension picks the format). */
  name?: string;
  title?: string;
  outlet?: string;
  url?: string;
  published?: string;
}

export interface IngestOutcome {
  reports: { id: string; title: string | null; duplicate: boolean }[];
  errors: { input: string; reason: string }[];
}

/** The ingest + extract + incidents pipeline for new reports. */
export type IngestPort = (input: IngestInput) => Promise<IngestOutcome>;

export interface WorkbenchSources {
  store: Pick<Store, 'reports' | 'events'> | null;
  incidents: IncidentSource | null;
  ingest: IngestPort | null;
}

export interface IncidentFilter extends IncidentQuery {}

/** Review actions an analyst can take; each returns what the audit log records. */
export interface ReviewResult {
  incident: string;
  before: unknown;
  after: unknown;
}

export interface WorkbenchData {
  capabilities(): Record<string, boolean>;
  /** Re-reads incidents into the read model; returns rows written and deleted. */
  refresh(): { written: number; deleted: number; total: number };
  listIncidents(filter: IncidentFilter, cursor: string | null, limit: number): Page<IncidentSummary>;
  points(filter: IncidentFilter, limit: number): { points: MapPoint[]; truncated: boolean };
  timeline(filter: IncidentFilter): TimelineDay[];
  incident(id: string): IncidentDetail | null;
  exportIncidents(filter: IncidentFilter, limit: number): Incident[];
  listReports(q: string | null, offset: number, limit: number): Page<ReportSummary>;
  report(id: string): ReportView | null;
  events(
    filter: { reportId?: string; type?: string; actor?: string; country?: string; from?: string; to?: string },
    offset: number,
    limit: number,
  ): Page<unknown>;
  ingest(input: IngestInput): Promise<IngestOutcome>;
  confirm(id: string, by: string, note: string | null): ReviewResult;
  edit(id: string, field: EditableField, value: string, by: string, note: string | null): ReviewResult;
  grade(id: string, grade: string, reason: string, by: string): ReviewResult;
  discount(id: string, reportId: string, reason: string | null, by: string, undo: boolean): ReviewResult;
  merge(ids: string[], by: string, note: string | null): ReviewResult & { removed: string[] };
  split(id: string, groups: string[][], by: string, note: string | null): ReviewResult & { incidents: string[] };
}

export const EDITABLE_FIELDS = [
  'sub_event_type',
  'location.name',
  'date.start',
  'date.end',
  'actor1.name',
  'actor2.name',
  'counts.killed.best',
  'counts.injured.best',
  'counts.captured.best',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

const CERTAINTY_ORDER = ['reported', 'claimed', 'unconfirmed', 'denied'] as const;

/** The fields every analyst decision shares; its id names the kind, the time and the first event. */
function decisionHead(kind: string, firstEvent: string | undefined, by: string, note: string | null) {
  return { id: `${kind}-${Date.now()}-${firstEvent}`, at: new Date().toISOString(), analyst: by, note };
}

function typeOfSub(sub: string): EventType | null {
  for (const [type, subs] of Object.entries(ACLED_TYPES))
    if ((subs as readonly string[]).includes(sub)) return type as EventType;
  return null;
}

/** The strongest certainty among the members: one outlet stating it as fact makes the incident 'reported'. */
function incidentCertainty(incident: Incident): string {
  for (const c of CERTAINTY_ORDER) if (incident.members.some((m) => m.certainty === c)) return c;
  return 'reported';
}

function reportIdsOf(incident: Incident): string[] {
  return [...new Set(incident.sources.flatMap((f) => f.reports.map((r) => r.id)))];
}

/**
 * Applies review overlays to a copy of an incident. Discounted reports go first: the counts and grade are
 * recomputed without them (when `reassess` is given); then confirmations, grades and field edits apply in the order
 * they were made (the latest wins per field), so an analyst's explicit count or grade stands over the recount.
 */
export function applyReview(
  incident: Incident,
  overlays: ReviewOverlay[],
  reassess?: Reassess,
): { incident: Incident; review: ReviewState; discounted: Map<string, { reason: string; by: string; at: string }> } {
  const review: ReviewState = { confirmed: null, edits: {}, grade: null };
  const discounted = new Map<string, { reason: string; by: string; at: string }>();
  // Most incidents have no review: skip the deep copy (it is most of the cost of projecting 100,000 incidents).
  if (overlays.length === 0) return { incident, review, discounted };
  const out = structuredClone(incident);
  const reports = new Set(reportIdsOf(incident));
  const ordered = [...overlays].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const o of ordered) {
    // A discount names a report; it lapses (and is kept for later) while that report is not a source here.
    if (o.kind === 'discount' && reports.has(o.field))
      discounted.set(o.field, { reason: String(o.value ?? ''), by: o.by, at: o.at });
  }
  if (discounted.size > 0 && reassess) {
    const again = reassess(incident, new Set(discounted.keys()));
    if (again) {
      out.counts = again.counts;
      out.grade = again.grade;
      out.grade_reason = again.grade_reason;
    }
  }
  for (const o of ordered) {
    if (o.kind === 'confirm') review.confirmed = { by: o.by, at: o.at };
    else if (o.kind === 'grade') {
      const v = o.value as { grade: string; reason: string };
      review.grade = { grade: v.grade, reason: v.reason, by: o.by, at: o.at };
      out.grade = v.grade as Incident['grade'];
      out.grade_reason = `analyst (${o.by}): ${v.reason}`;
    } else if (o.kind === 'edit') {
      review.edits[o.field] = { value: o.value, by: o.by, at: o.at };
      setField(out, o.field as EditableField, o.value);
    }
  }
  return { incident: out, review, discounted };
}

function setField(inc: Incident, field: EditableField, value: unknown): void {
  switch (field) {
    case 'sub_event_type': {
      const type = typeOfSub(String(value));
      if (type) {
        inc.sub_event_type = value as SubEventType;
        inc.event_type = type;
      }
      return;
    }
    case 'location.name':
      if (inc.location) inc.location.name = String(value);
      return;
    case 'date.start':
    case 'date.end': {
      const d = inc.date ?? { start: String(value), end: String(value), precision: 'day' as const };
      if (field === 'date.start') d.start = String(value);
      else d.end = String(value);
      if (d.end < d.start) d.end = d.start;
      inc.date = d;
      return;
    }
    case 'actor1.name':
    case 'actor2.name': {
      const key = field === 'actor1.name' ? 'actor1' : 'actor2';
      const a = inc.actors[key];
      inc.actors[key] = a
        ? { ...a, name: String(value) }
        : { name: String(value), category: 'External/Other forces', text: '' };
      return;
    }
    default: {
      const kind = field.split('.')[1] as 'killed' | 'injured' | 'captured';
      const n = Number(value);
      const c = inc.counts[kind];
      c.best = n;
      c.low = c.low === null ? n : Math.min(c.low, n);
      if (c.high !== null) c.high = Math.max(c.high, n);
      c.acled = c.acled === null ? n : Math.min(c.acled, n);
      c.reason = 'analyst-edit';
    }
  }
}

function summaryOf(inc: Incident, reviewed: boolean, discounted: Map<string, unknown>): IncidentSummary {
  const independent = inc.sources.filter((f) => f.reports.some((r) => !discounted.has(r.id))).length;
  return {
    id: inc.id,
    eventType: inc.event_type,
    subEventType: inc.sub_event_type,
    date: inc.date ? { start: inc.date.start, end: inc.date.end, precision: inc.date.precision } : null,
    location: inc.location
      ? {
          name: inc.location.name,
          lat: inc.location.lat,
          lon: inc.location.lon,
          country: inc.location.country,
          admin1: inc.location.admin1,
          precision: inc.location.precision,
        }
      : null,
    killed:
      inc.counts.killed.best === null && inc.counts.killed.low === null
        ? null
        : { low: inc.counts.killed.low, best: inc.counts.killed.best, high: inc.counts.killed.high },
    grade: inc.grade,
    certainty: incidentCertainty(inc),
    actor1: inc.actors.actor1?.name ?? null,
    actor2: inc.actors.actor2?.name ?? null,
    sources: independent,
    reports: reportIdsOf(inc).length,
    reviewed,
  };
}

/** The projection row of an incident with its review overlays applied. */
export function projectIncident(raw: Incident, overlays: ReviewOverlay[], reassess?: Reassess): WorkbenchIncidentRow {
  const { incident, review, discounted } = applyReview(raw, overlays, reassess);
  const summary = summaryOf(incident, review.confirmed !== null, discounted);
  const rawJson = JSON.stringify(raw);
  const overlaysJson = JSON.stringify(overlays);
  const body = incident === raw ? rawJson : JSON.stringify(incident);
  const summaryJson = JSON.stringify(summary);
  const search = [
    incident.location?.name,
    incident.location?.admin1,
    incident.location?.admin2,
    incident.actors.actor1?.name,
    incident.actors.actor1?.text,
    incident.actors.actor2?.name,
    incident.actors.actor2?.text,
    ...incident.sources.flatMap((f) => f.reports.map((r) => r.outlet)),
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  return {
    id: incident.id,
    dateStart: incident.date?.start ?? null,
    dateEnd: incident.date?.end ?? null,
    lat: incident.location?.lat ?? null,
    lon: incident.location?.lon ?? null,
    precision: incident.location?.precision ?? null,
    country: incident.location?.country ?? null,
    admin1: incident.location?.admin1 ?? null,
    eventType: incident.event_type,
    subEventType: incident.sub_event_type,
    grade: incident.grade,
    certainty: summary.certainty,
    sources: summary.sources,
    reports: summary.reports,
    killedLow: incident.counts.killed.low,
    killedBest: incident.counts.killed.best,
    killedHigh: incident.counts.killed.high,
    actor1: summary.actor1,
    actor2: summary.actor2,
    reviewed: summary.reviewed,
    search,
    summaryJson,
    bodyJson: `{"raw":${rawJson},"review":${overlaysJson}}`,
    fingerprint: createHash('sha1').update(body).update(overlaysJson).digest('base64url'),
    eventKeys: raw.members.map((m) => m.key),
  };
}

function encodeCursor(date: string, id: string): string {
  return Buffer.from(JSON.stringify([date, id])).toString('base64url');
}

function decodeCursor(cursor: string): { date: string; id: string } {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string')
      return { date: v[0], id: v[1] };
  } catch {
    // fall through to the 400 below
  }
  throw new HttpError(400, 'validation_failed', 'query.cursor: not a cursor this API issued');
}

function unavailable(what: string): HttpError {
  return new HttpError(503, 'stage_unavailable', `${what} is not available in this build`);
}

/** Paragraph-sized context around an evidence span, cut at sentence ends where possible (≤ ~320 chars each side). */
function excerptAround(text: string, start: number, end: number): { from: number; to: number } {
  const CONTEXT = 320;
  let from = Math.max(0, start - CONTEXT);
  const para = text.lastIndexOf('\n', start - 1);
  if (para >= from) from = para + 1;
  else {
    const sentence = text.slice(from, start).search(/[.!?]\s+(?=\S[^.!?]*$)/);
    if (sentence >= 0) from += sentence + 2;
  }
  let to = Math.min(text.length, end + CONTEXT);
  const nl = text.indexOf('\n', end);
  if (nl >= 0 && nl < to) to = nl;
  else {
    const m = /[.!?](\s|$)/.exec(text.slice(end, to));
    if (m) to = end + m.index + 1;
  }
  return { from, to };
}

function reasonKind(field: string): Annotation['kind'] {
  if (/actor/.test(field)) return 'actor';
  if (/date/.test(field)) return 'date';
  if (/fatal|injur|captur|count|killed/.test(field)) return 'count';
  if (/location|place/.test(field)) return 'place';
  return 'trigger';
}

/** Every mark the reader shows for a report: events' field reasons, locations, evidence, embedded posts, dateline. */
export function annotationsOf(report: Report, events: ExtractedEvent[]): Annotation[] {
  const out: Annotation[] = [];
  const inText = (s: number, e: number) =>
    Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e <= report.text.length && e > s;
  events.forEach((ev, i) => {
    const label = `event ${i + 1}: ${ev.sub_event_type}`;
    for (const e of ev.evidence)
      if (inText(e.start, e.end))
        out.push({ start: e.start, end: e.end, kind: 'evidence', label, reason: `evidence (${ev.certainty})` });
    for (const r of ev.reasons ?? []) {
      if (r.span && inText(r.span.start, r.span.end)) {
        out.push({
          start: r.span.start,
          end: r.span.end,
          kind: reasonKind(r.field),
          label: `${label} · ${r.field}`,
          reason: r.reason,
        });
      }
    }
  });
  report.embeddedPosts.forEach((p, i) => {
    if (inText(p.span.start, p.span.end)) {
      out.push({
        start: p.span.start,
        end: p.span.end,
        kind: 'post',
        label: `post ${i + 1} by ${p.author ?? p.handle ?? 'unknown'}`,
        reason: p.reason,
      });
    }
  });
  if (report.dateline && inText(report.dateline.span.start, report.dateline.span.end)) {
    out.push({
      start: report.dateline.span.start,
      end: report.dateline.span.end,
      kind: 'dateline',
      label: `dateline ${report.dateline.place}`,
      reason: 'dateline',
    });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

export function createWorkbenchData(repo: WorkbenchRepo, sources: WorkbenchSources): WorkbenchData {
  const { store, incidents: incidentSource } = sources;
  const reassess = incidentSource?.reassess;

  function overlaysFor(inc: Incident): ReviewOverlay[] {
    return repo.reviewFor(inc.members.map((m) => m.key));
  }

  function loadStored(id: string): { raw: Incident; overlays: ReviewOverlay[] } | null {
    const json = repo.bodyJson(id);
    if (!json) return null;
    const body = JSON.parse(json) as { raw: Incident; review: ReviewOverlay[] };
    return { raw: body.raw, overlays: overlaysFor(body.raw) };
  }

  function mustLoad(id: string): { raw: Incident; overlays: ReviewOverlay[] } {
    const found = loadStored(id);
    if (!found) throw new HttpError(404, 'not_found', `no incident ${id}`);
    return found;
  }

  /** Re-projects one incident after a review overlay changed. */
  function reproject(raw: Incident): void {
    repo.syncIncidents([projectIncident(raw, overlaysFor(raw), reassess)], false);
  }

  function refresh() {
    if (!incidentSource) return { written: 0, deleted: 0, total: repo.incidentCount() };
    // Read everything first: the repository may stream from the same SQLite connection, which cannot run other
    // statements while a cursor is open (~2 KB per incident: 100,000 incidents hold ~200 MB for the moment).
    const incidents = Array.from(incidentSource.all());
    const rows = (function* () {
      for (const inc of incidents) yield projectIncident(inc, overlaysFor(inc), reassess);
    })();
    const r = repo.syncIncidents(rows, true);
    return { ...r, total: repo.incidentCount() };
  }

  function anchorOf(raw: Incident): string {
    const keys = raw.members.map((m) => m.key).sort();
    if (!keys[0]) throw new HttpError(409, 'conflict', 'incident has no events to anchor a review to');
    return keys[0];
  }

  function review(id: string, apply: (raw: Incident, anchor: string) => void): ReviewResult {
    const { raw } = mustLoad(id);
    const before = JSON.parse(repo.summaryJson([id]).get(id) ?? 'null') as IncidentSummary | null;
    apply(raw, anchorOf(raw));
    reproject(raw);
    const after = JSON.parse(repo.summaryJson([id]).get(id) ?? 'null') as IncidentSummary | null;
    return { incident: id, before, after };
  }

  /**
   * The incidents that follow `raw` (the reverse of their 'follows' links, which only the later incident holds). A
   * follow-up starts no earlier than the incident and at most FOLLOW_WINDOW_DAYS (14) after it ends, within
   * FOLLOW_DISTANCE_KM (100 km) or in the same admin1 (src/incidents/cluster.ts): the read model's date and place
   * filters give those candidates (a few dozen), then each candidate's own links decide. The country is left out of
   * the query on purpose: with it SQLite walks the country index over every incident of the country (30 ms with
   * 100,000 incidents in one country, against 0.5 ms on the date index; the whole lookup takes ~6 ms). Rows carry
   * the analysts' date edits, so a follow-up whose start date an analyst moved out of that window is not found.
   */
  function followersOf(raw: Incident): { id: string; reason: string }[] {
    const loc = raw.location;
    if (!raw.date || !loc || loc.precision === 'country') return [];
    const end = Date.parse(`${raw.date.end}T00:00:00Z`);
    if (Number.isNaN(end)) return [];
    const window: IncidentQuery = {
      from: raw.date.start,
      to: new Date(end + FOLLOW_WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10),
    };
    const MAX_CANDIDATES = 2000;
    const candidates = new Set<string>();
    if (loc.admin1)
      for (const id of repo.listIncidents({ ...window, admin1: loc.admin1 }, null, MAX_CANDIDATES)) candidates.add(id);
    if (loc.precision !== 'admin1' && Number.isFinite(loc.lat) && Number.isFinite(loc.lon)) {
      // 1° of latitude is 111 km; a degree of longitude shrinks with cos(latitude) (kept ≥ 0.05 near the poles).
      const dLat = FOLLOW_DISTANCE_KM / 111;
      const dLon = Math.min(180, dLat / Math.max(0.05, Math.cos((loc.lat * Math.PI) / 180)));
      const wrap = (lon: number) => (lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon);
      const bbox: [number, number, number, number] =
        dLon >= 180
          ? [-180, loc.lat - dLat, 180, loc.lat + dLat]
          : [wrap(loc.lon - dLon), loc.lat - dLat, wrap(loc.lon + dLon), loc.lat + dLat];
      for (const id of repo.listIncidents({ ...window, bbox }, null, MAX_CANDIDATES)) candidates.add(id);
    }
    candidates.delete(raw.id);
    const out: { id: string; reason: string }[] = [];
    for (const id of candidates) {
      const json = repo.bodyJson(id);
      if (!json) continue;
      const other = (JSON.parse(json) as { raw: Incident }).raw;
      const link = other.links.find((l) => l.type === 'follows' && l.incident === raw.id);
      if (link) out.push({ id, reason: link.reason });
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  function summaries(ids: string[]): IncidentSummary[] {
    const map = repo.summaryJson(ids);
    return ids.flatMap((id) => {
      const s = map.get(id);
      return s ? [JSON.parse(s) as IncidentSummary] : [];
    });
  }

  return {
    capabilities() {
      return {
        reports: store !== null,
        events: store !== null,
        incidents: incidentSource !== null,
        review: incidentSource !== null,
        mergeSplit: Boolean(incidentSource?.decide),
        discountRecount: Boolean(reassess),
        ingest: sources.ingest !== null,
      };
    },
    refresh,
    listIncidents(filter, cursor, limit) {
      const after = cursor ? decodeCursor(cursor) : null;
      const ids = repo.listIncidents(filter, after, limit + 1);
      const page = ids.slice(0, limit);
      const items = summaries(page);
      const last = items.at(-1);
      return {
        items,
        nextCursor: ids.length > limit && last ? encodeCursor(last.date?.start ?? '', last.id) : null,
      };
    },
    points(filter, limit) {
      const rows = repo.points(filter, limit + 1);
      const types = EVENT_TYPES as readonly string[];
      const precisions = PRECISIONS as readonly string[];
      return {
        points: rows
          .slice(0, limit)
          .map(([id, lat, lon, type, best, precision]) => [
            id,
            Math.round(lat * 1e4) / 1e4,
            Math.round(lon * 1e4) / 1e4,
            Math.max(0, types.indexOf(type)),
            best ?? -1,
            Math.max(0, precisions.indexOf(precision)),
          ]),
        truncated: rows.length > limit,
      };
    },
    timeline(filter) {
      const byDay = new Map<string, number[]>();
      const types = EVENT_TYPES as readonly string[];
      for (const r of repo.timeline(filter)) {
        let counts = byDay.get(r.day);
        if (!counts) {
          counts = types.map(() => 0);
          byDay.set(r.day, counts);
        }
        const i = types.indexOf(r.type);
        if (i >= 0) counts[i] = (counts[i] ?? 0) + r.n;
      }
      return [...byDay].map(([day, counts]) => ({ day, counts }));
    },
    incident(id) {
      const found = loadStored(id);
      if (!found) return null;
      const { incident, review: state, discounted } = applyReview(found.raw, found.overlays, reassess);
      const summary = summaryOf(incident, state.confirmed !== null, discounted);
      const sourcesView: IncidentSourceView[] = [];
      for (const family of incident.sources) {
        for (const sr of family.reports) {
          const report = store?.reports.get(sr.id) ?? null;
          const members = incident.members.filter((m) => m.report === sr.id);
          const stored = store ? store.events.forReport(sr.id) : [];
          const figures: IncidentSourceView['figures'] = [];
          let certainty = members[0]?.certainty ?? 'reported';
          let attribution = members[0]?.attribution ?? null;
          const excerpts: IncidentSourceView['excerpts'] = [];
          for (const m of members) {
            const ev = stored.find((s) => s.idx === m.index)?.event ?? null;
            if (ev) {
              certainty = ev.certainty;
              attribution = ev.attribution;
              const add = (
                field: 'killed' | 'injured' | 'captured',
                c: { low: number; high: number | null } | null,
              ) => {
                if (c && !figures.some((f) => f.field === field))
                  figures.push({ field, low: c.low, high: c.high, certainty: ev.certainty });
              };
              add('killed', ev.fatalities);
              add('injured', ev.injured);
              add('captured', ev.captured);
            }
            for (const e of m.evidence) {
              if (report && e.end <= report.text.length && report.text.slice(e.start, e.end) === e.text) {
                const { from, to } = excerptAround(report.text, e.start, e.end);
                if (excerpts.some((x) => x.text === report.text.slice(from, to))) continue;
                const marks = ev
                  ? annotationsOf(report, [ev])
                      .filter((a) => a.kind !== 'evidence' && a.start >= from && a.end <= to)
                      .map((a) => ({
                        start: a.start - from,
                        end: a.end - from,
                        kind: a.kind,
                        reason: `${a.label}: ${a.reason}`,
                      }))
                  : [];
                marks.unshift({
                  start: e.start - from,
                  end: e.end - from,
                  kind: 'evidence',
                  reason: `evidence (${m.certainty})`,
                });
                excerpts.push({ text: report.text.slice(from, to), marks });
              } else {
                excerpts.push({
                  text: e.text,
                  marks: [{ start: 0, end: e.text.length, kind: 'evidence', reason: `evidence (${m.certainty})` }],
                });
              }
            }
          }
          sourcesView.push({
            reportId: sr.id,
            externalId: sr.externalId,
            outlet: sr.outlet ?? report?.outlet ?? null,
            title: report?.title ?? null,
            url: report?.url ?? null,
            published: sr.published ?? report?.published ?? null,
            language: report?.language ?? null,
            family: { id: family.id, kind: family.kind, label: family.label },
            excerpts,
            figures,
            certainty,
            attribution,
            embeddedPosts: (report?.embeddedPosts ?? []).map((p) => ({
              author: p.author ?? null,
              handle: p.handle ?? null,
              platform: p.platform,
              url: p.url ?? null,
              date: p.date ?? null,
              text: p.text,
            })),
            discounted: discounted.get(sr.id) ?? null,
          });
        }
      }
      sourcesView.sort((a, b) =>
        (a.published ?? '9999') < (b.published ?? '9999')
          ? -1
          : (a.published ?? '9999') > (b.published ?? '9999')
            ? 1
            : 0,
      );
      const links = [
        ...found.raw.links.map((l) => ({ id: l.incident, reason: l.reason, direction: 'follows' as const })),
        ...followersOf(found.raw).map((l) => ({ ...l, direction: 'followed-by' as const })),
      ];
      const briefs = new Map(summaries(links.map((l) => l.id)).map((x) => [x.id, x]));
      const followUps: IncidentDetail['followUps'] = links.map((l) => ({ ...l, summary: briefs.get(l.id) ?? null }));
      return { summary, incident, sources: sourcesView, review: state, followUps };
    },
    exportIncidents(filter, limit) {
      return repo.bodies(filter, limit).map((json) => {
        const body = JSON.parse(json) as { raw: Incident; review: ReviewOverlay[] };
        return applyReview(body.raw, body.review, reassess).incident;
      });
    },
    listReports(q, offset, limit) {
      if (!store) throw unavailable('the reports repository');
      const hits = q
        ? store.reports.search(q, { limit: limit + 1, offset })
        : store.reports.list({ limit: limit + 1, offset }).map((r) => ({ ...r, snippet: '' }));
      const items = hits.slice(0, limit).map((h) => ({
        id: h.id,
        title: h.title,
        outlet: h.outlet,
        published: h.published,
        language: h.language,
        snippet: h.snippet || (q ? '' : (store.reports.get(h.id)?.text.slice(0, 240) ?? '')),
      }));
      return { items, nextCursor: hits.length > limit ? String(offset + limit) : null };
    },
    report(id) {
      if (!store) throw unavailable('the reports repository');
      const report = store.reports.get(id);
      if (!report) return null;
      const events = store.events.forReport(id).map((s) => s.event);
      return {
        id: report.id,
        title: report.title ?? null,
        outlet: report.outlet ?? null,
        url: report.url ?? null,
        published: report.published ?? null,
        language: report.language,
        text: report.text,
        annotations: annotationsOf(report, events),
        embeddedPosts: report.embeddedPosts.map((p) => ({
          author: p.author ?? null,
          handle: p.handle ?? null,
          platform: p.platform,
          url: p.url ?? null,
          date: p.date ?? null,
          text: p.text,
        })),
        events,
        incidents: repo.incidentsOfReport(id),
        rawSha256: report.rawSha256 ?? null,
      };
    },
    events(filter, offset, limit) {
      if (!store) throw unavailable('the events repository');
      const rows = store.events.list({ ...filter, limit: limit + 1, offset });
      return { items: rows.slice(0, limit), nextCursor: rows.length > limit ? String(offset + limit) : null };
    },
    async ingest(input) {
      if (!sources.ingest) throw unavailable('ingest');
      const outcome = await sources.ingest(input);
      refresh();
      return outcome;
    },
    confirm(id, by, note) {
      return review(id, (_raw, anchor) =>
        repo.setReview({ anchor, kind: 'confirm', field: '', value: true, by, at: new Date().toISOString(), note }),
      );
    },
    edit(id, field, value, by, note) {
      return review(id, (_raw, anchor) =>
        repo.setReview({ anchor, kind: 'edit', field, value, by, at: new Date().toISOString(), note }),
      );
    },
    grade(id, grade, reason, by) {
      return review(id, (_raw, anchor) =>
        repo.setReview({
          anchor,
          kind: 'grade',
          field: '',
          value: { grade, reason },
          by,
          at: new Date().toISOString(),
          note: reason,
        }),
      );
    },
    discount(id, reportId, reason, by, undo) {
      return review(id, (raw, anchor) => {
        if (!reportIdsOf(raw).includes(reportId))
          throw new HttpError(404, 'not_found', `report ${reportId} is not a source of incident ${id}`);
        if (undo) {
          // The overlay may sit on any member's anchor if the incident was re-formed since: clear them all.
          let cleared = false;
          for (const m of raw.members) cleared = repo.clearReview(m.key, 'discount', reportId) || cleared;
          if (!cleared) throw new HttpError(409, 'conflict', `report ${reportId} is not discounted here`);
        } else {
          repo.setReview({
            anchor,
            kind: 'discount',
            field: reportId,
            value: reason ?? '',
            by,
            at: new Date().toISOString(),
            note: reason,
          });
        }
      });
    },
    merge(ids, by, note) {
      if (!incidentSource?.decide) throw unavailable('merging incidents (the incidents repository’s decision API)');
      const loaded = ids.map((id) => mustLoad(id).raw);
      const events = [...new Set(loaded.flatMap((i) => i.members.map((m) => m.key)))];
      const before = summaries(ids);
      incidentSource.decide({ ...decisionHead('merge', events[0], by, note), kind: 'merge', events });
      refresh();
      const incident = repo.incidentOfEvent(events[0]!) ?? ids[0]!;
      const after = summaries([incident])[0] ?? null;
      return { incident, before, after, removed: ids.filter((x) => x !== incident) };
    },
    split(id, groups, by, note) {
      if (!incidentSource?.decide) throw unavailable('splitting incidents (the incidents repository’s decision API)');
      const raw = mustLoad(id).raw;
      const keys = new Set(raw.members.map((m) => m.key));
      const named = groups.flat();
      if (groups.length < 2 || groups.some((g) => g.length === 0))
        throw new HttpError(400, 'validation_failed', 'body.groups: give at least two non-empty groups');
      if (named.some((k) => !keys.has(k)))
        throw new HttpError(400, 'validation_failed', 'body.groups: every event must be a member of this incident');
      if (new Set(named).size !== named.length)
        throw new HttpError(400, 'validation_failed', 'body.groups: an event appears twice');
      const before = summaries([id]);
      incidentSource.decide({ ...decisionHead('split', named[0], by, note), kind: 'split', groups });
      refresh();
      const incidents = [
        ...new Set(groups.map((g) => repo.incidentOfEvent(g[0]!)).filter((x): x is string => x !== null)),
      ];
      return { incident: id, before, after: summaries(incidents), incidents };
    },
  };
}
