/**
 * Runs the extractor over the dev sets and scores them with the shared scorer:
 *   npx tsx scripts/eval-events.ts [acled|case ...] [--out DIR]
 * Writes DIR/NAME.pred.jsonl (default /tmp/sitrep-eval) and prints the scorer's summary line for each set.
 * The dev data stays where it is (../shared/data/dev): it is read for measuring, never copied into the repository.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createExtractor } from '../src/extract/index.js';

const SETS: Record<string, { file: string; mode: string }> = {
  acled: { file: 'acled-2020', mode: 'acled' },
  case: { file: 'case2021', mode: 'case' },
};

const args = process.argv.slice(2);
const outIdx = args.indexOf('--out');
const outDir = outIdx >= 0 ? (args[outIdx + 1] ?? '/tmp/sitrep-eval') : '/tmp/sitrep-eval';
const wanted = args.filter((a, i) => !a.startsWith('--') && (outIdx < 0 || i !== outIdx + 1));
const devDir = process.env.SITREP_DEV_DIR ?? path.resolve('..', 'shared', 'data', 'dev');
const scorer = process.env.SITREP_SCORER ?? path.resolve('..', 'shared', 'eval', 'score.mjs');

mkdirSync(outDir, { recursive: true });
const t0 = performance.now();
const extractor = await createExtractor();
console.error(`extractor loaded in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
for (const name of wanted.length ? wanted : Object.keys(SETS)) {
  const set = SETS[name];
  if (!set) throw new Error(`unknown set '${name}' (acled, case)`);
  const lines = readFileSync(path.join(devDir, `${set.file}.input.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  const started = performance.now();
  let bytes = 0;
  const out: string[] = [];
  for (const line of lines) {
    const row = JSON.parse(line) as { id: string; text: string; published?: string | null; title?: string | null };
    bytes += Buffer.byteLength(row.text);
    const ex = extractor.extract({
      id: String(row.id),
      text: row.text,
      published: row.published ?? null,
      title: row.title ?? null,
    });
    const events = ex.events.map(({ reasons: _r, embeddedPost: _p, ...e }) => e);
    out.push(JSON.stringify({ ...ex, events }));
  }
  const secs = (performance.now() - started) / 1000;
  const pred = path.join(outDir, `${set.file}.pred.jsonl`);
  writeFileSync(pred, `${out.join('\n')}\n`);
  const summary = execFileSync('node', [scorer, set.mode, path.join(devDir, `${set.file}.gold.jsonl`), pred], {
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop();
  console.log(`${summary}   [${lines.length} docs, ${(bytes / 1e6 / secs).toFixed(2)} MB/s]`);
}
