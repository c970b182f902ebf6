/** `sitrep reports list|show|search|families`: read the stored reports. */
import { existsSync } from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { Report } from '../../model/report.js';
import { openStore, type SqliteStore } from '../../store/index.js';
import type { ReportSummary } from '../../store/store.js';
import { CliError, type CliIo, type Command, dbPath } from '../command.js';

const HELP = `usage: sitrep reports <list|show|search|families> [options]

  sitrep reports list [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--language xx] [--outlet NAME] [--family ID]
                      [--limit N] [--offset N]
  sitrep reports show <id|id-prefix|external-id|source-path> [--text]
  sitrep reports search <query…> [--limit N] [--offset N]
                      words are AND-ed, "quoted phrases" kept, word* is a prefix; case and diacritics are ignored
                      (Latin, Turkish ı/İ, Arabic vowel marks and hamza forms)
  sitrep reports families [--all] [--limit N]
                      syndication families (near-duplicate copies of one story), largest first

options:
  --db FILE   database (default $SITREP_DB or ./sitrep.db)
  --json      machine-readable output (JSON Lines for lists, one JSON object for show)
  --help      this text
`;

/** Parses options with node's parseArgs; a bad option is a usage error (exit 2), not a crash. */
export function parseOptions(
  argv: string[],
  options: NonNullable<ParseArgsConfig['options']>,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    throw new CliError((error as Error).message.split('\n')[0]!);
  }
}

/** Opens an existing store for reading; a missing file is a one-line error, not an empty database. */
export function openExistingStore(flag: string | undefined, io: CliIo): SqliteStore {
  const path = dbPath(flag, io.env);
  if (path !== ':memory:' && !existsSync(path)) {
    throw new CliError(`no database at ${path} (run sitrep ingest first, or pass --db)`, 1);
  }
  return openStore(path);
}

export function intOption(value: string | boolean | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new CliError(`--${name} must be a whole number, got '${value}'`);
  return n;
}

export function dateOption(value: string | boolean | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) {
    throw new CliError(`--${name} must be a date YYYY-MM-DD, got '${value}'`);
  }
  return value;
}

export function writeJsonLines(io: CliIo, rows: readonly unknown[]): void {
  for (const r of rows) io.stdout.write(`${JSON.stringify(r)}\n`);
}

/** Rows as aligned columns; the last column is not padded. */
export function writeTable(io: CliIo, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  io.stdout.write(`${line(header)}\n`);
  for (const r of rows) io.stdout.write(`${line(r)}\n`);
}

const COMMON = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  limit: { type: 'string' },
  offset: { type: 'string' },
} as const;

function shortId(id: string): string {
  return id.slice(0, 12);
}

function clip(s: string | null | undefined, n: number): string {
  const t = (s ?? '').replace(/\s+/g, ' ');
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

function summaryRows(rows: readonly ReportSummary[]): string[][] {
  return rows.map((r) => [
    shortId(r.id),
    r.published ?? '-',
    r.language,
    String(r.sources),
    r.familyId === r.id ? '-' : shortId(r.familyId),
    clip(r.outlet, 24) || '-',
    clip(r.title, 70) || '-',
  ]);
}

const SUMMARY_HEADER = ['id', 'published', 'lang', 'src', 'family', 'outlet', 'title'];

export const reportsCommand: Command = {
  name: 'reports',
  help: HELP,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === undefined) throw new CliError('missing sub-command: list, show, search or families');
    if (sub === 'list') return list(rest, io);
    if (sub === 'show') return show(rest, io);
    if (sub === 'search') return search(rest, io);
    if (sub === 'families') return families(rest, io);
    throw new CliError(`unknown sub-command '${sub}': list, show, search or families`);
  },
};

async function list(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(argv, {
    ...COMMON,
    from: { type: 'string' },
    to: { type: 'string' },
    language: { type: 'string' },
    outlet: { type: 'string' },
    family: { type: 'string' },
  });
  if (positionals.length > 0) throw new CliError(`unexpected argument '${positionals[0]}'`);
  const store = openExistingStore(values.db as string | undefined, io);
  try {
    let familyId = values.family as string | undefined;
    if (familyId) familyId = resolveOne(store, familyId);
    const filter = {
      from: dateOption(values.from, 'from'),
      to: dateOption(values.to, 'to'),
      language: values.language as string | undefined,
      outlet: values.outlet as string | undefined,
      familyId,
      limit: intOption(values.limit, 'limit', 50),
      offset: intOption(values.offset, 'offset', 0),
    };
    const rows = store.reports.list(filter);
    if (values.json) writeJsonLines(io, rows);
    else {
      writeTable(io, SUMMARY_HEADER, summaryRows(rows));
      const total = store.reports.count(filter);
      if (total > rows.length) io.stdout.write(`(${rows.length} of ${total}; --limit/--offset for more)\n`);
    }
    return 0;
  } finally {
    store.close();
  }
}

/** The one report a reference names; ambiguity and absence are one-line errors. */
export function resolveOne(store: SqliteStore, ref: string): string {
  const ids = store.reports.resolve(ref);
  if (ids.length === 0) throw new CliError(`no report matches '${ref}'`, 1);
  if (ids.length > 1) {
    throw new CliError(
      `'${ref}' matches ${ids.length} reports (${ids.map(shortId).join(', ')}): give more of the id`,
      1,
    );
  }
  return ids[0]!;
}

