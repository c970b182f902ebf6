/**
 * The incremental workbench read model: triggers on the incidents table (migration 403) mark what changed, a refresh
 * projects only that, and a changed projection stamp rebuilds every row. Incidents are made-up (places Velmora,
 * Tamsa) and written through the real SQLite incidents repository.
 */
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../src/model/incident.js';
import { createWorkbenchData, projectIncident } from '../../src/server/data.js';
import { incrementalReadModel, projectionStamp, type StoredIncidentSource } from '../../src/server/read-model.js';
import { openStore } from '../../src/store/index.js';
import { SqliteIncidentRepository } from '../../src/store/sqlite/incidents-repo.js';
import { createWorkbenchRepo } from '../../src/store/sqlite/workbench-repo.js';

function incident(n: number, place: string, killed: number | null, report = `rep${n}`): Incident {
  const day = `2024-05-${String(n).padStart(2, '0')}`;
  const date = { start: day, end: day, precision: 'day' as const };
  const location = {
    name: place,
    lat: 35 + n / 10,
    lon: 38,
    country: 'SY',
    admin1: 'Raqqa',
    admin2: null,
    geonameid: null,
    precision: 'exact' as const,
  };
  const none = { low: null, best: null, high: null, acled: null, reason: 'none', claims: [] };
  return {
    id: `inc-${String(n).padStart(12, '0')}`,
    event_type: 'Explosions/Remote violence',
    sub_event_type: 'Shelling/artillery/missile attack',
    actors: { actor1: { name: 'Military Forces', category: 'State forces', text: 'the army' }, actor2: null },
    date,
    location,
    counts: {
      killed:
        killed === null ? none : { low: killed, best: killed, high: killed, acled: killed, reason: 't', claims: [] },
      injured: none,
      captured: none,
    },
    grade: 'Weak',
    grade_reason: 'single source',
    sources: [
      {
        id: `report:${report}`,
        kind: 'report',
        label: null,
        reports: [{ id: report, externalId: null, outlet: 'Desk', published: day }],
      },
    ],
    members: [
      {
        key: `${report}#0`,
        report,
        externalId: null,
        index: 0,
        event_type: 'Explosions/Remote violence',
        sub_event_type: 'Shelling/artillery/missile attack',
        certainty: 'reported',
        attribution: null,
        date,
        location,
        evidence: [],
        family: `report:${report}`,
        reason: 'seed',
      },
    ],
    firstReport: null,
    latestReport: null,
    links: [],
  };
}

function world() {
  const store = openStore(':memory:');
  const incidents = new SqliteIncidentRepository(store.db);
  const wb = createWorkbenchRepo(store.db);
  const calls = { all: 0, get: 0, fresh: 0 };
  const source: StoredIncidentSource = {
    all: () => {
      calls.all++;
      return incidents.all();
    },
    ensureFresh: () => {
      calls.fresh++;
    },
    get: (id) => {
      calls.get++;
      return incidents.get(id);
    },
  };
  const build = (stamp?: string) => {
    const model = incrementalReadModel(wb, source, stamp);
    const data = createWorkbenchData(model.repo, { store, incidents: model.incidents, ingest: null });
    return { model, data };
  };
  const places = (data: ReturnType<typeof build>['data']) =>
    data
      .listIncidents({}, null, 100)
      .items.map((i) => `${i.location?.name}:${i.killed?.best ?? '-'}`)
      .sort();
  return { store, incidents, wb, calls, build, places };
}

