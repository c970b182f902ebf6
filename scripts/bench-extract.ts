/**
 * Benchmark of the whole `sitrep extract` pipeline (language, sentences, embedded posts, dates, places, actors,
 * events) on the repository's sample reports: `npm run bench:extract [-- --seconds N]`.
 * Prints start-up time (loading lexicons, actor dictionary, gazetteer and lid.176), throughput in MB/s of text
 * and documents/s on one core, and peak RSS (process.resourceUsage().maxRSS).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createExtractor, type ExtractInput } from '../src/extract/index.js';

const args = process.argv.slice(2);
const secondsArg = args.indexOf('--seconds');
const seconds = secondsArg >= 0 ? Number(args[secondsArg + 1]) : 5;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** The sample corpus: JSON Lines reports and plain-text reports (a first "date YYYY-MM-DD" line is the date). */
function loadSamples(): ExtractInput[] {
  const docs: ExtractInput[] = [];
  const corpus = path.join(root, 'samples', 'corpus', 'reports.jsonl');
  for (const line of readFileSync(corpus, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { id: string; text: string; published?: string };
    docs.push({ id: r.id, text: r.text, published: r.published ?? null });
  }
  const dir = path.join(root, 'samples', 'text');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
    const raw = readFileSync(path.join(dir, f), 'utf8');
    const m = /^date (\d{4}-\d{2}-\d{2})\r?\n/.exec(raw);
    docs.push({ id: f, text: m ? raw.slice(m[0].length) : raw, published: m?.[1] ?? null });
  }
  return docs;
}

const t0 = performance.now();
const extractor = await createExtractor();
const startup = (performance.now() - t0) / 1000;
const docs = loadSamples();
const corpusBytes = docs.reduce((s, d) => s + Buffer.byteLength(d.text), 0);
// Warm-up pass: the first documents pay for JIT compilation of the large alternations.
for (const d of docs) extractor.extract(d);
let bytes = 0;
let n = 0;
let events = 0;
const started = performance.now();
// CPU time as well as wall time: on a shared machine the wall clock measures the neighbours too; MB per CPU-second
// is the throughput of one core.
const cpu0 = process.cpuUsage();
while (performance.now() - started < seconds * 1000) {
  for (const d of docs) {
    events += extractor.extract(d).events.length;
    bytes += Buffer.byteLength(d.text);
    n++;
  }
}
const elapsed = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(
  `bench:extract  start-up ${startup.toFixed(2)} s  corpus ${docs.length} reports, ${(corpusBytes / 1024).toFixed(1)} KB`,
);
console.log(
  `bench:extract  ${(bytes / 1e6 / cpuSeconds).toFixed(2)} MB per CPU-second  ${(n / cpuSeconds).toFixed(0)} reports per CPU-second  (wall clock: ${(bytes / 1e6 / elapsed).toFixed(2)} MB/s, ${elapsed.toFixed(1)} s)`,
);
console.log(`bench:extract  ${(events / n).toFixed(2)} events/report  peak RSS ${rssMb.toFixed(0)} MB`);
