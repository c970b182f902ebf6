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

// 400–499: users, sessions, API tokens, the audit log (src/store/sqlite/users-repo.ts, audit-repo.ts).
migrations.push(
  {
    version: 400,
    name: 'users, sessions and API tokens',
    sql: `
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        role TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'viewer')),
        password_hash TEXT NOT NULL,
        must_change_password INTEGER NOT NULL DEFAULT 1,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        csrf_token TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX sessions_user ON sessions(user_id);
      CREATE TABLE api_tokens (
        id INTEGER PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        label TEXT NOT NULL,
        created_at TEXT NOT NULL,
        revoked_at TEXT
      );
    `,
  },
  {
    version: 401,
    name: 'append-only audit log',
    sql: `
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity_type TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT,
        note TEXT
      );
      CREATE INDEX audit_entity ON audit_log(entity_type, entity_id, id);
      CREATE INDEX audit_actor ON audit_log(actor, id);
      -- Append-only: the database itself refuses to rewrite history, whatever the application does.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `,
  },
  {
    version: 402,
    name: 'workbench read model: narrow incident rows, JSON bodies apart, review overlays',
    sql: `
      -- A projection of incidents for the map, list and timeline, rebuilt by the server from the incidents
      -- repository (dropping it loses nothing). The rows filtered on hold ~120 bytes each and the incident JSON
      -- (~2 KB) lives beside them: with the JSON inline, a map query over 100,000 incidents read ~200 MB of pages.
      CREATE TABLE wb_incidents (
        id TEXT PRIMARY KEY,
        date_start TEXT NOT NULL DEFAULT '',
        date_end TEXT NOT NULL DEFAULT '',
        lat REAL,
        lon REAL,
        precision TEXT,
        country TEXT,
        admin1 TEXT,
        event_type TEXT NOT NULL,
        sub_event_type TEXT NOT NULL,
        grade TEXT NOT NULL,
        certainty TEXT NOT NULL,
        sources INTEGER NOT NULL,
        reports INTEGER NOT NULL,
        killed_low INTEGER,
        killed_best INTEGER,
        killed_high INTEGER,
        actor1 TEXT,
        actor2 TEXT,
        reviewed INTEGER NOT NULL DEFAULT 0,
        search TEXT NOT NULL DEFAULT '',
        fingerprint TEXT NOT NULL
      );
      CREATE INDEX wb_incidents_date ON wb_incidents(date_start, id);
      CREATE INDEX wb_incidents_type_date ON wb_incidents(event_type, date_start);
      CREATE INDEX wb_incidents_country ON wb_incidents(country, admin1, date_start);
      CREATE TABLE wb_incident_bodies (
        id TEXT PRIMARY KEY,
        summary_json TEXT NOT NULL,
        body_json TEXT NOT NULL
      );
      -- The map's points query by period reads only these columns: answering from the index skips one table lookup
      -- per incident (8,000 incidents in 90 days: 42 ms → a few ms).
      CREATE INDEX wb_incidents_points ON wb_incidents(date_start, date_end, lat, lon, event_type, killed_best, precision, id);
      CREATE TABLE wb_incident_events (
        event_key TEXT PRIMARY KEY,
        incident_id TEXT NOT NULL
      );
      CREATE INDEX wb_incident_events_incident ON wb_incident_events(incident_id);
      -- Analyst overrides that survive re-clustering: anchored to an event key (report#index), never to an incident
      -- id, because incident ids change when incidents grow, merge or split. One current row per (anchor, kind, field).
      CREATE TABLE wb_review (
        anchor TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('confirm', 'edit', 'grade', 'discount')),
        field TEXT NOT NULL DEFAULT '',
        value_json TEXT NOT NULL,
        by_user TEXT NOT NULL,
        at TEXT NOT NULL,
        note TEXT,
        PRIMARY KEY (anchor, kind, field)
      );
    `,
  },
);

