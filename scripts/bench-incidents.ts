/**
 * npm run bench:incidents — clusters synthetic events (200,000 over 2 years and 30 countries by default) and prints
 * time per size (25k → 200k), peak RSS, and the time to add 1,000 new events to the full archive.
 * Targets (issue 5): 200k in ≤ 60 s on one core, peak RSS ≤ 1 GB, +1,000 events ≤ 2 s.
 * Options: --events N (largest size, default 200000), --sizes 25000,50000,… (default: N/8, N/4, N/2, N).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { IncidentIndex } from '../src/incidents/cluster.js';
import { loadIncidentLexicon } from '../src/incidents/lexicon.js';
import {
  ACLED_TYPES,
  type ActorCategory,
  type EventType,
  type ExtractedEvent,
  type Precision,
} from '../src/model/extraction.js';
import type { IncidentEventInput, IncidentReport } from '../src/model/incident.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const TOTAL = Number(arg('events') ?? 200_000);
const SIZES = (arg('sizes') ?? [TOTAL / 8, TOTAL / 4, TOTAL / 2, TOTAL].map(Math.round).join(','))
  .split(',')
  .map(Number);
const COUNTRIES = 30;
const DAYS = 730;
const TOWNS_PER_COUNTRY = 300;
const DAY0 = Math.floor(Date.parse('2023-01-01T00:00:00Z') / 86_400_000);

/** Park–Miller minimal standard generator: the same synthetic archive on every run. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
}

interface Town {
  name: string;
  lat: number;
  lon: number;
  country: string;
  admin1: string;
  admin2: string;
}

function makeWorld(rand: () => number): Town[][] {
  const world: Town[][] = [];
  for (let c = 0; c < COUNTRIES; c++) {
    const code = `X${String.fromCharCode(65 + (c % 26))}${c >= 26 ? 'Z' : ''}`.slice(0, 2) + String(c);
    // Countries about 6° x 6°, spread over latitudes -30..50.
    const lat0 = -30 + (c % 8) * 10;
    const lon0 = -10 + Math.floor(c / 8) * 20 + (c % 8) * 1.5;
    const towns: Town[] = [];
    for (let t = 0; t < TOWNS_PER_COUNTRY; t++) {
      const lat = lat0 + rand() * 6;
      const lon = lon0 + rand() * 6;
      const a1 = Math.floor((lat - lat0) / 2) * 3 + Math.floor((lon - lon0) / 2);
      towns.push({
        name: `T${c}-${t}`,
        lat,
        lon,
        country: code,
        admin1: `A${a1}`,
        admin2: `A${a1}-${Math.floor(rand() * 4)}`,
      });
    }
    world.push(towns);
  }
  return world;
}

const TYPES = Object.entries(ACLED_TYPES).flatMap(([t, subs]) => subs.map((s) => [t as EventType, s] as const));
const CATEGORIES: ActorCategory[] = [
  'State forces',
  'Rebel group',
  'Political militia',
  'Identity militia',
  'Civilians',
  'External/Other forces',
];

function iso(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** True incidents each reported 1–4 times with the usual noise: next-day dating, vaguer places, swapped actors. */
function makeEvents(
  n: number,
  rand: () => number,
  world: Town[][],
  prefix: string,
): { reports: IncidentReport[]; events: IncidentEventInput[] } {
  const reports: IncidentReport[] = [];
  const events: IncidentEventInput[] = [];
  let r = 0;
  while (events.length < n) {
    const towns = world[Math.floor(rand() * COUNTRIES)]!;
    const town = towns[Math.floor(rand() * towns.length)]!;
    const day = DAY0 + Math.floor(rand() * DAYS);
    const [event_type, sub_event_type] = TYPES[Math.floor(rand() * TYPES.length)]!;
    const a1 = CATEGORIES[Math.floor(rand() * CATEGORIES.length)]!;
    const a2 = CATEGORIES[Math.floor(rand() * CATEGORIES.length)]!;
    const killed = Math.floor(rand() * 20);
    const copies = 1 + Math.floor(rand() * 4);
    for (let k = 0; k < copies && events.length < n; k++) {
      const id = `${prefix}${r++}`;
      const d = day + (rand() < 0.2 ? 1 : 0);
      reports.push({
        id,
        externalId: id,
        outlet: `outlet${Math.floor(rand() * 50)}`,
        published: iso(d + 1),
        familyId: rand() < 0.1 ? `fam${prefix}${r}` : id,
      });
      const pr = rand();
      const precision: Precision =
        pr < 0.7 ? 'exact' : pr < 0.85 ? 'near' : pr < 0.95 ? 'admin2' : pr < 0.99 ? 'admin1' : 'country';
      const swap = rand() < 0.3;
      const actor1 = { name: `${a1} of ${town.country}`, category: a1, text: a1 };
      const actor2 = { name: `${a2} of ${town.country}`, category: a2, text: a2 };
      const event: ExtractedEvent = {
        event_type,
        sub_event_type,
        actor1: swap ? actor2 : actor1,
        actor2: swap ? actor1 : actor2,
        date: { start: iso(d), end: iso(d), precision: 'day' },
        location: {
          name: town.name,
          lat: town.lat + (rand() - 0.5) * 0.05,
          lon: town.lon + (rand() - 0.5) * 0.05,
          country: town.country,
          admin1: precision === 'country' ? null : town.admin1,
          admin2: precision === 'admin1' || precision === 'country' ? null : town.admin2,
          geonameid: null,
          precision,
        },
        fatalities: { low: killed + Math.floor(rand() * 3), high: null },
        injured: null,
        captured: null,
        certainty: rand() < 0.9 ? 'reported' : 'claimed',
        attribution: null,
        evidence: [{ start: 0, end: 20, text: 'synthetic evidence' }],
        confidence: 0.8,
      };
      events.push({ report: id, index: 0, event });
    }
  }
  return { reports, events };
}

