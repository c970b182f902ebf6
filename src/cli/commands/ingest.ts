/** `sitrep ingest <paths…|->`: read reports in every supported format into the store. */

import { reportCoder } from '../../extract/from-report.js';
import { createExtractor } from '../../extract/index.js';
import { INPUT_FORMATS, type InputFormat } from '../../ingest/inputs.js';
import { parseMapping } from '../../ingest/mapping.js';
import { DEFAULT_BATCH_SIZE, type IngestProgress, type IngestSummary, ingest } from '../../ingest/pipeline.js';
import type { Extraction } from '../../model/extraction.js';
import type { Report } from '../../model/report.js';
import { openStore } from '../../store/index.js';
import { createLanguageIdentifier, type LanguageIdentifier } from '../../text/language.js';
import { CliError, type CliIo, type Command, dbPath } from '../command.js';
import { intOption, parseOptions } from './reports.js';

const HELP = `usage: sitrep ingest <path…|-> [options]

Reads reports into the store. Paths may be files or directories (walked recursively; hidden entries and files
in other formats, such as README.md or images, skipped); '-' reads stdin. Formats by extension; a file named on
the command line with another extension is read by its first bytes:
  .txt .text        plain text; an optional first line 'date YYYY-MM-DD' gives the publication date
  .html .htm        article pages: main text by Readability; title/author/date/outlet from JSON-LD and meta tags;
                    embedded tweets (blockquote.twitter-tweet) and Telegram posts kept as embedded posts
  .jsonl .ndjson    one JSON object per line (streamed)
  .csv .tsv         header row + one report per row (streamed)
  .xml .rss .atom   RSS 2.0 / RSS 1.0 / Atom feeds, one report per item

The same normalized text is stored once with all its sources; near-duplicates (MinHash candidates with
3-word-shingle Jaccard >= 0.35, confirmed when >= 75% of one text's sentences are found in the other) join one
syndication family. Re-running the same ingest changes nothing. Bad inputs are printed
as 'input: reason' on stderr and the rest goes on; the exit code is then 1.

options:
  --map SPEC         corpus field mapping, e.g. id=ref,text=body,published=date,title=headline,url=link,outlet=source
                     (fields: id text published title url outlet author; JSONL keys may be dotted paths: meta.date)
  --format FORMAT    force a format: ${INPUT_FORMATS.join(', ')} (needed for CSV on stdin)
  --db FILE          database (default $SITREP_DB or ./sitrep.db)
  --json             JSON Lines on stdout: {"stored":…} after each commit, {"failed":…}, then {"summary":…}
  --verbose          print one 'stored' line per report (after its batch is committed)
  --no-language      skip language identification (faster; language 'und')
  --no-code          store the reports only, without coding their events (they are coded later, on demand)
  --gazetteer DIR    gazetteer directory for the coder (default $SITREP_GAZETTEER_DIR or the package cache)
  --batch N          reports per transaction (default ${DEFAULT_BATCH_SIZE}; a batch is also committed after 2 s)
  --help             this text
`;