async function show(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(argv, { db: COMMON.db, json: COMMON.json, text: { type: 'boolean' } });
  if (positionals.length !== 1) throw new CliError('usage: sitrep reports show <id|id-prefix|external-id>');
  const store = openExistingStore(values.db as string | undefined, io);
  try {
    const report = store.reports.get(resolveOne(store, positionals[0]!))!;
    const events = store.events.forReport(report.id);
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ ...report, events: events.map((e) => ({ id: e.id, ...e.event })) })}\n`);
      return 0;
    }
    if (values.text) {
      io.stdout.write(`${report.text}\n`);
      return 0;
    }
    writeReport(io, report, store.reports.list({ familyId: report.familyId ?? report.id, limit: 20 }));
    if (events.length > 0) {
      io.stdout.write(`\nevents (${events.length}):\n`);
      for (const e of events) {
        const ev = e.event;
        io.stdout.write(
          `  ${e.idx}  ${ev.event_type} / ${ev.sub_event_type}  ${ev.date?.start ?? '-'}  ${ev.location?.name ?? '-'}  ${ev.certainty}\n`,
        );
      }
    }
    return 0;
  } finally {
    store.close();
  }
}

function writeReport(io: CliIo, r: Report, family: readonly ReportSummary[]): void {
  const out: string[] = [];
  out.push(`id          ${r.id}`);
  if (r.title) out.push(`title       ${r.title}`);
  if (r.outlet) out.push(`outlet      ${r.outlet}`);
  if (r.author) out.push(`author      ${r.author}`);
  if (r.url) out.push(`url         ${r.url}`);
  out.push(`published   ${r.published ?? '-'} (${r.publishedSource})`);
  out.push(`language    ${r.language}${r.languageConfidence != null ? ` (${r.languageConfidence})` : ''}`);
  if (r.dateline) {
    const d = r.dateline;
    const parts = [d.place, d.country, d.date ?? d.dateText, d.localTime, d.agency].filter(Boolean);
    out.push(`dateline    ${parts.join(', ')}  [${d.span.start}-${d.span.end}]`);
  }
  const others = family.filter((f) => f.id !== r.id);
  out.push(
    `family      ${r.familyId === r.id ? 'own' : r.familyId}${others.length > 0 ? ` with ${others.map((f) => shortId(f.id)).join(', ')}` : ''}`,
  );
  if (r.rawSha256) out.push(`raw sha256  ${r.rawSha256}`);
  out.push(`sources (${r.sources.length}):`);
  for (const s of r.sources)
    out.push(`  ${s.kind.padEnd(10)} ${s.locator}${s.externalId ? `  [${s.externalId}]` : ''}  ${s.seenAt}`);
  if (r.embeddedPosts.length > 0) {
    out.push(`embedded posts (${r.embeddedPosts.length}):`);
    for (const p of r.embeddedPosts) {
      const who = [p.author, p.handle ? `@${p.handle}` : null].filter(Boolean).join(' ');
      out.push(
        `  [${p.span.start}-${p.span.end}] ${p.platform} ${who || '-'} ${p.date ?? ''} ${p.language ?? ''} (${p.reason})${p.url ? ` ${p.url}` : ''}`,
      );
      out.push(`      ${clip(p.text, 110)}`);
    }
  }
  out.push('', r.text);
  io.stdout.write(`${out.join('\n')}\n`);
}

async function search(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(argv, COMMON);
  const query = positionals.join(' ').trim();
  if (!query) throw new CliError('usage: sitrep reports search <query…>');
  const store = openExistingStore(values.db as string | undefined, io);
  try {
    const hits = store.reports.search(query, {
      limit: intOption(values.limit, 'limit', 20),
      offset: intOption(values.offset, 'offset', 0),
    });
    if (values.json) writeJsonLines(io, hits);
    else {
      for (const h of hits) {
        io.stdout.write(
          `${shortId(h.id)}  ${h.published ?? '-'}  ${clip(h.outlet, 24) || '-'}  ${clip(h.title, 80) || '-'}\n`,
        );
        io.stdout.write(`    ${h.snippet}\n`);
      }
      if (hits.length === 0) io.stdout.write('no matches\n');
    }
    return 0;
  } finally {
    store.close();
  }
}

async function families(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(argv, { ...COMMON, all: { type: 'boolean' } });
  if (positionals.length > 0) throw new CliError(`unexpected argument '${positionals[0]}'`);
  const store = openExistingStore(values.db as string | undefined, io);
  try {
    const fams = store.reports.families({ all: Boolean(values.all), limit: intOption(values.limit, 'limit', 100) });
    if (values.json) writeJsonLines(io, fams);
    else {
      for (const f of fams) {
        io.stdout.write(`family ${shortId(f.familyId)} (${f.size} reports)\n`);
        writeTable(io, SUMMARY_HEADER, summaryRows(store.reports.list({ familyId: f.familyId, limit: 100 })));
        io.stdout.write('\n');
      }
      if (fams.length === 0) io.stdout.write('no syndication families (every report stands alone)\n');
    }
    return 0;
  } finally {
    store.close();
  }
}