/** One size in its own process, so each peak RSS is that archive's alone. Prints one JSON line. */
function runOne(size: number): void {
  const lexicon = loadIncidentLexicon();
  const world = makeWorld(rng(42));
  const all = makeEvents(size, rng(7), world, 'r');
  const extra = makeEvents(1000, rng(99), world, 'n');
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const index = new IncidentIndex({ lexicon });
  index.addReports(all.reports);
  index.add(all.events);
  const incidents = index.incidents().length;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const c1 = process.cpuUsage(c0);
  const cpuSeconds = (c1.user + c1.system) / 1e6;
  const t1 = process.hrtime.bigint();
  const c2 = process.cpuUsage();
  index.addReports(extra.reports);
  const update = index.add(extra.events);
  const addSeconds = Number(process.hrtime.bigint() - t1) / 1e9;
  const c3 = process.cpuUsage(c2);
  const addCpuSeconds = (c3.user + c3.system) / 1e6;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    JSON.stringify({
      size,
      seconds,
      cpuSeconds,
      incidents,
      addSeconds,
      addCpuSeconds,
      changed: update.changed.length,
      rssMb,
    }),
  );
}

const child = arg('child');
if (child) {
  runOne(Number(child));
} else {
  console.log(
    `bench:incidents — synthetic events over ${COUNTRIES} countries and ${DAYS} days, each size in a fresh process`,
  );
  // Wall time depends on what else runs on the machine; CPU time (user + system of the one-threaded child) is the
  // "one core" figure the targets are about, so both are printed and the targets are checked on CPU time.
  console.log(
    'events    wall s    cpu s  events/cpu-s  incidents  µs/event(cpu)  +1,000 wall s  +1,000 cpu s  peak RSS MB',
  );
  interface Row {
    size: number;
    seconds: number;
    cpuSeconds: number;
    incidents: number;
    addSeconds: number;
    addCpuSeconds: number;
    rssMb: number;
  }
  let last: Row | null = null;
  for (const size of SIZES) {
    const out = execFileSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--child', String(size)],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    );
    const r = JSON.parse(out.trim().split('\n').pop()!) as Row;
    last = r;
    const cells = [
      String(size).padStart(6),
      r.seconds.toFixed(2).padStart(8),
      r.cpuSeconds.toFixed(2).padStart(8),
      Math.round(size / r.cpuSeconds)
        .toLocaleString('en')
        .padStart(12),
      String(r.incidents).padStart(10),
      ((r.cpuSeconds / size) * 1e6).toFixed(1).padStart(13),
      r.addSeconds.toFixed(3).padStart(13),
      r.addCpuSeconds.toFixed(3).padStart(12),
      r.rssMb.toFixed(0).padStart(12),
    ];
    console.log(cells.join('  '));
  }
  const ok = last !== null && last.cpuSeconds <= 60 && last.rssMb <= 1024 && last.addCpuSeconds <= 2;
  console.log(
    `targets at ${SIZES[SIZES.length - 1]!.toLocaleString('en')} events (≤ 60 cpu-s on one core, ≤ 1024 MB, +1,000 ≤ 2 cpu-s): ${ok ? 'met' : 'NOT met'}`,
  );
  process.exitCode = ok ? 0 : 1;
}
