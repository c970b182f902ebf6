/**
 * The workbench read model (migration 402): narrow incident rows for map/list/timeline queries and analyst review
 * overlays. The rows are a projection: the incidents repository stays the source of truth and
 * `src/server/data.ts` projects these rows from it (only rows whose fingerprint changed are rewritten). Which
 * incidents need projecting is recorded by triggers (migration 403, `dirtyIncidents`), and a stamp of the projection
 * code (`projectionStamp`) says when every row must be rebuilt: see src/server/read-model.ts.
 */
import type { SqliteDb } from './database.js';

export interface WorkbenchIncidentRow {
  id: string;
  dateStart: string | null;
  dateEnd: string | null;
  lat: number | null;
  lon: number | null;
  precision: string | null;
  country: string | null;
  admin1: string | null;
  eventType: string;
  subEventType: string;
  grade: string;
  certainty: string;
  sources: number;
  reports: number;
  killedLow: number | null;
  killedBest: number | null;
  killedHigh: number | null;
  actor1: string | null;
  actor2: string | null;
  reviewed: boolean;
  /** Lower-case words searched by `q`: place, admin names, actors, outlets. */
  search: string;
  summaryJson: string;
  bodyJson: string;
  /** Changes when anything shown changes: rows with the same fingerprint are not rewritten. */
  fingerprint: string;
  eventKeys: string[];
}

export interface IncidentQuery {
  from?: string;
  to?: string;
  /** [west, south, east, north]; west > east crosses the antimeridian. */
  bbox?: [number, number, number, number];
  country?: string;
  admin1?: string;
  types?: string[];
  subTypes?: string[];
  actor?: string;
  grades?: string[];
  certainties?: string[];
  minSources?: number;
  q?: string;
}

/** A map point as stored: id, lat, lon, event type, best killed, place precision. */
export type MapRow = [id: string, lat: number, lon: number, type: string, best: number | null, precision: string];

export type ReviewKind = 'confirm' | 'edit' | 'grade' | 'discount';

export interface ReviewOverlay {
  anchor: string;
  kind: ReviewKind;
  field: string;
  value: unknown;
  by: string;
  at: string;
  note: string | null;
}

export interface WorkbenchRepo {
  /** Writes changed rows, deletes rows whose id is not in `ids` when `complete` (a full rebuild). */
  syncIncidents(rows: Iterable<WorkbenchIncidentRow>, complete: boolean): { written: number; deleted: number };
  deleteIncidents(ids: string[]): void;
  incidentCount(): number;
  /** Newest first by start date; cursor is the last row's (date_start, id). */
  listIncidents(q: IncidentQuery, after: { date: string; id: string } | null, limit: number): string[];
  /** Compact points: id, lat, lon, type, best killed, precision; at most `limit`. */
  points(q: IncidentQuery, limit: number): MapRow[];
  /** Incidents per start day and type. */
  timeline(q: IncidentQuery): { day: string; type: string; n: number }[];
  summaryJson(ids: string[]): Map<string, string>;
  bodyJson(id: string): string | null;
  /** All bodies matching a query (exports), newest first, at most `limit`. */
  bodies(q: IncidentQuery, limit: number): string[];
  incidentOfEvent(eventKey: string): string | null;
  incidentsOfReport(reportId: string): string[];
  setReview(o: ReviewOverlay): void;
  clearReview(anchor: string, kind: ReviewKind, field: string): boolean;
  reviewFor(anchors: string[]): ReviewOverlay[];
  /**
   * Incident ids written since the last `clearDirty` (triggers of migration 403 record every insert, update and
   * delete on the incidents table); `upTo` is the mark to clear them with once they are projected.
   */
  dirtyIncidents(): { upTo: number; ids: string[] };
  /** Forgets the dirty ids up to a mark; ids written again since keep a later mark and stay. */
  clearDirty(upTo: number): void;
  /** The stamp of the projection the rows were built with (null: never built, or built before migration 403). */
  projectionStamp(): string | null;
  setProjectionStamp(stamp: string): void;
}

const ROW_COLUMNS = `id, date_start, date_end, lat, lon, precision, country, admin1, event_type, sub_event_type, grade,
  certainty, sources, reports, killed_low, killed_best, killed_high, actor1, actor2, reviewed, search, fingerprint`;

