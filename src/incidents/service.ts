/**
 * The incident stage at the edge of the store: reads reports and events through the Store, clusters them with the
 * analyst decisions, writes incidents through the IncidentRepository. The only module of src/incidents that does
 * I/O (through those two interfaces); the clustering itself stays pure.
 */
import type { Extraction } from '../model/extraction.js';
import type {
  AnalystDecision,
  Incident,
  IncidentCounts,
  IncidentEventInput,
  IncidentReport,
} from '../model/incident.js';
import type { Report } from '../model/report.js';
import type { IncidentRepository, Store, StoredEvent } from '../store/store.js';
import { FOLLOW_WINDOW_DAYS, IncidentIndex } from './cluster.js';
import { DATE_TOUCH_DAYS } from './compatibility.js';
import { summarizeCounts } from './counts.js';
import { dayNumber, eventFeature, eventKey, isoDay } from './features.js';
import { gradeIncident } from './grade.js';
import { incidentReportOf } from './inputs.js';
import type { IncidentLexicon } from './lexicon.js';
import { assignFamilies } from './sources.js';

export type IncidentStore = Pick<Store, 'reports' | 'events'>;

/** Every stored event (the events repository pages; one page holds them all). */
function allEvents(store: IncidentStore): StoredEvent[] {
  const n = store.events.count();
  return n === 0 ? [] : store.events.list({ limit: n });
}

function reportsOf(store: IncidentStore, ids: Iterable<string>): IncidentReport[] {
  const out: IncidentReport[] = [];
  for (const id of new Set(ids)) {
    const r = store.reports.get(id);
    if (r) out.push(incidentReportOf(r));
  }
  return out;
}

const toInput = (e: StoredEvent): IncidentEventInput => ({ report: e.reportId, index: e.idx, event: e.event });

/** Clusters `events` (with their reports and the analysts' stored decisions) into incidents. */
function clusterEvents(
  store: IncidentStore,
  repo: IncidentRepository,
  lexicon: IncidentLexicon,
  events: StoredEvent[],
): Incident[] {
  const index = new IncidentIndex({ lexicon, decisions: repo.decisions() });
  index.addReports(
    reportsOf(
      store,
      events.map((e) => e.reportId),
    ),
  );
  index.add(events.map(toInput));
  return index.incidents();
}

/** What the stored incidents were built from: a change in either count means they are stale. */
export function eventSetMarker(store: IncidentStore): string {
  return `reports=${store.reports.count()};events=${store.events.count()}`;
}

/** Clusters every stored event with the stored decisions and replaces the stored incidents. */
export function rebuildIncidents(
  store: IncidentStore,
  repo: IncidentRepository,
  lexicon: IncidentLexicon,
): { incidents: number; events: number } {
  const events = allEvents(store);
  const incidents = clusterEvents(store, repo, lexicon, events);
  repo.replaceAll(incidents);
  repo.setBuiltFrom(eventSetMarker(store));
  return { incidents: incidents.length, events: events.length };
}

/** Rebuilds when the stored incidents were built from another set of events; returns whether it did. */
export function ensureIncidentsFresh(
  store: IncidentStore,
  repo: IncidentRepository,
  lexicon: IncidentLexicon,
): boolean {
  if (repo.builtFrom() === eventSetMarker(store)) return false;
  rebuildIncidents(store, repo, lexicon);
  return true;
}

/**
 * Days of context around new events for an incremental update: the follow-up window (14 days) and a day, so that
 * links and incidents reached through a neighbour are re-formed whole. Components wider than this (rare chains of
 * region-level reports) are re-formed exactly by `rebuildIncidents`.
 */
const CONTEXT_DAYS = Math.max(DATE_TOUCH_DAYS + 7, FOLLOW_WINDOW_DAYS + 1);

/**
 * Incremental update after new reports were stored (or re-coded): re-clusters only the events dated around the new
 * ones (and every event of the incidents they belong to), with the analyst decisions, and writes what changed.
 */
export function updateIncidentsForReports(
  store: IncidentStore,
  repo: IncidentRepository,
  lexicon: IncidentLexicon,
  reportIds: readonly string[],
): { changed: number; removed: number } {
  const seeds = reportIds.flatMap((id) => store.events.forReport(id));
  // Incidents that held the reports' previous events (a re-coded report may have fewer events now).
  const held = reportIds.flatMap((id) => repo.incidentsOfReport(id));
  return updateAround(store, repo, lexicon, seeds, held);
}

/** Incremental update after an analyst decision: re-forms the incidents around the events it names. */
export function updateIncidentsForEvents(
  store: IncidentStore,
  repo: IncidentRepository,
  lexicon: IncidentLexicon,
  eventKeys: readonly string[],
): { changed: number; removed: number } {
  const seeds: StoredEvent[] = [];
  for (const key of new Set(eventKeys)) {
    const hash = key.lastIndexOf('#');
    const e = hash > 0 ? store.events.get(`${key.slice(0, hash)}:${key.slice(hash + 1)}`) : null;
    if (e) seeds.push(e);
  }
  const held = eventKeys.map((k) => repo.incidentOfEvent(k)).filter((x): x is string => x !== null);
  return updateAround(store, repo, lexicon, seeds, held);
}

