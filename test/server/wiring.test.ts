/**
 * The workbench wired to the real stages: a pasted report goes through ingest → extract → incidents and shows up
 * in the API; merging goes through the incidents repository's analyst decisions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashPasswordSync } from '../../src/server/auth/passwords.js';
import { buildDeps, listen, type RunningServer } from '../../src/server/index.js';
import type { IncidentSummary, Page } from '../../src/server/views.js';
import { openWorkbench } from '../../src/server/wiring.js';
import { createUsersRepo } from '../../src/store/sqlite/users-repo.js';
import { Client } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-wiring-'));
let server: RunningServer | null = null;
let close: (() => void) | null = null;

afterAll(async () => {
  await server?.close();
  close?.();
  rmSync(dir, { recursive: true, force: true });
});

describe('workbench on the real pipeline', () => {
  it('codes a pasted report into an incident, and merges through the analyst decisions', async () => {
    const opened = openWorkbench(join(dir, 'w.db'), { webRoot: null, log: () => undefined });
    close = () => opened.store.close();
    const deps = buildDeps(opened.options);
    createUsersRepo(opened.store.db).add('ann', 'analyst', hashPasswordSync('ann-password-123'), false);
    deps.data.refresh();
    server = await listen(deps, 0);
    const c = new Client(server.url);
    expect((await c.login('ann')).status).toBe(200);

    const texts = [
      'Government artillery shelled the town of Idlib on Monday, killing 4 civilians, a local rescue group said.',
      'Protesters gathered in Beirut on Tuesday to demand the release of detained activists; police dispersed them.',
    ];
    for (const [i, text] of texts.entries()) {
      const r = await c.json<{ reports: { id: string }[]; errors: unknown[] }>('POST', '/api/ingest/text', {
        text,
        title: `Pasted ${i}`,
        outlet: 'Test Desk',
        published: '2024-03-04',
      });
      expect(r.status).toBe(201);
      expect(r.body.reports).toHaveLength(1);
      expect(r.body.errors).toEqual([]);
    }
    const page = await c.json<Page<IncidentSummary>>('GET', '/api/incidents');
    expect(page.body.items.length).toBeGreaterThanOrEqual(2);
    const ids = page.body.items.slice(0, 2).map((i) => i.id);
    const merged = await c.json<{ incident: string }>('POST', '/api/incidents/merge', { ids, note: 'test' });
    expect(merged.status).toBe(200);
    const after = await c.json<Page<IncidentSummary>>('GET', '/api/incidents');
    expect(after.body.items.length).toBe(page.body.items.length - 1);
    const repo = (opened.store as unknown as { db: import('better-sqlite3').Database }).db;
    const decisions = repo.prepare('SELECT count(*) AS n FROM incident_decisions').get() as { n: number };
    expect(decisions.n).toBe(1);

    // Discounting the shelling report recomputes the merged incident through the incidents stage (real lexicon).
    const shelling = after.body.items.find((i) => i.id === merged.body.incident)!;
    expect(shelling.killed?.best).toBe(4);
    const detail = await c.json<{ sources: { reportId: string; figures: { field: string }[] }[] }>(
      'GET',
      `/api/incidents/${shelling.id}`,
    );
    const killing = detail.body.sources.find((s) => s.figures.some((f) => f.field === 'killed'))!;
    const d = await c.json<{ summary: IncidentSummary }>(
      'POST',
      `/api/incidents/${shelling.id}/reports/${killing.reportId}/discount`,
      { reason: 'test discount' },
    );
    expect(d.status).toBe(200);
    expect(d.body.summary.killed).toBeNull();
    const undo = await c.json<{ summary: IncidentSummary }>(
      'DELETE',
      `/api/incidents/${shelling.id}/reports/${killing.reportId}/discount`,
    );
    expect(undo.body.summary.killed?.best).toBe(4);
  }, 120_000);
});