describe('incremental workbench read model', () => {
  it('rebuilds all rows once, then projects only the incidents written since (by any writer)', () => {
    const w = world();
    w.incidents.replaceAll([incident(1, 'Velmora', 2), incident(2, 'Tamsa', null), incident(3, 'Dorvik', 5)]);
    const first = w.build();
    expect(first.data.refresh()).toEqual({ written: 3, deleted: 0, total: 3 });
    expect(first.model.lastSync()).toEqual({ mode: 'full', incidents: 3 });
    expect(w.wb.projectionStamp()).toBe(projectionStamp());
    expect(w.wb.dirtyIncidents().ids).toEqual([]);

    // A restart with nothing changed reads no incident at all.
    const restart = w.build();
    w.calls.all = 0;
    w.calls.get = 0;
    expect(restart.data.refresh()).toEqual({ written: 0, deleted: 0, total: 3 });
    expect(restart.model.lastSync()).toEqual({ mode: 'delta', incidents: 0 });
    expect(w.calls).toMatchObject({ all: 0, get: 0 });

    // One incident changes, one goes, one arrives (as an incremental re-clustering writes them).
    w.incidents.apply({
      changed: [incident(1, 'Velmora', 7), incident(4, 'Oskar Ridge', 1)],
      removed: ['inc-000000000002'],
    });
    expect(new Set(w.wb.dirtyIncidents().ids)).toEqual(
      new Set(['inc-000000000001', 'inc-000000000002', 'inc-000000000004']),
    );
    expect(restart.data.refresh()).toEqual({ written: 2, deleted: 1, total: 3 });
    expect(restart.model.lastSync()).toEqual({ mode: 'delta', incidents: 3 });
    expect(w.calls.all).toBe(0);
    expect(w.places(restart.data)).toEqual(['Dorvik:5', 'Oskar Ridge:1', 'Velmora:7']);
    expect(
      restart.data
        .points({}, 10)
        .points.map((p) => p[0])
        .sort(),
    ).toEqual(['inc-000000000001', 'inc-000000000003', 'inc-000000000004']);
    expect(w.wb.dirtyIncidents().ids).toEqual([]);
    w.store.close();
  });

  it('rebuilds every row when the projection stamp differs, and a full re-clustering is picked up whole', () => {
    const w = world();
    w.incidents.replaceAll([incident(1, 'Velmora', 2), incident(2, 'Tamsa', 3)]);
    w.build().data.refresh();
    // Rows the current code would not have made, and the stamp of other code: the next start rebuilds them all.
    w.store.db.prepare("UPDATE wb_incidents SET event_type = 'Riots', fingerprint = 'old'").run();
    const other = w.build('v0:other-code');
    w.calls.all = 0;
    expect(other.data.refresh().written).toBe(2);
    expect(other.model.lastSync()).toEqual({ mode: 'full', incidents: 2 });
    expect(w.calls.all).toBe(1);
    expect(w.wb.projectionStamp()).toBe('v0:other-code');
    expect(other.data.listIncidents({ types: ['Riots'] }, null, 10).items).toEqual([]);

    // `incidents rebuild` replaces everything: every id is dirty, the gone ones are deleted.
    w.incidents.replaceAll([incident(2, 'Tamsa', 4), incident(5, 'Kelmara', null)]);
    const r = other.data.refresh();
    expect(r).toEqual({ written: 2, deleted: 1, total: 2 });
    expect(w.places(other.data)).toEqual(['Kelmara:-', 'Tamsa:4']);
    w.store.close();
  });

  it('keeps ids written after the refresh read them dirty for the next one', () => {
    const w = world();
    w.incidents.replaceAll([incident(1, 'Velmora', 2)]);
    const { data, model } = w.build();
    data.refresh();
    // A writer lands between the read of the dirty ids and the sync (another process, in real life).
    w.incidents.apply({ changed: [incident(1, 'Velmora', 3)], removed: [] });
    const rows = Array.from(model.incidents.all());
    w.incidents.apply({ changed: [incident(6, 'Tamsa', 1)], removed: [] });
    model.repo.syncIncidents(
      rows.map((i) => projectIncident(i, [])),
      true,
    );
    expect(rows.map((i) => i.id)).toEqual(['inc-000000000001']);
    expect(w.places(data)).toEqual(['Velmora:3']);
    expect(w.wb.dirtyIncidents().ids).toEqual(['inc-000000000006']);
    data.refresh();
    expect(w.places(data)).toEqual(['Tamsa:1', 'Velmora:3']);
    w.store.close();
  });
});
