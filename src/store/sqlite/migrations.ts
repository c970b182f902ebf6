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

// 100–199: reports (src/store/sqlite/reports-repo.ts); 200–299: events (src/store/sqlite/events-repo.ts).
migrations.push(
  {
    version: 100,
    name: 'reports, their sources, near-duplicate keys and full-text index',
    sql: `
      CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        family_id TEXT NOT NULL,
        outlet TEXT,
        title TEXT,
        author TEXT,
        url TEXT,
        published TEXT,
        published_source TEXT NOT NULL,
        dateline TEXT,
        language TEXT NOT NULL,
        language_confidence REAL,
        text TEXT NOT NULL,
        embedded_posts TEXT NOT NULL,
        raw_sha256 TEXT,
        fingerprint TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX reports_family ON reports(family_id);
      CREATE INDEX reports_published ON reports(published);
      CREATE TABLE report_sources (
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        locator TEXT NOT NULL,
        external_id TEXT,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (report_id, kind, locator)
      ) WITHOUT ROWID;
      CREATE INDEX report_sources_external ON report_sources(external_id) WHERE external_id IS NOT NULL;
      CREATE INDEX report_sources_locator ON report_sources(locator);
      -- MinHash LSH band keys: reports sharing a key are near-duplicate candidates.
      CREATE TABLE report_lsh (
        key TEXT NOT NULL,
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        PRIMARY KEY (key, report_id)
      ) WITHOUT ROWID;
      -- Contentless: the indexed text is a search folding of title and text (see reports-repo.ts), rowid = reports.rowid.
      CREATE VIRTUAL TABLE reports_fts USING fts5(
        title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
      );
    `,
  },
  {
    version: 200,
    name: 'events extracted from reports',
    sql: `
      CREATE TABLE events (
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        event_type TEXT NOT NULL,
        sub_event_type TEXT NOT NULL,
        actor1 TEXT,
        actor1_category TEXT,
        actor2 TEXT,
        actor2_category TEXT,
        country TEXT,
        admin1 TEXT,
        location TEXT,
        lat REAL,
        lon REAL,
        date_start TEXT,
        date_end TEXT,
        certainty TEXT NOT NULL,
        confidence REAL NOT NULL,
        evidence TEXT NOT NULL,
        reasons TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (report_id, idx)
      );
      CREATE INDEX events_type ON events(event_type, sub_event_type);
      CREATE INDEX events_sub_type ON events(sub_event_type);
      CREATE INDEX events_country ON events(country, date_start);
      CREATE INDEX events_date ON events(date_start, date_end);
      CREATE INDEX events_certainty ON events(certainty);
      CREATE INDEX events_actor1 ON events(actor1);
      CREATE INDEX events_actor2 ON events(actor2);
    `,
  },
);
