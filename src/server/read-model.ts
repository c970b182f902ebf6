/**
 * Keeps the workbench read model (wb_incidents, migration 402) up to date incrementally instead of re-projecting
 * every incident whenever `WorkbenchData.refresh()` runs (at each server start, after each ingest, merge and split:
 * 22–29 s for 100,000 incidents).
 *
 * How: triggers on the incidents table (migration 403) mark every incident id written, by any process. A refresh
 * projects only the dirty incidents that still exist and deletes the rows of those that are gone. Everything is
 * re-projected only when the stamp stored with the rows differs from the stamp of the running projection code (first
 * start after migration 403, or `projectIncident` in data.ts now gives other rows), which `projectionStamp()` finds
 * out by projecting a fixed sample incident.
 *
 * This module plugs into `createWorkbenchData` (data.ts) through the two things it is given, without changing it:
 * the IncidentSource whose `all()` refresh() projects (here: only the dirty incidents) and the WorkbenchRepo whose
 * `syncIncidents(rows, true)` it then calls (here: apply that delta and clear what was read).
 */
import { createHash } from 'node:crypto';
import type { Incident } from '../model/incident.js';
import type { ReviewOverlay, WorkbenchRepo } from '../store/sqlite/workbench-repo.js';
import { type IncidentSource, projectIncident } from './data.js';

/** Bump when the meaning of wb_incidents changes in a way the sample projection below cannot show. */
const READ_MODEL_VERSION = 1;

/** Incidents kept in the store's incidents table: the only kind whose changes the triggers see. */
export interface StoredIncidentSource extends IncidentSource {
  /** Re-clusters when the stored incidents were built from another set of events (cheap when they are fresh). */
  ensureFresh(): void;
  /** One stored incident by its exact id, or null. */
  get(id: string): Incident | null;
}

export function isStoredIncidentSource(source: IncidentSource | null): source is StoredIncidentSource {
  return source !== null && 'ensureFresh' in source && 'get' in source;
}

/** What the last refresh did: 'full' (stamp changed), 'delta' (dirty incidents only). */
export interface ReadModelSync {
  mode: 'full' | 'delta';
  /** Dirty incident ids read (delta), or every incident (full). */
  incidents: number;
}

/** The wiring for createWorkbenchData: pass `incidents` and `repo` instead of the stored source and the raw repo. */
export interface IncrementalReadModel {
  incidents: IncidentSource;
  repo: WorkbenchRepo;
  /** The last refresh, for start-up logs and tests (null before the first). */
  lastSync(): ReadModelSync | null;
}

/** A fixed incident exercising every projected field (place, actors, outlets, counts, members) and two overlays. */
function sampleIncident(): { incident: Incident; overlays: ReviewOverlay[] } {
  const day = { start: '2024-05-01', end: '2024-05-02', precision: 'day' as const };
  const location = {
    name: 'Sample Town',
    lat: 1.5,
    lon: 2.5,
    country: 'XX',
    admin1: 'Sample Region',
    admin2: 'Sample District',
    geonameid: null,
    precision: 'near' as const,
  };
  const incident: Incident = {
    id: 'inc-sample',
    event_type: 'Battles',
    sub_event_type: 'Armed clash',
    actors: {
      actor1: { name: 'Sample Brigade', category: 'Rebel group', text: 'the brigade' },
      actor2: { name: 'Military Forces', category: 'State forces', text: 'the army' },
    },
    date: day,
    location,
    counts: {
      killed: { low: 2, best: 3, high: 4, acled: 2, reason: 'sample', claims: [] },
      injured: { low: null, best: null, high: null, acled: null, reason: 'none', claims: [] },
      captured: { low: 1, best: 1, high: 1, acled: 1, reason: 'sample', claims: [] },
    },
    grade: 'Fair',
    grade_reason: 'sample',
    sources: ['a', 'b'].map((r) => ({
      id: `report:${r}`,
      kind: 'report' as const,
      label: null,
      reports: [{ id: r, externalId: null, outlet: `Outlet ${r}`, published: '2024-05-02' }],
    })),
    members: ['a', 'b'].map((r, index) => ({
      key: `${r}#0`,
      report: r,
      externalId: null,
      index,
      event_type: 'Battles' as const,
      sub_event_type: 'Armed clash' as const,
      certainty: index === 0 ? ('reported' as const) : ('claimed' as const),
      attribution: null,
      date: day,
      location,
      evidence: [],
      family: `report:${r}`,
      reason: index === 0 ? 'seed' : 'compatible',
    })),
    firstReport: null,
    latestReport: null,
    links: [],
  };
  const overlays: ReviewOverlay[] = [
    { anchor: 'a#0', kind: 'edit', field: 'counts.killed.best', value: '5', by: 'x', at: '2024-06-01', note: null },
    { anchor: 'a#0', kind: 'discount', field: 'b', value: 'sample', by: 'x', at: '2024-06-02', note: null },
  ];
  return { incident, overlays };
}

/** The stamp of the running projection code: the version and a hash of what it makes of the sample incident. */
export function projectionStamp(): string {
  const { incident, overlays } = sampleIncident();
  const row = projectIncident(incident, overlays);
  return `v${READ_MODEL_VERSION}:${createHash('sha1').update(JSON.stringify(row)).digest('base64url')}`;
}

type Plan = { mode: 'full'; upTo: number } | { mode: 'delta'; upTo: number; gone: string[] };

export function incrementalReadModel(
  wb: WorkbenchRepo,
  source: StoredIncidentSource,
  stamp = projectionStamp(),
): IncrementalReadModel {
  let plan: Plan | null = null;
  let last: ReadModelSync | null = null;

  const incidents: IncidentSource = {
    all() {
      // Incidents first (a stale set is re-clustered, which marks what it rewrites), then the dirty mark: ids written
      // after the mark stay dirty for the next refresh.
      source.ensureFresh();
      const { upTo, ids } = wb.dirtyIncidents();
      if (wb.projectionStamp() !== stamp) {
        plan = { mode: 'full', upTo };
        const every = Array.from(source.all());
        last = { mode: 'full', incidents: every.length };
        return every;
      }
      const found: Incident[] = [];
      const gone: string[] = [];
      for (const id of ids) {
        const incident = source.get(id);
        // get() also resolves id prefixes: only the incident with exactly this id counts.
        if (incident && incident.id === id) found.push(incident);
        else gone.push(id);
      }
      plan = { mode: 'delta', upTo, gone };
      last = { mode: 'delta', incidents: ids.length };
      return found;
    },
    ...(source.decide ? { decide: source.decide.bind(source) } : {}),
    ...(source.reassess ? { reassess: source.reassess.bind(source) } : {}),
  };

  const repo: WorkbenchRepo = {
    ...wb,
    syncIncidents(rows, complete) {
      const p = plan;
      // A partial sync (one re-projected incident after a review action) or one not preceded by all(): as asked.
      if (!complete || p === null) return wb.syncIncidents(rows, complete);
      plan = null;
      let result: { written: number; deleted: number };
      if (p.mode === 'full') {
        result = wb.syncIncidents(rows, true);
        wb.setProjectionStamp(stamp);
      } else {
        const written = wb.syncIncidents(rows, false).written;
        wb.deleteIncidents(p.gone);
        result = { written, deleted: p.gone.length };
      }
      wb.clearDirty(p.upTo);
      return result;
    },
  };

  return { incidents, repo, lastSync: () => last };
}
