/**
 * The ingest pipeline: inputs → documents → reports → store, in batches. Each batch is one transaction; when a report
 * fails to store, the batch is stored again with a savepoint per report, so a report lands whole or not at all, a bad
 * one never takes its neighbours down,
 * and `stored` is announced only after the batch commits: killing the process loses nothing announced.
 */
import type { Extraction } from '../model/extraction.js';
import type { Report } from '../model/report.js';
import type { ReportUpsert, Store } from '../store/store.js';
import type { LanguageIdentifier } from '../text/language.js';
import { buildReportWithSignature } from './build-report.js';
import type { InputItem } from './document.js';
import { IngestError, type IngestFailure } from './errors.js';
import { type InputOptions, planInputs, readPlannedInputs } from './inputs.js';
import {
  CANDIDATE_JACCARD,
  estimateJaccardHex,
  lshKeys,
  minhashSignature,
  SYNDICATION_SHARE,
  signatureFromHex,
  signatureToHex,
  syndicationShare,
} from './near-duplicates.js';

/**
 * Reports per transaction. A commit writes every index page the batch dirtied, and the LSH, source and family
 * indexes take random keys, so a batch dirties nearly all their pages whatever its size: bigger batches write each
 * page for more reports. bench:ingest at 20,000 reports: 48 commits of ≤500 took 4.4 s, 18 of ≤2,000 2.5 s (wall).
 * Once LSH keys became one narrow row each, 1,000 did as well as 2,000 (CPU 13.0–13.4 s vs 14.0 s) with less
 * held in memory (peak RSS 225–235 MB vs 247 MB).
 */
export const DEFAULT_BATCH_SIZE = 1000;
/** Near-duplicate candidates checked against each new report's text, closest first. */
const MAX_VERIFIED_CANDIDATES = 8;
/**
 * A batch is committed after this long even when not full, so a slow input (stdin, a feed) is stored promptly
 * and a fast one commits about once per 2 s (the cost of a commit depends on the store, not on the batch).
 */
const MAX_BATCH_MS = 2000;

export type IngestProgress =
  | { type: 'planned'; files: number; bytes: number; skipped: number }
  | {
      type: 'stored';
      id: string;
      locator: string;
      status: ReportUpsert['status'];
      familyId: string;
      events: number | null;
    }
  | { type: 'failed'; locator: string; reason: string }
  | { type: 'progress'; documents: number; bytesDone: number; bytesTotal: number };

export interface IngestOptions extends InputOptions {
  store: Store;
  /** An event coder: when given, each report's events are stored with it in the same transaction. */
  extract?: (report: Report) => Extraction;
  /** Loaded language model; without it reports and posts get language 'und' / null. */
  identifier?: LanguageIdentifier | null;
  onProgress?: (event: IngestProgress) => void;
  batchSize?: number;
  /** Stop reading new input (e.g. on SIGINT); what was read so far is still committed. */
  signal?: AbortSignal;
}

export interface IngestSummary {
  /** Documents read (stored or failed). */
  documents: number;
  new: number;
  newSource: number;
  unchanged: number;
  /** New reports that joined an existing syndication family. */
  joinedFamily: number;
  events: number;
  failures: IngestFailure[];
  /** Files inside directories left alone because they are not in a report format. */
  skipped: number;
  bytes: number;
  seconds: number;
  interrupted: boolean;
}

interface Pending {
  report: Report;
  /** The MinHash signature `report.fingerprint` encodes, computed once in buildReport. */
  signature: Uint32Array | null;
  extraction: Extraction | null;
  locator: string;
}

