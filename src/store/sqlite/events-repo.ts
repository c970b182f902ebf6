/** Extracted events in SQLite: the event as JSON plus the columns analysts filter on. */
import type { Statement } from 'better-sqlite3';
import type { Evidence, ExtractedEvent, FieldReason } from '../../model/extraction.js';
import type { EventFilter, EventRepository, StoredEvent } from '../store.js';
import type { SqliteDb } from './database.js';

interface EventRow {
  report_id: string;
  idx: number;
  evidence: string;
  reasons: string;
  data: string;
}

export class SqliteEventRepository implements EventRepository {
  private readonly deleteForReport: Statement<[string]>;
  private readonly insert: Statement;
  private readonly byReport: Statement<[string], EventRow>;
  private readonly byKey: Statement<[string, number], EventRow>;

  constructor(private readonly db: SqliteDb) {
    this.deleteForReport = db.prepare('DELETE FROM events WHERE report_id = ?');
    this.insert = db.prepare(`INSERT INTO events (report_id, idx, event_type, sub_event_type, actor1, actor1_category,
      actor2, actor2_category, country, admin1, location, lat, lon, date_start, date_end, certainty, confidence,
      evidence, reasons, data) VALUES (@reportId, @idx, @eventType, @subEventType, @actor1, @actor1Category, @actor2,
      @actor2Category, @country, @admin1, @location, @lat, @lon, @dateStart, @dateEnd, @certainty, @confidence,
      @evidence, @reasons, @data)`);
    this.byReport = db.prepare(
      'SELECT report_id, idx, evidence, reasons, data FROM events WHERE report_id = ? ORDER BY idx',
    );
    this.byKey = db.prepare(
      'SELECT report_id, idx, evidence, reasons, data FROM events WHERE report_id = ? AND idx = ?',
    );
  }

  replaceForReport(reportId: string, events: readonly ExtractedEvent[]): number {
    return this.db.transaction(() => {
      this.deleteForReport.run(reportId);
      events.forEach((e, idx) => {
        const { evidence, reasons, ...rest } = e;
        this.insert.run({
          reportId,
          idx,
          eventType: e.event_type,
          subEventType: e.sub_event_type,
          actor1: e.actor1?.name ?? null,
          actor1Category: e.actor1?.category ?? null,
          actor2: e.actor2?.name ?? null,
          actor2Category: e.actor2?.category ?? null,
          country: e.location?.country ?? null,
          admin1: e.location?.admin1 ?? null,
          location: e.location?.name ?? null,
          lat: e.location?.lat ?? null,
          lon: e.location?.lon ?? null,
          dateStart: e.date?.start ?? null,
          dateEnd: e.date?.end ?? null,
          certainty: e.certainty,
          confidence: e.confidence,
          evidence: JSON.stringify(evidence ?? []),
          reasons: JSON.stringify(reasons ?? []),
          data: JSON.stringify(rest),
        });
      });
      return events.length;
    })();
  }

  forReport(reportId: string): StoredEvent[] {
    return this.byReport.all(reportId).map(toStored);
  }

  get(id: string): StoredEvent | null {
    const m = /^(.+):(\d+)$/.exec(id.trim());
    if (!m) return null;
    const [, ref, idx] = m;
    let reportId = ref!;
    if (!/^[0-9a-f]{64}$/.test(reportId)) {
      if (!/^[0-9a-f]{4,63}$/.test(reportId)) return null;
      const ids = this.db
        .prepare('SELECT DISTINCT report_id AS id FROM events WHERE report_id >= ? AND report_id < ? LIMIT 2')
        .all(reportId, `${reportId}g`) as { id: string }[];
      if (ids.length !== 1) return null;
      reportId = ids[0]!.id;
    }
    const row = this.byKey.get(reportId, Number(idx));
    return row ? toStored(row) : null;
  }

  list(filter: EventFilter = {}): StoredEvent[] {
    const { where, params } = eventWhere(filter);
    const rows = this.db
      .prepare(
        `SELECT report_id, idx, evidence, reasons, data FROM events ${where}
         ORDER BY date_start DESC NULLS LAST, report_id, idx LIMIT ? OFFSET ?`,
      )
      .all(...params, filter.limit ?? 50, filter.offset ?? 0) as EventRow[];
    return rows.map(toStored);
  }

  count(filter: EventFilter = {}): number {
    const { where, params } = eventWhere(filter);
    return (this.db.prepare(`SELECT count(*) AS n FROM events ${where}`).get(...params) as { n: number }).n;
  }
}

function toStored(row: EventRow): StoredEvent {
  const rest = JSON.parse(row.data) as Omit<ExtractedEvent, 'evidence' | 'reasons'>;
  const event: ExtractedEvent = {
    ...rest,
    evidence: JSON.parse(row.evidence) as Evidence[],
    reasons: JSON.parse(row.reasons) as FieldReason[],
  };
  return { id: `${row.report_id}:${row.idx}`, reportId: row.report_id, idx: row.idx, event };
}

function eventWhere(filter: EventFilter): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.type) {
    clauses.push('(event_type = ? COLLATE NOCASE OR sub_event_type = ? COLLATE NOCASE)');
    params.push(filter.type, filter.type);
  }
  if (filter.actor) {
    // Names and the words that named the actor both count: "SNA" finds "Syrian National Army" via its text.
    const like = `%${filter.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    clauses.push(`(actor1 LIKE ? ESCAPE '\\' OR actor2 LIKE ? ESCAPE '\\'
      OR json_extract(data, '$.actor1.text') LIKE ? ESCAPE '\\' OR json_extract(data, '$.actor2.text') LIKE ? ESCAPE '\\')`);
    params.push(like, like, like, like);
  }
  if (filter.country) {
    clauses.push('country = ? COLLATE NOCASE');
    params.push(filter.country);
  }
  if (filter.from) {
    clauses.push('coalesce(date_end, date_start) >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    clauses.push('date_start <= ?');
    params.push(filter.to);
  }
  if (filter.certainty) {
    clauses.push('certainty = ?');
    params.push(filter.certainty);
  }
  if (filter.reportId) {
    clauses.push('report_id = ?');
    params.push(filter.reportId);
  }
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
