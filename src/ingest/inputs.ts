/**
 * Inputs to documents: paths (files, directories walked recursively) and stdin (`-`), each read in the format its
 * extension or its first bytes say. Single documents are size-checked before they are read; corpora are streamed.
 * Every failure is one `InputItem` of kind 'failure'; nothing here throws for bad input.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import type { ReportSource } from '../model/report.js';
import { decodeText } from './decode.js';
import type { InputItem } from './document.js';
import { csvDocuments } from './formats/csv.js';
import { feedDocuments } from './formats/feed.js';
import { jsonlDocuments } from './formats/jsonl.js';
import { textDocument } from './formats/text.js';
import { parseHtmlPage } from './html.js';
import { defaultMapping, type FieldMapping } from './mapping.js';
import { sha256Hex } from './normalize.js';

export type InputFormat = 'text' | 'html' | 'jsonl' | 'csv' | 'tsv' | 'feed';
export const INPUT_FORMATS: readonly InputFormat[] = ['text', 'html', 'jsonl', 'csv', 'tsv', 'feed'];

/** One report in one file: 20 MB is ~50× the longest article we have seen; anything bigger is not one report. */
export const DEFAULT_MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export interface InputOptions {
  mapping?: FieldMapping;
  /** Force a format instead of guessing from the extension / first bytes. */
  format?: InputFormat;
  maxDocumentBytes?: number;
  /** Where `-` reads from. */
  stdin?: Readable;
  /** Clock for `seenAt` (tests pin it). */
  now?: () => string;
}

export interface PlannedFile {
  path: string;
  size: number;
}

export interface InputPlan {
  /** Files in the order they will be read; `-` for stdin (size 0). */
  files: PlannedFile[];
  failures: { locator: string; reason: string }[];
  /** Files inside directories that are not in a report format (README.md, images…), left alone. */
  skipped: string[];
  totalBytes: number;
}

const EXTENSIONS: Record<string, InputFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.rss': 'feed',
  '.atom': 'feed',
  '.xml': 'feed',
};

/**
 * Expands directories (recursively, sorted, hidden entries and non-report extensions skipped) and sizes every file.
 * Extensions read inside directories: .txt .text .html .htm .xhtml .jsonl .ndjson .csv .tsv .rss .atom .xml.
 */
export async function planInputs(paths: readonly string[]): Promise<InputPlan> {
  const plan: InputPlan = { files: [], failures: [], skipped: [], totalBytes: 0 };
  const visit = async (path: string, top: boolean) => {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (error) {
      plan.failures.push({ locator: path, reason: ioReason(error) });
      return;
    }
    if (info.isDirectory()) {
      let entries: string[];
      try {
        entries = (await readdir(path)).sort();
      } catch (error) {
        plan.failures.push({ locator: path, reason: ioReason(error) });
        return;
      }
      for (const e of entries) if (!e.startsWith('.')) await visit(join(path, e), false);
      return;
    }
    if (!info.isFile()) {
      if (top) plan.failures.push({ locator: path, reason: 'not a regular file' });
      return;
    }
    // Inside a directory only report formats are read: a README, an image or a spreadsheet beside the reports is not
    // one. A file named on the command line is read whatever its extension (its first bytes decide the format).
    if (!top && !(extname(path).toLowerCase() in EXTENSIONS)) {
      plan.skipped.push(path);
      return;
    }
    plan.files.push({ path, size: info.size });
    plan.totalBytes += info.size;
  };
  for (const p of paths) {
    if (p === '-') plan.files.push({ path: '-', size: 0 });
    else await visit(p, true);
  }
  return plan;
}

/** Every document (or failure) of the planned files, in order, streamed. */
export async function* readPlannedInputs(plan: InputPlan, options: InputOptions = {}): AsyncGenerator<InputItem> {
  for (const f of plan.failures) yield { kind: 'failure', failure: f, bytes: 0 };
  for (const file of plan.files) {
    if (file.path === '-') yield* readStdin(options);
    else yield* readFileInput(file, options);
  }
}

async function* readFileInput(file: PlannedFile, options: InputOptions): AsyncGenerator<InputItem> {
  const seenAt = (options.now ?? nowIso)();
  const mapping = options.mapping ?? defaultMapping();
  const max = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  let format = options.format ?? EXTENSIONS[extname(file.path).toLowerCase()];
  const fail = (reason: string, bytes = file.size): InputItem => ({
    kind: 'failure',
    failure: { locator: file.path, reason },
    bytes,
  });
  if (file.size === 0) {
    yield fail('empty file');
    return;
  }
  if (format === 'jsonl' || format === 'csv' || format === 'tsv') {
    // 1 MB reads: a corpus is read sequentially, and fewer, larger reads wait less on the I/O thread pool.
    const stream = createReadStream(file.path, { highWaterMark: 1 << 20 });
    try {
      if (format === 'jsonl') {
        yield* jsonlDocuments(stream, file.path, mapping, { maxLineBytes: max, seenAt });
      } else {
        const delimiter = format === 'tsv' ? '\t' : ',';
        yield* csvDocuments(stream, file.path, mapping, { delimiter, maxRecordBytes: max, seenAt });
      }
    } catch (error) {
      yield fail(ioReason(error), 0);
    } finally {
      stream.destroy();
    }
    return;
  }
  // Single documents and feeds are read whole: check the size before reading a byte.
  if (file.size > max) {
    yield fail(`file too large (${mb(file.size)}; one document may be at most ${mb(max)})`);
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file.path);
  } catch (error) {
    yield fail(ioReason(error));
    return;
  }
  const source: ReportSource = { kind: 'file', locator: file.path, externalId: null, seenAt };
  format ??= undefined;
  yield* fromBytes(bytes, source, format, options);
}

