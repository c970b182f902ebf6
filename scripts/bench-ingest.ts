/**
 * Ingest benchmark: generates a synthetic corpus (default 20,000 reports, streamed to a JSONL file), ingests it into
 * a fresh SQLite store and prints reports/s, MB/s and peak RSS; then again with language identification on.
 * What it measures is ingest itself (read, normalize, dateline, embedded posts, language, near-duplicates, store and
 * index), as `sitrep ingest --no-code` runs it: the foundation's target. Event coding (`sitrep ingest` codes by
 * default) costs far more per report and has its own benchmark (bench:extract); `--code N` adds a coded run over
 * the first N reports here, to show the difference.
 * Usage: npm run bench:ingest [-- --reports N] [-- --keep] [-- --language both|off|on] [-- --batch N] [-- --code N]
 * Peak RSS comes from process.resourceUsage().maxRSS; it is also sampled as the corpus goes in, to show it stays flat.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { reportCoder } from '../src/extract/from-report.js';
import { createExtractor } from '../src/extract/index.js';
import { ingest } from '../src/ingest/pipeline.js';
import type { Extraction } from '../src/model/extraction.js';
import type { Report } from '../src/model/report.js';
import { openStore } from '../src/store/index.js';
import { createLanguageIdentifier, type LanguageIdentifier } from '../src/text/language.js';
import { rng } from './bench-util.js';

const { values } = parseArgs({
  options: {
    reports: { type: 'string' },
    keep: { type: 'boolean' },
    language: { type: 'string' },
    batch: { type: 'string' },
    code: { type: 'string' },
  },
});
const N = Number(values.reports ?? 20_000);
const CODE = Math.min(N, Number(values.code ?? 0));
const LANGUAGE = values.language ?? 'both';
const OUT = join(process.cwd(), 'bench-output');
mkdirSync(OUT, { recursive: true });

const PLACES = [
  'Tal Tamr',
  'Kharkiv',
  'Maiduguri',
  'Idlib',
  'Goma',
  'Gusau',
  'Khartoum',
  'Kursk',
  'Ras al-Ain',
  'Bakhmut',
  'Sake',
  'Beledweyne',
  'Pokrovsk',
  'Omdurman',
  'Birnin Kebbi',
  'Aleppo',
  'Mosul',
  'Sirte',
  'Bamako',
  'Kidal',
  'Mogadishu',
  'Juba',
  'Mariupol',
  'Kherson',
  'Zaporizhzhia',
];
const ACTORS = [
  'government forces',
  'an armed group',
  'militants',
  'police',
  'protesters',
  'unidentified gunmen',
  'army units',
  'a local militia',
  'rebel fighters',
  'security forces',
  'drone operators',
  'border guards',
  'vigilantes',
  'insurgents',
  'special forces',
];
const VERBS = [
  'clashed with',
  'attacked',
  'shelled positions held by',
  'ambushed',
  'abducted members of',
  'dispersed',
  'arrested supporters of',
  'fired on',
  'surrounded',
  'pushed back',
  'raided homes of',
  'negotiated with',
];
const SOURCES = [
  'a military source said',
  'residents told reporters',
  'a monitoring group said',
  'officials said',
  'witnesses said',
  'local media reported',
  'a hospital director said',
  'the governor said',
];
const OBJECTS = [
  'a checkpoint',
  'the market',
  'a school',
  'the main road',
  'a bridge',
  'farmland',
  'a fuel depot',
  'the hospital',
  'a mosque',
  'a church',
  'the river crossing',
  'an army base',
  'a camp for displaced people',
];
const TIMES = [
  'early on Monday',
  'late on Tuesday',
  'on Wednesday morning',
  'overnight',
  'shortly after dawn',
  'on Friday evening',
  'at midday on Saturday',
  'on Sunday',
];
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ra',
  'tan',
  'sul',
  'ber',
  'di',
  'zo',
  'hal',
  'nur',
  'ek',
  'ya',
  'bo',
  'sha',
  'vel',
  'ri',
  'mun',
  'ta',
  'gor',
  'an',
  'is',
  'pe',
  'dru',
  'kel',
  'om',
  'sa',
  'vi',
  'zen',
  'ut',
];
// Stock phrases recur in real reporting, but rarely make up more than a sentence or two of a report.
const STOCK = [
  'The claim could not be independently verified.',
  'The ministry did not respond to a request for comment.',
  'A spokesman for the group denied any involvement.',
];

function report(
  i: number,
  r: () => number,
): { id: string; text: string; published: string; title: string; outlet: string } {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const num = (n: number) => Math.floor(r() * n);
  const place = pick(PLACES);
  const day = 1 + num(28);
  const month = 1 + num(12);
  // Names of people, villages and units: real reports are full of them, and they keep two unrelated reports'
  // 3-word shingles apart (Jaccard ≈ 0.01–0.05 between random pairs here, as between real unrelated stories).
  const name = () => cap(pick(SYLLABLES) + pick(SYLLABLES) + (r() < 0.5 ? pick(SYLLABLES) : ''));
  const sentence = () => {
    switch (num(6)) {
      case 0:
        return `${cap(pick(ACTORS))} loyal to ${name()} ${pick(VERBS)} ${pick(ACTORS)} near ${pick(OBJECTS)} in ${name()} ${pick(TIMES)}, ${pick(SOURCES)}.`;
      case 1:
        return `At least ${2 + num(30)} people died when ${pick(OBJECTS)} in ${name()} village, ${num(40)} km from ${pick(PLACES)}, was hit ${pick(TIMES)}, ${name()} ${name()} told ${name()} radio.`;
      case 2:
        return `${name()} ${name()}, a ${pick(['teacher', 'farmer', 'nurse', 'driver', 'shopkeeper', 'student'])} from ${name()}, said ${num(9) + 2} ${pick(['houses', 'cars', 'shops', 'tents', 'trucks'])} near ${pick(OBJECTS)} burned.`;
      case 3:
        return `About ${100 * (1 + num(90))} families fled ${name()} and ${name()} for ${pick(PLACES)}, the ${name()} relief committee said.`;
      case 4:
        return `"We heard ${pick(['shelling', 'gunfire', 'drones', 'explosions', 'sirens'])} all ${pick(['night', 'morning', 'evening', 'day'])}," said ${name()}, whose ${pick(['brother', 'son', 'cousin', 'neighbour', 'father'])} ${name()} was ${pick(['wounded', 'detained', 'missing', 'killed'])}.`;
      default:
        return r() < 0.3
          ? pick(STOCK)
          : `The ${name()} brigade said it had taken ${name()} ridge after ${2 + num(10)} hours of fighting with ${name()} fighters.`;
    }
  };
  const paragraphs: string[] = [];
  paragraphs.push(
    `${place.toUpperCase()}, ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1]} ${day} (Bench Wire) - ` +
      `${cap(pick(ACTORS))} ${pick(VERBS)} ${pick(ACTORS)} near ${place} ${pick(TIMES)}, killing ${num(20)} people and wounding ${num(40)}, ${pick(SOURCES)}.`,
  );
  const n = 4 + num(8);
  for (let p = 0; p < n; p++) {
    const sentences = [];
    const k = 2 + num(3);
    for (let s = 0; s < k; s++) sentences.push(sentence());
    paragraphs.push(sentences.join(' '));
  }
  // One report in 25 quotes a post, the way monitors paste tweets.
  if (r() < 0.04) {
    paragraphs.push(
      `Heavy fighting reported near ${place} tonight pic.twitter.com/b${i} — Bench Monitor (@benchmon) October 29, 2019`,
    );
  }
  return {
    id: `bench-${i}`,
    text: paragraphs.join('\n\n'),
    published: `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    title: `${place}: report ${i}`,
    outlet: `Outlet ${i % 50}`,
  };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Streams the corpus to disk; one report in 20 is re-run with a small edit (a syndicated copy). */
