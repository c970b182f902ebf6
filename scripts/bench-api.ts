/**
 * `npm run bench:api`: the workbench API under load, with 100,000 incidents and 100,000 reports in the store.
 *
 * The store is filled with synthetic data (reports through the reports repository with its FTS5 index, incidents
 * through the incidents repository), the server runs in a child process, and this process is the load generator on
 * loopback (1, then 8 concurrent keep-alive connections). It measures the filtered map query (points for a map view: a
 * region, a 60-day window and an event type), the filtered incident list, and full-text report search, and prints
 * p50/p95/p99 and requests/s for each, the server's startup projection time, supercluster indexing of 10,000 markers
 * (what the browser does), and peak RSS of both processes. Targets: map query p95 ≤ 100 ms, search p95 ≤ 150 ms.
 *
 * Options: --incidents N (default 100000) --reports N (default 100000) --requests N per scenario (default 400),
 * --db PATH (keep the filled database there and reuse it on the next run), --search-workers N (report-search worker
 * threads in the server; 0 searches on its event loop).
 */
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Supercluster from 'supercluster';
import { eventSetMarker } from '../src/incidents/service.js';
import { ACLED_TYPES, type EventType, type SubEventType } from '../src/model/extraction.js';
import type { Grade, Incident } from '../src/model/incident.js';
import type { Report } from '../src/model/report.js';
import { addUser } from '../src/server/accounts.js';
import { API_TOKEN_PREFIX, newToken, tokenHash } from '../src/server/auth/tokens.js';
import { buildDeps, listen } from '../src/server/index.js';
import { openWorkbench } from '../src/server/wiring.js';
import { openStore } from '../src/store/index.js';
import { createAuditRepo } from '../src/store/sqlite/audit-repo.js';
import { SqliteIncidentRepository } from '../src/store/sqlite/incidents-repo.js';
import { createUsersRepo } from '../src/store/sqlite/users-repo.js';
import { rng } from './bench-util.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const TYPES = Object.keys(ACLED_TYPES) as EventType[];
/** Rough ACLED shares of event types in conflict zones: explosions and battles dominate. */
const TYPE_WEIGHTS = [0.27, 0.33, 0.15, 0.12, 0.05, 0.08];
const GRADES: Grade[] = ['Confirmed', 'Fair', 'Weak', 'Contested', 'Discounted'];
const PRECISIONS = ['exact', 'near', 'admin2', 'admin1', 'country'] as const;
const DAY = 86_400_000;
const START = Date.parse('2022-01-01T00:00:00Z');
const DAYS = 3 * 365;

/** A vocabulary of syllable words: a few hundred frequent ones and thousands of rarer place and actor names. */
function vocabulary(random: () => number, n: number): string[] {
  const syllables = [
    'ka',
    'ra',
    'tal',
    'mo',
    'zin',
    'dar',
    'el',
    'sha',
    'bu',
    'ni',
    'ko',
    'hal',
    'tu',
    'ver',
    'as',
    'om',
  ];
  const words = new Set<string>();
  while (words.size < n) {
    const k = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < k; i++) w += syllables[Math.floor(random() * syllables.length)];
    words.add(w);
  }
  return [...words];
}

const COMMON =
  'the a of in and was were said killed attack forces near village city on by at after reported shelling clashes drone strike protest army group civilians officials local police town'.split(
    ' ',
  );

function pick<T>(random: () => number, xs: readonly T[]): T {
  return xs[Math.floor(random() * xs.length)]!;
}

function zipf(random: () => number, n: number): number {
  // Word ranks with a 1/rank-like distribution: a few names are everywhere, most are rare.
  return Math.min(n - 1, Math.floor(n ** random()) - 1);
}

/** The synthetic world: 300 conflict hotspots and a vocabulary; the same on every run (seeded). */
function world(): { hotspots: { lat: number; lon: number }[]; words: string[] } {
  const random = rng(42);
  const words = vocabulary(random, 20_000);
  const hotspots = Array.from({ length: 300 }, () => ({ lat: -35 + random() * 90, lon: -20 + random() * 140 }));
  return { hotspots, words };
}

