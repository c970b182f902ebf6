/**
 * Connects the workbench to the other stages as they exist in this build: reports and events from the store,
 * incidents from the incidents repository, new reports through the ingest pipeline.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../ingest/index.js';
import { openStore, type SqliteStore } from '../store/index.js';
import type { IncidentSource, IngestInput, IngestOutcome, IngestPort } from './data.js';
import { buildDeps, type WorkbenchOptions } from './index.js';

/** Writes the upload or the pasted text to a private temp file so the ingest pipeline reads it like any input. */
function ingestPort(store: SqliteStore, after: () => void): IngestPort {
  return async (input: IngestInput): Promise<IngestOutcome> => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-upload-'));
    try {
      let path: string;
      if (input.bytes && input.name) {
        path = join(dir, input.name.replace(/[^\w.-]/g, '_'));
        writeFileSync(path, input.bytes, { mode: 0o600 });
      } else {
        path = join(dir, 'pasted.jsonl');
        const row = {
          id: `pasted-${Date.now()}`,
          text: input.text ?? '',
          title: input.title,
          outlet: input.outlet,
          url: input.url,
          published: input.published,
        };
        writeFileSync(path, `${JSON.stringify(row)}\n`, { mode: 0o600 });
      }
      const reports: IngestOutcome['reports'] = [];
      const summary = await ingest([path], {
        store,
        onProgress: (e) => {
          if (e.type === 'stored') {
            reports.push({ id: e.id, title: store.reports.get(e.id)?.title ?? null, duplicate: e.status !== 'new' });
          }
        },
      });
      after();
      return {
        reports,
        errors: summary.failures.map((f) => ({ input: input.name ?? 'pasted text', reason: f.reason })),
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

export interface OpenedWorkbench {
  store: SqliteStore;
  options: WorkbenchOptions;
}

export function openWorkbench(dbPath: string, extra: Partial<WorkbenchOptions> = {}): OpenedWorkbench {
  const store = openStore(dbPath);
  const incidents: IncidentSource | null = null;
  const options: WorkbenchOptions = {
    db: store.db,
    store,
    incidents,
    ingest: ingestPort(store, () => undefined),
    ...extra,
  };
  return { store, options };
}

export { buildDeps };
