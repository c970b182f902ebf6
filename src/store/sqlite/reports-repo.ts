/** Reports in SQLite: one row per normalized text, its sources, LSH keys and a contentless FTS5 index. */
import type { Statement } from 'better-sqlite3';
import type { Dateline, EmbeddedPost, PublishedSource, Report, ReportSource } from '../../model/report.js';
import type {
  FamilyCandidate,
  ReportFamily,
  ReportFilter,
  ReportRepository,
  ReportSearchHit,
  ReportSummary,
  ReportUpsert,
} from '../store.js';
import type { SqliteDb } from './database.js';
import { foldForSearch, SqliteReportSearch, type SummaryRow, toSummary } from './report-search.js';

// Search (folding, query syntax, ranking) lives in report-search.ts; re-exported for existing importers.
export { foldForSearch, ftsQuery } from './report-search.js';

interface ReportRow {
  rowid: number;
  id: string;
  family_id: string;
  outlet: string | null;
  title: string | null;
  author: string | null;
  url: string | null;
  published: string | null;
  published_source: string;
  dateline: string | null;
  language: string;
  language_confidence: number | null;
  text: string;
  embedded_posts: string;
  raw_sha256: string | null;
  fingerprint: string | null;
}

interface PendingSearch {
  rowid: number;
  id: string;
  title: string;
  text: string;
  /** The report is already indexed (under an older title): delete before inserting. */
  replace: boolean;
}

interface SourceRow {
  kind: ReportSource['kind'];
  locator: string;
  external_id: string | null;
  seen_at: string;
}

/** Reports read per LSH bucket when looking for near-duplicate candidates. */
const BUCKET_LIMIT = 8;
/** report_lsh.k = key × LSH_ROWID_SPAN + report rowid (see migration 100). */
const LSH_ROWID_SPAN = 2 ** 26;
const LSH_ROWID = `k & ${LSH_ROWID_SPAN - 1}`;
/** A bucket as a range of k; its one parameter, the key, is bound twice. */
const LSH_RANGE = `k >= CAST(? AS INTEGER) * ${LSH_ROWID_SPAN} AND k < (CAST(? AS INTEGER) + 1) * ${LSH_ROWID_SPAN}`;
/** Keys per report (LSH_BANDS in src/ingest/near-duplicates.ts): looked up in one statement when that many come. */
const LSH_KEYS_PER_QUERY = 20;
/**
 * Fingerprints kept in memory (~0.5 KB each, ~2 MB). Candidates repeat: the reports a boilerplate bucket returns
 * (its oldest eight) come back for every report sharing that boilerplate. On bench:ingest 80% of the ~190,000
 * fingerprints asked for were among the 4,096 used last (45% among 1,024).
 */
const FINGERPRINT_CACHE = 4096;

const SUMMARY_COLUMNS = `r.id, r.title, r.outlet, r.published, r.language, r.family_id, length(r.text) AS chars,
  json_array_length(r.embedded_posts) AS posts,
  (SELECT count(*) FROM report_sources s WHERE s.report_id = r.id) AS sources`;

export class SqliteReportRepository implements ReportRepository {
  private readonly byId: Statement<[string], ReportRow>;
  private readonly textById: Statement<[string], { text: string }>;
  /** Existence without reading the row (its text is ~2–3 KB). */
  private readonly exists: Statement<[string], number>;
  private readonly insertReport: Statement;
  private readonly insertSource: Statement;
  private readonly insertLsh: Statement;
  private readonly insertFts: Statement;
  private readonly deleteFts: Statement;
  private readonly fillMetadata: Statement;
  private readonly sourcesOf: Statement<[string], SourceRow>;
  private readonly bucket: Statement<[number, number], number>;
  private readonly buckets: Statement<number[], number>;
  private readonly candidateByRowid: Statement<[number], Omit<FamilyCandidate, 'fingerprint'>>;
  private readonly insertFingerprint: Statement;
  private readonly fingerprintsByRowid: Statement<[string], { rowid: number; fingerprint: string }>;
  private readonly idByRowid: Statement<[number], string>;
  private readonly maxRowid: Statement<[], number | null>;
  /** Fingerprints by report rowid, least recently used first; only committed reports' (see `committedRowid`). */
  private readonly fingerprintCache = new Map<number, string>();
  /**
   * Reports up to this rowid were committed when the current outermost transaction began. A report stored later in
   * it may still be rolled back and its rowid reused by another report, so its fingerprint is never cached; reports
   * are never deleted, so a committed rowid keeps its fingerprint.
   */
  private committedRowid = 0;
  private deferSearch = false;
  private reportSearch: SqliteReportSearch | null = null;
  private readonly pendingSearch: PendingSearch[] = [];

