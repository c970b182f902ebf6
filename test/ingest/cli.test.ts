/** `sitrep ingest`, `sitrep reports …`, `sitrep events …` run in-process. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { fakeExtract, fixture, tempDir } from './helpers.js';

const { dir, cleanup } = tempDir();
const db = join(dir, 'cli.db');
const env = { SITREP_DB: db };
afterAll(cleanup);

beforeAll(async () => {
  const r = await runCli(['ingest', fixture('good'), '--no-language', '--no-code'], '', env);
  // corpus.jsonl has two bad rows and corpus.csv no 'text' column under the default map.
  expect(r.code).toBe(1);
  // Events for `sitrep events` come from a fake coder through the store, so these tests do not depend on the
  // real coder's accuracy (test/ingest/cli-coding.test.ts covers ingest with the real coder).
  const store = openStore(db);
  for (const s of store.reports.list({ limit: 100 })) {
    const report = store.reports.get(s.id)!;
    store.events.replaceForReport(report.id, fakeExtract(report).events);
  }
  store.close();
});

describe('sitrep ingest', () => {
  it('has --help', async () => {
    const r = await runCli(['ingest', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('usage: sitrep ingest');
    expect(r.out).toContain('--map');
  });

  it('streams JSON Lines: stored after commit, failures, then a summary', async () => {
    const r = await runCli(
      [
        'ingest',
        fixture('good/corpus.jsonl'),
        '--json',
        '--no-language',
        '--db',
        join(dir, 'j.db'),
        '--map',
        'id=doc_id,text=body',
      ],
      '',
    );
    expect(r.code).toBe(1);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.stored).map((l) => l.stored.status)).toEqual(['new', 'new', 'new-source']);
    expect(lines.filter((l) => l.failed)).toHaveLength(2);
    expect(lines.at(-1).summary).toMatchObject({ new: 2, newSource: 1, failures: 2, stored: 3 });
  });

  it('reads stdin with -', async () => {
    const r = await runCli(
      ['ingest', '-', '--no-language', '--db', join(dir, 's.db')],
      'date 2024-02-02\nA report piped in.',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^stored 1 report \(1 new/);
  });

  it('rejects bad options with one line and exit 2', async () => {
    for (const argv of [
      ['ingest'],
      ['ingest', 'x', '--map', 'nonsense'],
      ['ingest', 'x', '--format', 'pdf'],
      ['ingest', 'x', '--bogus'],
    ]) {
      const r = await runCli(argv, '', env);
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('sitrep reports', () => {
  it('lists, as a table and as JSON Lines', async () => {
    const table = await runCli(['reports', 'list'], '', env);
    expect(table.code).toBe(0);
    expect(table.out.split('\n')[0]).toMatch(/^id\s+published\s+lang/);
    const json = await runCli(['reports', 'list', '--json', '--from', '2024-01-01'], '', env);
    const rows = json.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.published >= '2024-01-01').toBe(true);
  });

  it('shows a report by id prefix or external id, with posts and sources', async () => {
    const list = (await runCli(['reports', 'list', '--json'], '', env)).out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const html = list.find((r: { title: string | null }) => r.title?.startsWith('Clashes near Tal Tamr'));
    const r = await runCli(['reports', 'show', html.id.slice(0, 10)], '', env);
    expect(r.code).toBe(0);
    expect(r.out).toContain('embedded posts (2):');
    expect(r.out).toContain('twitter-blockquote');
    const json = JSON.parse((await runCli(['reports', 'show', 'frontier-2024-07-18-drone', '--json'], '', env)).out);
    expect(json.sources[0].externalId).toBe('frontier-2024-07-18-drone');
    expect(json.events).toEqual([]);
    const missing = await runCli(['reports', 'show', 'no-such-thing'], '', env);
    expect(missing.code).toBe(1);
    expect(missing.err.trim()).toBe("sitrep reports: no report matches 'no-such-thing'");
  });

  it('searches', async () => {
    const r = await runCli(['reports', 'search', 'roadside', '--json'], '', env);
    const hits = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(hits).toHaveLength(1);
    expect(hits[0].snippet).toContain('roadside bomb');
    expect((await runCli(['reports', 'search', 'zzzz'], '', env)).out).toBe('no matches\n');
  });

  it('lists families and explains a missing database', async () => {
    expect((await runCli(['reports', 'families'], '', env)).code).toBe(0);
    const r = await runCli(['reports', 'list', '--db', join(dir, 'absent.db')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('no database at');
  });

  it('has --help and rejects an unknown sub-command', async () => {
    expect((await runCli(['reports', '--help'])).out).toContain('sitrep reports search');
    expect((await runCli(['reports', 'frob'], '', env)).code).toBe(2);
  });
});

describe('sitrep events', () => {
  it('lists with filters and shows one event', async () => {
    const all = (await runCli(['events', 'list', '--json'], '', env)).out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((e: { event_type: string }) => e.event_type === 'Battles')).toBe(true);
    const none = await runCli(['events', 'list', '--type', 'Riots', '--json'], '', env);
    expect(none.out).toBe('');
    const byCountry = await runCli(['events', 'list', '--country', 'sy', '--certainty', 'reported'], '', env);
    expect(byCountry.out).toContain('Armed clash');
    const shown = await runCli(['events', 'show', all[0].id], '', env);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('evidence:');
    expect(shown.out).toContain('fake-trigger');
    const bad = await runCli(['events', 'list', '--certainty', 'maybe'], '', env);
    expect(bad.code).toBe(2);
  });

  it('has --help', async () => {
    expect((await runCli(['events', '--help'])).out).toContain('--certainty');
  });
});