async function generate(path: string): Promise<void> {
  const out = createWriteStream(path);
  const r = rng(42);
  let last: ReturnType<typeof report> | null = null;
  for (let i = 0; i < N; i++) {
    let row = report(i, r);
    if (last && r() < 0.05)
      row = {
        ...last,
        id: `bench-${i}`,
        text: last.text.replace(' said', ' told Bench Wire').concat('\n\nRead more on our site.'),
      };
    last = row;
    if (!out.write(`${JSON.stringify(row)}\n`))
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(resolve));
}

async function run(
  label: string,
  corpus: string,
  identifier: LanguageIdentifier | null,
  extract?: (report: Report) => Extraction,
): Promise<void> {
  const dbPath = join(OUT, `bench-${label}.db`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  const store = openStore(dbPath);
  const rssAt: string[] = [];
  // CPU time as well as wall time: on a shared machine the wall-clock rate says more about the neighbours.
  const cpuBefore = process.cpuUsage();
  const total = extract ? CODE : N;
  let nextMark = total / 4;
  const summary = await ingest([corpus], {
    store,
    ...(values.batch ? { batchSize: Number(values.batch) } : {}),
    identifier,
    ...(extract ? { extract } : {}),
    onProgress: (e) => {
      if (e.type === 'progress' && e.documents >= nextMark) {
        rssAt.push(`${e.documents}: ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`);
        nextMark += total / 4;
      }
    },
  });
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const families = store.reports.families({ limit: 100_000 }).length;
  store.close();
  const bytes = statSync(corpus).size;
  const stored = summary.new + summary.newSource + summary.unchanged;
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(
    `${label.padEnd(14)} ${stored} reports in ${summary.seconds.toFixed(2)} s: ` +
      `${Math.round(stored / summary.seconds)} reports/s, ${(bytes / 2 ** 20 / summary.seconds).toFixed(1)} MB/s ` +
      `(CPU ${cpuSeconds.toFixed(2)} s: ${Math.round(stored / cpuSeconds)} reports per CPU-second), ` +
      `peak RSS ${peak.toFixed(0)} MB (RSS at ${rssAt.join(', ')}); ${families} syndication families; ` +
      `${summary.failures.length} failures; db ${(statSync(dbPath).size / 2 ** 20).toFixed(0)} MB`,
  );
  if (!values.keep) for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
}

const corpus = join(OUT, `bench-ingest-${N}.jsonl`);
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${cpus().length} cores`,
);
const t0 = performance.now();
// With --keep a corpus already generated is reused (the generator is deterministic).
if (!values.keep || !existsSync(corpus)) await generate(corpus);
console.log('measuring ingest without event coding (sitrep ingest --no-code); --code N adds a coded run');
console.log(
  `generated ${N} reports, ${(statSync(corpus).size / 2 ** 20).toFixed(1)} MB, in ${((performance.now() - t0) / 1000).toFixed(1)} s (${corpus})`,
);
if (LANGUAGE !== 'on') await run('no-language', corpus, null);
const identifier = LANGUAGE !== 'off' || CODE > 0 ? await createLanguageIdentifier() : null;
if (LANGUAGE !== 'off') await run('language-id', corpus, identifier);
if (CODE > 0) {
  // The first CODE reports of the same corpus, coded as `sitrep ingest` does by default.
  const head = join(OUT, `bench-ingest-${CODE}-coded.jsonl`);
  const out = createWriteStream(head);
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(corpus) })) {
    if (n++ >= CODE) break;
    out.write(`${line}\n`);
  }
  await new Promise<void>((resolve) => out.end(resolve));
  const extractor = await createExtractor({ languageIdentifier: identifier });
  await run('id+coding', head, identifier, reportCoder(extractor));
  rmSync(head, { force: true });
}
if (!values.keep) rmSync(corpus, { force: true });
