/**
 * The store: one small interface per aggregate, so the pipeline never sees SQL and a PostgreSQL
 * implementation can sit beside the SQLite one. Only files under src/store/ contain SQL.
 */
export interface Store {
  /** Runs fn inside one transaction: everything it writes lands together or not at all. */
  transaction<T>(fn: () => T): T;
  close(): void;
}
