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
    // 30,000 rows take a few seconds: long enough to kill the process in the middle.
    const corpus = join(dir, 'big.jsonl');
    const out = createWriteStream(corpus);
    for (let i = 0; i < 30_000; i++) {
      out.write(
        `${JSON.stringify({ id: `r${i}`, text: `Report number ${i} about a clash near village ${i % 97} on day ${i % 31}.` })}\n`,
      );
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
        if (announced.length >= 1000 && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    expect(announced.length).toBeGreaterThanOrEqual(1000);
    const reader = new Database(db, { readonly: true });
    const count = (reader.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n;
    const missing = announced.filter((id) => !reader.prepare('SELECT 1 FROM reports WHERE id = ?').get(id));
    reader.close();
    expect(missing).toEqual([]);
    // Killed before the end: not everything is there.
    expect(count).toBeLessThan(30_000);
  });
});
