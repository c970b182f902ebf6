/** Plain-text reports: the whole file is the report, optionally opened by a `date YYYY-MM-DD` line. */
import type { ReportSource } from '../../model/report.js';
import type { SourceDocument } from '../document.js';

const DATE_LINE = /^\s*date:?[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*(?:\r?\n|$)/i;

export function textDocument(text: string, source: ReportSource, rawSha256: string | null): SourceDocument {
  const m = DATE_LINE.exec(text);
  if (m) {
    return { text: text.slice(m[0].length), source, published: m[1]!, publishedSource: 'date-line', rawSha256 };
  }
  return { text, source, published: null, publishedSource: 'none', rawSha256 };
}