async function fill(dbPath: string, nIncidents: number, nReports: number): Promise<void> {
  const random = rng(4242);
  const { words, hotspots } = world();
  const store = openStore(dbPath);
  const t0 = performance.now();
  const reportIds: string[] = [];
  store.transaction(() => {
    for (let i = 0; i < nReports; i++) {
      const sentences: string[] = [];
      const nWords = 60 + Math.floor(random() * 140);
      const parts: string[] = [];
      for (let w = 0; w < nWords; w++)
        parts.push(random() < 0.6 ? pick(random, COMMON) : words[zipf(random, words.length)]!);
      sentences.push(parts.join(' '));
      const text = `${sentences.join('. ')}.`;
      const id = createHash('sha256').update(text).digest('hex');
      const published = new Date(START + Math.floor(random() * DAYS) * DAY).toISOString().slice(0, 10);
      const report: Report = {
        id,
        sources: [
          { kind: 'corpus-row', locator: `bench.jsonl#${i}`, externalId: `bench-${i}`, seenAt: '2025-01-01T00:00:00Z' },
        ],
        outlet: `Outlet ${i % 400}`,
        title: `${words[zipf(random, words.length)]} ${pick(random, COMMON)} ${words[zipf(random, words.length)]}`,
        published,
        publishedSource: 'input-field',
        language: 'en',
        text,
        embeddedPosts: [],
      };
      store.reports.upsert(report);
      reportIds.push(id);
    }
  });
  const tReports = performance.now() - t0;
  const t1 = performance.now();
  const repo = new SqliteIncidentRepository(store.db);
  const incidents: Incident[] = [];
  for (let i = 0; i < nIncidents; i++) {
    let r = random();
    let ti = 0;
    while (ti < TYPE_WEIGHTS.length - 1 && r > TYPE_WEIGHTS[ti]!) r -= TYPE_WEIGHTS[ti++]!;
    const eventType = TYPES[ti]!;
    const sub = pick(random, ACLED_TYPES[eventType] as readonly SubEventType[]);
    const h = hotspots[Math.floor(random() ** 2 * hotspots.length)]!;
    const day = new Date(START + Math.floor(random() * DAYS) * DAY).toISOString().slice(0, 10);
    const nRep = 1 + Math.floor(random() * random() * 5);
    const reps = Array.from({ length: nRep }, () => pick(random, reportIds));
    const killed = random() < 0.55 ? Math.floor(-Math.log(1 - random()) * 6) : null;
    const precision = PRECISIONS[Math.floor(random() ** 2 * PRECISIONS.length)]!;
    const members = reps.map((report, k) => ({
      key: `${report}#${i}-${k}`,
      report,
      externalId: null,
      index: k,
      event_type: eventType,
      sub_event_type: sub,
      certainty: random() < 0.8 ? ('reported' as const) : ('claimed' as const),
      attribution: null,
      date: { start: day, end: day, precision: 'day' as const },
      location: null,
      evidence: [],
      family: report,
      reason: k === 0 ? 'seed' : 'compatible',
    }));
    incidents.push({
      id: `inc-${i.toString(16).padStart(12, '0')}`,
      event_type: eventType,
      sub_event_type: sub,
      actors: {
        actor1: { name: `${pick(random, words)} Brigade`, category: 'Rebel group', text: '' },
        actor2: random() < 0.6 ? { name: 'Military Forces', category: 'State forces', text: '' } : null,
      },
      date: { start: day, end: day, precision: 'day' },
      location: {
        name: words[zipf(random, words.length)]!,
        lat: h.lat + (random() - 0.5) * 3,
        lon: h.lon + (random() - 0.5) * 3,
        country: 'XX',
        admin1: `Region ${Math.floor(random() * 50)}`,
        admin2: null,
        geonameid: null,
        precision,
      },
      counts: {
        killed: { low: killed, best: killed, high: killed, acled: killed, reason: 'bench', claims: [] },
        injured: { low: null, best: null, high: null, acled: null, reason: 'none', claims: [] },
        captured: { low: null, best: null, high: null, acled: null, reason: 'none', claims: [] },
      },
      grade: GRADES[Math.min(nRep - 1, 4)] ?? 'Weak',
      grade_reason: 'bench',
      sources: reps.map((id) => ({
        id: `report:${id}`,
        kind: 'report',
        label: null,
        reports: [{ id, externalId: null, outlet: null, published: day }],
      })),
      members,
      firstReport: null,
      latestReport: null,
      links: [],
    });
  }
  repo.replaceAll(incidents);
  repo.setBuiltFrom(eventSetMarker(store));
  const tIncidents = performance.now() - t1;
  process.stdout.write(
    `filled: ${nReports.toLocaleString()} reports in ${(tReports / 1000).toFixed(1)} s, ${nIncidents.toLocaleString()} incidents in ${(tIncidents / 1000).toFixed(1)} s\n`,
  );
  store.close();
}