export const ingestCommand: Command = {
  name: 'ingest',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, {
      db: { type: 'string' },
      json: { type: 'boolean' },
      map: { type: 'string' },
      format: { type: 'string' },
      verbose: { type: 'boolean' },
      'no-language': { type: 'boolean' },
      'no-code': { type: 'boolean' },
      gazetteer: { type: 'string' },
      batch: { type: 'string' },
    });
    if (positionals.length === 0) throw new CliError('nothing to ingest: give paths, directories or - for stdin');
    let mapping: ReturnType<typeof parseMapping>;
    try {
      mapping = parseMapping(values.map as string | undefined);
    } catch (error) {
      throw new CliError((error as Error).message);
    }
    const format = values.format as string | undefined;
    if (format !== undefined && !INPUT_FORMATS.includes(format as InputFormat)) {
      throw new CliError(`--format must be one of ${INPUT_FORMATS.join(', ')}`);
    }
    const batchSize = intOption(values.batch, 'batch', DEFAULT_BATCH_SIZE) || 1;
    const json = Boolean(values.json);
    let identifier: LanguageIdentifier | null = null;
    if (!values['no-language']) {
      try {
        identifier = await createLanguageIdentifier();
      } catch (error) {
        io.stderr.write(
          `sitrep ingest: language identification unavailable (${(error as Error).message}); continuing without\n`,
        );
      }
    }
    // Ingest codes what it ingests: each report's events are stored in the same transaction as the report.
    let extract: ((report: Report) => Extraction) | undefined;
    if (!values['no-code']) {
      const gazetteerDir = values.gazetteer as string | undefined;
      const extractor = await createExtractor({
        languageIdentifier: identifier,
        ...(gazetteerDir ? { gazetteerDir } : {}),
      });
      extract = reportCoder(extractor);
    }
    const store = openStore(dbPath(values.db as string | undefined, io.env));
    const progress = new ProgressBar(io, io.interactive && !json);
    const controller = new AbortController();
    const onSignal = () => controller.abort();
    // Ctrl-C stops reading; the batch in hand is committed and reported before exit.
    const real = io.stdout === process.stdout;
    if (real) process.once('SIGINT', onSignal);
    // A closed pipe (`sitrep ingest --json … | head`) ends the run like Ctrl-C: stop reading, commit, exit.
    // The listener stays: the summary written after the run would otherwise raise the same error unhandled.
    const onPipeError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') controller.abort();
    };
    io.stdout.on('error', onPipeError);
    let summary: IngestSummary;
    try {
      summary = await ingest(positionals, {
        store,
        identifier,
        ...(extract ? { extract } : {}),
        mapping,
        format: format as InputFormat | undefined,
        stdin: io.stdin,
        batchSize,
        signal: controller.signal,
        onProgress: (e) => {
          report(e, io, json, Boolean(values.verbose), progress);
        },
      });
    } finally {
      if (real) process.removeListener('SIGINT', onSignal);
      progress.clear();
      store.close();
    }
    const stored = summary.new + summary.newSource + summary.unchanged;
    if (json)
      io.stdout.write(`${JSON.stringify({ summary: { ...summary, stored, failures: summary.failures.length } })}\n`);
    else {
      const rate = summary.seconds > 0 ? Math.round(stored / summary.seconds) : stored;
      io.stdout.write(
        `stored ${stored} report${stored === 1 ? '' : 's'} (${summary.new} new, ${summary.newSource} with a new source, ` +
          `${summary.unchanged} unchanged; ${summary.joinedFamily} joined a syndication family)` +
          `${summary.events > 0 ? `, ${summary.events} events` : ''}; ${summary.failures.length} failed; ` +
          `${summary.skipped > 0 ? `${summary.skipped} other files skipped; ` : ''}` +
          `${summary.seconds.toFixed(1)} s, ${rate} reports/s\n`,
      );
      if (summary.interrupted) io.stdout.write('interrupted: everything listed as stored is committed\n');
    }
    if (summary.interrupted) return 130;
    return summary.failures.length > 0 ? 1 : 0;
  },
};

function report(e: IngestProgress, io: CliIo, json: boolean, verbose: boolean, bar: ProgressBar): void {
  if (e.type === 'failed') {
    bar.clear();
    if (json) io.stdout.write(`${JSON.stringify({ failed: { locator: e.locator, reason: e.reason } })}\n`);
    else io.stderr.write(`${e.locator}: ${e.reason}\n`);
  } else if (e.type === 'stored') {
    if (json) {
      const { type: _type, ...rest } = e;
      io.stdout.write(`${JSON.stringify({ stored: rest })}\n`);
    } else if (verbose) {
      bar.clear();
      io.stdout.write(
        `stored ${e.id.slice(0, 12)} ${e.status}${e.familyId !== e.id ? ` family ${e.familyId.slice(0, 12)}` : ''} ${e.locator}\n`,
      );
    }
  } else if (e.type === 'planned') bar.start(e.bytes);
  else if (e.type === 'progress') bar.update(e.documents, e.bytesDone);
}

/** A one-line progress bar on stderr with rate and ETA, drawn only on a terminal and at most 10 times a second. */
class ProgressBar {
  private started = performance.now();
  private total = 0;
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly io: CliIo,
    private readonly enabled: boolean,
  ) {}

  start(totalBytes: number): void {
    this.total = totalBytes;
    this.started = performance.now();
  }

  update(documents: number, bytes: number): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? documents / seconds : 0;
    let line = `${documents} reports  ${rate.toFixed(0)}/s`;
    if (this.total > 0) {
      const share = Math.min(1, bytes / this.total);
      const width = 24;
      const filled = Math.round(share * width);
      const eta = share > 0 ? (seconds / share) * (1 - share) : 0;
      line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0)}%  ${line}  ETA ${Math.ceil(eta)} s`;
    }
    this.io.stderr.write(`\r${line}\u001b[K`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.io.stderr.write('\r\u001b[K');
    this.drawn = false;
  }
}