  constructor(
    private readonly db: SqliteDb,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {
    this.byId = db.prepare(`SELECT r.rowid, r.*, f.fingerprint FROM reports r
      LEFT JOIN report_fingerprints f ON f.report_rowid = r.rowid WHERE r.id = ?`);
    this.insertFingerprint = db.prepare('INSERT INTO report_fingerprints (report_rowid, fingerprint) VALUES (?, ?)');
    // The candidates' fingerprints in one statement (rowids as a JSON array): bench:ingest asks ~10 per report,
    // and ten statement calls cost ~3x one.
    this.fingerprintsByRowid = db.prepare(
      'SELECT report_rowid AS rowid, fingerprint FROM report_fingerprints WHERE report_rowid IN (SELECT value FROM json_each(?))',
    ) as Statement<[string], { rowid: number; fingerprint: string }>;
    this.textById = db.prepare('SELECT text FROM reports WHERE id = ?');
    this.exists = db.prepare('SELECT 1 FROM reports WHERE id = ?').pluck() as Statement<[string], number>;
    this.idByRowid = db.prepare('SELECT id FROM reports WHERE rowid = ?').pluck() as Statement<[number], string>;
    this.maxRowid = db.prepare('SELECT max(rowid) FROM reports').pluck() as Statement<[], number | null>;
    this.bucket = db
      .prepare(`SELECT ${LSH_ROWID} FROM report_lsh WHERE ${LSH_RANGE} LIMIT ${BUCKET_LIMIT}`)
      .pluck() as Statement<[number, number], number>;
    this.buckets = db
      .prepare(
        Array.from(
          { length: LSH_KEYS_PER_QUERY },
          () => `SELECT * FROM (SELECT ${LSH_ROWID} FROM report_lsh WHERE ${LSH_RANGE} LIMIT ${BUCKET_LIMIT})`,
        ).join(' UNION ALL '),
      )
      .pluck() as Statement<number[], number>;
    this.candidateByRowid = db.prepare('SELECT id, family_id AS familyId FROM reports WHERE rowid = ?') as Statement<
      [number],
      Omit<FamilyCandidate, 'fingerprint'>
    >;
    this.insertReport = db.prepare(`INSERT INTO reports (id, family_id, outlet, title, author, url, published,
      published_source, dateline, language, language_confidence, text, embedded_posts, raw_sha256,
      created_at, updated_at) VALUES (@id, @familyId, @outlet, @title, @author, @url, @published, @publishedSource,
      @dateline, @language, @languageConfidence, @text, @embeddedPosts, @rawSha256, @now, @now)`);
    this.insertSource = db.prepare(
      // ON CONFLICT, not OR IGNORE: only a source already recorded is skipped; a NULL kind or locator still fails.
      `INSERT INTO report_sources (report_id, kind, locator, external_id, seen_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (report_id, kind, locator) DO NOTHING`,
    );
    // One statement per report: the keys arrive as a JSON array (exact: they are below 2^37) and SQLite computes
    // the 63-bit rows JavaScript numbers could not hold.
    this.insertLsh = db.prepare(
      `INSERT OR IGNORE INTO report_lsh (k) SELECT value * ${LSH_ROWID_SPAN} + CAST(? AS INTEGER) FROM json_each(?)`,
    );
    this.insertFts = db.prepare('INSERT INTO reports_fts (rowid, title, body) VALUES (?, ?, ?)');
    this.deleteFts = db.prepare('DELETE FROM reports_fts WHERE rowid = ?');
    // A later source may know what the first one did not (a feed gives the title a text file lacked).
    this.fillMetadata = db.prepare(`UPDATE reports SET
        outlet = coalesce(outlet, @outlet), title = coalesce(title, @title), author = coalesce(author, @author),
        url = coalesce(url, @url),
        published_source = CASE WHEN published IS NULL AND @published IS NOT NULL THEN @publishedSource ELSE published_source END,
        published = coalesce(published, @published), updated_at = @now
      WHERE id = @id AND (
        (outlet IS NULL AND @outlet IS NOT NULL) OR (title IS NULL AND @title IS NOT NULL) OR
        (author IS NULL AND @author IS NOT NULL) OR (url IS NULL AND @url IS NOT NULL) OR
        (published IS NULL AND @published IS NOT NULL))`);
    this.upsertInSavepoint = db.transaction(
      (report: Report, lshKeys: readonly number[]): ReportUpsert => this.upsertRows(report, lshKeys),
    );
    this.sourcesOf = db.prepare(
      'SELECT kind, locator, external_id, seen_at FROM report_sources WHERE report_id = ? ORDER BY seen_at, locator',
    );
  }

  /**
   * Defers full-text indexing to `flushSearchIndex` until `endSearchDeferral`. FTS5 flushes its pending terms to a
   * new segment at every savepoint once it is part of a transaction, so indexing each report inside its own
   * savepoint wrote one segment per report and merged them over and over (bench:ingest: ~40% of the commit time).
   * Indexing a batch's reports together after the last savepoint writes one segment per batch.
   * Called before an outermost transaction begins, it also notes which reports are committed (`committedRowid`).
   */
  beginSearchDeferral(): void {
    this.committedRowid = this.maxRowid.get() ?? 0;
    this.deferSearch = true;
    this.pendingSearch.length = 0;
  }

  /** Where the deferred queue stands; `dropSearchSince(mark)` forgets what a rolled-back savepoint queued. */
  searchMark(): number {
    return this.pendingSearch.length;
  }

  dropSearchSince(mark: number): void {
    if (this.pendingSearch.length > mark) this.pendingSearch.length = mark;
  }

  /** Indexes the queued reports (inside the caller's transaction). */
  flushSearchIndex(): void {
    const queued = this.pendingSearch.splice(0);
    for (const q of queued) {
      // A report whose savepoint was rolled back by code that did not drop its queue entry is not indexed.
      if (this.idByRowid.get(q.rowid) !== q.id) continue;
      this.writeSearch(q);
    }
  }

  endSearchDeferral(): void {
    this.deferSearch = false;
    this.pendingSearch.length = 0;
  }

  private indexForSearch(rowid: number, id: string, title: string, text: string, replace: boolean): void {
    const entry = { rowid, id, title, text, replace };
    if (this.deferSearch) this.pendingSearch.push(entry);
    else this.writeSearch(entry);
  }

  private writeSearch(e: PendingSearch): void {
    if (e.replace) this.deleteFts.run(e.rowid);
    this.insertFts.run(e.rowid, foldForSearch(e.title), foldForSearch(e.text));
  }

  upsert(report: Report, lshKeys: readonly number[] = [], options: { guarded?: boolean } = {}): ReportUpsert {
    const mark = this.searchMark();
    try {
      // SAVEPOINT + RELEASE and better-sqlite3's wrapper cost ~15-30 µs a report (bench:ingest); a caller whose own
      // savepoint or transaction rolls back a failed upsert needs none of its own.
      if (options.guarded && this.db.inTransaction) return this.upsertRows(report, lshKeys);
      return this.upsertInSavepoint(report, lshKeys);
    } catch (error) {
      this.dropSearchSince(mark);
      throw error;
    }
  }

  /**
   * `upsertRows` in a savepoint (a transaction outside one). The wrapper is built once: better-sqlite3 builds four
   * functions and their properties per `db.transaction()` call (~10 µs a report on bench:ingest).
   */
  private readonly upsertInSavepoint: (report: Report, lshKeys: readonly number[]) => ReportUpsert;

  private upsertRows(report: Report, lshKeys: readonly number[]): ReportUpsert {
    const existing = this.byId.get(report.id);
    if (!existing) {
      const familyId = report.familyId ?? report.id;
      const info = this.insertReport.run({
        ...metadataParams(report),
        familyId,
        dateline: report.dateline ? JSON.stringify(report.dateline) : null,
        language: report.language,
        languageConfidence: report.languageConfidence ?? null,
        text: report.text,
        embeddedPosts: JSON.stringify(report.embeddedPosts),
        rawSha256: report.rawSha256 ?? null,
        now: this.now(),
      });
      if (report.fingerprint) this.insertFingerprint.run(info.lastInsertRowid, report.fingerprint);
      this.indexForSearch(Number(info.lastInsertRowid), report.id, report.title ?? '', report.text, false);
      if (lshKeys.length > 0) {
        if (Number(info.lastInsertRowid) >= LSH_ROWID_SPAN) throw new Error('near-duplicate index full (2^26 reports)');
        this.insertLsh.run(info.lastInsertRowid, JSON.stringify(lshKeys));
      }
      for (const s of report.sources) this.addSource(report.id, s);
      return { id: report.id, status: 'new', familyId };
    }
    let added = 0;
    for (const s of report.sources) added += this.addSource(report.id, s);
    const filled = this.fillMetadata.run({ ...metadataParams(report), now: this.now() }).changes;
    if (filled > 0 && existing.title === null && report.title) {
      this.indexForSearch(existing.rowid, report.id, report.title, existing.text, true);
    }
    return { id: report.id, status: added > 0 ? 'new-source' : 'unchanged', familyId: existing.family_id };
  }

  private addSource(reportId: string, s: ReportSource): number {
    return this.insertSource.run(reportId, s.kind, s.locator, s.externalId ?? null, s.seenAt).changes;
  }

  has(id: string): boolean {
    return this.exists.get(id) !== undefined;
  }

  get(id: string): Report | null {
    const row = this.byId.get(id);
    return row ? this.toReport(row) : null;
  }

  textOf(id: string): string | null {
    return this.textById.get(id)?.text ?? null;
  }

  sources(id: string): ReportSource[] {
    return this.sourcesOf.all(id).map((s) => ({
      kind: s.kind,
      locator: s.locator,
      externalId: s.external_id,
      seenAt: s.seen_at,
    }));
  }

  resolve(ref: string): string[] {
    const r = ref.trim();
    if (r === '') return [];
    if (this.has(r)) return [r];
    const ids = new Set<string>();
    if (/^[0-9a-f]{4,63}$/.test(r)) {
      // Hex ids sort lexically: a prefix is a range on the primary key ('g' sorts after every hex digit).
      const rows = this.db.prepare('SELECT id FROM reports WHERE id >= ? AND id < ? LIMIT 10').all(r, `${r}g`) as {
        id: string;
      }[];
      for (const row of rows) ids.add(row.id);
    }
    const bySource = this.db
      .prepare('SELECT DISTINCT report_id AS id FROM report_sources WHERE external_id = ? OR locator = ? LIMIT 10')
      .all(r, r) as { id: string }[];
    for (const row of bySource) ids.add(row.id);
    return [...ids];
  }

  list(filter: ReportFilter = {}): ReportSummary[] {
    const { where, params } = reportWhere(filter);
    const rows = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM reports r ${where}
         ORDER BY r.published DESC NULLS LAST, r.rowid DESC LIMIT ? OFFSET ?`,
      )
      .all(...params, filter.limit ?? 50, filter.offset ?? 0) as SummaryRow[];
    return rows.map(toSummary);
  }

  count(filter: ReportFilter = {}): number {
    const { where, params } = reportWhere(filter);
    return (this.db.prepare(`SELECT count(*) AS n FROM reports r ${where}`).get(...params) as { n: number }).n;
  }

  search(query: string, options: { limit?: number; offset?: number } = {}): ReportSearchHit[] {
    return this.searcher().search(query, options);
  }

  countMatches(query: string, cap?: number): { count: number; exact: boolean } {
    return this.searcher().count(query, cap);
  }

  private searcher(): SqliteReportSearch {
    this.reportSearch ??= new SqliteReportSearch(this.db);
    return this.reportSearch;
  }

  familyCandidates(
    lshKeys: readonly number[],
    limit = 8,
    accept?: (fingerprint: string) => boolean,
  ): FamilyCandidate[] {
    // One indexed lookup per key, at most BUCKET_LIMIT reports each: a bucket holding thousands of reports is
    // boilerplate everyone shares (a stock sentence that wins the MinHash), and scanning it for every insert would
    // make ingest quadratic. Candidates are ranked by how many keys they share (≈ 20·J³ expected) and only the best
    // are read. The twenty limited lookups go in one UNION ALL statement (duplicates kept: they are the count):
    // ~25–50 µs per report instead of ~100–180 µs for twenty statement calls (measured on an 8,000-report store).
    // Counting and ranking in SQL (GROUP BY over the union, joined to the fingerprints) measured 4x slower.
    // An in-memory bit set of the stored keys, skipping the 84% of lookups that find nothing, measured no faster
    // (20,000 and 60,000 reports, alternating runs): the reads it saved had brought in the index pages the key
    // inserts then touch, and those inserts got slower by as much.
    const shared = new Map<number, number>();
    const count = (rowid: number) => shared.set(rowid, (shared.get(rowid) ?? 0) + 1);
    if (lshKeys.length === LSH_KEYS_PER_QUERY)
      for (const rowid of this.buckets.all(...lshKeys.flatMap((k) => [k, k]))) count(rowid);
    else for (const key of lshKeys) for (const rowid of this.bucket.all(key, key)) count(rowid);
    if (shared.size === 0) return [];
    const best = [...shared.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit);
    // Fingerprints come from their narrow table; the report row (~3 KB, rarely in the page cache) is read only for
    // candidates whose fingerprint is accepted: on bench:ingest ~10 candidates per report, usually none accepted.
    const fingerprints = this.fingerprintsOf(best.map(([rowid]) => rowid));
    const out: FamilyCandidate[] = [];
    for (const [rowid] of best) {
      const fingerprint = fingerprints.get(rowid) ?? null;
      if (accept && (fingerprint === null || !accept(fingerprint))) continue;
      const row = this.candidateByRowid.get(rowid);
      if (row) out.push({ ...row, fingerprint });
    }
    return out;
  }

  /** Fingerprints of these reports (rowids), from the cache of recently used ones where it holds them. */
  private fingerprintsOf(rowids: readonly number[]): Map<number, string> {
    const cache = this.fingerprintCache;
    const out = new Map<number, string>();
    const missing: number[] = [];
    for (const rowid of rowids) {
      const fingerprint = cache.get(rowid);
      if (fingerprint === undefined) missing.push(rowid);
      else {
        out.set(rowid, fingerprint);
        cache.delete(rowid);
        cache.set(rowid, fingerprint);
      }
    }
    if (missing.length === 0) return out;
    const committed = this.db.inTransaction ? this.committedRowid : Number.POSITIVE_INFINITY;
    for (const row of this.fingerprintsByRowid.all(JSON.stringify(missing))) {
      out.set(row.rowid, row.fingerprint);
      if (row.rowid > committed) continue;
      cache.set(row.rowid, row.fingerprint);
      if (cache.size > FINGERPRINT_CACHE) cache.delete(cache.keys().next().value as number);
    }
    return out;
  }

  mergeFamilies(from: readonly string[], into: string): number {
    const others = from.filter((f) => f !== into);
    if (others.length === 0) return 0;
    return this.db
      .prepare(`UPDATE reports SET family_id = ? WHERE family_id IN (${others.map(() => '?').join(',')})`)
      .run(into, ...others).changes;
  }

  families(options: { all?: boolean; limit?: number } = {}): ReportFamily[] {
    const rows = this.db
      .prepare(
        `SELECT family_id AS familyId, count(*) AS size, group_concat(id, ',') AS ids FROM reports
         GROUP BY family_id ${options.all ? '' : 'HAVING count(*) > 1'} ORDER BY size DESC, family_id LIMIT ?`,
      )
      .all(options.limit ?? 100) as { familyId: string; size: number; ids: string }[];
    return rows.map((r) => ({ familyId: r.familyId, size: r.size, ids: r.ids.split(',').sort() }));
  }

  private toReport(row: ReportRow): Report {
    return {
      id: row.id,
      sources: this.sources(row.id),
      outlet: row.outlet,
      title: row.title,
      author: row.author,
      url: row.url,
      published: row.published,
      publishedSource: row.published_source as PublishedSource,
      dateline: row.dateline ? (JSON.parse(row.dateline) as Dateline) : null,
      language: row.language,
      languageConfidence: row.language_confidence,
      text: row.text,
      embeddedPosts: JSON.parse(row.embedded_posts) as EmbeddedPost[],
      rawSha256: row.raw_sha256,
      familyId: row.family_id,
      fingerprint: row.fingerprint,
    };
  }
}

function reportWhere(filter: ReportFilter): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.from) {
    clauses.push('r.published >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    clauses.push('r.published <= ?');
    params.push(filter.to);
  }
  if (filter.language) {
    clauses.push('r.language = ?');
    params.push(filter.language);
  }
  if (filter.outlet) {
    clauses.push('r.outlet = ? COLLATE NOCASE');
    params.push(filter.outlet);
  }
  if (filter.familyId) {
    clauses.push('r.family_id = ?');
    params.push(filter.familyId);
  }
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** The statement parameters a report's metadata fills, on insert and when a copy adds what was missing. */
function metadataParams(report: Report) {
  return {
    id: report.id,
    outlet: report.outlet ?? null,
    title: report.title ?? null,
    author: report.author ?? null,
    url: report.url ?? null,
    published: report.published ?? null,
    publishedSource: report.publishedSource,
  };
}