/** The server side, in its own process: the real `sitrep serve` wiring on the filled database. */
async function serve(dbPath: string, searchWorkers: number | undefined): Promise<void> {
  const { options } = openWorkbench(dbPath, { webRoot: null, log: () => undefined, searchWorkers });
  const deps = buildDeps(options);
  const t0 = performance.now();
  const synced = deps.data.refresh();
  const refreshMs = performance.now() - t0;
  // A restart on the same store: the read model's stamp is current and nothing is dirty, so nothing is projected.
  const t1 = performance.now();
  const again = buildDeps(options);
  again.data.refresh();
  const restartMs = performance.now() - t1;
  await again.search?.close();
  const accounts = { db: options.db, users: createUsersRepo(options.db), audit: createAuditRepo(options.db) };
  // A kept database (--db) already has the account from the previous run.
  const user = accounts.users.byName('bench') ?? addUser(accounts, 'bench', 'viewer', 'bench').user;
  const secret = newToken(API_TOKEN_PREFIX);
  deps.users.createApiToken(tokenHash(secret), user.id, 'bench');
  deps.users.setPassword(user.id, deps.users.passwordHash(user.id)!, false);
  const running = await listen(deps, 0);
  process.send?.({
    url: running.url,
    token: secret,
    refreshMs,
    restartMs,
    total: synced.total,
    written: synced.written,
  });
  process.on('message', (m) => {
    if (m === 'stop') {
      process.send?.({ maxRssMb: process.resourceUsage().maxRSS / 1024 });
      void running.close().then(() => process.exit(0));
    }
  });
}

interface Sample {
  ms: number;
  bytes: number;
  status: number;
}

/** One GET; a keep-alive socket the server closed while idle is retried once on a fresh socket. */
async function get(agent: Agent, url: string, token: string): Promise<Sample> {
  try {
    return await getOnce(agent, url, token);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ECONNRESET') throw error;
    return getOnce(agent, url, token);
  }
}

function getOnce(agent: Agent, url: string, token: string): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => {
        bytes += c.length;
      });
      res.on('end', () => resolve({ ms: performance.now() - t0, bytes, status: res.statusCode ?? 0 }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function scenario(name: string, urls: string[], token: string, concurrency = 8): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const slice = concurrency === 1 ? urls.slice(0, Math.ceil(urls.length / 2)) : urls;
  // Warm-up: the first requests compile statements and fill SQLite's page cache.
  for (const u of slice.slice(0, 20)) await get(agent, u, token);
  const samples: Sample[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < slice.length) {
        const u = slice[next++]!;
        samples.push(await get(agent, u, token));
      }
    }),
  );
  const wall = performance.now() - t0;
  agent.destroy();
  const bad = samples.filter((s) => s.status !== 200).length;
  if (bad > 0) throw new Error(`${name}: ${bad} non-200 answers`);
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!.toFixed(1);
  const kb = samples.reduce((a, s) => a + s.bytes, 0) / samples.length / 1024;
  process.stdout.write(
    `${`${name} c=${concurrency}`.padEnd(40)} p50 ${q(0.5).padStart(6)} ms  p95 ${q(0.95).padStart(6)} ms  p99 ${q(0.99).padStart(6)} ms  ` +
      `${Math.round((samples.length / wall) * 1000)} req/s  ${kb.toFixed(1)} KiB/answer  (${samples.length} requests)\n`,
  );
}