// 403: the workbench read model kept up to date incrementally (workbench-repo.ts, src/server/read-model.ts).
migrations.push({
  version: 403,
  name: 'workbench read model: dirty incident ids (triggers) and a projection stamp',
  sql: `
      -- Every write to the incidents table (by any process: the server, \`sitrep incidents rebuild\`, ingest) marks the
      -- incident id dirty, so the server re-projects only those instead of every incident at each start (22–29 s
      -- for 100,000). Triggers rather than calls in the incidents repository: no writer can forget them. One row per
      -- id (REPLACE moves it to a new seq), so the table stays as small as the set of ids changed since the last
      -- sync; seq (never reused) lets a sync clear exactly what it read.
      CREATE TABLE wb_incident_dirty (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        incident_id TEXT NOT NULL UNIQUE
      );
      CREATE TRIGGER wb_incident_inserted AFTER INSERT ON incidents
        BEGIN INSERT OR REPLACE INTO wb_incident_dirty (incident_id) VALUES (new.id); END;
      CREATE TRIGGER wb_incident_updated AFTER UPDATE ON incidents
        BEGIN INSERT OR REPLACE INTO wb_incident_dirty (incident_id) VALUES (old.id), (new.id); END;
      CREATE TRIGGER wb_incident_deleted AFTER DELETE ON incidents
        BEGIN INSERT OR REPLACE INTO wb_incident_dirty (incident_id) VALUES (old.id); END;
      -- 'projection': the stamp of the code that projected wb_incidents; another stamp means a full rebuild.
      CREATE TABLE wb_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
});

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
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      -- MinHash fingerprints (480 hex digits) apart from the ~3 KB report rows: near-duplicate candidates are
      -- screened on them, and in this narrow table they stay in the page cache (bench:ingest: reading them from the
      -- report rows cost ~90-150 us per report once the store outgrew the cache).
      CREATE TABLE report_fingerprints (
        report_rowid INTEGER PRIMARY KEY,
        fingerprint TEXT NOT NULL
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
      -- MinHash LSH band keys (band × 2^32 + bucket hash, < 2^37): reports sharing a key are near-duplicate
      -- candidates. One integer per (key, report): k = key × 2^26 + reports.rowid (< 2^63; rowids below 2^26 = 67M),
      -- so the table is a bare rowid B-tree (~9 bytes a row, 20 rows per report) and a bucket is a rowid range.
      CREATE TABLE report_lsh (k INTEGER PRIMARY KEY);
      -- Contentless: the indexed text is a search folding of title and text (see reports-repo.ts), rowid = reports.rowid.
      CREATE VIRTUAL TABLE reports_fts USING fts5(
        title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
      );
    `,
  },
  {
    version: 110,
    name: 'full-text index merges segments 8 at a time',
    // FTS5 merges a level once it holds `automerge` segments (default 4). Ingest writes one segment per batch, so
    // merging 8 at a time rewrites each indexed term fewer times: bench:ingest CPU ~5-10% lower (FTS alone, 20,000
    // reports: 1.8-2.2 s -> 1.4-1.6 s with 16). Queries read up to 7 segments per level instead of 3 (<1 ms here).
    sql: "INSERT INTO reports_fts (reports_fts, rank) VALUES ('automerge', 8);",
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

// 300–399: incidents, their events and analyst decisions (src/store/sqlite/incidents-repo.ts).
migrations.push({
  version: 300,
  name: 'incidents, their events and analyst decisions',
  sql: `
      CREATE TABLE incidents (
        id TEXT PRIMARY KEY,
        date_start TEXT,
        date_end TEXT,
        event_type TEXT NOT NULL,
        sub_event_type TEXT NOT NULL,
        country TEXT,
        admin1 TEXT,
        -- Lower-cased actor names and the words that named them, of every member event, for the actor filter.
        actors TEXT NOT NULL DEFAULT '',
        grade TEXT NOT NULL,
        sources INTEGER NOT NULL,
        killed_best INTEGER,
        body TEXT NOT NULL
      );
      CREATE INDEX incidents_date ON incidents(date_start, id);
      CREATE INDEX incidents_place ON incidents(country, admin1);
      CREATE TABLE incident_events (
        event_key TEXT PRIMARY KEY,
        incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        report_id TEXT NOT NULL
      );
      CREATE INDEX incident_events_incident ON incident_events(incident_id);
      CREATE INDEX incident_events_report ON incident_events(report_id);
      CREATE TABLE incident_decisions (
        id TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('merge', 'split', 'move')),
        analyst TEXT,
        body TEXT NOT NULL
      );
      CREATE TABLE incident_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
});
