import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { type IngestProgress, ingest } from '../../src/ingest/pipeline.js';
import type { Report } from '../../src/model/report.js';
import { openStore } from '../../src/store/index.js';
import { fakeExtract, fixture, tempDir } from './helpers.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

describe('ingest pipeline', () => {
  it('stores the events of an injected coder with their report', async () => {
    const store = openStore(':memory:');
    const summary = await ingest([fixture('good/corpus.csv')], {
      store,
      mapping: (await import('../../src/ingest/mapping.js')).parseMapping('id=ref,text=body,published=date'),
      extract: fakeExtract,
    });
    expect(summary).toMatchObject({ new: 2, events: 1 });
    const reportId = store.reports.resolve('c-1')[0]!;
    const [event] = store.events.forReport(reportId);
    expect(event).toMatchObject({ idx: 0, event: { event_type: 'Battles', reasons: [{ reason: 'fake-trigger' }] } });
    store.close();
  });

  it('fails only the report whose coder throws; its neighbours are stored', async () => {
    const store = openStore(':memory:');
    const extract = (r: Report) => {
      if (r.text.includes('Shelling')) throw new Error('coder broke');
      return fakeExtract(r);
    };
    const summary = await ingest([fixture('good/corpus.csv')], {
      store,
      mapping: (await import('../../src/ingest/mapping.js')).parseMapping('id=ref,text=body'),
      extract,
    });
    expect(summary.failures).toEqual([
      { locator: `${fixture('good/corpus.csv')}#c-2`, reason: 'extraction failed: coder broke' },
    ]);
    expect(store.reports.count()).toBe(1);
    store.close();
  });

  it('announces a report as stored only once another connection can read it', async () => {
    const path = join(dir, 'visible.db');
    const store = openStore(path);
    const reader = new Database(path, { readonly: true });
    const visible: boolean[] = [];
    await ingest([fixture('good')], {
      store,
      batchSize: 2,
      mapping: (await import('../../src/ingest/mapping.js')).parseMapping('id=ref,text=body'),
      format: undefined,
      onProgress: (e: IngestProgress) => {
        if (e.type === 'stored')
          visible.push(reader.prepare('SELECT 1 FROM reports WHERE id = ?').get(e.id) !== undefined);
      },
    });
    expect(visible.length).toBeGreaterThan(5);
    expect(visible.every(Boolean)).toBe(true);
    reader.close();
    store.close();
  });

  it('is idempotent: the same input twice changes nothing the second time', async () => {
    const store = openStore(':memory:');
    const first = await ingest([fixture('good/feed.rss'), fixture('good/article.html')], { store });
    const second = await ingest([fixture('good/feed.rss'), fixture('good/article.html')], { store });
    expect(first).toMatchObject({ new: 3, unchanged: 0 });
    expect(second).toMatchObject({ new: 0, newSource: 0, unchanged: 3 });
    expect(store.reports.count()).toBe(3);
    store.close();
  });

  it('loses nothing it reported as stored when killed mid-run', async () => {
    // 10,000 rows take several seconds: long enough to kill the process in the middle.
    const corpus = join(dir, 'big.jsonl');
    const out = createWriteStream(corpus);
    // Varied words, as in real reports: templated near-identical rows would make every row a family candidate.
    let seed = 7;
    const rand = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 4294967296;
    };
    const syllables = ['ka', 'lo', 'mi', 'ra', 'tan', 'sul', 'ber', 'di', 'zo', 'hal', 'nur', 'ek', 'ya', 'bo', 'vel'];
    const word = () =>
      Array.from({ length: 2 + Math.floor(rand() * 3) }, () => syllables[Math.floor(rand() * 15)]).join('');
    for (let i = 0; i < 10_000; i++) {
      const text = Array.from({ length: 25 }, word).join(' ');
      out.write(`${JSON.stringify({ id: `r${i}`, text })}\n`);
    }
    await new Promise<void>((resolve) => out.end(resolve));
    const db = join(dir, 'killed.db');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        fixture('../../ingest/run-cli.ts'),
        'ingest',
        corpus,
        '--db',
        db,
        '--json',
        '--no-language',
        '--batch',
        '200',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const announced: string[] = [];
    let buffer = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const line of lines) {
          const msg = JSON.parse(line) as { stored?: { id: string } };
          if (msg.stored) announced.push(msg.stored.id);
        }
        if (announced.length >= 400 && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    expect(announced.length).toBeGreaterThanOrEqual(400);
    const reader = new Database(db, { readonly: true });
    const count = (reader.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n;
    const missing = announced.filter((id) => !reader.prepare('SELECT 1 FROM reports WHERE id = ?').get(id));
    reader.close();
    expect(missing).toEqual([]);
    // Killed before the end: not everything is there.
    expect(count).toBeLessThan(10_000);
    // A child process compiling TypeScript on a busy 2-core CI machine needs more than the default minute.
  }, 180_000);
});
