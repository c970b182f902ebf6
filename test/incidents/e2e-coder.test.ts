/**
 * End to end through the real coder: the Tal Tamr sample reports are ingested, coded by `createExtractor()` and
 * clustered. The golden (test/fixtures/incidents/e2e/tal-tamr.groups.json, REGEN=1 rewrites it) records which
 * reports end up together and each incident's grade and captured range, so a change in the coder or in the
 * clustering shows as a reviewable diff. The invariants below must hold whatever the coder's accuracy.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.js';
import { loadIncidentLexicon } from '../../src/incidents/lexicon.js';
import { rebuildIncidents } from '../../src/incidents/service.js';
import { ingest } from '../../src/ingest/pipeline.js';
import type { Incident } from '../../src/model/incident.js';
import { openStore } from '../../src/store/index.js';
import { SqliteIncidentRepository } from '../../src/store/sqlite/incidents-repo.js';

const samples = new URL('../../samples/', import.meta.url).pathname;
const files = [
  'text/tal-tamr-hws-2019-10-29.txt',
  'text/tal-tamr-frontline-dispatch-2019-10-30.txt',
  'text/tal-tamr-levant-wire-2019-10-30.txt',
  'html/tal-tamr-cedar-post-2019-10-30.html',
  'html/tal-tamr-jazira-now-2019-10-29.html',
  'text/tal-tamr-free-north-voice-2019-10-29.txt',
  'text/hasakah-daily-monitor-2019-10-30.txt',
  'text/tal-tamr-handover-bosphorus-daily-2019-10-31.txt',
  'text/tal-tamr-handover-tr-2019-10-31.txt',
];
const goldenUrl = new URL('../fixtures/incidents/e2e/tal-tamr.groups.json', import.meta.url);

let incidents: Incident[] = [];
const locatorOf = new Map<string, string>();

beforeAll(async () => {
  const store = openStore(':memory:');
  const extractor = await createExtractor();
  await ingest(
    files.map((f) => samples + f),
    {
      store,
      extract: (r) =>
        extractor.extract({
          id: r.id,
          text: r.text,
          published: r.published,
          title: r.title,
          language: r.language,
          embeddedPosts: r.embeddedPosts,
          dateline: r.dateline,
        }),
    },
  );
  for (const r of store.reports.list({ limit: 100 }))
    for (const s of store.reports.sources(r.id))
      locatorOf.set(r.id, s.locator.slice(s.locator.indexOf('samples/') + 8));
  const repo = new SqliteIncidentRepository(store.db);
  rebuildIncidents(store, repo, loadIncidentLexicon());
  incidents = repo.list();
  store.close();
}, 240_000);

function reportsOf(i: Incident): string[] {
  return [...new Set(i.members.map((m) => locatorOf.get(m.report) ?? m.report))].sort();
}

describe('end to end through the coder: Tal Tamr samples', () => {
  it('matches the golden grouping', () => {
    const groups = incidents
      .filter((i) => reportsOf(i).length >= 2)
      .map((i) => ({
        type: i.sub_event_type,
        place: i.location?.name ?? null,
        date: i.date?.start ?? null,
        grade: i.grade,
        captured:
          i.counts.captured.best === null
            ? null
            : [i.counts.captured.low, i.counts.captured.best, i.counts.captured.high],
        sources: i.sources.length,
        reports: reportsOf(i),
      }))
      .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    const actual = `${JSON.stringify(groups, null, 1)}\n`;
    if (process.env.REGEN === '1' || !existsSync(goldenUrl)) writeFileSync(goldenUrl, actual);
    expect(actual).toBe(readFileSync(goldenUrl, 'utf8'));
  });

  it('puts the Levant Wire story and its syndicated Cedar Post copy in one incident, counted once', () => {
    const both = incidents.filter((i) => {
      const r = reportsOf(i);
      return (
        r.includes('text/tal-tamr-levant-wire-2019-10-30.txt') && r.includes('html/tal-tamr-cedar-post-2019-10-30.html')
      );
    });
    expect(both.length).toBeGreaterThan(0);
    for (const i of both) {
      const fam = i.sources.filter((f) => f.reports.some((r) => locatorOf.get(r.id)?.includes('levant-wire')));
      expect(fam.some((f) => f.reports.some((r) => locatorOf.get(r.id)?.includes('cedar-post')))).toBe(true);
    }
  });

  it('keeps every incident within one country and never counts more sources than reports', () => {
    for (const i of incidents) {
      const countries = new Set(i.members.map((m) => m.location?.country).filter(Boolean));
      expect(countries.size).toBeLessThanOrEqual(1);
      expect(i.sources.length).toBeLessThanOrEqual(new Set(i.members.map((m) => m.report)).size + i.members.length);
    }
  });

  it('joins the main reports of the capture near Tal Tamr', () => {
    const main = [
      'text/tal-tamr-hws-2019-10-29.txt',
      'text/tal-tamr-levant-wire-2019-10-30.txt',
      'text/tal-tamr-frontline-dispatch-2019-10-30.txt',
    ];
    expect(incidents.some((i) => main.every((f) => reportsOf(i).includes(f)))).toBe(true);
  });

  it('pairs the reports of one incident as samples/.expected says, with precision >= 90% and recall >= 70%', () => {
    const expected = JSON.parse(readFileSync(`${samples}.expected/incidents.json`, 'utf8')) as {
      reports: { locator: string; incidents: string[] }[];
    };
    const gold = new Map(
      expected.reports.filter((r) => files.includes(r.locator)).map((r) => [r.locator, new Set(r.incidents)]),
    );
    const together = new Set<string>();
    for (const i of incidents) {
      const ids = reportsOf(i).filter((id) => gold.has(id));
      for (let a = 0; a < ids.length; a++) for (let b = a + 1; b < ids.length; b++) together.add(`${ids[a]}|${ids[b]}`);
    }
    const ids = [...gold.keys()].sort();
    let goldPairs = 0;
    let hits = 0;
    for (let a = 0; a < ids.length; a++)
      for (let b = a + 1; b < ids.length; b++) {
        const same = [...gold.get(ids[a]!)!].some((x) => gold.get(ids[b]!)!.has(x));
        if (same) {
          goldPairs++;
          if (together.has(`${ids[a]}|${ids[b]}`)) hits++;
        }
      }
    expect(hits / together.size).toBeGreaterThanOrEqual(0.9);
    expect(hits / goldPairs).toBeGreaterThanOrEqual(0.7);
  });
});
