/**
 * Full-text search over reports (the contentless FTS5 index `reports_fts` of migration 100, rowid = reports.rowid).
 *
 * Ranking contract: a report matches when it holds every query word (phrases in order, `word*` as a prefix), folded
 * alike for case, Latin and Turkish diacritics and Arabic vowel marks. When at most RANK_WINDOW reports match, all of
 * them are ordered by bm25 (title hits weigh 3, body hits 1; ties newest first). When more match, the RANK_WINDOW
 * most recently stored matches are ranked that way and come first, and the older matches follow newest first; the
 * total is then given as "at least RANK_WINDOW". Ranking every match cost 150–250 ms for a word found in 60–96% of
 * 100,000 reports (bm25 reads every match's positions, then a sort); ranking the newest 1,000 costs 4–9 ms, and a
 * query that specific stays exactly bm25-ranked.
 */
import type { Statement } from 'better-sqlite3';
import type { ReportSearchHit, ReportSummary } from '../store.js';
import type { SqliteDb } from './database.js';

/** Matches ranked by bm25 at most; also the cap of the match count. */
export const RANK_WINDOW = 1000;

/**
 * The text FTS5 indexes and the queries it is asked, folded alike: FTS5's unicode61 tokenizer strips Latin
 * diacritics (remove_diacritics 2) but leaves Arabic short vowels and tatweel inside tokens and does not fold
 * Turkish dotless ı, so "Diyarbakır" would not match "diyarbakir" nor "حَلَب" match "حلب".
 */
export function foldForSearch(s: string): string {
  // Fast path for ASCII (most English reports): lower-casing is all the folding it needs.
  if (/^\p{ASCII}*$/u.test(s)) return s.toLowerCase();
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\u0640/g, '')
    .replace(/ı/g, 'i')
    .replace(/[\u0671\u0672\u0673\u0675]/g, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u06CC/g, '\u064A')
    .replace(/\u06A9/g, '\u0643')
    .replace(/\u0629/g, '\u0647')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .toLowerCase();
}

/** A user's query as an FTS5 expression: words AND-ed, "quoted phrases" kept, `word*` as a prefix; no syntax leaks. */
export function ftsQuery(query: string): string | null {
  const parts: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (const m of query.matchAll(re)) {
    if (m[1] !== undefined) {
      const words = foldForSearch(m[1]).match(/[\p{L}\p{N}]+/gu);
      if (words) parts.push(`"${words.join(' ')}"`);
      continue;
    }
    const raw = m[2]!;
    const prefix = raw.endsWith('*');
    const words = foldForSearch(raw).match(/[\p{L}\p{N}]+/gu) ?? [];
    words.forEach((w, i) => {
      parts.push(prefix && i === words.length - 1 ? `"${w}"*` : `"${w}"`);
    });
  }
  return parts.length > 0 ? parts.join(' ') : null;
}

/** ~160 characters of the clean text around the first folded match of any query term. */
export function snippet(text: string, terms: string[]): string {
  let at = -1;
  let origin: ((i: number) => number) | null = null;
  let folded: string;
  if (/^\p{ASCII}*$/u.test(text)) {
    // ASCII lower-casing keeps every offset: no map back to the original is needed.
    folded = text.toLowerCase();
    origin = (i) => i;
  } else {
    // Fold character by character, remembering where each folded character came from.
    folded = '';
    const from: number[] = [];
    let i = 0;
    for (const ch of text) {
      const f = foldForSearch(ch);
      folded += f;
      for (let k = 0; k < f.length; k++) from.push(i);
      i += ch.length;
    }
    origin = (p) => from[p] ?? 0;
  }
  for (const t of terms) {
    const p = folded.indexOf(t);
    if (p >= 0 && (at < 0 || p < at)) at = p;
  }
  const center = at >= 0 ? origin(at) : 0;
  const start = Math.max(0, center - 60);
  const end = Math.min(text.length, center + 100);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ').trim()}${end < text.length ? '…' : ''}`;
}

/** A report's row as the list and the search read it (reports-repo.ts shares it). */
export interface SummaryRow {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: string;
  family_id: string;
  sources: number;
  chars: number;
  posts: number | null;
}

export function toSummary(row: SummaryRow): ReportSummary {
  return {
    id: row.id,
    title: row.title,
    outlet: row.outlet,
    published: row.published,
    language: row.language,
    familyId: row.family_id,
    sources: row.sources,
    chars: row.chars,
    embeddedPosts: row.posts ?? 0,
  };
}

interface HitRow extends SummaryRow {
  rowid: number;
  text: string;
}

/** How many reports match, counted up to a cap (a word in most reports would otherwise cost a full doclist scan). */
export interface MatchCount {
  count: number;
  /** False when more than `count` reports match. */
  exact: boolean;
}

export interface SearchPage {
  hits: ReportSearchHit[];
  total: MatchCount;
}

/** Search statements over one connection, prepared once (preparing costs ~0.1 ms a call). */
export class SqliteReportSearch {
  private readonly ranked: Statement<[string, number, number], { rowid: number; rank: number; n: number }>;
  private readonly beyondWindow: Statement<[string], number>;
  private readonly boundary: Statement<[string], number>;
  private readonly older: Statement<[string, number, number, number], { rowid: number; rank: number }>;
  private readonly capped: Statement<[string, number], number>;
  private readonly hydrate: Statement<[string], HitRow>;