/** Ingests `inputs` (paths, directories, `-`) into `options.store`. Bad inputs are reported, never thrown. */
export async function ingest(inputs: readonly string[], options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const { store, onProgress } = options;
  const emit = (e: IngestProgress) => onProgress?.(e);
  const summary: IngestSummary = {
    documents: 0,
    new: 0,
    newSource: 0,
    unchanged: 0,
    joinedFamily: 0,
    events: 0,
    failures: [],
    skipped: 0,
    bytes: 0,
    seconds: 0,
    interrupted: false,
  };
  const plan = await planInputs(inputs);
  summary.skipped = plan.skipped.length;
  emit({ type: 'planned', files: plan.files.length, bytes: plan.totalBytes, skipped: plan.skipped.length });
  const fail = (f: IngestFailure) => {
    summary.failures.push(f);
    emit({ type: 'failed', locator: f.locator, reason: f.reason });
  };
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let batch: Pending[] = [];
  let batchStarted = performance.now();

  const flush = () => {
    if (batch.length === 0) return;
    const committed = commitBatch(store, batch, summary, fail);
    for (const c of committed) emit(c);
    batch = [];
    batchStarted = performance.now();
    emit({ type: 'progress', documents: summary.documents, bytesDone: summary.bytes, bytesTotal: plan.totalBytes });
  };

  for await (const item of readPlannedInputs(plan, options) as AsyncIterable<InputItem>) {
    summary.bytes += item.bytes;
    summary.documents++;
    if (item.kind === 'failure') fail(item.failure);
    else {
      const pending = prepare(item, options, fail);
      if (pending) batch.push(pending);
    }
    if (batch.length >= batchSize || performance.now() - batchStarted > MAX_BATCH_MS) flush();
    if (options.signal?.aborted) {
      summary.interrupted = true;
      break;
    }
  }
  flush();
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** Document → report (+ extraction), outside any transaction: the slow, pure part. */
function prepare(
  item: Extract<InputItem, { kind: 'document' }>,
  options: IngestOptions,
  fail: (f: IngestFailure) => void,
): Pending | null {
  const locator = item.doc.source.locator;
  let report: Report;
  let signature: Uint32Array;
  try {
    ({ report, signature } = buildReportWithSignature(item.doc, { identifier: options.identifier ?? null }));
  } catch (error) {
    fail(
      error instanceof IngestError
        ? { locator: error.locator, reason: error.reason }
        : { locator, reason: `cannot build report: ${(error as Error).message}` },
    );
    return null;
  }
  let extraction: Extraction | null = null;
  if (options.extract) {
    try {
      extraction = options.extract(report);
    } catch (error) {
      fail({ locator, reason: `extraction failed: ${(error as Error).message}` });
      return null;
    }
  }
  return { report, signature, extraction, locator };
}

/**
 * One transaction for the batch, returning the `stored` events to announce after commit. The reports go in without
 * a savepoint each: SAVEPOINT/RELEASE and their wrappers cost ~20-40 µs a report (bench:ingest), and a report that
 * fails to store is rare. When one does fail, the whole batch is rolled back and stored again with a savepoint per
 * report, so the failure is recorded and its neighbours land as before: a report is stored whole or not at all.
 */
function commitBatch(
  store: Store,
  batch: readonly Pending[],
  summary: IngestSummary,
  fail: (f: IngestFailure) => void,
): IngestProgress[] {
  let result: BatchResult;
  try {
    result = storeBatch(store, batch, false);
  } catch (error) {
    if (!(error instanceof RetryIsolated)) throw error;
    result = storeBatch(store, batch, true);
  }
  const { stored, failed, counts } = result;
  // Only now is the batch durable: count it and report it.
  summary.new += counts.new;
  summary.newSource += counts.newSource;
  summary.unchanged += counts.unchanged;
  summary.joinedFamily += counts.joinedFamily;
  summary.events += counts.events;
  for (const f of failed) fail(f);
  return stored;
}

/** Thrown out of the savepoint-free pass to roll the batch back and store it again report by report. */
class RetryIsolated extends Error {}

interface BatchResult {
  stored: IngestProgress[];
  failed: IngestFailure[];
  counts: { new: number; newSource: number; unchanged: number; joinedFamily: number; events: number };
}

/** Stores the batch in one transaction; `isolate` gives each report its own savepoint (a failure skips only it). */
function storeBatch(store: Store, batch: readonly Pending[], isolate: boolean): BatchResult {
  const stored: IngestProgress[] = [];
  const failed: IngestFailure[] = [];
  const counts = { new: 0, newSource: 0, unchanged: 0, joinedFamily: 0, events: 0 };
  store.transaction(() => {
    for (const p of batch) {
      let result: { outcome: ReportUpsert; joined: boolean };
      try {
        result = isolate ? store.transaction(() => storeOne(store, p)) : storeOne(store, p);
      } catch (error) {
        if (!isolate) throw new RetryIsolated();
        failed.push({ locator: p.locator, reason: `not stored: ${(error as Error).message}` });
        continue;
      }
      const { outcome, joined } = result;
      if (outcome.status === 'new') counts.new++;
      else if (outcome.status === 'new-source') counts.newSource++;
      else counts.unchanged++;
      if (joined) counts.joinedFamily++;
      const events = p.extraction ? p.extraction.events.length : null;
      counts.events += events ?? 0;
      stored.push({
        type: 'stored',
        id: outcome.id,
        locator: p.locator,
        status: outcome.status,
        familyId: outcome.familyId,
        events,
      });
    }
  });
  return { stored, failed, counts };
}

function storeOne(store: Store, p: Pending): { outcome: ReportUpsert; joined: boolean } {
  const { report } = p;
  let keys: number[] = [];
  let joined = false;
  if (!store.reports.has(report.id)) {
    const sig =
      p.signature ??
      (report.fingerprint ? signatureFromHex(report.fingerprint) : null) ??
      minhashSignature(report.text);
    const fingerprint = report.fingerprint ?? signatureToHex(sig);
    keys = lshKeys(sig);
    const families = new Map<string, number>();
    // Verify the closest candidates only: templated texts (ACLED-style notes, bulletins) can bring hundreds of
    // candidates above the gate, and reading and comparing each text would make ingest quadratic.
    const candidates = store.reports
      .familyCandidates(
        keys,
        MAX_VERIFIED_CANDIDATES * 2,
        (other) => estimateJaccardHex(fingerprint, other) >= CANDIDATE_JACCARD,
      )
      .map((c) => ({ ...c, similarity: c.fingerprint ? estimateJaccardHex(fingerprint, c.fingerprint) : 0 }))
      .filter((c) => c.similarity >= CANDIDATE_JACCARD)
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, MAX_VERIFIED_CANDIDATES);
    for (const c of candidates) {
      const otherText = store.reports.textOf(c.id);
      if (otherText === null) continue;
      const share = syndicationShare(report.text, otherText);
      if (share >= SYNDICATION_SHARE) families.set(c.familyId, Math.max(families.get(c.familyId) ?? 0, share));
    }
    if (families.size > 0) {
      // Join the closest family; a report that bridges several families merges them (they are one wire story).
      const ranked = [...families.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      const familyId = ranked[0]![0];
      store.reports.mergeFamilies(
        ranked.slice(1).map(([f]) => f),
        familyId,
      );
      report.familyId = familyId;
      joined = true;
    } else report.familyId = report.id;
  }
  // Guarded: storeBatch rolls back the whole batch (or, isolating, this report's savepoint) when the upsert throws.
  const outcome = store.reports.upsert(report, keys, { guarded: true });
  if (p.extraction) store.events.replaceForReport(outcome.id, p.extraction.events);
  return { outcome, joined };
}