async function* readStdin(options: InputOptions): AsyncGenerator<InputItem> {
  const seenAt = (options.now ?? nowIso)();
  const stdin = options.stdin ?? process.stdin;
  const max = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  const mapping = options.mapping ?? defaultMapping();
  if (options.format === 'jsonl') {
    yield* jsonlDocuments(stdin, 'stdin', mapping, { maxLineBytes: max, seenAt });
    return;
  }
  if (options.format === 'csv' || options.format === 'tsv') {
    const delimiter = options.format === 'tsv' ? '\t' : ',';
    yield* csvDocuments(stdin, 'stdin', mapping, { delimiter, maxRecordBytes: max, seenAt });
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin as AsyncIterable<Buffer | string>) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += b.length;
    if (size > max) {
      yield {
        kind: 'failure',
        failure: { locator: 'stdin', reason: `input too large (over ${mb(max)})` },
        bytes: size,
      };
      return;
    }
    chunks.push(b);
  }
  const bytes = Buffer.concat(chunks);
  const source: ReportSource = { kind: 'stdin', locator: 'stdin', externalId: null, seenAt };
  const sniffed = options.format ?? sniffFormat(bytes);
  if (sniffed === 'jsonl') {
    const { Readable } = await import('node:stream');
    yield* jsonlDocuments(Readable.from([bytes]), 'stdin', mapping, { maxLineBytes: max, seenAt });
    return;
  }
  yield* fromBytes(bytes, source, sniffed, options);
}

/** A single-document or feed input already in memory. */
async function* fromBytes(
  bytes: Buffer,
  source: ReportSource,
  format: InputFormat | undefined,
  options: InputOptions,
): AsyncGenerator<InputItem> {
  const locator = source.locator;
  const fail = (reason: string): InputItem => ({ kind: 'failure', failure: { locator, reason }, bytes: bytes.length });
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    yield fail(decoded.reason);
    return;
  }
  const text = decoded.text;
  const kind = format ?? sniffFormat(bytes);
  const rawSha256 = sha256Hex(bytes);
  if (kind === 'jsonl' || kind === 'csv' || kind === 'tsv') {
    const { Readable } = await import('node:stream');
    const mapping = options.mapping ?? defaultMapping();
    const max = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
    if (kind === 'jsonl')
      yield* jsonlDocuments(Readable.from([bytes]), locator, mapping, { maxLineBytes: max, seenAt: source.seenAt });
    else
      yield* csvDocuments(Readable.from([bytes]), locator, mapping, {
        delimiter: kind === 'tsv' ? '\t' : ',',
        maxRecordBytes: max,
        seenAt: source.seenAt,
      });
    return;
  }
  if (kind === 'feed') {
    try {
      yield* feedDocuments(text, locator, source.seenAt);
    } catch (error) {
      yield fail((error as Error).message);
    }
    return;
  }
  if (kind === 'html') {
    try {
      const page = parseHtmlPage(text);
      yield {
        kind: 'document',
        bytes: bytes.length,
        doc: {
          text: page.text,
          embeds: page.embeds,
          source: { ...source, externalId: source.externalId ?? null },
          title: page.title,
          author: page.author,
          outlet: page.outlet,
          url: page.url,
          published: page.published,
          publishedSource: page.publishedSource,
          rawSha256,
        },
      };
    } catch (error) {
      yield fail((error as Error).message);
    }
    return;
  }
  yield { kind: 'document', bytes: bytes.length, doc: textDocument(text, source, rawSha256) };
}

/** Guesses a format from the first non-blank bytes: `<rss`/`<feed`/`<?xml` → feed, `<` → HTML, `{` → JSONL. */
export function sniffFormat(bytes: Uint8Array): InputFormat {
  const head = Buffer.from(bytes.subarray(0, 1024))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (
    /^<\?xml[^>]*>\s*(?:<!--[\s\S]*?-->\s*)*<(?:rss|feed|rdf:RDF)\b/i.test(head) ||
    /^<(?:rss|feed|rdf:RDF)\b/i.test(head)
  ) {
    return 'feed';
  }
  if (/^<\?xml/i.test(head) && !/<html/i.test(head)) return 'feed';
  if (head.startsWith('<')) return 'html';
  if (head.startsWith('{')) return 'jsonl';
  return 'text';
}

function nowIso(): string {
  return new Date().toISOString();
}

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function ioReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return (error as Error).message ?? String(error);
}
