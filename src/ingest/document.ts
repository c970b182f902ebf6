/** What an input reader hands to `buildReport`: one document's raw text and the metadata its container gave. */
import type { PublishedSource, ReportSource } from '../model/report.js';
import type { IngestFailure } from './errors.js';
import type { HtmlEmbed } from './html.js';

export interface SourceDocument {
  /** Text before normalization (already extracted from HTML/JSON/CSV/XML). */
  text: string;
  source: ReportSource;
  title?: string | null;
  author?: string | null;
  outlet?: string | null;
  url?: string | null;
  published?: string | null;
  publishedSource: PublishedSource;
  /** SHA-256 of the raw bytes as received (the file, the JSONL line, the CSV record as JSON, the feed item XML). */
  rawSha256: string | null;
  /** Posts embedded in HTML markup, already rendered into `text` as one line each. */
  embeds?: HtmlEmbed[];
}

/** One thing an input reader yields: a document, or a failure that names the input; `bytes` feed the progress bar. */
export type InputItem =
  | { kind: 'document'; doc: SourceDocument; bytes: number }
  | { kind: 'failure'; failure: IngestFailure; bytes: number };
