import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedEvent } from '../../src/model/extraction.js';
import type { Report } from '../../src/model/report.js';
import { openStore } from '../../src/store/index.js';
import { SqliteIncidentRepository } from '../../src/store/sqlite/incidents-repo.js';
import { runCli } from '../helpers/cli.js';
import { ev, place, RAS_AL_AYN } from './builders.js';

let dir: string;
let db: string;

function makeReport(id: string, externalId: string, outlet: string, published: string, familyId = id): Report {
  return {
    id,
    sources: [{ kind: 'corpus-row', locator: `docs.jsonl#${externalId}`, externalId, seenAt: '2026-01-01T00:00:00Z' }],
    outlet,
    published,
    publishedSource: 'input-field',
    language: 'en',
    text: `Report ${externalId}.`,
    embeddedPosts: [],
    familyId,
  };
}

const hex = (n: number) => n.toString(16).padStart(64, '0');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-incidents-'));
  db = join(dir, 'test.db');
  const store = openStore(db);
  const put = (r: Report, events: ExtractedEvent[]) => {
    store.reports.upsert(r);
    store.events.replaceForReport(r.id, events);
  };
  put(makeReport(hex(1), 'doc-a', 'Outlet A', '2019-10-30'), [ev({ captured: { low: 14, high: 14 } })]);
  put(makeReport(hex(2), 'doc-b', 'Outlet B', '2019-10-30'), [ev({ captured: { low: 18, high: 18 } })]);
  put(makeReport(hex(3), 'doc-c', 'Outlet C', '2019-10-30'), [
    ev({ at: place(RAS_AL_AYN), fatalities: { low: 2, high: 2 } }),
  ]);
  store.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = (out: string) =>
  out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('sitrep incidents', () => {
  it('lists incidents as JSON lines with the reports’ input ids (building them on first use)', async () => {
    const r = await runCli(['incidents', 'list', '--format', 'jsonl', '--db', db]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const rows = lines(r.out);
    expect(rows).toHaveLength(2);
    const merged = rows.find((x) => (x.reports as unknown[]).length === 2)!;
    expect((merged.reports as { id: string }[]).map((x) => x.id).sort()).toEqual(['doc-a', 'doc-b']);
    expect(merged.counts).toMatchObject({ captured: { low: 14, best: 18, high: 18 } });
    expect(merged.events).toEqual([
      { report: 'doc-a', index: 0, certainty: 'reported' },
      { report: 'doc-b', index: 0, certainty: 'reported' },
    ]);
    expect(Object.keys(merged)).toEqual(
      expect.arrayContaining([
        'id',
        'event_type',
        'sub_event_type',
        'actors',
        'date',
        'location',
        'counts',
        'grade',
        'grade_reason',
        'reports',
        'events',
        'links',
      ]),
    );
  });

  it('filters by min sources, grade, type, actor, country and date', async () => {
    const q = async (...args: string[]) =>
      lines((await runCli(['incidents', 'list', '--format', 'jsonl', '--db', db, ...args])).out).length;
    expect(await q('--min-sources', '2')).toBe(1);
    expect(await q('--grade', 'Weak')).toBe(1);
    expect(await q('--type', 'Armed clash')).toBe(2);
    expect(await q('--type', 'Protests')).toBe(0);
    expect(await q('--actor', 'national army')).toBe(2);
    expect(await q('--country', 'SY', '--admin1', 'al-hasakah')).toBe(2);
    expect(await q('--country', 'IQ')).toBe(0);
    expect(await q('--from', '2019-10-30')).toBe(0);
    expect(await q('--to', '2019-10-29')).toBe(2);
  });

  it('rejects a bad grade with one line and exit 2', async () => {
    const r = await runCli(['incidents', 'list', '--grade', 'Great', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('shows one incident, and exports ACLED CSV and GeoJSON', async () => {
    const first = lines(
      (await runCli(['incidents', 'list', '--format', 'jsonl', '--min-sources', '2', '--db', db])).out,
    )[0]!;
    const show = await runCli(['incidents', 'show', String(first.id), '--db', db]);
    expect(show.code).toBe(0);
    expect(show.out).toContain('captured  low 14 / best 18 / high 18');
    const csv = await runCli(['incidents', 'list', '--format', 'acled-csv', '--db', db]);
    expect(csv.out.split('\n')[0]).toMatch(
      /^event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,inter1/,
    );
    expect(csv.out.trim().split('\n')).toHaveLength(3);
    const geo = JSON.parse((await runCli(['incidents', 'list', '--format', 'geojson', '--db', db])).out);
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features[0].geometry.type).toBe('Point');
    const missing = await runCli(['incidents', 'show', 'inc-000000000000', '--db', db]);
    expect(missing.code).toBe(1);
  });

  it('keeps an analyst split through a rebuild', async () => {
    const merged = lines(
      (await runCli(['incidents', 'list', '--format', 'jsonl', '--min-sources', '2', '--db', db])).out,
    )[0]!;
    const key = `${hex(2)}#0`;
    const split = await runCli([
      'incidents',
      'split',
      String(merged.id),
      '--events',
      key,
      '--db',
      db,
      '--analyst',
      'tester',
    ]);
    expect(split.err).toBe('');
    expect(split.code).toBe(0);
    await runCli(['incidents', 'rebuild', '--db', db]);
    const store = openStore(db);
    const repo = new SqliteIncidentRepository(store.db);
    expect(repo.decisions()).toHaveLength(1);
    expect(repo.decisions()[0]).toMatchObject({ kind: 'split', analyst: 'tester' });
    expect(repo.incidentOfEvent(key)).not.toBe(repo.incidentOfEvent(`${hex(1)}#0`));
    expect(repo.count()).toBe(3);
    store.close();
  });

  it('rebuilds when new events arrive', async () => {
    const store = openStore(db);
    store.reports.upsert(makeReport(hex(4), 'doc-d', 'Outlet D', '2019-10-30'));
    store.events.replaceForReport(hex(4), [ev({ at: place(RAS_AL_AYN) })]);
    store.close();
    const rows = lines(
      (await runCli(['incidents', 'list', '--format', 'jsonl', '--db', db, '--min-sources', '2'])).out,
    );
    expect(rows.map((x) => (x.reports as { id: string }[]).map((r) => r.id).sort())).toEqual([['doc-c', 'doc-d']]);
  });

  it('demo: ingests and codes the samples in memory and prints their incidents', async () => {
    const r = await runCli(['incidents', 'demo', '--format', 'jsonl']);
    expect(r.code).toBe(0);
    const [head, ...rest] = r.out.trim().split('\n');
    expect(head).toMatch(/^\d+ sample reports, \d+ events, \d+ incidents$/);
    const rows = rest.filter(Boolean).map((l) => JSON.parse(l) as { sources: number });
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.some((x) => x.sources >= 2)).toBe(true);
  }, 240_000);
});
