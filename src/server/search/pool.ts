/**
 * Report search off the event loop: a small pool of worker threads (./search-worker.ts), each with its own read-only
 * connection to the store file. A search scoring a word found in most reports takes 5–25 ms of CPU; on the server's
 * one thread, 8 analysts searching at once queued every map request behind them (bench:api: search p95 225–314 ms
 * with 8 clients). An in-memory store (tests) cannot be opened twice: it is searched in-process, through the same
 * interface.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SqliteDb } from '../../store/sqlite/database.js';
import { type MatchCount, SqliteReportSearch } from '../../store/sqlite/report-search.js';
import type { ReportSearchHit } from '../../store/store.js';

export interface SearchRequest {
  id: number;
  query: string;
  offset: number;
  limit: number;
}

export type SearchReply =
  | { id: number; ok: true; hits: ReportSearchHit[]; total: MatchCount }
  | { id: number; ok: false; error: string };

export interface SearchResult {
  /** Hits in the order of the ranking contract (src/store/sqlite/report-search.ts). */
  hits: ReportSearchHit[];
  /** Matches, counted up to the ranking window (1,000). */
  total: MatchCount;
}

export interface ReportSearchService {
  search(query: string, offset: number, limit: number): Promise<SearchResult>;
  /** 'in-process' or 'N worker threads', for the start-up log. */
  readonly mode: string;
  close(): Promise<void>;
}

/** Searches on the calling thread, on the given connection. */
export function inProcessSearch(db: SqliteDb): ReportSearchService {
  const search = new SqliteReportSearch(db);
  return {
    mode: 'in-process',
    async search(query, offset, limit) {
      return search.page(query, { limit, offset });
    },
    async close() {},
  };
}

/**
 * The worker's entry: the compiled JavaScript next to this file; from the TypeScript sources (tsx, vitest), a bootstrap
 * that registers tsx in the worker first (Node 20 does not carry the parent's module hooks into worker threads).
 */
function workerEntry(): { script: URL | string; eval: boolean } | null {
  const js = new URL('./search-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return { script: js, eval: false };
  const ts = new URL('./search-worker.ts', import.meta.url);
  if (!existsSync(fileURLToPath(ts))) return null;
  let tsx: string;
  try {
    tsx = import.meta.resolve('tsx/esm/api');
  } catch {
    return null;
  }
  const script = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(ts.href)}); })`;
  return { script, eval: true };
}

/** Searches waiting for a worker at most; beyond, `search` fails with SearchBusyError (the API answers 503). */
export const MAX_QUEUED_SEARCHES = 256;

/** Too many searches are waiting: shed load instead of queueing without bound. */
export class SearchBusyError extends Error {
  constructor() {
    super(`report search: more than ${MAX_QUEUED_SEARCHES} searches waiting`);
    this.name = 'SearchBusyError';
  }
}

/** Two threads at most: the store is one file on one disk, and the server's thread needs a core too. */
export function defaultSearchWorkers(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

interface Slot {
  worker: Worker;
  /** The worker opened its connection (its first message). */
  ready: boolean;
  busy: { request: SearchRequest; resolve: (r: SearchResult) => void; reject: (e: Error) => void } | null;
}

/**
 * `workers` threads (default defaultSearchWorkers(); 0 = in-process) searching the store file `db` is open on.
 * Falls back to in-process search for in-memory stores or when no worker entry is found, saying so in `mode`.
 */
export function createReportSearchService(
  db: SqliteDb,
  options: { workers?: number; log?: (line: string) => void } = {},
): ReportSearchService {
  const n = options.workers ?? defaultSearchWorkers();
  const entry = n > 0 && !db.memory ? workerEntry() : null;
  if (!entry) return inProcessSearch(db);
  const path = db.name;
  const queue: { request: SearchRequest; resolve: (r: SearchResult) => void; reject: (e: Error) => void }[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const worker = new Worker(entry.script, { workerData: { path }, eval: entry.eval });
    // Idle workers do not keep the process alive (the server's socket does).
    worker.unref();
    const slot: Slot = { worker, ready: false, busy: null };
    worker.on('message', (reply: SearchReply | { ready: true }) => {
      if ('ready' in reply) {
        slot.ready = true;
        return;
      }
      const job = slot.busy;
      slot.busy = null;
      if (job && job.request.id === reply.id) {
        if (reply.ok) job.resolve({ hits: reply.hits, total: reply.total });
        else job.reject(new Error(`report search: ${reply.error}`));
      }
      pump();
    });
    worker.on('error', (error) => {
      options.log?.(`sitrep serve: search worker failed: ${error.message}`);
    });
    worker.on('exit', () => {
      const job = slot.busy;
      slot.busy = null;
      if (closed) {
        job?.reject(new Error('report search: closed'));
        return;
      }
      if (!slot.ready) {
        // It could not even open the store (no tsx, no file): respawning would fail the same way, in a loop.
        if (!fallback) options.log?.('sitrep serve: search workers unavailable: searching on the main thread');
        fallback ??= inProcessSearch(db);
        if (job) queue.unshift(job);
        drainToFallback();
        return;
      }
      job?.reject(new Error('report search: the search worker stopped'));
      // Replace a worker that died mid-request, so one bad request does not shrink the pool for good.
      const i = slots.indexOf(slot);
      if (i >= 0) slots[i] = spawn();
      pump();
    });
    return slot;
  };

  let fallback: ReportSearchService | null = null;
  const slots: Slot[] = Array.from({ length: n }, spawn);

  function drainToFallback(): void {
    for (const job of queue.splice(0)) {
      fallback!.search(job.request.query, job.request.offset, job.request.limit).then(job.resolve, job.reject);
    }
  }

  function pump(): void {
    for (const slot of slots) {
      if (slot.busy || queue.length === 0) continue;
      const job = queue.shift()!;
      slot.busy = job;
      slot.worker.ref();
      slot.worker.postMessage(job.request);
    }
    for (const slot of slots) if (!slot.busy) slot.worker.unref();
  }

  return {
    get mode() {
      return fallback ? 'in-process (search workers unavailable)' : `${n} worker thread${n === 1 ? '' : 's'}`;
    },
    search(query, offset, limit) {
      if (closed) return Promise.reject(new Error('report search: closed'));
      if (fallback) return fallback.search(query, offset, limit);
      if (queue.length >= MAX_QUEUED_SEARCHES) return Promise.reject(new SearchBusyError());
      return new Promise<SearchResult>((resolve, reject) => {
        queue.push({ request: { id: nextId++, query, offset, limit }, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('report search: closed'));
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