async function main(): Promise<void> {
  if (process.argv[2] === 'serve')
    return serve(process.argv[3]!, process.argv[4] ? Number(process.argv[4]) : undefined);
  const nIncidents = option('incidents', 100_000);
  const nReports = option('reports', 100_000);
  const nRequests = option('requests', 400);
  // --db PATH keeps the filled database for the next run (filling 100,000 reports takes minutes).
  const keep = process.argv.includes('--db') ? process.argv[process.argv.indexOf('--db') + 1]! : null;
  const dir = keep ? null : mkdtempSync(join(tmpdir(), 'sitrep-bench-api-'));
  const dbPath = keep ?? join(dir!, 'bench.db');
  process.stdout.write(`machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at start\n`);
  try {
    if (!keep || !existsSync(keep)) await fill(dbPath, nIncidents, nReports);
    const { hotspots, words } = world();
    // --search-workers N: report-search threads in the server (default 2 on 2+ cores; 0 = on the event loop).
    const workers = process.argv.includes('--search-workers') ? [String(option('search-workers', 2))] : [];
    const child = fork(process.argv[1]!, ['serve', dbPath, ...workers], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    type Ready = { url: string; token: string; refreshMs: number; restartMs: number; total: number; written: number };
    const ready = await new Promise<Ready>((resolve, reject) => {
      child.once('message', (m) => resolve(m as Ready));
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    process.stdout.write(
      `server: read model of ${ready.total.toLocaleString()} incidents ready in ${(ready.refreshMs / 1000).toFixed(1)} s ` +
        `(${ready.written.toLocaleString()} rows written: all of them on a new store or after the projection code ` +
        `changed, else only the incidents changed since), on restart in ${ready.restartMs.toFixed(0)} ms\n`,
    );
    const random = rng(7);
    const mapUrls: string[] = [];
    const listUrls: string[] = [];
    for (let i = 0; i < nRequests; i++) {
      // A map view around a hotspot (about 16° × 10°, a region), 60 days, one event type.
      const h = pick(random, hotspots);
      const bbox = [h.lon - 8, h.lat - 5, h.lon + 8, h.lat + 5].map((x) => x.toFixed(2)).join(',');
      const fromDay = Math.floor(random() * (DAYS - 60));
      const from = new Date(START + fromDay * DAY).toISOString().slice(0, 10);
      const to = new Date(START + (fromDay + 60) * DAY).toISOString().slice(0, 10);
      const type = encodeURIComponent(pick(random, TYPES));
      mapUrls.push(`${ready.url}/api/incidents/points?bbox=${bbox}&from=${from}&to=${to}&type=${type}`);
      listUrls.push(`${ready.url}/api/incidents?bbox=${bbox}&from=${from}&to=${to}&limit=100`);
    }
    const wideUrls = Array.from({ length: Math.min(100, nRequests) }, () => {
      const fromDay = Math.floor(random() * (DAYS - 90));
      return `${ready.url}/api/incidents/points?from=${new Date(START + fromDay * DAY).toISOString().slice(0, 10)}&to=${new Date(START + (fromDay + 90) * DAY).toISOString().slice(0, 10)}`;
    });
    // What analysts search for: a place, actor or outlet name (any name of the vocabulary, so most are specific),
    // alone, with a common word, or as a prefix. Names drawn log-uniformly in the text make the top dozen appear
    // in most reports, like a country name in a conflict corpus: those are measured apart, as the worst case.
    const searchUrls = Array.from({ length: nRequests }, (_, i) => {
      const w1 = pick(random, words);
      const q = i % 3 === 0 ? w1 : i % 3 === 1 ? `${w1} ${pick(random, COMMON.slice(9))}` : `${w1.slice(0, 5)}*`;
      return `${ready.url}/api/reports?q=${encodeURIComponent(q)}&limit=20`;
    });
    const frequentUrls = Array.from({ length: Math.min(60, nRequests) }, (_, i) => {
      return `${ready.url}/api/reports?q=${encodeURIComponent(words[i % 12]!)}&limit=20`;
    });
    // One analyst at a time (latency), then 8 at once (throughput; on 2 cores requests queue behind each other).
    for (const c of [1, 8]) {
      await scenario('map points (bbox + 60 days + type)', mapUrls, ready.token, c);
      await scenario('incident list (bbox + 60 days)', listUrls, ready.token, c);
      await scenario('map points (world, 90 days)', wideUrls, ready.token, c);
      await scenario('report full-text search (names)', searchUrls, ready.token, c);
      await scenario('report search, a term in most reports', frequentUrls, ready.token, c);
    }
    // Mixed: 4 analysts panning the map while 4 others search (searches run off the server's event loop).
    await Promise.all([
      scenario('map points, 4 others searching', mapUrls, ready.token, 4),
      scenario('search, 4 others on the map', searchUrls, ready.token, 4),
    ]);

    // What the browser does with 10,000 markers: index them once, then cluster per view.
    const pts = Array.from({ length: 10_000 }, () => {
      const h = pick(random, hotspots);
      return {
        type: 'Feature' as const,
        properties: {},
        geometry: { type: 'Point' as const, coordinates: [h.lon + random() - 0.5, h.lat + random() - 0.5] },
      };
    });
    const tc = performance.now();
    const index = new Supercluster({ radius: 48, maxZoom: 9, minPoints: 3 }).load(pts);
    const tLoad = performance.now() - tc;
    const tv = performance.now();
    const clusters = index.getClusters([-180, -85, 180, 85], 3);
    const tView = performance.now() - tv;
    process.stdout.write(
      `10,000 markers: supercluster index ${tLoad.toFixed(0)} ms, one world view ${tView.toFixed(1)} ms → ${clusters.length} symbols drawn\n`,
    );

    const rss = await new Promise<{ maxRssMb: number }>((resolve) => {
      child.once('message', (m) => resolve(m as { maxRssMb: number }));
      child.send('stop');
    });
    process.stdout.write(
      `peak RSS: server ${rss.maxRssMb.toFixed(0)} MB, load generator + fill ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; ` +
        `load average ${loadavg()[0]!.toFixed(1)} at the end\n`,
    );
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
