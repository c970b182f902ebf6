/** Every kind of bad input gives one `input: reason` line; the rest of the batch is stored; nothing half-written. */
import { copyFileSync, mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/pipeline.js';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { fixture, tempDir } from './helpers.js';

const { dir, cleanup } = tempDir();
const batch = join(dir, 'batch');

beforeAll(() => {
  mkdirSync(batch);
  for (const f of [
    'empty.txt',
    'whitespace.txt',
    'truncated.html',
    'truncated-tag.html',
    'not-a-feed.xml',
    'not-rss.xml',
  ]) {
    copyFileSync(fixture(`bad/${f}`), join(batch, f));
  }
  copyFileSync(fixture('bad/no-text-column.csv'), join(batch, 'no-text-column.csv'));
  copyFileSync(fixture('bad/broken.jsonl'), join(batch, 'broken.jsonl'));
  // Binary content and invalid UTF-8 are generated, not committed: editors and git mangle such fixtures.
  writeFileSync(
    join(batch, 'image.txt'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
  );
  writeFileSync(
    join(batch, 'latin1.txt'),
    Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' in Beirut.')]),
  );
  // 200 MB, sparse: the size check must refuse it before a byte is read.
  writeFileSync(join(batch, 'huge.txt'), '');
  truncateSync(join(batch, 'huge.txt'), 200 * 1024 * 1024);
  copyFileSync(fixture('good/wire-date-line.txt'), join(batch, 'zz-good.txt'));
});
afterAll(cleanup);

const EXPECTED: Record<string, RegExp> = {
  'broken.jsonl:2': /^invalid JSON/,
  'empty.txt': /^empty file$/,
  'huge.txt': /^file too large \(200\.0 MB; one document may be at most 20\.0 MB\)$/,
  'image.txt': /^binary content/,
  'latin1.txt': /^invalid UTF-8 at byte 3$/,
  'no-text-column.csv': /^missing column 'text' \(columns: id, headline, date\)$/,
  'not-a-feed.xml': /^not a valid XML feed/,
  'not-rss.xml': /^XML but not an RSS or Atom feed \(root element <catalog>\)$/,
  'truncated-tag.html': /^truncated HTML \(ends inside a tag\)$/,
  'truncated.html': /^truncated HTML/,
  'whitespace.txt': /^empty \(no text\)$/,
};

describe('bad input', () => {
  it('reports each bad input once with its reason and stores the good ones', async () => {
    const store = openStore(':memory:');
    const started = performance.now();
    const summary = await ingest([batch], { store });
    // The 200 MB file was not read: the whole batch takes well under a second.
    expect(performance.now() - started).toBeLessThan(5000);
    const got = Object.fromEntries(summary.failures.map((f) => [f.locator.slice(batch.length + 1), f.reason]));
    expect(Object.keys(got).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [name, re] of Object.entries(EXPECTED)) expect(got[name]).toMatch(re);
    // broken.jsonl line 1 and zz-good.txt are stored.
    expect(summary.new).toBe(2);
    expect(store.reports.count()).toBe(2);
    store.close();
  });

  it('prints one line per failure on stderr and exits 1 from the CLI', async () => {
    const db = join(dir, 'cli.db');
    const r = await runCli(['ingest', batch, '--db', db, '--no-language']);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(Object.keys(EXPECTED).length);
    for (const line of lines) expect(line).toMatch(/^\/.+: .+$/);
    expect(r.out).toMatch(/^stored 2 reports \(2 new/);
  });

  it('refuses a missing path with one line, and the rest still goes in', async () => {
    const store = openStore(':memory:');
    const summary = await ingest([join(dir, 'nope.txt'), fixture('good/bulletin-no-date.txt')], { store });
    expect(summary.failures).toEqual([{ locator: join(dir, 'nope.txt'), reason: 'no such file or directory' }]);
    expect(summary.new).toBe(1);
    store.close();
  });
});
