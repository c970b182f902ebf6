/**
 * The batch is stored without a savepoint per report; a report that fails to store rolls the batch back and the batch
 * is stored again report by report. These tests check that the retry keeps the old guarantees: the failing report is
 * stored not at all (not even in the search index), its neighbours whole, and counts and events only for what landed.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, identifyLanguage } from '../../src/ingest/build-report.js';
import { parseMapping } from '../../src/ingest/mapping.js';
import { type IngestProgress, ingest } from '../../src/ingest/pipeline.js';
import { openStore } from '../../src/store/index.js';
import type { LanguageGuess, LanguageIdentifier } from '../../src/text/language.js';
import { fakeExtract, fixture } from './helpers.js';

describe('batch commit', () => {
  it('stores the neighbours of a report that fails inside the store, and nothing of that report', async () => {
    const store = openStore(':memory:');
    const replace = store.events.replaceForReport.bind(store.events);
    // Fails after the report's rows, sources, LSH keys and queued search entry were written.
    store.events.replaceForReport = (id, events) => {
      if (store.reports.textOf(id)?.includes('Shelling')) throw new Error('events table locked');
      return replace(id, events);
    };
    const stored: IngestProgress[] = [];
    const summary = await ingest([fixture('good')], {
      store,
      mapping: parseMapping('id=ref,text=body,title=headline'),
      extract: fakeExtract,
      onProgress: (e) => {
        if (e.type === 'stored') stored.push(e);
      },
    });
    const failed = summary.failures.filter((f) => f.reason.startsWith('not stored'));
    expect(failed).toEqual([
      { locator: `${fixture('good/corpus.csv')}#c-2`, reason: 'not stored: events table locked' },
    ]);
    expect(store.reports.resolve('c-2')).toEqual([]);
    expect(store.reports.search('"south of a fictional town"')).toEqual([]);
    expect(store.reports.resolve('c-1')).toHaveLength(1);
    expect(store.reports.search('clashed').length).toBeGreaterThan(0);
    // Counted and announced once each, after the retry, for what is in the store.
    expect(summary.new).toBe(store.reports.count());
    expect(stored).toHaveLength(summary.new + summary.newSource + summary.unchanged);
    expect(new Set(stored.map((e) => (e.type === 'stored' ? e.locator : ''))).size).toBe(stored.length);
    const ids = new Set(stored.map((e) => (e.type === 'stored' ? e.id : '')));
    expect(summary.events).toBe([...ids].reduce((n, id) => n + store.events.forReport(id).length, 0));
    expect(summary.events).toBeGreaterThan(0);
    store.close();
  });

  it('stores a whole batch in one go when nothing fails (same result as report by report)', async () => {
    const one = openStore(':memory:');
    const each = openStore(':memory:');
    const a = await ingest([fixture('good')], { store: one, mapping: parseMapping('id=ref,text=body') });
    const b = await ingest([fixture('good')], { store: each, mapping: parseMapping('id=ref,text=body'), batchSize: 1 });
    expect(a.new).toBe(b.new);
    expect(one.reports.families({ all: true, limit: 100 })).toEqual(each.reports.families({ all: true, limit: 100 }));
    one.close();
    each.close();
  });
});

describe('language of a report', () => {
  /** Records the length of every sample it is given; sure of a sample only from `sureFrom` characters. */
  function recorder(sureFrom: number): { identifier: LanguageIdentifier; asked: number[] } {
    const asked: number[] = [];
    return {
      asked,
      identifier: {
        identify(text: string): LanguageGuess {
          asked.push(text.length);
          return { language: 'fr', confidence: text.length >= sureFrom ? 0.99 : 0.5 };
        },
      },
    };
  }
  const long = 'Des tirs ont été entendus près du pont. '.repeat(20);

  it('asks about a 200-character prefix and stops there when the model is sure', () => {
    const { identifier, asked } = recorder(0);
    expect(identifyLanguage(identifier, long)).toEqual({ language: 'fr', confidence: 0.99 });
    expect(asked).toEqual([200]);
  });

  it('asks again about 500 characters when the prefix leaves the model unsure', () => {
    const { identifier, asked } = recorder(300);
    expect(identifyLanguage(identifier, long).confidence).toBe(0.99);
    expect(asked).toEqual([200, 500]);
  });

  it('does not ask twice about a text shorter than the prefix', () => {
    const { identifier, asked } = recorder(1000);
    identifyLanguage(identifier, 'Tirs près du pont.');
    expect(asked).toEqual([18]);
  });

  it('is what buildReport records', () => {
    const { identifier } = recorder(0);
    const report = buildReport(
      {
        text: long,
        source: { kind: 'file', locator: 'x.txt', seenAt: '2024-01-01T00:00:00Z' },
        publishedSource: 'none',
        rawSha256: null,
      },
      { identifier },
    );
    expect(report).toMatchObject({ language: 'fr', languageConfidence: 0.99 });
  });
});

describe('full-text index settings', () => {
  it('merges segments 8 at a time (migration 110)', () => {
    const store = openStore(':memory:');
    const row = store.db.prepare("SELECT v FROM reports_fts_config WHERE k = 'automerge'").get() as { v: number };
    expect(row.v).toBe(8);
    store.close();
  });
});
