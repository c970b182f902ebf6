/** Ingests samples/ twice into one database: idempotence, every format, and the documented syndication families. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMapping } from '../../src/ingest/mapping.js';
import { type IngestSummary, ingest } from '../../src/ingest/pipeline.js';
import { openStore, type SqliteStore } from '../../src/store/index.js';
import { createLanguageIdentifier } from '../../src/text/language.js';
import { tempDir } from './helpers.js';

const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));
const CSV_MAP = 'id=ref,text=body,published=date,title=headline,url=link,outlet=source';
const { dir, cleanup } = tempDir();
let store: SqliteStore;
let first: IngestSummary;
let second: IngestSummary;
let csv: IngestSummary;

beforeAll(async () => {
  store = openStore(join(dir, 'samples.db'));
  // The CSV corpus needs its own column map (samples/README.md), so the directory run reports it as failed.
  // With the real fastText model, as `sitrep ingest` runs by default.
  const identifier = await createLanguageIdentifier();
  first = await ingest([SAMPLES], { store, identifier });
  csv = await ingest([join(SAMPLES, 'corpus/reports.csv')], { store, mapping: parseMapping(CSV_MAP) });
  second = await ingest([SAMPLES], { store });
});
afterAll(() => {
  store.close();
  cleanup();
});

const idOf = (ref: string) => {
  const ids = store.reports.resolve(ref);
  expect(ids).toHaveLength(1);
  return ids[0]!;
};

describe('ingesting samples/', () => {
  it('stores every sample; only the unmapped CSV fails, with one clear reason', () => {
    expect(first.failures).toEqual([
      { locator: join(SAMPLES, 'corpus/reports.csv'), reason: expect.stringMatching(/^missing column 'text'/) },
    ]);
    expect(first.new).toBeGreaterThanOrEqual(30);
    expect(csv.failures).toEqual([]);
    expect(csv.new).toBeGreaterThan(0);
    expect(store.reports.count()).toBe(first.new + csv.new);
    // samples/README.md is documentation beside the reports, not a report.
    expect(store.reports.resolve(join(SAMPLES, 'README.md'))).toEqual([]);
    expect(first.skipped).toBeGreaterThanOrEqual(1);
  });

  it('is idempotent: the second run adds nothing', () => {
    expect(second.new).toBe(0);
    expect(second.newSource).toBe(0);
    expect(second.unchanged).toBe(first.new);
    expect(store.reports.count()).toBe(first.new + csv.new);
  });

  it('links the documented syndicated copies to their originals, and nothing else', () => {
    const lw = idOf(join(SAMPLES, 'text/tal-tamr-levant-wire-2019-10-30.txt'));
    const cedar = idOf(join(SAMPLES, 'html/tal-tamr-cedar-post-2019-10-30.html'));
    const bsw = idOf(join(SAMPLES, 'text/kursk-drone-black-sea-wire-2024-07-18.txt'));
    const baltic = idOf('baltic-courier-2024-07-18-kursk');
    const families = store.reports.families().map((f) => f.ids);
    expect(families).toHaveLength(2);
    expect(families).toContainEqual([lw, cedar].sort());
    expect(families).toContainEqual([bsw, baltic].sort());
  });

  it('keeps the worked example’s embedded posts and dateline', () => {
    const r = store.reports.get(idOf(join(SAMPLES, 'text/tal-tamr-frontline-dispatch-2019-10-30.txt')))!;
    expect(r.dateline).toMatchObject({ place: 'Beirut', country: 'Lebanon', localTime: '4:20 P.M.' });
    expect(r.embeddedPosts.map((p) => [p.reason, p.handle, p.date])).toEqual([
      ['pic-twitter-signature', 'hkaya_sahada', '2019-10-29'],
      ['pic-twitter-signature', 'levantmonitorx', '2019-10-29'],
      ['pic-twitter-signature', 'emredogan_tv', '2019-10-29'],
    ]);
    const html = store.reports.get(idOf(join(SAMPLES, 'html/tal-tamr-jazira-now-2019-10-29.html')))!;
    expect(html.embeddedPosts.map((p) => [p.reason, p.handle])).toEqual([
      ['twitter-blockquote', 'serhataydinhbr'],
      ['twitter-blockquote', 'hasakah_akhbar'],
    ]);
    expect(html.publishedSource).toMatch(/json-ld|html-meta/);
  });

  it('identifies the language of reports and of each embedded post', () => {
    const lang = (p: string) => store.reports.get(idOf(join(SAMPLES, p)))!.language;
    expect(lang('text/tal-tamr-handover-tr-2019-10-31.txt')).toBe('tr');
    expect(lang('text/idlib-airstrike-telegram-ar-2024-08-14.txt')).toBe('ar');
    expect(lang('text/tal-tamr-levant-wire-2019-10-30.txt')).toBe('en');
    const html = store.reports.get(idOf(join(SAMPLES, 'html/tal-tamr-jazira-now-2019-10-29.html')))!;
    expect(html.language).toBe('en');
    expect(html.embeddedPosts.map((p) => p.language)).toEqual(['tr', 'ar']);
  });

  it('finds Arabic and Turkish samples by full-text search without diacritics', () => {
    expect(store.reports.search('esir alindi').length).toBeGreaterThan(0);
    expect(store.reports.search('الغارة').length).toBeGreaterThan(0);
  });
});
