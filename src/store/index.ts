/** The store's public face: the interface the pipeline codes against and the default (SQLite) implementation. */
export { openStore, SqliteStore } from './sqlite/sqlite-store.js';
export type {
  EventFilter,
  EventRepository,
  FamilyCandidate,
  ReportFamily,
  ReportFilter,
  ReportRepository,
  ReportSearchHit,
  ReportSummary,
  ReportUpsert,
  Store,
  StoredEvent,
} from './store.js';
