import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/ingest/build-report.js';
import type { Report, ReportSource } from '../../src/model/report.js';
import { openStore } from '../../src/store/index.js';
import { foldForSearch, ftsQuery } from '../../src/store/sqlite/reports-repo.js';

const SEEN = '2024-01-01T00:00:00.000Z';
const src = (locator: string, externalId: string | null = null): ReportSource => ({
  kind: 'file',
  locator,
  externalId,
  seenAt: SEEN,
});
function report(text: string, extra: Partial<Report> = {}, source = src(`${text.slice(0, 8)}.txt`)): Report {
  return {
    ...buildReport({
      text,
      source,
      published: extra.published ?? null,
      publishedSource: extra.published ? 'input-field' : 'none',
      rawSha256: null,
    }),
    ...extra,
  };
}

describe('SQLite reports repository', () => {
  it('stores a report whole and reads it back identically', () => {
    const store = openStore(':memory:');
    const r = report(
      'BEIRUT, LEBANON (4:20 P.M.) – Fighters captured soldiers pic.twitter.com/x1 — A B (@ab) October 29, 2019',
      {
        title: 'T',
        outlet: 'O',
        published: '2019-10-30',
      },
    );
    expect(store.reports.upsert(r)).toEqual({ id: r.id, status: 'new', familyId: r.id });
    expect(store.reports.get(r.id)).toEqual(r);
    store.close();
  });

  it('stores the same text once with all its sources, fills missing metadata, and is idempotent', () => {
    const store = openStore(':memory:');
    const a = report('Same words in two places.', {}, src('a.txt'));
    const b = {
      ...a,
      title: 'From the feed',
      sources: [{ ...src('feed.xml#1', 'guid-1'), kind: 'feed-item' as const }],
    };
    expect(store.reports.upsert(a).status).toBe('new');
    expect(store.reports.upsert(b).status).toBe('new-source');
    expect(store.reports.upsert(b).status).toBe('unchanged');
    const got = store.reports.get(a.id)!;
    expect(got.sources.map((s) => s.locator)).toEqual(['a.txt', 'feed.xml#1']);
    expect(got.title).toBe('From the feed');
    expect(store.reports.count()).toBe(1);
    // The title that arrived later is searchable.
    expect(store.reports.search('feed').map((h) => h.id)).toEqual([a.id]);
    store.close();
  });

  it('rolls a failed upsert back whole (no orphan sources or index rows)', () => {
    const store = openStore(':memory:');
    const r = report('A report that will fail half-way.');
    const bad = { ...r, sources: [src('x.txt'), { ...src('y.txt'), kind: undefined as unknown as 'file' }] };
    expect(() => store.reports.upsert(bad)).toThrow();
    expect(store.reports.count()).toBe(0);
    expect(store.reports.sources(r.id)).toEqual([]);
    expect(store.reports.search('fail')).toEqual([]);
    store.close();
  });

  it('leaves a guarded upsert that fails to the savepoint its caller rolls back, and keeps its neighbours', () => {
    const store = openStore(':memory:');
    const good = report('A neighbour that lands in the same transaction.');
    const r = report('A guarded report that will fail half-way.');
    const bad = { ...r, sources: [src('x.txt'), { ...src('y.txt'), kind: undefined as unknown as 'file' }] };
    store.transaction(() => {
      store.reports.upsert(good, [], { guarded: true });
      // The pipeline's isolating pass: one savepoint per report, around a guarded upsert.
      expect(() => store.transaction(() => store.reports.upsert(bad, [7, 8], { guarded: true }))).toThrow();
    });
    expect(store.reports.count()).toBe(1);
    expect(store.reports.has(good.id)).toBe(true);
    expect(store.reports.sources(r.id)).toEqual([]);
    expect(store.reports.familyCandidates([7, 8])).toEqual([]);
    expect(store.reports.search('guarded')).toEqual([]);
    expect(store.reports.search('neighbour')).toHaveLength(1);
    // Outside a transaction `guarded` changes nothing: the upsert is its own transaction.
    expect(() => store.reports.upsert(bad, [], { guarded: true })).toThrow();
    expect(store.reports.count()).toBe(1);
    store.close();
  });

  it('resolves full ids, id prefixes, external ids and source paths', () => {
    const store = openStore(':memory:');
    const r = report('Resolvable report text.', {}, src('dir/file.txt', 'ext-42'));
    store.reports.upsert(r);
    expect(store.reports.resolve(r.id)).toEqual([r.id]);
    expect(store.reports.resolve(r.id.slice(0, 6))).toEqual([r.id]);
    expect(store.reports.resolve('ext-42')).toEqual([r.id]);
    expect(store.reports.resolve('dir/file.txt')).toEqual([r.id]);
    expect(store.reports.resolve('ffff0000')).toEqual([]);
    store.close();
  });

  it('lists with filters, newest first', () => {
    const store = openStore(':memory:');
    store.reports.upsert(report('Old report.', { published: '2019-10-29', language: 'en' }));
    store.reports.upsert(report('New report.', { published: '2024-06-03', language: 'en' }));
    store.reports.upsert(report('Rapor metni.', { published: '2024-06-04', language: 'tr' }));
    store.reports.upsert(report('Undated report.'));
    expect(store.reports.list().map((r) => r.published)).toEqual(['2024-06-04', '2024-06-03', '2019-10-29', null]);
    expect(store.reports.list({ from: '2024-01-01', language: 'en' }).map((r) => r.published)).toEqual(['2024-06-03']);
    expect(store.reports.count({ to: '2020-01-01' })).toBe(1);
    expect(store.reports.list({ limit: 1, offset: 1 })).toHaveLength(1);
    store.close();
  });

  it('searches without regard to case, Latin and Turkish diacritics, or Arabic vowel marks', () => {
    const store = openStore(':memory:');
    const tr = report('Diyarbakır ve Şanlıurfa çevresinde çatışmalar sürüyor.');
    const ar = report('اشتباكات عنيفة قرب قرية تَلّ الهَوى شمال غرب تل تمر، وأنباء عن أسر عدد من الجنود.');
    const fr = report('Les combats ont repris près de Bangui, selon la Sécurité publique.');
    for (const r of [tr, ar, fr]) store.reports.upsert(r);
    const ids = (q: string) => store.reports.search(q).map((h) => h.id);
    expect(ids('diyarbakir')).toEqual([tr.id]);
    expect(ids('DIYARBAKIR sanliurfa')).toEqual([tr.id]);
    expect(ids('çatışma*')).toEqual([tr.id]);
    expect(ids('securite')).toEqual([fr.id]);
    // Undotted query for vowelled text, and hamza-on-alef folded to bare alef: انباء matches وأنباء? No: that is a
    // different word (with the conjunction) — but أسر and اسر are the same word.
    expect(ids('تل الهوى')).toEqual([ar.id]);
    expect(ids('اسر')).toEqual([ar.id]);
    expect(ids('"tal tamr"')).toEqual([]);
    expect(ids('نهر')).toEqual([]);
    const [hit] = store.reports.search('sanliurfa');
    expect(hit!.snippet).toContain('Şanlıurfa');
    store.close();
  });

  it('keeps FTS syntax in a query from doing harm', () => {
    expect(ftsQuery('a OR b NEAR(c) "x y" z*')).toBe('"a" "or" "b" "near" "c" "x y" "z"*');
    expect(ftsQuery('  -- ')).toBeNull();
    expect(foldForSearch('İSTANBUL Işık')).toBe('istanbul isik');
    expect(foldForSearch('أَسْرَى')).toBe('اسري');
  });

  it("indexes a transaction's reports for search at its end, leaving out those whose savepoint rolled back", () => {
    const store = openStore(':memory:');
    const kept = report('Shelling near Kharkiv overnight.');
    const dropped = report('Drone strike near Kherson at dawn.');
    const later = { ...report('Shelling near Kharkiv overnight.', {}, src('feed.xml#2')), title: 'Frontline' };
    store.transaction(() => {
      store.reports.upsert(kept);
      // A report stored and then rolled back with its savepoint (as the pipeline does when its events fail).
      expect(() =>
        store.transaction(() => {
          store.reports.upsert(dropped);
          throw new Error('events failed');
        }),
      ).toThrow('events failed');
      // Inside the open transaction nothing is indexed yet.
      expect(store.reports.search('kharkiv')).toEqual([]);
      expect(store.reports.upsert(later).status).toBe('new-source');
    });
    expect(store.reports.search('kharkiv').map((h) => h.id)).toEqual([kept.id]);
    expect(store.reports.search('kherson')).toEqual([]);
    expect(store.reports.has(dropped.id)).toBe(false);
    // The title filled in later in the same transaction is searchable, and the report is indexed once, not twice.
    expect(store.reports.search('frontline').map((h) => h.id)).toEqual([kept.id]);
    expect(store.reports.search('overnight').map((h) => h.id)).toEqual([kept.id]);
    // A transaction that fails as a whole indexes nothing and leaves search working afterwards.
    expect(() =>
      store.transaction(() => {
        store.reports.upsert(dropped);
        throw new Error('batch failed');
      }),
    ).toThrow('batch failed');
    expect(store.reports.search('kherson')).toEqual([]);
    store.reports.upsert(dropped);
    expect(store.reports.search('kherson').map((h) => h.id)).toEqual([dropped.id]);
    store.close();
  });

  it("finds candidates sharing any of a report's twenty keys in one query, ranked by keys shared", () => {
    const store = openStore(':memory:');
    const keys = (base: number) => Array.from({ length: 20 }, (_, b) => b * 2 ** 32 + base + b);
    const a = report('Report one.');
    const b = report('Report two.');
    const c = report('Report three.');
    store.reports.upsert(a, keys(100));
    // b shares five of a's keys, c two; the query shares keys with both.
    store.reports.upsert(b, [...keys(100).slice(0, 5), ...keys(900).slice(5)]);
    store.reports.upsert(c, [...keys(100).slice(18), ...keys(700).slice(0, 18)]);
    expect(store.reports.familyCandidates(keys(100)).map((x) => x.id)).toEqual([a.id, b.id, c.id]);
    expect(store.reports.familyCandidates(keys(100), 2).map((x) => x.id)).toEqual([a.id, b.id]);
    expect(store.reports.familyCandidates(keys(5000))).toEqual([]);
    // Neighbouring keys (k + 1 in every band, up to 19 × 2^32) are other buckets: no bleed between key ranges.
    const d = report('Report four.');
    store.reports.upsert(d, keys(101));
    expect(store.reports.familyCandidates(keys(101)).map((x) => x.id)).toEqual([d.id]);
    expect(store.reports.familyCandidates(keys(100), 8).map((x) => x.id)).toEqual([a.id, b.id, c.id]);
    // The fingerprint screen: only accepted candidates come back, with the fingerprint they were judged on.
    const accepted = store.reports.familyCandidates(keys(100), 8, (fp) => fp === b.fingerprint);
    expect(accepted).toEqual([{ id: b.id, familyId: b.id, fingerprint: b.fingerprint }]);
    store.close();
  });

  it('never serves a remembered fingerprint for a report whose transaction was rolled back', () => {
    const store = openStore(':memory:');
    const key = [2 ** 32 + 11];
    const a = report('The first wire copy about shelling near Kherson.');
    const b = report('A second report, stored and then rolled back.');
    const c = report('A third report that takes the rolled-back rowid.');
    store.transaction(() => store.reports.upsert(a, key));
    expect(() =>
      store.transaction(() => {
        store.reports.upsert(b, key);
        // Read (and, for committed a, remembered) inside the transaction that fails.
        expect(store.reports.familyCandidates(key).map((x) => x.fingerprint)).toEqual([a.fingerprint, b.fingerprint]);
        throw new Error('batch failed');
      }),
    ).toThrow('batch failed');
    store.transaction(() => {
      store.reports.upsert(c, key);
      // c now holds b's old rowid: its own fingerprint comes back, not b's.
      expect(store.reports.familyCandidates(key)).toEqual([
        { id: a.id, familyId: a.id, fingerprint: a.fingerprint },
        { id: c.id, familyId: c.id, fingerprint: c.fingerprint },
      ]);
    });
    // Outside a transaction every report is committed, and a remembered fingerprint is the stored one.
    expect(store.reports.familyCandidates(key).map((x) => x.fingerprint)).toEqual([a.fingerprint, c.fingerprint]);
    store.close();
  });

  it('finds family candidates by LSH key and merges families', () => {
    const store = openStore(':memory:');
    const a = report('Report A.');
    const b = report('Report B.');
    const c = report('Report C.');
    store.reports.upsert(a, [1, 2 ** 32 + 7]);
    store.reports.upsert(b, [3, 2 ** 32 + 7]);
    store.reports.upsert({ ...c, familyId: c.id }, [5]);
    expect(
      store.reports
        .familyCandidates([2 ** 32 + 7])
        .map((x) => x.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    expect(store.reports.familyCandidates([99])).toEqual([]);
    expect(store.reports.mergeFamilies([b.id, c.id], a.id)).toBe(2);
    const [family] = store.reports.families();
    expect(family).toEqual({ familyId: a.id, size: 3, ids: [a.id, b.id, c.id].sort() });
    expect(store.reports.families({ all: true })).toHaveLength(1);
    store.close();
  });
});
