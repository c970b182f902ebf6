/** One corpus record (a JSONL object, a CSV row) to a document through the column mapping. */

import { toIsoDate } from '../dates.js';
import type { InputItem } from '../document.js';
import { asText, type FieldMapping, type MappableField } from '../mapping.js';

export function recordDocument(
  get: (field: MappableField) => unknown,
  mapping: FieldMapping,
  ctx: { locator: string; where: string; seenAt: string; rawSha256: string },
  bytes: number,
): InputItem {
  const rawText = get('text');
  const externalId = asText(get('id'));
  const where = externalId ? `${ctx.locator}#${externalId}` : ctx.where;
  if (rawText === undefined || rawText === null) {
    return { kind: 'failure', failure: { locator: where, reason: `no '${mapping.columns.text}' field` }, bytes };
  }
  const text = asText(rawText);
  if (text === null) {
    return { kind: 'failure', failure: { locator: where, reason: `'${mapping.columns.text}' is not text` }, bytes };
  }
  const rawPublished = get('published');
  const published = toIsoDate(rawPublished);
  const opt = (f: MappableField) => {
    const v = asText(get(f))?.trim();
    return v ? v : null;
  };
  return {
    kind: 'document',
    bytes,
    doc: {
      text,
      source: { kind: 'corpus-row', locator: where, externalId, seenAt: ctx.seenAt },
      title: opt('title'),
      author: opt('author'),
      outlet: opt('outlet'),
      url: opt('url'),
      published,
      publishedSource: published ? 'input-field' : 'none',
      rawSha256: ctx.rawSha256,
    },
  };
}
