/**
 * Benchmark of the whole `sitrep extract` pipeline (language, sentences, embedded posts, dates, places, actors,
 * events): `npm run bench:extract [-- --seconds N] [--notes N] [--no-cli]`.
 *
 * Corpus: a realistic mix of the repository's own texts, never evaluation data: the sample reports of samples/
 * (text files, corpus JSONL and CSV rows: news stories, analyst notes, posts) and synthetic ACLED-style event notes
 * generated below from templates (short, dated, one or two events each, like the notes the coder is scored on).
 *
 * Prints, for each part of the mix and for the whole:
 * - throughput in MB of text per CPU-second (one core's worth; on a shared machine the wall clock also measures
 *   the neighbours): the best timed pass and the median, after a warm-up pass; and per wall-clock second;
 * - the compiled CLI end to end (`node bin/sitrep.js extract --input mix.jsonl`: start-up, cold JIT, output), its
 *   CPU time, wall time and peak RSS;
 * - start-up: `node bin/sitrep.js extract` on one short line on stdin, end to end (median of 3);
 * - peak RSS of this process (process.resourceUsage().maxRSS).
 * The CLI figures need `npm run build` first (dist/); without it they are skipped with a note.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { createExtractor, type ExtractInput } from '../src/extract/index.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const seconds = option('--seconds', 5);
const noteCount = option('--notes', 400);
const runCli = !args.includes('--no-cli');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** The sample reports: corpus JSONL and CSV rows, plain-text reports (a first "date YYYY-MM-DD" line is the date). */
function loadSamples(): ExtractInput[] {
  const docs: ExtractInput[] = [];
  const corpus = path.join(root, 'samples', 'corpus');
  for (const line of readFileSync(path.join(corpus, 'reports.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { id: string; text: string; published?: string; title?: string };
    docs.push({ id: r.id, text: r.text, published: r.published ?? null, title: r.title ?? null });
  }
  const rows = parseCsv(readFileSync(path.join(corpus, 'reports.csv'), 'utf8'), { columns: true }) as Record<
    string,
    string
  >[];
  for (const r of rows)
    docs.push({ id: r.ref ?? '', text: r.body ?? '', published: r.date ?? null, title: r.headline ?? null });
  const dir = path.join(root, 'samples', 'text');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
    const raw = readFileSync(path.join(dir, f), 'utf8');
    const m = /^date (\d{4}-\d{2}-\d{2})\r?\n/.exec(raw);
    docs.push({ id: f, text: m ? raw.slice(m[0].length) : raw, published: m?.[1] ?? null });
  }
  return docs;
}

// Synthetic ACLED-style notes: our own templates over public-knowledge places and actors of ACLED's priority
// regions. Deterministic (a fixed linear congruential generator), so every run measures the same text.
const FRONTS = [
  { places: ['Maarrat al-Numan (Idlib)', 'Saraqib (Idlib)', 'Atarib (Aleppo)'], a: 'Syrian army', b: 'HTS militants' },
  {
    places: ['Avdiivka (Donetsk)', 'Kupiansk (Kharkiv)', 'Huliaipole (Zaporizhzhia)'],
    a: 'Russian forces',
    b: 'Ukrainian forces',
  },
  {
    places: ['Marib city (Marib)', 'Hays (Al Hudaydah)', 'Taiz city (Taiz)'],
    a: 'Houthi forces',
    b: 'pro-Hadi forces',
  },
  { places: ['Gwoza (Borno)', 'Damboa (Borno)', 'Monguno (Borno)'], a: 'Nigerian military', b: 'ISWAP militants' },
  { places: ['Menaka (Menaka)', 'Djibo (Sahel)', 'Tillaberi (Tillaberi)'], a: 'Malian forces', b: 'JNIM militants' },
  { places: ['Beni (Nord-Kivu)', 'Rutshuru (Nord-Kivu)', 'Djugu (Ituri)'], a: 'FARDC soldiers', b: 'ADF rebels' },
  {
    places: ['Afgooye (Lower Shabelle)', 'Jowhar (Middle Shabelle)', 'Baidoa (Bay)'],
    a: 'Somali army',
    b: 'Al Shabaab militants',
  },
  {
    places: ['Sangin (Helmand)', 'Kunduz city (Kunduz)', 'Ghazni city (Ghazni)'],
    a: 'Afghan forces',
    b: 'Taliban militants',
  },
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October'];
const NUMBERS = ['two', 'three', '4', '5', 'at least 6', 'around 10', 'dozens of', 'over 15'];
const TEMPLATES = [
  'On {d} {m} 2020, {a} clashed with {b} in {p}. {n} fighters were killed on both sides.',
  'On {d} {m} 2020, {a} shelled positions of {b} near {p}. No fatalities were reported.',
  'Around {d} {m} 2020 (as reported), unidentified gunmen abducted {n} civilians in {p}.',
  'On {d} {m} 2020, an IED planted by {b} exploded against a vehicle of {a} in {p}, killing {n} soldiers.',
  'On {d} {m} 2020, {n} people protested in {p} against rising food prices. The protest was peaceful.',
  'On {d} {m} 2020, warplanes reportedly carried out airstrikes on {p}. Casualties unknown.',
  'On {d} {m} 2020, {b} attacked a village near {p}, killing {n} civilians and looting livestock, according to local sources.',
  'On {d} {m} 2020, {a} regained control of {p} after {b} withdrew from the area.',
  'On {d} {m} 2020, {a} arrested {n} suspected members of {b} during a raid in {p}.',
  'On {d} {m} 2020, rioters burned tyres and threw stones at police in {p}; police fired tear gas to disperse them.',
];

function syntheticNotes(n: number): ExtractInput[] {
  let x = 20200501;
  const pick = <T>(list: T[]): T => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return list[Math.floor((x / 2147483648) * list.length)] as T;
  };
  const notes: ExtractInput[] = [];
  for (let i = 0; i < n; i++) {
    const front = pick(FRONTS);
    const day = 1 + (i % 28);
    const month = pick(MONTHS);
    const fill = (t: string) =>
      t
        .replace('{d}', String(day))
        .replace('{m}', month)
        .replaceAll('{a}', front.a)
        .replaceAll('{b}', front.b)
        .replace('{p}', pick(front.places))
        .replace('{n}', pick(NUMBERS));
    const first = fill(pick(TEMPLATES));
    const text =
      i % 3 === 0 ? `${first} ${fill(pick(TEMPLATES)).replace(/^On \d+ \w+ 2020, /, 'Separately, ')}` : first;
    const published = `2020-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    notes.push({ id: `note-${i}`, text: text.charAt(0).toUpperCase() + text.slice(1), published });
  }
  return notes;
}

const bytesOf = (docs: ExtractInput[]) => docs.reduce((s, d) => s + Buffer.byteLength(d.text), 0);

const t0 = performance.now();
const extractor = await createExtractor();
const startupInProcess = (performance.now() - t0) / 1000;
const samples = loadSamples();
const notes = syntheticNotes(noteCount);
const mix = [...samples, ...notes];

/**
 * Timed passes over `docs` for `budget` seconds, after one warm-up pass (JIT of the large alternations). Each pass
 * is timed alone: on a machine shared with other jobs the CPU time of a pass grows with their load (caches, memory
 * bandwidth), so the best pass is the figure of the code and the median shows the spread.
 */
function measure(docs: ExtractInput[], budget: number) {
  for (const d of docs) extractor.extract(d);
  const docBytes = bytesOf(docs);
  const rates: number[] = [];
  let bytes = 0;
  let n = 0;
  let events = 0;
  let cpuTotal = 0;
  const started = performance.now();
  do {
    const cpu0 = process.cpuUsage();
    for (const d of docs) events += extractor.extract(d).events.length;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    cpuTotal += cpuSeconds;
    rates.push(docBytes / 1e6 / cpuSeconds);
    bytes += docBytes;
    n += docs.length;
  } while (performance.now() - started < budget * 1000);
  const wall = (performance.now() - started) / 1000;
  rates.sort((a, b) => b - a);
  return {
    mbCpu: rates[0] as number,
    mbCpuMedian: rates[rates.length >> 1] as number,
    passes: rates.length,
    mbWall: bytes / 1e6 / wall,
    perCpu: n / cpuTotal,
    events: events / n,
  };
}

const line = (label: string, docs: ExtractInput[], r: ReturnType<typeof measure>) =>
  console.log(
    `bench:extract  ${label.padEnd(16)} ${String(docs.length).padStart(4)} reports ${(bytesOf(docs) / 1024).toFixed(1).padStart(6)} KB  ${r.mbCpu.toFixed(2)} MB per CPU-second (best of ${r.passes} passes, median ${r.mbCpuMedian.toFixed(2)})  ${r.mbWall.toFixed(2)} MB/s wall  ${r.perCpu.toFixed(0)} reports per CPU-second  ${r.events.toFixed(2)} events/report`,
  );
console.log(
  `bench:extract  in-process start-up (lexicons, actors, gazetteer, lid.176) ${startupInProcess.toFixed(2)} s`,
);
line('sample reports', samples, measure(samples, seconds / 3));
line('ACLED-style notes', notes, measure(notes, seconds / 3));
line('mix', mix, measure(mix, seconds / 3));

// The compiled CLI, end to end, in a child process that reports its own CPU time and peak RSS on exit.
const cli = path.join(root, 'bin', 'sitrep.js');
let cliRss = 0;
if (runCli && existsSync(path.join(root, 'dist', 'cli', 'main.js'))) {
  const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-bench-'));
  try {
    const hook = path.join(dir, 'usage.mjs');
    writeFileSync(
      hook,
      "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\nUSAGE ' + (u.userCPUTime + u.systemCPUTime) + ' ' + u.maxRSS + '\\n'); });\n",
    );
    const run = (cliArgs: string[], input?: string) => {
      const started = performance.now();
      const r = spawnSync(process.execPath, ['--import', hook, cli, 'extract', ...cliArgs], {
        input,
        encoding: 'utf8',
        maxBuffer: 1 << 30,
      });
      const wall = (performance.now() - started) / 1000;
      const usage = /USAGE (\d+) (\d+)/.exec(r.stderr ?? '');
      if (r.status !== 0 || !usage) throw new Error(`sitrep extract failed (${r.status}): ${r.stderr}`);
      return { wall, cpu: Number(usage[1]) / 1e6, rssMb: Number(usage[2]) / 1024 };
    };
    const mixFile = path.join(dir, 'mix.jsonl');
    writeFileSync(mixFile, `${mix.map((d) => JSON.stringify(d)).join('\n')}\n`);
    const whole = run(['--input', mixFile]);
    cliRss = whole.rssMb;
    console.log(
      `bench:extract  CLI end to end    ${mix.length} reports  ${(bytesOf(mix) / 1e6 / whole.cpu).toFixed(2)} MB per CPU-second  ${(bytesOf(mix) / 1e6 / whole.wall).toFixed(2)} MB/s wall  (${whole.cpu.toFixed(2)} s CPU, ${whole.wall.toFixed(2)} s wall, start-up included)  peak RSS ${whole.rssMb.toFixed(0)} MB`,
    );
    const one = `${JSON.stringify({ id: 'one', text: 'On 9 May 2020, gunmen killed 2 civilians in Maiduguri.', published: '2020-05-09' })}\n`;
    const starts = [run([], one), run([], one), run([], one)].sort((a, b) => a.wall - b.wall);
    const median = starts[1] as (typeof starts)[number];
    console.log(
      `bench:extract  CLI start-up (one short line on stdin, end to end, median of 3) ${median.wall.toFixed(2)} s wall, ${median.cpu.toFixed(2)} s CPU, peak RSS ${median.rssMb.toFixed(0)} MB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else if (runCli) console.log('bench:extract  CLI figures skipped: dist/ is missing (npm run build)');
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(`bench:extract  peak RSS ${Math.max(rssMb, cliRss).toFixed(0)} MB (this process ${rssMb.toFixed(0)} MB)`);
