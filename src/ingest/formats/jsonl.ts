/** JSONL corpora: one JSON object per line, fields found through the column mapping. Streamed line by line. */
import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';
import type { InputItem } from '../document.js';
import { type FieldMapping, pick } from '../mapping.js';
import { sha256Hex } from '../normalize.js';
import { lines } from './lines.js';
import { recordDocument } from './record.js';

export async function* jsonlDocuments(
  stream: Readable,
  locator: string,
  mapping: FieldMapping,
  options: { maxLineBytes: number; seenAt: string },
): AsyncGenerator<InputItem> {
  for await (const line of lines(stream, options.maxLineBytes)) {
    const where = `${locator}:${line.number}`;
    if (line.bytes === null) {
      yield failure(where, `line longer than ${options.maxLineBytes} bytes`, line.size);
      continue;
    }
    if (line.bytes.length === 0 || /^\s*$/.test(line.bytes.toString('latin1'))) continue;
    if (!isUtf8(line.bytes)) {
      yield failure(where, 'invalid UTF-8', line.size);
      continue;
    }
    let record: unknown;
    try {
      record = JSON.parse(line.bytes.toString('utf8'));
    } catch (error) {
      yield failure(where, `invalid JSON (${(error as Error).message})`, line.size);
      continue;
    }
    if (!record || typeof record !== 'object' || Array.isArray(record)) {
      yield failure(where, 'not a JSON object', line.size);
      continue;
    }
    yield recordDocument(
      (field) => pick(record, mapping.columns[field]),
      mapping,
      { locator, where, seenAt: options.seenAt, rawSha256: sha256Hex(line.bytes) },
      line.size,
    );
  }
}

function failure(locator: string, reason: string, bytes: number): InputItem {
  return { kind: 'failure', failure: { locator, reason }, bytes };
}