/** Builds the WHERE clause of an incident query; values always go through parameters. */
/**
 * Builds the WHERE clause of an incident query; values always go through parameters. `maxSpanDays` (the longest
 * incident in the table) turns "ends on or after `from`" into a range on the start-date index as well.
 */
function where(q: IncidentQuery, maxSpanDays = 0): { sql: string; args: (string | number)[] } {
  const parts: string[] = [];
  const args: (string | number)[] = [];
  if (q.from) {
    parts.push('date_end >= ? AND date_start >= ?');
    const earliest = new Date(Date.parse(`${q.from}T00:00:00Z`) - Math.ceil(maxSpanDays) * 86_400_000);
    args.push(q.from, Number.isNaN(earliest.getTime()) ? q.from : earliest.toISOString().slice(0, 10));
  }
  if (q.to) {
    parts.push("date_start <= ? AND date_start <> ''");
    args.push(q.to);
  }
  if (q.bbox) {
    const [w, s, e, n] = q.bbox;
    parts.push('lat BETWEEN ? AND ?');
    args.push(s, n);
    if (w <= e) {
      parts.push('lon BETWEEN ? AND ?');
      args.push(w, e);
    } else {
      parts.push('(lon >= ? OR lon <= ?)');
      args.push(w, e);
    }
  }
  if (q.country) {
    parts.push('country = ?');
    args.push(q.country.toUpperCase());
  }
  if (q.admin1) {
    parts.push('admin1 = ? COLLATE NOCASE');
    args.push(q.admin1);
  }
  const inList = (column: string, values: string[] | undefined) => {
    if (!values?.length) return;
    parts.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    args.push(...values);
  };
  inList('event_type', q.types);
  inList('sub_event_type', q.subTypes);
  inList('grade', q.grades);
  inList('certainty', q.certainties);
  if (q.actor) {
    parts.push("(actor1 LIKE ? ESCAPE '\\' OR actor2 LIKE ? ESCAPE '\\')");
    const like = `%${escapeLike(q.actor)}%`;
    args.push(like, like);
  }
  if (q.minSources) {
    parts.push('sources >= ?');
    args.push(q.minSources);
  }
  if (q.q) {
    for (const word of q.q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
      parts.push("search LIKE ? ESCAPE '\\'");
      args.push(`%${escapeLike(word)}%`);
    }
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', args };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function createWorkbenchRepo(db: SqliteDb): WorkbenchRepo {
  const fingerprintOf = db.prepare('SELECT fingerprint FROM wb_incidents WHERE id = ?');
  const upsert = db.prepare(`INSERT INTO wb_incidents (${ROW_COLUMNS}) VALUES (${Array(22).fill('?').join(', ')})
    ON CONFLICT(id) DO UPDATE SET date_start = excluded.date_start, date_end = excluded.date_end, lat = excluded.lat,
      lon = excluded.lon, precision = excluded.precision, country = excluded.country, admin1 = excluded.admin1,
      event_type = excluded.event_type, sub_event_type = excluded.sub_event_type, grade = excluded.grade,
      certainty = excluded.certainty, sources = excluded.sources, reports = excluded.reports,
      killed_low = excluded.killed_low, killed_best = excluded.killed_best, killed_high = excluded.killed_high,
      actor1 = excluded.actor1, actor2 = excluded.actor2, reviewed = excluded.reviewed, search = excluded.search,
      fingerprint = excluded.fingerprint`);
  const upsertBody = db.prepare(`INSERT INTO wb_incident_bodies (id, summary_json, body_json) VALUES (?, ?, ?)
    ON CONFLICT(id) DO UPDATE SET summary_json = excluded.summary_json, body_json = excluded.body_json`);
  const deleteBody = db.prepare('DELETE FROM wb_incident_bodies WHERE id = ?');
  let maxSpan: number | null = null;
  /** The longest incident (days), for the lower bound of date queries; recomputed after writes. */
  const spanDays = (): number => {
    maxSpan ??=
      (
        db
          .prepare(
            "SELECT max(julianday(date_end) - julianday(date_start)) AS d FROM wb_incidents WHERE date_start <> '' AND date_end <> ''",
          )
          .get() as { d: number | null }
      ).d ?? 0;
    return maxSpan;
  };
  const deleteEvents = db.prepare('DELETE FROM wb_incident_events WHERE incident_id = ?');
  const insertEvent = db.prepare(
    'INSERT INTO wb_incident_events (event_key, incident_id) VALUES (?, ?) ON CONFLICT(event_key) DO UPDATE SET incident_id = excluded.incident_id',
  );
  const deleteIncident = db.prepare('DELETE FROM wb_incidents WHERE id = ?');

  function write(r: WorkbenchIncidentRow): boolean {
    const old = fingerprintOf.get(r.id) as { fingerprint: string } | undefined;
    if (old?.fingerprint === r.fingerprint) return false;
    upsert.run(
      r.id,
      r.dateStart ?? '',
      r.dateEnd ?? '',
      r.lat,
      r.lon,
      r.precision,
      r.country,
      r.admin1,
      r.eventType,
      r.subEventType,
      r.grade,
      r.certainty,
      r.sources,
      r.reports,
      r.killedLow,
      r.killedBest,
      r.killedHigh,
      r.actor1,
      r.actor2,
      r.reviewed ? 1 : 0,
      r.search,
      r.fingerprint,
    );
    upsertBody.run(r.id, r.summaryJson, r.bodyJson);
    maxSpan = null;
    deleteEvents.run(r.id);
    for (const key of r.eventKeys) insertEvent.run(key, r.id);
    return true;
  }

  return {
    syncIncidents(rows, complete) {
      return db.transaction(() => {
        let written = 0;
        let deleted = 0;
        const seen = complete ? new Set<string>() : null;
        for (const r of rows) {
          seen?.add(r.id);
          if (write(r)) written++;
        }
        if (seen) {
          const ids = (db.prepare('SELECT id FROM wb_incidents').all() as { id: string }[]).map((x) => x.id);
          for (const id of ids) {
            if (seen.has(id)) continue;
            deleteEvents.run(id);
            deleteIncident.run(id);
            deleteBody.run(id);
            deleted++;
          }
        }
        return { written, deleted };
      })();
    },
    deleteIncidents(ids) {
      db.transaction(() => {
        for (const id of ids) {
          deleteEvents.run(id);
          deleteIncident.run(id);
          deleteBody.run(id);
        }
      })();
    },
    incidentCount() {
      return (db.prepare('SELECT COUNT(*) AS n FROM wb_incidents').get() as { n: number }).n;
    },
    listIncidents(q, after, limit) {
      const w = where(q, spanDays());
      let sql = `SELECT id FROM wb_incidents WHERE ${w.sql}`;
      const args = [...w.args];
      if (after) {
        sql += ' AND (date_start < ? OR (date_start = ? AND id < ?))';
        args.push(after.date, after.date, after.id);
      }
      sql += ' ORDER BY date_start DESC, id DESC LIMIT ?';
      args.push(limit);
      return (db.prepare(sql).all(...args) as { id: string }[]).map((r) => r.id);
    },
    points(q, limit) {
      const w = where(q, spanDays());
      // Rows as arrays (raw mode): materialising 8,000 row objects costs about twice as much as arrays.
      const rows = db
        .prepare(
          `SELECT id, lat, lon, event_type, killed_best, precision FROM wb_incidents
           WHERE lat IS NOT NULL AND ${w.sql} ORDER BY date_start DESC LIMIT ?`,
        )
        .raw(true)
        .all(...w.args, limit) as MapRow[];
      return rows;
    },
    timeline(q) {
      const w = where(q, spanDays());
      return db
        .prepare(
          `SELECT date_start AS day, event_type AS type, COUNT(*) AS n FROM wb_incidents
           WHERE date_start <> '' AND ${w.sql} GROUP BY date_start, event_type ORDER BY date_start`,
        )
        .all(...w.args) as { day: string; type: string; n: number }[];
    },
    summaryJson(ids) {
      const out = new Map<string, string>();
      if (ids.length === 0) return out;
      const rows = db
        .prepare(`SELECT id, summary_json FROM wb_incident_bodies WHERE id IN (${ids.map(() => '?').join(', ')})`)
        .all(...ids) as { id: string; summary_json: string }[];
      for (const r of rows) out.set(r.id, r.summary_json);
      return out;
    },
    bodyJson(id) {
      const row = db.prepare('SELECT body_json FROM wb_incident_bodies WHERE id = ?').get(id) as
        | { body_json: string }
        | undefined;
      return row?.body_json ?? null;
    },
    bodies(q, limit) {
      const w = where(q, spanDays());
      return (
        db
          .prepare(
            `SELECT b.body_json FROM wb_incidents JOIN wb_incident_bodies b USING (id) WHERE ${w.sql} ORDER BY date_start DESC, id DESC LIMIT ?`,
          )
          .all(...w.args, limit) as { body_json: string }[]
      ).map((r) => r.body_json);
    },
    incidentOfEvent(eventKey) {
      const row = db.prepare('SELECT incident_id FROM wb_incident_events WHERE event_key = ?').get(eventKey) as
        | { incident_id: string }
        | undefined;
      return row?.incident_id ?? null;
    },
    incidentsOfReport(reportId) {
      return (
        db
          .prepare(
            'SELECT DISTINCT incident_id FROM wb_incident_events WHERE event_key >= ? AND event_key < ? ORDER BY incident_id',
          )
          .all(`${reportId}#`, `${reportId}$`) as { incident_id: string }[]
      ).map((r) => r.incident_id);
    },
    setReview(o) {
      db.prepare(
        `INSERT INTO wb_review (anchor, kind, field, value_json, by_user, at, note) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(anchor, kind, field) DO UPDATE SET value_json = excluded.value_json, by_user = excluded.by_user,
           at = excluded.at, note = excluded.note`,
      ).run(o.anchor, o.kind, o.field, JSON.stringify(o.value ?? null), o.by, o.at, o.note);
    },
    clearReview(anchor, kind, field) {
      return (
        db.prepare('DELETE FROM wb_review WHERE anchor = ? AND kind = ? AND field = ?').run(anchor, kind, field)
          .changes > 0
      );
    },
    dirtyIncidents() {
      return db.transaction(() => {
        const upTo = (db.prepare('SELECT max(seq) AS m FROM wb_incident_dirty').get() as { m: number | null }).m ?? 0;
        const ids = (
          db.prepare('SELECT incident_id FROM wb_incident_dirty WHERE seq <= ? ORDER BY seq').all(upTo) as {
            incident_id: string;
          }[]
        ).map((r) => r.incident_id);
        return { upTo, ids };
      })();
    },
    clearDirty(upTo) {
      db.prepare('DELETE FROM wb_incident_dirty WHERE seq <= ?').run(upTo);
    },
    projectionStamp() {
      const row = db.prepare("SELECT value FROM wb_state WHERE key = 'projection'").get() as
        | { value: string }
        | undefined;
      return row?.value ?? null;
    },
    setProjectionStamp(stamp) {
      db.prepare(
        "INSERT INTO wb_state (key, value) VALUES ('projection', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      ).run(stamp);
    },
    reviewFor(anchors) {
      if (anchors.length === 0) return [];
      const rows: ReviewOverlay[] = [];
      // SQLite's default limit is 32,766 parameters; incidents have a few dozen members at most, chunk anyway.
      for (let i = 0; i < anchors.length; i += 500) {
        const chunk = anchors.slice(i, i + 500);
        const found = db
          .prepare(
            `SELECT anchor, kind, field, value_json, by_user, at, note FROM wb_review WHERE anchor IN (${chunk.map(() => '?').join(', ')}) ORDER BY at`,
          )
          .all(...chunk) as {
          anchor: string;
          kind: ReviewKind;
          field: string;
          value_json: string;
          by_user: string;
          at: string;
          note: string | null;
        }[];
        for (const r of found) {
          rows.push({
            anchor: r.anchor,
            kind: r.kind,
            field: r.field,
            value: JSON.parse(r.value_json),
            by: r.by_user,
            at: r.at,
            note: r.note,
          });
        }
      }
      return rows;
    },
  };
}
