/**
 * The append-only audit log (migration 401): who changed what, when, from what to what.
 * Triggers in the schema refuse UPDATE and DELETE, so history cannot be rewritten even by a bug here.
 */
import type { SqliteDb } from './database.js';

export interface AuditEntry {
  id: number;
  /** ISO timestamp. */
  at: string;
  /** User name, or `cli:<os user>` for command-line changes. */
  actor: string;
  /** e.g. `incident.merge`, `incident.edit`, `report.discount`, `user.add`. */
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  note: string | null;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'> & { at?: string };

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  /** Return entries with id < beforeId (cursor pagination, newest first). */
  beforeId?: number;
  limit?: number;
}

export interface AuditRepo {
  append(entry: NewAuditEntry): AuditEntry;
  /** Newest first. */
  list(query?: AuditQuery): AuditEntry[];
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  note: string | null;
}

function parse(json: string | null): unknown {
  return json === null ? null : JSON.parse(json);
}

export function createAuditRepo(db: SqliteDb): AuditRepo {
  const insert = db.prepare(
    'INSERT INTO audit_log (at, actor, action, entity_type, entity_id, before_json, after_json, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  return {
    append(entry) {
      const at = entry.at ?? new Date().toISOString();
      const info = insert.run(
        at,
        entry.actor,
        entry.action,
        entry.entityType,
        entry.entityId,
        entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
        entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
        entry.note ?? null,
      );
      return {
        id: Number(info.lastInsertRowid),
        at,
        actor: entry.actor,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        before: entry.before ?? null,
        after: entry.after ?? null,
        note: entry.note ?? null,
      };
    },
    list(query = {}) {
      const where: string[] = [];
      const args: (string | number)[] = [];
      if (query.entityType) {
        where.push('entity_type = ?');
        args.push(query.entityType);
      }
      if (query.entityId) {
        where.push('entity_id = ?');
        args.push(query.entityId);
      }
      if (query.actor) {
        where.push('actor = ?');
        args.push(query.actor);
      }
      if (query.action) {
        where.push('action = ?');
        args.push(query.action);
      }
      if (query.beforeId !== undefined) {
        where.push('id < ?');
        args.push(query.beforeId);
      }
      const limit = Math.min(Math.max(query.limit ?? 100, 1), 1000);
      const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ${limit}`;
      return (db.prepare(sql).all(...args) as AuditRow[]).map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: parse(r.before_json),
        after: parse(r.after_json),
        note: r.note,
      }));
    },
  };
}
