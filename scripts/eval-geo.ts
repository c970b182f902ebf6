/**
 * Runs the geoparser over a geoparsing dev set and writes predictions in the `sitrep extract` JSON shape, then
 * prints the scorer's summary:  npx tsx scripts/eval-geo.ts lgl|geovirus|PATH.input.jsonl [--out PRED.jsonl]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGeoparser } from '../src/geo/index.js';

const arg = process.argv[2] ?? 'lgl';
const outIdx = process.argv.indexOf('--out');
const dev = join(process.cwd(), '..', 'shared', 'data', 'dev');
const input = existsSync(arg) ? arg : join(dev, `${arg}.input.jsonl`);
const gold = input.replace(/\.input\.jsonl$/, '.gold.jsonl');
const out = outIdx > 0 ? (process.argv[outIdx + 1] as string) : `/tmp/geo-pred-${arg.replace(/\W+/g, '_')}.jsonl`;

const geo = await loadGeoparser();
const lines: string[] = [];
const t0 = performance.now();
let bytes = 0;
for (const line of readFileSync(input, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const doc = JSON.parse(line) as { id: string; text: string };
  bytes += Buffer.byteLength(doc.text);
  const { places } = geo.parse(doc.text);
  lines.push(JSON.stringify({ id: doc.id, language: 'en', published: null, places, events: [] }));
}
const ms = performance.now() - t0;
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${lines.length} docs, ${(bytes / 1e6).toFixed(2)} MB in ${ms.toFixed(0)} ms → ${out}`);
if (existsSync(gold)) {
  const score = join(process.cwd(), '..', 'shared', 'eval', 'score.mjs');
  const res = execFileSync('node', [score, 'geo', gold, out], { encoding: 'utf8' });
  console.log(res.trim().split('\n').pop());
}