function updateAround(
  store: IncidentStore,
  repo: IncidentRepository,
  lexicon: IncidentLexicon,
  seeds: readonly StoredEvent[],
  heldIncidents: readonly string[],
): { changed: number; removed: number } {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const e of seeds) {
    const s = dayNumber(e.event.date?.start);
    const t = dayNumber(e.event.date?.end ?? e.event.date?.start);
    if (s !== null) lo = Math.min(lo, s);
    if (t !== null) hi = Math.max(hi, t);
  }
  const byKey = new Map<string, StoredEvent>();
  for (const e of seeds) byKey.set(eventKey(e.reportId, e.idx), e);
  if (Number.isFinite(lo)) {
    const window = { from: isoDay(lo - CONTEXT_DAYS), to: isoDay(hi + CONTEXT_DAYS) };
    const n = store.events.count(window);
    for (const e of n > 0 ? store.events.list({ ...window, limit: n }) : []) byKey.set(eventKey(e.reportId, e.idx), e);
  }
  // Whole incidents: every member of an incident touched by the window comes along, so none is cut in two.
  const previous = new Set<string>();
  const pull = (id: string) => {
    if (previous.has(id)) return;
    previous.add(id);
    for (const m of repo.get(id)?.members ?? []) {
      if (byKey.has(m.key)) continue;
      // A member whose event is gone (its report was re-coded) is dropped.
      const e = store.events.get(`${m.report}:${m.index}`);
      if (e) byKey.set(m.key, e);
    }
  };
  for (const id of heldIncidents) pull(id);
  for (const key of [...byKey.keys()]) {
    const id = repo.incidentOfEvent(key);
    if (id) pull(id);
  }
  const events = [...byKey.values()];
  const incidents = clusterEvents(store, repo, lexicon, events);
  const kept = new Set(incidents.map((i) => i.id));
  const removed = [...previous].filter((id) => !kept.has(id));
  repo.apply({ changed: incidents, removed });
  repo.setBuiltFrom(eventSetMarker(store));
  return { changed: incidents.length, removed: removed.length };
}

/** The counts and grade of an incident once some of its reports are set aside. */
export type Reassessment = Pick<Incident, 'counts' | 'grade' | 'grade_reason'>;

function noFigure(reason: string): IncidentCounts['killed'] {
  return { low: null, best: null, high: null, acled: null, reason, claims: [] };
}

/**
 * The counts (low/best/high, ACLED) and the grade of `incident` recomputed without the reports in `discounted` (an
 * analyst set them aside): the remaining members' events are read back from the store and summarised exactly as
 * assembleIncident does, so an empty `discounted` gives the incident's own figures. Null when a remaining member's
 * event is no longer stored (its report was re-coded; the next re-clustering settles that incident anyway).
 */
export function reassessWithout(
  store: IncidentStore,
  lexicon: IncidentLexicon,
  incident: Incident,
  discounted: ReadonlySet<string>,
): Reassessment | null {
  const kept = incident.members.filter((m) => !discounted.has(m.report));
  const dropped = new Set(incident.members.filter((m) => discounted.has(m.report)).map((m) => m.report)).size;
  const note = dropped > 0 ? ` (without ${dropped} discounted report${dropped === 1 ? '' : 's'})` : '';
  if (kept.length === 0) {
    return {
      counts: {
        killed: noFigure('all-reports-discounted'),
        injured: noFigure('all-reports-discounted'),
        captured: noFigure('all-reports-discounted'),
      },
      grade: 'Discounted',
      grade_reason: `every report was discounted by an analyst`,
    };
  }
  const inputs: IncidentEventInput[] = [];
  for (const m of kept) {
    const stored = store.events.get(`${m.report}:${m.index}`);
    if (!stored) return null;
    inputs.push(toInput(stored));
  }
  const reports = new Map(
    reportsOf(
      store,
      kept.map((m) => m.report),
    ).map((r) => [r.id, r]),
  );
  const features = inputs.map((i) => eventFeature(i, reports.get(i.report), lexicon));
  const { familyOf } = assignFamilies(features, reports);
  const counts = summarizeCounts(features, familyOf, lexicon.officialVetoes ?? []);
  if (note) for (const c of Object.values(counts)) c.reason += note;
  const { grade, reason } = gradeIncident(features, familyOf, lexicon, incident.sub_event_type);
  return { counts, grade, grade_reason: reason + note };
}

/** The incidents repository as the workbench reads and changes it (src/server/data.ts `IncidentSource`). */
export function incidentSource(
  store: IncidentStore,
  repo: IncidentRepository,
  lexicon: IncidentLexicon,
): {
  all(): Iterable<Incident>;
  decide(decision: AnalystDecision): void;
  reassess(incident: Incident, discounted: ReadonlySet<string>): Reassessment | null;
} {
  return {
    all: () => {
      ensureIncidentsFresh(store, repo, lexicon);
      return repo.all();
    },
    reassess: (incident, discounted) => reassessWithout(store, lexicon, incident, discounted),
    decide: (decision) => {
      repo.addDecision(decision);
      // Only the incidents around the events the decision names are re-formed (a rebuild of 100,000 events would
      // take seconds per click).
      const keys =
        decision.kind === 'merge'
          ? decision.events
          : decision.kind === 'split'
            ? decision.groups.flat()
            : [decision.event, ...decision.to, ...(decision.from ?? [])];
      updateIncidentsForEvents(store, repo, lexicon, keys);
    },
  };
}

/**
 * When reports were stored without a coder (no event at all in the store), codes every report once so incidents can
 * be formed; returns how many reports were coded. Does nothing as soon as any event is stored, so reports that
 * simply hold no event are never re-coded.
 */
export function codeReportsWithoutEvents(store: IncidentStore, extract: (report: Report) => Extraction): number {
  if (store.events.count() > 0) return 0;
  const total = store.reports.count();
  let coded = 0;
  for (let offset = 0; offset < total; offset += 500) {
    for (const summary of store.reports.list({ limit: 500, offset })) {
      const report = store.reports.get(summary.id);
      if (!report) continue;
      store.events.replaceForReport(report.id, extract(report).events);
      coded++;
    }
  }
  return coded;
}