  /** `rankWindow`: matches ranked by bm25 at most (RANK_WINDOW; smaller in tests). */
  constructor(
    db: SqliteDb,
    private readonly rankWindow = RANK_WINDOW,
  ) {
    // FTS5 walks a doclist newest first (ORDER BY rowid DESC is its native order) and stops at the LIMIT, so only the
    // window's matches are ever scored.
    // n: the matches inside the window (counted over the window the ranking reads anyway): the total for free when
    // fewer than the window match, which is most queries.
    this.ranked = db.prepare(`SELECT rowid, rank, count(*) OVER () AS n FROM (
        SELECT rowid, bm25(reports_fts, 3.0, 1.0) AS rank FROM reports_fts WHERE reports_fts MATCH ?
        ORDER BY rowid DESC LIMIT ${rankWindow})
      ORDER BY rank, rowid DESC LIMIT ? OFFSET ?`);
    this.boundary = db
      .prepare(
        `SELECT rowid FROM reports_fts WHERE reports_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ${rankWindow - 1}`,
      )
      .pluck() as Statement<[string], number>;
    this.beyondWindow = db
      .prepare(`SELECT 1 FROM reports_fts WHERE reports_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ${rankWindow}`)
      .pluck() as Statement<[string], number>;
    this.older = db.prepare(`SELECT rowid, bm25(reports_fts, 3.0, 1.0) AS rank FROM reports_fts
      WHERE reports_fts MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT ? OFFSET ?`);
    this.capped = db
      .prepare('SELECT count(*) FROM (SELECT 1 FROM reports_fts WHERE reports_fts MATCH ? LIMIT ?)')
      .pluck() as Statement<[string, number], number>;
    this.hydrate = db.prepare(`SELECT r.rowid AS rowid, r.id, r.title, r.outlet, r.published, r.language, r.family_id,
        length(r.text) AS chars, json_array_length(r.embedded_posts) AS posts,
        (SELECT count(*) FROM report_sources s WHERE s.report_id = r.id) AS sources, r.text AS text
      FROM reports r WHERE r.rowid IN (SELECT value FROM json_each(?))`);
  }

  /** One page of hits in the order of the ranking contract above. */
  search(query: string, options: { limit?: number; offset?: number } = {}): ReportSearchHit[] {
    return this.page(query, options, false).hits;
  }

  /** One page of hits and the match count (capped at the window), sharing the window's scan where it can. */
  page(query: string, options: { limit?: number; offset?: number } = {}, withTotal = true): SearchPage {
    const match = ftsQuery(query);
    if (!match) return { hits: [], total: { count: 0, exact: true } };
    const limit = Math.max(0, options.limit ?? 20);
    const offset = Math.max(0, options.offset ?? 0);
    const order: { rowid: number; rank: number }[] = [];
    let inWindow: number | null = null;
    let tail = true;
    if (offset < this.rankWindow && limit > 0) {
      const want = Math.min(limit, this.rankWindow - offset);
      const rows = this.ranked.all(match, want, offset);
      for (const r of rows) order.push({ rowid: r.rowid, rank: r.rank });
      if (rows[0]) inWindow = rows[0].n;
      // A short page from the window means the window held every match: there is no older tail.
      if (rows.length < want) tail = false;
    }
    if (tail && limit > 0 && offset + limit > this.rankWindow) {
      const edge = this.boundary.get(match);
      if (edge !== undefined) {
        const skip = Math.max(0, offset - this.rankWindow);
        order.push(...this.older.all(match, edge, limit - order.length, skip));
      }
    }
    let total: MatchCount = { count: 0, exact: true };
    if (withTotal) {
      if (inWindow === null) total = this.count(query);
      else if (inWindow < this.rankWindow) total = { count: inWindow, exact: true };
      else total = { count: this.rankWindow, exact: this.beyondWindow.get(match) === undefined };
    }
    return { hits: this.hits(order, query), total };
  }

  /** Matches counted up to `cap` (default: the ranking window). */
  count(query: string, cap = this.rankWindow): MatchCount {
    const match = ftsQuery(query);
    if (!match) return { count: 0, exact: true };
    const n = this.capped.get(match, cap + 1) ?? 0;
    return n > cap ? { count: cap, exact: false } : { count: n, exact: true };
  }

  private hits(order: { rowid: number; rank: number }[], query: string): ReportSearchHit[] {
    if (order.length === 0) return [];
    const rows = new Map<number, HitRow>();
    for (const row of this.hydrate.all(JSON.stringify(order.map((o) => o.rowid)))) rows.set(row.rowid, row);
    const terms = (foldForSearch(query).match(/[\p{L}\p{N}]+/gu) ?? []).filter((t) => t.length > 0);
    return order.flatMap(({ rowid, rank }) => {
      const row = rows.get(rowid);
      if (!row) return [];
      return [{ ...toSummary(row), snippet: snippet(row.text, terms), rank }];
    });
  }
}
