/**
 * Connects the workbench to the other stages: reports and events from the store, incidents from the incidents
 * repository (clustered with the analyst decisions), new reports through ingest → extract → incidents.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportCoder } from '../extract/from-report.js';
import type { Extractor } from '../extract/index.js';
import { type IncidentLexicon, loadIncidentLexicon } from '../incidents/lexicon.js';
import {
  codeReportsWithoutEvents,
  ensureIncidentsFresh,
  incidentSource,
  updateIncidentsForReports,
} from '../incidents/service.js';
import { ingest } from '../ingest/index.js';
import type { Report } from '../model/report.js';
import { openStore, type SqliteStore } from '../store/index.js';
import { SqliteIncidentRepository } from '../store/sqlite/incidents-repo.js';
import type { IncidentRepository, Store } from '../store/store.js';
import { createLanguageIdentifier } from '../text/language.js';
import type { IngestInput, IngestOutcome, IngestPort } from './data.js';
import type { WorkbenchOptions } from './index.js';
import type { StoredIncidentSource } from './read-model.js';

/** The event coder, loaded on first use (gazetteer + lexicons + language model: ~1–3 s), then kept. */
function lazyExtractor(): () => Promise<(report: Report) => ReturnType<Extractor['extract']>> {
  let loading: Promise<Extractor> | null = null;
  return async () => {
    loading ??= import('../extract/index.js').then((m) => m.createExtractor());
    const extractor = await loading;
    return reportCoder(extractor);
  };
}

/** Writes the upload or the pasted text to a private temp file so the ingest pipeline reads it like any input. */
function ingestPort(
  store: SqliteStore,
  repo: IncidentRepository,
  lexicon: () => IncidentLexicon,
  extractor: ReturnType<typeof lazyExtractor>,
): IngestPort {
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
      const extract = await extractor();
      const reports: IngestOutcome['reports'] = [];
      const summary = await ingest([path], {
        store,
        extract,
        onProgress: (e) => {
          if (e.type === 'stored') {
            reports.push({ id: e.id, title: store.reports.get(e.id)?.title ?? null, duplicate: e.status !== 'new' });
          }
        },
      });
      if (reports.length > 0) {
        updateIncidentsForReports(
          store,
          repo,
          lexicon(),
          reports.map((r) => r.id),
        );
      }
      return {
        reports,
        errors: summary.failures.map((f) => ({ input: input.name ?? 'pasted text', reason: f.reason })),
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

/** The sample reports shipped with the package, as `sitrep ingest` takes them (the CSV needs a field map: skipped). */
export function samplePaths(root: string): string[] {
  return ['text', 'html', 'feeds', 'corpus/reports.jsonl'].map((p) => join(root, p)).filter((p) => existsSync(p));
}

export interface OpenedWorkbench {
  store: SqliteStore;
  options: WorkbenchOptions;
  /** Ingests the given inputs when the store holds no report yet; returns how many reports were stored. */
  ingestSamples(paths: string[]): Promise<number>;
  /** Codes stored reports that have no events yet (reports ingested without a coder); returns how many. */
  codePending(): Promise<number>;
}

export function openWorkbench(dbPath: string, extra: Partial<WorkbenchOptions> = {}): OpenedWorkbench {
  const store = openStore(dbPath);
  const repo = (store as Store).incidents ?? new SqliteIncidentRepository(store.db);
  let lexicon: IncidentLexicon | null = null;
  const lex = () => {
    lexicon ??= loadIncidentLexicon();
    return lexicon;
  };
  const extractor = lazyExtractor();
  // A stored source (ensureFresh, get): buildDeps keeps the read model up to date from the incidents' dirty ids.
  const source: StoredIncidentSource = {
    ...incidentSource(store, repo, lex()),
    ensureFresh: () => {
      ensureIncidentsFresh(store, repo, lex());
    },
    get: (id) => repo.get(id),
  };
  const options: WorkbenchOptions = {
    db: store.db,
    store,
    incidents: source,
    ingest: ingestPort(store, repo, lex, extractor),
    ...extra,
  };
  return {
    store,
    options,
    async ingestSamples(paths) {
      if (store.reports.count() > 0 || paths.length === 0) return 0;
      let identifier = null;
      try {
        identifier = await createLanguageIdentifier();
      } catch {
        // Language identification is optional: reports are stored with language 'und' without it.
      }
      const summary = await ingest(paths, { store, identifier });
      return summary.new;
    },
    async codePending() {
      if (store.reports.count() === 0 || store.events.count() > 0) return 0;
      const extract = await extractor();
      return store.transaction(() => codeReportsWithoutEvents(store, extract));
    },
  };
}
