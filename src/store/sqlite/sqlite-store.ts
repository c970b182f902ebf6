/** The SQLite implementation of the Store: one database file, one repository per aggregate. */
import type { Store } from '../store.js';
import { openDatabase, type SqliteDb } from './database.js';
import { SqliteEventRepository } from './events-repo.js';
import { SqliteReportRepository } from './reports-repo.js';

export class SqliteStore implements Store {
  readonly reports: SqliteReportRepository;
  readonly events: SqliteEventRepository;

  constructor(readonly db: SqliteDb) {
    // A 32 MB page cache holds the pages every insert touches (LSH rows, fingerprints, id/source/family indexes:
    // ~20 MB at 20,000 reports; the 2 MB default re-read them). 64 MB measured no faster once fingerprints and LSH
    // keys had their own narrow tables, and cost ~35-50 MB of peak RSS (bench:ingest, 20,000 reports: peak 285-304
    // -> 252 MB, CPU 15.3 -> 14.4 s side by side). A checkpoint copies the latest version of every page in the WAL
    // back to the database, and ingest rewrites the same random index pages (LSH keys, ids, sources, families) in
    // every batch: checkpointing every ~64 MB of WAL instead of ~16 MB copies each of them a quarter as often
    // (bench:ingest, 20,000 reports: ~90 MB less read and written, CPU 14.6-15.2 -> 12.6-13.7 s in alternating runs;
    // ~128 MB measured no better). The WAL file stays up to ~64 MB on disk while the store is open.
    db.pragma('cache_size = -32768');
    db.pragma('wal_autocheckpoint = 16000');
    db.pragma('temp_store = MEMORY');
    this.reports = new SqliteReportRepository(db);
    this.events = new SqliteEventRepository(db);
  }

  /**
   * Nested calls become savepoints: an inner failure rolls back only the inner work. The outermost call defers
   * full-text indexing to its end (see SqliteReportRepository.beginSearchDeferral), still inside the transaction.
   */
  transaction<T>(fn: () => T): T {
    const reports = this.reports;
    if (this.db.inTransaction) {
      const mark = reports.searchMark();
      try {
        return this.db.transaction(fn)();
      } catch (error) {
        reports.dropSearchSince(mark);
        throw error;
      }
    }
    reports.beginSearchDeferral();
    try {
      return this.db.transaction(() => {
        const result = fn();
        reports.flushSearchIndex();
        return result;
      })();
    } finally {
      reports.endSearchDeferral();
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** Opens (creating and migrating when needed) the SQLite store at `path` (':memory:' for a throwaway one). */
export function openStore(path: string): SqliteStore {
  return new SqliteStore(openDatabase(path));
}
