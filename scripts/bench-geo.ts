/**
 * Geoparser benchmark (npm run bench:geo): gazetteer load time, parse throughput (recognition + resolution) on one
 * core, and peak RSS. Text: the files given as arguments (.txt, or .jsonl with a "text" field), else every sample
 * in samples/text and samples/corpus; the text is repeated until ≥ 4 MB so the timing is stable.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGazetteer, loadGeoparser } from '../src/geo/index.js';
import { gazetteerDir, packageRoot } from '../src/geo/paths.js';

function readTexts(path: string): string[] {
  const raw = readFileSync(path, 'utf8');
  if (!path.endsWith('.jsonl')) return [raw];
  return raw
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text?: string }).text ?? '')
    .filter(Boolean);
}

const root = packageRoot();
let files = process.argv.slice(2);
if (files.length === 0) {
  const text = join(root, 'samples', 'text');
  files = [...readdirSync(text).map((f) => join(text, f)), join(root, 'samples', 'corpus', 'reports.jsonl')];
}
const docs = files.flatMap(readTexts);
const unitBytes = docs.reduce((s, d) => s + Buffer.byteLength(d), 0);

const dir = gazetteerDir();
let t = performance.now();
if (process.env.BENCH_REBUILD) {
  const b = buildGazetteer(dir);
  console.log(`build: ${b.entries} entries, ${b.keys} names in ${(performance.now() - t).toFixed(0)} ms`);
}
await loadGeoparser({ dir }); // builds once when the cache is missing or stale
t = performance.now();
const geo = await loadGeoparser({ dir });
const loadMs = performance.now() - t;

// Warm-up, then timed passes until ≥ 4 MB parsed.
for (const d of docs.slice(0, 50)) geo.parse(d);
let bytes = 0;
let places = 0;
t = performance.now();
const cpu0 = process.cpuUsage();
while (bytes < 4e6) {
  for (const d of docs) places += geo.parse(d).places.length;
  bytes += unitBytes;
}
const s = (performance.now() - t) / 1000;
const used = process.cpuUsage(cpu0);
// CPU time of this process (user + system): the per-core figure, unaffected by other jobs on a shared machine.
const cpuS = (used.user + used.system) / 1e6;
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(`gazetteer load: ${loadMs.toFixed(0)} ms`);
console.log(
  `parse: ${(bytes / 1e6).toFixed(1)} MB, ${places} places; wall ${s.toFixed(2)} s = ${(bytes / 1e6 / s).toFixed(2)} MB/s; ` +
    `CPU ${cpuS.toFixed(2)} s = ${(bytes / 1e6 / cpuS).toFixed(2)} MB/s/core`,
);
console.log(`peak RSS: ${rssMb.toFixed(0)} MB`);
