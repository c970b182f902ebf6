/**
 * Versioned schema migrations for the SQLite store, applied in order, each in its own transaction.
 * Never edit a migration that has shipped: add a new one. Version ranges by aggregate keep parallel work apart:
 * 100–199 reports, 200–299 events, 300–399 incidents, 400–499 users/audit/review.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [];
