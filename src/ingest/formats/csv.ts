/** CSV/TSV corpora with a header row; fields found through the column mapping. Streamed record by record. */
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { InputItem } from '../document.js';
import { type FieldMapping, MAPPABLE_FIELDS, type MappableField } from '../mapping.js';
import { sha256Hex } from '../normalize.js';
import { recordDocument } from './record.js';

interface CsvRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

export async function* csvDocuments(
  stream: Readable,
  locator: string,
  mapping: FieldMapping,
  options: { delimiter: string; maxRecordBytes: number; seenAt: string },
): AsyncGenerator<InputItem> {
  const parser = stream.pipe(
    parse({
      bom: true,
      delimiter: options.delimiter,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: options.maxRecordBytes,
    }),
  );
  let index: Partial<Record<MappableField, number>> | null = null;
  try {
    for await (const { record, raw, info } of parser as AsyncIterable<CsvRecord>) {
      const bytes = Buffer.byteLength(raw);
      if (index === null) {
        const header = record.map((h) => h.trim());
        index = {};
        const missing: string[] = [];
        for (const field of MAPPABLE_FIELDS) {
          const i = header.indexOf(mapping.columns[field]);
          if (i >= 0) index[field] = i;
          else if (mapping.explicit.has(field)) missing.push(mapping.columns[field]);
        }
        if (missing.length > 0) {
          stream.destroy();
          const columns = header.join(', ');
          yield fail(locator, `missing column ${missing.map((m) => `'${m}'`).join(', ')} (columns: ${columns})`, bytes);
          return;
        }
        continue;
      }
      const where = `${locator}:${info.lines}`;
      // csv-parse decodes with replacement characters; a U+FFFD in the raw record means the bytes were not UTF-8.
      if (raw.includes('\uFFFD')) {
        yield fail(where, 'invalid UTF-8', bytes);
        continue;
      }
      const cols = index;
      yield recordDocument(
        (field) => {
          const i = cols[field];
          return i === undefined ? undefined : record[i];
        },
        mapping,
        { locator, where, seenAt: options.seenAt, rawSha256: sha256Hex(raw) },
        bytes,
      );
    }
  } catch (error) {
    // A CSV syntax error (an unclosed quote) leaves the rest of the file unreadable; the rows before it stand.
    yield fail(locator, `CSV error: ${(error as Error).message}`, 0);
    return;
  }
  if (index === null) yield fail(locator, 'empty CSV (no header row)', 0);
}

function fail(locator: string, reason: string, bytes: number): InputItem {
  return { kind: 'failure', failure: { locator, reason }, bytes };
}
