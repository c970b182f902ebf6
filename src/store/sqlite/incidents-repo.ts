/**
 * Incidents in SQLite (migration 300 in migrations.ts): the incident as JSON plus the columns `incidents list` filters on,
 * the event → incident map, and the analyst decisions that every automatic run replays.
 */
import type { Statement } from 'better-sqlite3';
import type { AnalystDecision, Incident } from '../../model/incident.js';
import type { IncidentFilter, IncidentRepository } from '../store.js';
import type { SqliteDb } from './database.js';

function actorText(incident: Incident): string {
  const words = new Set<string>();
  for (const a of [incident.actors.actor1, incident.actors.actor2]) {
    if (a) {
      words.add(a.name.toLowerCase());
      words.add(a.text.toLowerCase());
    }
  }
  return [...words].join(' | ');
}

function where(filter: IncidentFilter): { sql: string; args: (string | number)[] } {
  const clauses: string[] = [];
  const args: (string | number)[] = [];
  if (filter.from) {
    clauses.push('coalesce(date_end, date_start) >= ?');
    args.push(filter.from);
  }
  if (filter.to) {
    clauses.push('date_start <= ?');
    args.push(filter.to);
  }
  if (filter.country) {
    clauses.push('country = ? COLLATE NOCASE');
    args.push(filter.country);
  }
  if (filter.admin1) {
    clauses.push('admin1 = ? COLLATE NOCASE');
    args.push(filter.admin1);
  }
  if (filter.type) {
    clauses.push('(event_type = ? COLLATE NOCASE OR sub_event_type = ? COLLATE NOCASE)');
    args.push(filter.type, filter.type);
  }
  if (filter.actor) {
    clauses.push("actors LIKE ? ESCAPE '\\'");
    args.push(`%${filter.actor.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  if (filter.grade) {
    clauses.push('grade = ?');
    args.push(filter.grade);
  }
  if (filter.minSources !== undefined) {
    clauses.push('sources >= ?');
    args.push(filter.minSources);
  }
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', args };
}

export class SqliteIncidentRepository implements IncidentRepository {
  private readonly insert: Statement;
  private readonly insertEvent: Statement;
  private readonly remove: Statement<[string]>;
  private readonly removeEvents: Statement<[string]>;
  private readonly byId: Statement<[string], { body: string }>;

  constructor(private readonly db: SqliteDb) {
    this.insert = db.prepare(`INSERT OR REPLACE INTO incidents (id, date_start, date_end, event_type, sub_event_type,
      country, admin1, actors, grade, sources, killed_best, body) VALUES (@id, @dateStart, @dateEnd, @eventType,
      @subEventType, @country, @admin1, @actors, @grade, @sources, @killedBest, @body)`);
    this.insertEvent = db.prepare(
      'INSERT OR REPLACE INTO incident_events (event_key, incident_id, report_id) VALUES (?, ?, ?)',
    );
    this.remove = db.prepare('DELETE FROM incidents WHERE id = ?');
    this.removeEvents = db.prepare('DELETE FROM incident_events WHERE incident_id = ?');
    this.byId = db.prepare('SELECT body FROM incidents WHERE id = ?');
  }

  private write(incident: Incident): void {
    this.insert.run({
      id: incident.id,
      dateStart: incident.date?.start ?? null,
      dateEnd: incident.date?.end ?? null,
      eventType: incident.event_type,
      subEventType: incident.sub_event_type,
      country: incident.location?.country ?? null,
      admin1: incident.location?.admin1 ?? null,
      actors: actorText(incident),
      grade: incident.grade,
      sources: incident.sources.length,
      killedBest: incident.counts.killed.best,
      body: JSON.stringify(incident),
    });
    for (const m of incident.members) this.insertEvent.run(m.key, incident.id, m.report);
  }

  replaceAll(incidents: Iterable<Incident>): number {
    return this.db.transaction(() => {
      this.db.exec('DELETE FROM incident_events; DELETE FROM incidents;');
      let n = 0;
      for (const incident of incidents) {
        this.write(incident);
        n++;
      }
      return n;
    })();
  }

  apply(update: { changed: readonly Incident[]; removed: readonly string[] }): void {
    this.db.transaction(() => {
      for (const id of [...update.removed, ...update.changed.map((i) => i.id)]) {
        this.removeEvents.run(id);
        this.remove.run(id);
      }
      for (const incident of update.changed) this.write(incident);
    })();
  }

  get(id: string): Incident | null {
    const row = this.byId.get(id);
    if (row) return JSON.parse(row.body) as Incident;
    if (!/^inc-[0-9a-f]{6,11}$/.test(id)) return null;
    const rows = this.db.prepare('SELECT body FROM incidents WHERE id >= ? AND id < ? LIMIT 2').all(id, `${id}g`) as {
      body: string;
    }[];
    return rows.length === 1 ? (JSON.parse(rows[0]!.body) as Incident) : null;
  }

  list(filter: IncidentFilter = {}): Incident[] {
    const w = where(filter);
    const limit = filter.limit ?? -1;
    const rows = this.db
      .prepare(`SELECT body FROM incidents ${w.sql} ORDER BY date_start NULLS LAST, id LIMIT ? OFFSET ?`)
      .all(...w.args, limit, filter.offset ?? 0) as { body: string }[];
    return rows.map((r) => JSON.parse(r.body) as Incident);
  }

  count(filter: IncidentFilter = {}): number {
    const w = where(filter);
    return (this.db.prepare(`SELECT count(*) AS n FROM incidents ${w.sql}`).get(...w.args) as { n: number }).n;
  }

  *all(): Iterable<Incident> {
    for (const row of this.db.prepare('SELECT body FROM incidents ORDER BY date_start NULLS LAST, id').iterate()) {
      yield JSON.parse((row as { body: string }).body) as Incident;
    }
  }

  incidentOfEvent(eventKey: string): string | null {
    const row = this.db.prepare('SELECT incident_id FROM incident_events WHERE event_key = ?').get(eventKey) as
      | { incident_id: string }
      | undefined;
    return row?.incident_id ?? null;
  }

  incidentsOfReport(reportId: string): string[] {
    return (
      this.db
        .prepare('SELECT DISTINCT incident_id FROM incident_events WHERE report_id = ? ORDER BY incident_id')
        .all(reportId) as { incident_id: string }[]
    ).map((r) => r.incident_id);
  }

  decisions(): AnalystDecision[] {
    return (this.db.prepare('SELECT body FROM incident_decisions ORDER BY at, id').all() as { body: string }[]).map(
      (r) => JSON.parse(r.body) as AnalystDecision,
    );
  }

  addDecision(decision: AnalystDecision): void {
    this.db
      .prepare('INSERT INTO incident_decisions (id, at, kind, analyst, body) VALUES (?, ?, ?, ?, ?)')
      .run(decision.id, decision.at, decision.kind, decision.analyst ?? null, JSON.stringify(decision));
  }

  builtFrom(): string | null {
    const row = this.db.prepare("SELECT value FROM incident_state WHERE key = 'built-from'").get() as
      | { value: string }
      | undefined;
    return row?.value ?? null;
  }

  setBuiltFrom(marker: string): void {
    this.db
      .prepare(
        "INSERT INTO incident_state (key, value) VALUES ('built-from', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      )
      .run(marker);
  }
}
