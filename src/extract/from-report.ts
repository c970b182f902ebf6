/** Adapts the extractor to stored reports: the ingest stage already found the language, dateline and embedded posts. */
import type { Extraction } from '../model/extraction.js';
import type { Report } from '../model/report.js';
import type { Extractor } from './index.js';

export function reportCoder(extractor: Extractor): (report: Report) => Extraction {
  return (report) =>
    extractor.extract({
      id: report.id,
      text: report.text,
      published: report.published ?? null,
      title: report.title ?? null,
      language: report.language,
      embeddedPosts: report.embeddedPosts,
      dateline: report.dateline ?? null,
    });
}
