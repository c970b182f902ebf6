/**
 * `sitrep extract`: code reports into ACLED-style events and print them (the eval README's JSON, one line per
 * input, in input order, even when nothing was found). Streams its input: JSON Lines are read line by line.
 * JSON Lines in the eval format (--input, *.jsonl, stdin) are coded as given; any other file or directory is read by
 * the ingest readers, exactly as `sitrep ingest` reads it (HTML through Readability, feeds, CSV, .txt with its
 * `date YYYY-MM-DD` line), and coded as `sitrep ingest` codes the report it builds.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createExtractor, type ExtractInput, type Extractor } from '../../extract/index.js';
import { acledCsvHeader, acledCsvRows, type ExtractFormat, publicExtraction } from '../../extract/output.js';
import { buildReport } from '../../ingest/build-report.js';
import type { SourceDocument } from '../../ingest/document.js';
import { createLanguageIdentifier, type LanguageIdentifier } from '../../text/language.js';
import { CliError, type CliIo, type Command } from '../command.js';
import { parseArgv } from '../options.js';

const HELP = `usage: sitrep extract [--input FILE.jsonl | FILE... | -] [--format jsonl|json|acled-csv] [--trace]

Codes each report into events (type, actors, date, place, counts, certainty, evidence spans) and prints one
result per input, in input order, even when nothing was found.

input:
  --input FILE.jsonl   JSON Lines: {"id", "text", "published"?, "title"?, "language"?} per line
  FILE...              .jsonl files as above; any other file or directory is read as \`sitrep ingest\` reads it:
                       .html (main text by Readability, title and date from meta tags / JSON-LD, embedded posts),
                       .txt (a first line "date YYYY-MM-DD" gives the publication date), .csv, .rss/.atom; the
                       id is the file name without extension (a feed item's or CSV row's own id where it has one),
                       and spans refer to the clean text sitrep ingest stores
  - (or nothing)       JSON Lines on stdin
options:
  --format jsonl       one JSON object per input (default)
  --format json        one JSON array
  --format acled-csv   one CSV row per event, ACLED column names
  --trace              add every decision with its reason code (language, places, dates, classification, fields)
  --gazetteer DIR      gazetteer directory (default $SITREP_GAZETTEER_DIR or the package cache)
  --help               this text

A line that is not valid JSON or lacks "text" is reported on stderr (one line naming the input and the reason);
the other lines continue, and the exit code is 1.
`;

type Item =
  | { where: string; kind: 'jsonl'; raw: string }
  | { where: string; kind: 'document'; doc: SourceDocument }
  | { where: string; kind: 'failure'; reason: string };

interface Source {
  name: string;
  items: AsyncIterable<Item>;
}

async function* jsonLines(stream: Readable, name: string): AsyncIterable<Item> {
  const rl = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (!line.trim()) continue;
    yield { where: `${name}:${n}`, raw: line, kind: 'jsonl' };
  }
}

/** A file or directory through the ingest readers: documents, or one failure per bad input. */
async function* ingestDocuments(input: string): AsyncIterable<Item> {
  // The HTML, feed and CSV readers (Readability, linkedom) cost ~0.3 s to load: only when a file needs them.
  const { planInputs, readPlannedInputs } = await import('../../ingest/inputs.js');
  for await (const item of readPlannedInputs(await planInputs([input]))) {
    if (item.kind === 'failure') yield { where: item.failure.locator, kind: 'failure', reason: item.failure.reason };
    else yield { where: item.doc.source.locator, kind: 'document', doc: item.doc };
  }
}

function parseItem(item: Item, identifier: LanguageIdentifier | null): ExtractInput {
  if (item.kind === 'failure') throw new Error(item.reason);
  if (item.kind === 'document') {
    // The same report `sitrep ingest` stores (normalized text, dateline, embedded posts, language), coded the same way.
    const report = buildReport(item.doc, { identifier });
    return {
      id: item.doc.source.externalId ?? path.basename(item.doc.source.locator).replace(/\.[^.]+$/, ''),
      text: report.text,
      published: report.published ?? null,
      title: report.title ?? null,
      language: report.language === 'und' ? null : report.language,
      embeddedPosts: report.embeddedPosts,
      dateline: report.dateline ?? null,
    };
  }
  let row: unknown;
  try {
    row = JSON.parse(item.raw);
  } catch {
    throw new Error('not valid JSON');
  }
  if (!row || typeof row !== 'object' || Array.isArray(row)) throw new Error('not a JSON object');
  const r = row as Record<string, unknown>;
  if (typeof r.text !== 'string') throw new Error('missing "text" (a string)');
  if (r.id === undefined || r.id === null || r.id === '') throw new Error('missing "id"');
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    id: String(r.id),
    text: r.text,
    published: str(r.published),
    title: str(r.title),
    language: str(r.language),
  };
}

export const extractCommand: Command = {
  name: 'extract',
  help: HELP,
  async run(argv: string[], io: CliIo): Promise<number> {
    const parsed = parse(argv);
    const { values, positionals } = parsed;
    const format = (values.format ?? 'jsonl') as ExtractFormat;
    if (!['jsonl', 'json', 'acled-csv'].includes(format))
      throw new CliError(`unknown --format '${format}': jsonl, json or acled-csv`);
    const sources: Source[] = [];
    const inputs = [...(values.input ? [values.input] : []), ...positionals];
    if (!inputs.length) inputs.push('-');
    for (const input of inputs) {
      if (input === '-') sources.push({ name: 'stdin', items: jsonLines(io.stdin, 'stdin') });
      else if (/\.jsonl$/i.test(input) || input === values.input)
        sources.push({ name: input, items: jsonLines(createReadStream(input), input) });
      else sources.push({ name: input, items: ingestDocuments(input) });
    }
    // One language model for the ingest readers' reports and the extractor.
    const identifier = await createLanguageIdentifier();
    const extractor: Extractor = await createExtractor({
      languageIdentifier: identifier,
      ...(values.gazetteer ? { gazetteerDir: values.gazetteer } : {}),
    });
    const trace = values.trace === true;
    let failures = 0;
    let first = true;
    if (format === 'json') io.stdout.write('[');
    if (format === 'acled-csv') io.stdout.write(acledCsvHeader());
    for (const source of sources) {
      try {
        for await (const item of source.items) {
          let out: string;
          try {
            const ex = publicExtraction(extractor.extract(parseItem(item, identifier), { trace }), trace);
            out = format === 'acled-csv' ? acledCsvRows(ex) : JSON.stringify(ex);
          } catch (error) {
            failures++;
            io.stderr.write(`sitrep extract: ${item.where}: ${(error as Error).message}\n`);
            continue;
          }
          if (format === 'jsonl') io.stdout.write(`${out}\n`);
          else if (format === 'json') io.stdout.write(`${first ? '' : ','}\n${out}`);
          else io.stdout.write(out);
          first = false;
        }
      } catch (error) {
        failures++;
        io.stderr.write(
          `sitrep extract: ${source.name}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}\n`,
        );
      }
    }
    if (format === 'json') io.stdout.write(first ? ']\n' : '\n]\n');
    return failures ? 1 : 0;
  },
};

function parse(argv: string[]) {
  return parseArgv({
    args: argv,
    allowPositionals: true,
    options: {
      input: { type: 'string' },
      format: { type: 'string' },
      trace: { type: 'boolean' },
      gazetteer: { type: 'string' },
    },
  });
}
