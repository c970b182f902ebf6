/**
 * The ranking contract of report search (src/store/sqlite/report-search.ts): every match bm25-ranked (title × 3)
 * while they fit the ranking window; beyond it the newest window ranked first, the older matches after, newest
 * first; capped counts; folding of case, Latin/Turkish diacritics and Arabic vowel marks. The reports are made-up
 * sentences about fictional places (Velmora, Oskar Ridge, Tamsa).
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/ingest/build-report.js';
import type { Report } from '../../src/model/report.js';
import { openStore, type SqliteStore } from '../../src/store/index.js';
import { RANK_WINDOW, SqliteReportSearch, snippet } from '../../src/store/sqlite/report-search.js';

function report(n: number, text: string, title: string | null = null): Report {
  return {
    ...buildReport({
      text,
      source: { kind: 'file', locator: `r${n}.txt`, externalId: `r${n}`, seenAt: '2024-01-01T00:00:00Z' },
      published: null,
      publishedSource: 'none',
      rawSha256: null,
    }),
    title,
  };
}

/** Stores reports in order (rowid = storage order) and returns their ids. */
function fill(store: SqliteStore, reports: Report[]): string[] {
  store.transaction(() => {
    for (const r of reports) store.reports.upsert(r);
  });
  return reports.map((r) => r.id);
}

describe('report search ranking contract', () => {
  it('ranks every match by bm25 while they fit the window: a title hit and a repeated word come first', () => {
    const store = openStore(':memory:');
    const [plain, titled, twice, other] = fill(store, [
      report(1, 'Shelling was reported near Velmora on Monday.'),
      report(2, 'Officials gave no figures for the day.', 'Velmora shelled again'),
      report(3, 'Velmora was shelled. Residents of Velmora fled west.'),
      report(4, 'Clashes continued at Oskar Ridge.'),
    ]);
    const ids = store.reports.search('velmora').map((h) => h.id);
    expect(ids).toHaveLength(3);
    expect(ids).not.toContain(other);
    // Title hits weigh three times body hits; two body hits beat one.
    expect(ids.indexOf(titled!)).toBeLessThan(ids.indexOf(plain!));
    expect(ids.indexOf(twice!)).toBeLessThan(ids.indexOf(plain!));
    const hits = store.reports.search('velmora');
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.rank).toBeGreaterThanOrEqual(hits[i - 1]!.rank);
    expect(store.reports.countMatches('velmora')).toEqual({ count: 3, exact: true });
    const search = new SqliteReportSearch(store.db, 3);
    // Exactly as many matches as the window holds: the total is exact, not "3+".
    expect(search.page('velmora', { limit: 1 }).total).toEqual({ count: 3, exact: true });
    expect(search.page('velmora', { limit: 1, offset: 2 }).total).toEqual({ count: 3, exact: true });
    expect(search.page('oskar ridge', { limit: 5 })).toMatchObject({ total: { count: 1, exact: true } });
    expect(search.page('nowhere', { limit: 5 })).toEqual({ hits: [], total: { count: 0, exact: true } });
    store.close();
  });

  it('beyond the window ranks the newest matches first, then pages through the older ones newest first', () => {
    const store = openStore(':memory:');
    // 12 matches, a window of 5: the 5 newest (rowids 8–12) are ranked, then 7, 6, … 1 by storage order.
    const ids = fill(
      store,
      Array.from({ length: 12 }, (_, i) =>
        // Report 3 (old) would be the best bm25 hit of all: it must still come after the window.
        report(i + 1, i === 2 ? 'Tamsa Tamsa Tamsa under fire.' : `Tamsa market day ${i + 1} passed quietly.`),
      ),
    );
    const search = new SqliteReportSearch(store.db, 5);
    const all = search.search('tamsa', { limit: 50 }).map((h) => h.id);
    expect(all).toHaveLength(12);
    expect(new Set(all.slice(0, 5))).toEqual(new Set(ids.slice(7)));
    expect(all.slice(5)).toEqual(ids.slice(0, 7).reverse());
    // Pages concatenate to the same order, including a page straddling the window's edge.
    const paged = [0, 3, 6, 9].flatMap((offset) => search.search('tamsa', { limit: 3, offset }).map((h) => h.id));
    expect(paged).toEqual(all);
    expect(search.search('tamsa', { limit: 3, offset: 12 })).toEqual([]);
    expect(search.count('tamsa')).toEqual({ count: 5, exact: false });
    // A page's total comes from the window it ranked, or from a count when the page lies beyond it.
    for (const offset of [0, 4, 5, 11, 30]) {
      expect(search.page('tamsa', { limit: 3, offset }).total).toEqual({ count: 5, exact: false });
    }
    expect(search.page('tamsa', { limit: 3, offset: 6 }).hits.map((h) => h.id)).toEqual(all.slice(6, 9));
    expect(search.count('tamsa', 20)).toEqual({ count: 12, exact: true });
    // The same store under the default window ranks all twelve: the strong old hit comes first.
    expect(store.reports.search('tamsa')[0]!.id).toBe(ids[2]);
    expect(RANK_WINDOW).toBeGreaterThanOrEqual(100);
    store.close();
  });

  it('still folds Turkish and Latin diacritics and Arabic vowel marks, and snippets show the original text', () => {
    const store = openStore(':memory:');
    const [tr, ar, fr] = fill(store, [
      report(1, 'Velmora ve Şanlıurfa çevresinde çatışmalar sürüyor.'),
      report(2, 'اشتباكات عنيفة قرب قرية تَلّ الهَوى شمال غرب المدينة.'),
      report(3, 'Les combats ont repris près de Velmora, selon la Sécurité publique.'),
    ]);
    const ids = (q: string) => store.reports.search(q).map((h) => h.id);
    expect(ids('SANLIURFA')).toEqual([tr]);
    expect(ids('çatışma*')).toEqual([tr]);
    expect(ids('securite')).toEqual([fr]);
    expect(ids('تل الهوى')).toEqual([ar]);
    expect(ids('"الهوى شمال"')).toEqual([ar]);
    expect(new Set(ids('velmora'))).toEqual(new Set([tr, fr]));
    expect(store.reports.search('sanliurfa')[0]!.snippet).toContain('Şanlıurfa');
    expect(store.reports.countMatches('velmora')).toEqual({ count: 2, exact: true });
    expect(store.reports.countMatches('"" * --')).toEqual({ count: 0, exact: true });
    store.close();
  });

  it('cuts snippets around the first match, in ASCII and folded text alike', () => {
    const long = `${'Quiet day. '.repeat(30)}Then shelling hit Velmora at dawn. ${'Calm again. '.repeat(30)}`;
    const s = snippet(long, ['velmora']);
    expect(s).toContain('shelling hit Velmora at dawn');
    expect(s.startsWith('…') && s.endsWith('…')).toBe(true);
    expect(snippet(`${'x '.repeat(100)}Diyarbakır'da`, ['diyarbakir'])).toContain('Diyarbakır');
    expect(snippet('No match here.', ['velmora'])).toBe('No match here.');
  });
});
