/**
 * Report search in worker threads (src/server/search/pool.ts): the same answers as in-process search, many requests
 * at once, a store written after the workers started, and the HTTP route's capped total. Reports are made-up
 * sentences about fictional places.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/ingest/build-report.js';
import {
  createReportSearchService,
  inProcessSearch,
  MAX_QUEUED_SEARCHES,
  SearchBusyError,
} from '../../src/server/search/pool.js';
import { openStore } from '../../src/store/index.js';
import { Client, startWorld } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-search-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function store(path: string, texts: string[]) {
  const s = openStore(path);
  s.transaction(() => {
    texts.forEach((text, i) => {
      s.reports.upsert({
        ...buildReport({
          text,
          source: { kind: 'file', locator: `${path}#${i}`, externalId: null, seenAt: '2024-01-01T00:00:00Z' },
          published: null,
          publishedSource: 'none',
          rawSha256: null,
        }),
        title: i % 3 === 0 ? `Velmora bulletin ${i}` : null,
      });
    });
  });
  return s;
}

describe('report search in worker threads', () => {
  it('answers like in-process search, many requests at once, and sees reports stored after it started', async () => {
    const texts = Array.from(
      { length: 60 },
      (_, i) => `Day ${i}: shelling ${i % 2 ? 'near Velmora' : 'at Tamsa'} and Şanlıurfa, report ${i}.`,
    );
    const s = store(join(dir, 'a.db'), texts);
    const pool = createReportSearchService(s.db, { workers: 2 });
    expect(pool.mode).toBe('2 worker threads');
    const local = inProcessSearch(s.db);
    const queries = ['velmora', 'tamsa shelling', 'sanliurfa', 'velm*', '"at tamsa"', 'nowhere'];
    const pooled = await Promise.all(queries.flatMap((q) => [0, 10, 40].map((offset) => pool.search(q, offset, 10))));
    const inline = await Promise.all(queries.flatMap((q) => [0, 10, 40].map((offset) => local.search(q, offset, 10))));
    expect(pooled).toEqual(inline);
    expect(pooled[0]!.hits.length).toBe(10);
    // 30 texts say Velmora, and 10 more reports have it in their title only.
    expect(pooled[0]!.total).toEqual({ count: 40, exact: true });
    expect(pooled[15]!.total).toEqual({ count: 0, exact: true });

    // Written by the server's connection after the workers opened theirs (WAL: visible at the next read).
    s.reports.upsert({
      ...buildReport({
        text: 'A new report from Oskar Ridge.',
        source: { kind: 'file', locator: 'late.txt', externalId: null, seenAt: '2024-01-02T00:00:00Z' },
        published: null,
        publishedSource: 'none',
        rawSha256: null,
      }),
    });
    expect((await pool.search('oskar', 0, 10)).hits).toHaveLength(1);
    // A flood beyond the queue's bound is shed, not buffered; what was queued is still answered.
    const flood = Array.from({ length: MAX_QUEUED_SEARCHES + 10 }, () =>
      pool.search('velmora', 0, 5).then(
        () => 'ok',
        (e: unknown) => (e instanceof SearchBusyError ? 'busy' : 'error'),
      ),
    );
    const outcomes = await Promise.all(flood);
    expect(outcomes.filter((o) => o === 'busy').length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o === 'ok').length).toBeGreaterThanOrEqual(MAX_QUEUED_SEARCHES);
    expect(outcomes).not.toContain('error');
    await pool.close();
    await expect(pool.search('oskar', 0, 10)).rejects.toThrow(/closed/);
    s.close();
  }, 60_000);

  it('falls back to in-process search, once, when the workers cannot open the store', async () => {
    const path = join(dir, 'gone.db');
    const s = store(path, ['Shelling near Velmora.', 'Calm in Tamsa.']);
    // The server's connection keeps the unlinked file; a worker opening the path finds nothing.
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    const lines: string[] = [];
    const service = createReportSearchService(s.db, { workers: 2, log: (l) => lines.push(l) });
    const answers = await Promise.all(['velmora', 'tamsa', 'velmora tamsa'].map((q) => service.search(q, 0, 5)));
    expect(answers.map((a) => a.hits.length)).toEqual([1, 1, 0]);
    expect(service.mode).toMatch(/^in-process/);
    expect(lines.filter((l) => /search workers unavailable/.test(l))).toHaveLength(1);
    await service.close();
    s.close();
  }, 60_000);

  it('searches an in-memory store in-process', async () => {
    const s = store(':memory:', ['Shelling near Velmora.']);
    const service = createReportSearchService(s.db, { workers: 2 });
    expect(service.mode).toBe('in-process');
    expect((await service.search('velmora', 0, 5)).hits).toHaveLength(1);
    await service.close();
    s.close();
  });

  it('gives the capped total and a cursor over HTTP', async () => {
    const world = await startWorld();
    try {
      world.user('vic', 'viewer');
      const c = new Client(world.url);
      expect((await c.login('vic')).status).toBe(200);
      const page = await c.json<{ items: { id: string }[]; nextCursor: string | null; total: unknown }>(
        'GET',
        '/api/reports?q=kelmara&limit=1',
      );
      expect(page.status).toBe(200);
      expect(page.body.items).toHaveLength(1);
      const total = page.body.total as { count: number; exact: boolean };
      expect(total.exact).toBe(true);
      expect(total.count).toBeGreaterThanOrEqual(1);
      expect(page.body.nextCursor === null).toBe(total.count === 1);
    } finally {
      await world.close();
    }
  });
});
