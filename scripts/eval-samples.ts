/**
 * Scores the coder and the incident stage on the sample reports, the way held-out whole articles are scored:
 * `samples/.expected/incidents.json` becomes an articles-mode gold dir and an incidents-mode gold dir under
 * .cache/eval/samples/ (one JSON file per report: its expected events and its main incident), the samples are
 * ingested into a temporary database, coded with `sitrep extract` (ids = the locators of .expected) and clustered
 * with `sitrep incidents list --format jsonl`; both scorer summary lines are printed.
 *
 *   npm run eval:samples            (needs `npm run build` first: it runs bin/sitrep.js)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface Figure {
  low: number | null;
  high: number | null;
  certainty?: string;
}
interface ExpectedReport {
  locator: string;
  published: string | null;
  incidents: string[];
  figures?: Record<string, Record<string, Figure>>;
}
interface StoredReport {
  text: string;
  published?: string | null;
  title?: string | null;
  language?: string | null;
}
interface IngestApi {
  planInputs(paths: string[]): Promise<unknown>;
  readPlannedInputs(
    plan: unknown,
    options: { mapping: unknown },
  ): AsyncIterable<
    { kind: 'document'; doc: { source: { locator: string; externalId?: string | null } } } | { kind: 'failure' }
  >;
  buildReport(doc: unknown): StoredReport;
  parseMapping(spec: string | undefined): unknown;
}
const CSV_MAP = 'id=ref,text=body,published=date,title=headline,url=link,outlet=source';
interface ExpectedIncident {
  key: string;
  event_type: string;
  sub_event_type: string;
  date: { start: string; end: string };
  place: { name: string; lat: number; lon: number };
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.SITREP_SHARED ?? path.resolve(root, '../shared');
const out = path.resolve(root, process.env.SITREP_EVAL_OUT ?? '.cache/eval', 'samples');
const cli = path.join(root, 'bin/sitrep.js');
const scorer = path.join(shared, 'eval/score.mjs');

const expected = JSON.parse(readFileSync(path.join(root, 'samples/.expected/incidents.json'), 'utf8')) as {
  reports: ExpectedReport[];
  incidents: ExpectedIncident[];
};
const incidents = new Map(expected.incidents.map((i) => [i.key, i]));

// 1. Gold dirs. A report's figures for an incident give its counts and certainty; a party's claim is no count.
const articlesDir = path.join(out, 'articles-gold');
const incidentsDir = path.join(out, 'incidents-gold');
rmSync(out, { recursive: true, force: true });
mkdirSync(articlesDir, { recursive: true });
mkdirSync(incidentsDir, { recursive: true });
const fileName = (locator: string) => `${locator.replace(/[^A-Za-z0-9._-]+/g, '_')}.json`;
for (const r of expected.reports) {
  const events = r.incidents.map((key) => {
    const inc = incidents.get(key);
    if (!inc) throw new Error(`samples/.expected/incidents.json: ${r.locator} names unknown incident ${key}`);
    const figures = r.figures?.[key] ?? {};
    const counts: Record<string, { low: number }> = {};
    for (const [name, field] of [
      ['killed', 'killed'],
      ['captured', 'captured'],
    ] as const) {
      const f = figures[field];
      if (f && f.low != null && f.certainty !== 'claimed') counts[name] = { low: f.low };
    }
    const certainty = Object.values(figures).find((f) => f.certainty && f.certainty !== 'claimed')?.certainty;
    return {
      event_type: inc.event_type,
      sub_event_type: inc.sub_event_type,
      location: { lat: inc.place.lat, lon: inc.place.lon },
      date: inc.date.start,
      certainty: certainty ?? 'reported',
      counts,
    };
  });
  const gold = { id: r.locator, events, incident_group: r.incidents[0] ?? null };
  writeFileSync(path.join(articlesDir, fileName(r.locator)), `${JSON.stringify(gold)}\n`);
  writeFileSync(path.join(incidentsDir, fileName(r.locator)), `${JSON.stringify(gold)}\n`);
}

// 2. Ingest the samples into a temporary database (the CSV corpus needs its field map, as samples/README.md says).
const tmp = mkdtempSync(path.join(os.tmpdir(), 'sitrep-eval-samples-'));
const db = path.join(tmp, 'samples.db');
const run = (args: string[], input?: string) =>
  execFileSync(process.execPath, [cli, ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, SITREP_DB: db },
  });
try {
  const s = (p: string) => path.join('samples', p);
  run(['ingest', s('text'), s('html'), s('feeds'), s('corpus/reports.jsonl'), '--db', db]);
  run(['ingest', s('corpus/reports.csv'), '--map', CSV_MAP, '--db', db]);

  // 3. Each report as ingest builds it (clean text, publication date, language), coded by `sitrep extract` under
  // its .expected locator. Built with dist/'s ingest readers, so the script measures what is built.
  const ingestModule = path.join(root, 'dist/ingest/index.js');
  const { planInputs, readPlannedInputs, buildReport, parseMapping } = (await import(ingestModule)) as IngestApi;
  const byLocator = new Map<string, StoredReport>();
  const idToLocator = new Map<string, string>();
  const read = async (paths: string[], mapping?: string) => {
    const plan = await planInputs(paths.map((p) => path.join(root, p)));
    for await (const item of readPlannedInputs(plan, { mapping: parseMapping(mapping) })) {
      if (item.kind !== 'document') continue;
      const report = buildReport(item.doc);
      const [file = '', ...fragment] = item.doc.source.locator.split('#');
      const locator =
        path.relative(path.join(root, 'samples'), file) + (fragment.length ? `#${fragment.join('#')}` : '');
      byLocator.set(locator, report);
      // `incidents list` names a report by its external id, else by its file name.
      idToLocator.set(item.doc.source.externalId ?? path.basename(file), locator);
    }
  };
  await read(['samples/text', 'samples/html', 'samples/feeds', 'samples/corpus/reports.jsonl']);
  await read(['samples/corpus/reports.csv'], CSV_MAP);
  const lines: string[] = [];
  for (const r of expected.reports) {
    const report = byLocator.get(r.locator);
    if (!report) throw new Error(`${r.locator}: not ingested`);
    lines.push(
      JSON.stringify({
        id: r.locator,
        text: report.text,
        published: report.published ?? null,
        title: report.title ?? null,
        language: report.language ?? null,
      }),
    );
  }
  const input = path.join(out, 'input.jsonl');
  writeFileSync(input, `${lines.join('\n')}\n`);
  const pred = path.join(out, 'articles.pred.jsonl');
  writeFileSync(pred, run(['extract', '--input', input]));

  // 4. Incidents, their report ids mapped back to the .expected locators.
  const incPred = path.join(out, 'incidents.pred.jsonl');
  const mapped = run(['incidents', 'list', '--format', 'jsonl', '--db', db])
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const inc = JSON.parse(l) as { reports?: { id: string }[] };
      for (const rep of inc.reports ?? []) rep.id = idToLocator.get(rep.id) ?? rep.id;
      return JSON.stringify(inc);
    });
  writeFileSync(incPred, `${mapped.join('\n')}\n`);

  const score = (mode: string, gold: string, p: string) =>
    execFileSync(process.execPath, [scorer, mode, gold, p], { encoding: 'utf8' }).trim().split('\n').pop();
  console.log(score('articles', articlesDir, pred));
  console.log(score('incidents', incidentsDir, incPred));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
